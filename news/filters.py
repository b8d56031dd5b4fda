import re

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from culture_portal.models import SearchEntry
from culture_portal.search import Query, matching
from news.models import Article, Category

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def month_choices():
    months = Article.objects.published().dates("published_at", "month", order="DESC")
    return [(m.strftime("%Y-%m"), m.strftime("%m/%Y")) for m in months]


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Từ khoá"),
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Tìm trong tin tức")}),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Chuyên mục"),
        queryset=Category.objects.active(),
        to_field_name="slug",
        empty_label=_("Tất cả chuyên mục"),
    )
    month = django_filters.ChoiceFilter(
        label=_("Tháng"),
        choices=month_choices,
        method="filter_month",
        empty_label=_("Mọi thời gian"),
    )

    class Meta:
        model = Article
        fields = ["q", "category", "month"]

    def filter_text(self, queryset, name, value):
        # The site search's matching, through its index (see culture_portal.search).
        words = Query.parse(value).words
        if not words:
            return queryset
        entries = matching(SearchEntry.objects.filter(kind=SearchEntry.Kind.NEWS), words)
        return queryset.filter(pk__in=entries.values("object_id"))

    def filter_month(self, queryset, name, value):
        match = MONTH.match(value or "")
        if not match:
            return queryset
        year, month = int(match[1]), int(match[2])
        return queryset.filter(published_at__year=year, published_at__month=month)
