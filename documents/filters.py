import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from documents.models import Document, DocumentType, Field, Issuer
from navigation.widgets import QuickSelect


class DocumentFilter(django_filters.FilterSet):
    """The register's filters: a number and symbol however typed, or words."""

    q = django_filters.CharFilter(
        label=_("Số, ký hiệu hoặc từ khoá"),
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "12/QĐ-SVHTTDL"}),
    )
    type = django_filters.ModelChoiceFilter(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.all(),
        to_field_name="slug",
        empty_label=_("Mọi loại"),
        widget=QuickSelect,
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"),
        queryset=Field.objects.all(),
        to_field_name="slug",
        empty_label=_("Mọi lĩnh vực"),
        widget=QuickSelect,
    )
    issuer = django_filters.ModelChoiceFilter(
        label=_("Cơ quan ban hành"),
        queryset=Issuer.objects.all(),
        to_field_name="slug",
        empty_label=_("Mọi cơ quan"),
        widget=QuickSelect,
    )
    year = django_filters.ChoiceFilter(
        label=_("Năm ban hành"), empty_label=_("Mọi năm"), widget=QuickSelect
    )
    status = django_filters.ChoiceFilter(
        label=_("Tình trạng"),
        choices=Document.Status.choices,
        empty_label=_("Mọi tình trạng"),
        widget=QuickSelect,
    )

    class Meta:
        model = Document
        fields = ["q", "type", "field", "issuer", "year", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = Document.objects.order_by("-year").values_list("year", flat=True).distinct()
        self.filters["year"].extra["choices"] = [(str(y), str(y)) for y in years]

    def filter_text(self, queryset, name, value):
        return queryset.search(value)
