import re

import django_filters
from django import forms
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db.models import Max, Min
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ChoiceField, ModelChoiceField

from navigation.widgets import QuickSelect
from news.kept import KEPT_SECONDS, kept_category
from news.models import Article, Category
from page_cache.fragments import versions_of
from search.matching import Query, matching
from search.models import SearchEntry

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


def month_choices():
    """Every month from the first published article to the latest, newest first.

    MIN and MAX, which the listing index answers, rather than a DISTINCT over the whole
    archive."""
    span = Article.objects.published().aggregate(
        first=Min("published_at"), last=Max("published_at")
    )
    if span["first"] is None:
        return []
    first, last = timezone.localtime(span["first"]), timezone.localtime(span["last"])
    choices, year, month = [], last.year, last.month
    while (year, month) >= (first.year, first.month):
        choices.append((f"{year:04d}-{month:02d}", f"{month:02d}/{year:04d}"))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return choices


def kept_months(request) -> frozenset[str]:
    """The values of `month_choices`, kept between requests under the news' version."""
    fragments = caches["fragments"]
    key = f"news-months:{versions_of(request).news}"
    months = fragments.get(key)
    if months is None:
        months = frozenset(value for value, _label in month_choices())
        fragments.set(key, months, KEPT_SECONDS)
    return months


class MonthField(ChoiceField):
    """A month of `month_choices`, checked against the kept months when the filter set has
    the request (a warm page reads nothing from the database)."""

    request = None

    def valid_value(self, value):
        if self.request is None or self.request.user.is_authenticated:
            return super().valid_value(value)
        return str(value) in kept_months(self.request)


class CategoryField(ModelChoiceField):
    """A category chosen by its slug, found as the category pages find theirs (kept between
    requests under the news' version) when the filter set has the request."""

    request = None

    def to_python(self, value):
        if self.request is None or not isinstance(value, str) or not SLUG.match(value):
            return super().to_python(value)
        try:
            return kept_category(self.request, value)
        except Http404:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class WithRequest:
    """A filter whose form field is given the filter set's request (`field.request`)."""

    @property
    def field(self):
        if not hasattr(self, "_field"):
            super().field.request = getattr(self.parent, "request", None)
        return self._field


class CategoryFilter(WithRequest, django_filters.ModelChoiceFilter):
    field_class = CategoryField


class MonthFilter(WithRequest, django_filters.ChoiceFilter):
    field_class = MonthField


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Từ khoá"),
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Tìm trong tin tức")}),
    )
    category = CategoryFilter(
        label=_("Chuyên mục"),
        queryset=Category.objects.active(),
        to_field_name="slug",
        empty_label=_("Tất cả chuyên mục"),
        widget=QuickSelect,
    )
    month = MonthFilter(
        label=_("Tháng"),
        choices=month_choices,
        method="filter_month",
        empty_label=_("Mọi thời gian"),
        widget=QuickSelect,
    )

    class Meta:
        model = Article
        fields = ["q", "category", "month"]

    def filter_text(self, queryset, name, value):
        # The site search's matching, through its index (see search/matching.py).
        words = Query.parse(value).words
        if not words:
            return queryset
        entries = matching(SearchEntry.objects.filter(kind="news"), words)
        return queryset.filter(pk__in=entries.values("object_id"))

    def filter_month(self, queryset, name, value):
        match = MONTH.match(value or "")
        if not match:
            return queryset
        year, month = int(match[1]), int(match[2])
        return queryset.filter(published_at__year=year, published_at__month=month)
