import django_filters
from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from institutions.models import (
    AdministrativeUnit,
    Institution,
    InstitutionType,
    Level,
    within_unit,
)
from navigation.widgets import QuickSelect
from vietnamese.sorting import sort_key


def _unit_choices(queryset):
    # Today's units first, then those merged away; each in Vietnamese order.
    units = sorted(queryset, key=lambda unit: (unit.valid_to is not None, sort_key(unit.name)))
    return [(unit.pk, unit.label_with_period) for unit in units]


class UnitChoices(BaseChoiceIterator):
    """A place filter's choices, read at their first use (a value to check, the form shown)
    and once: a directory page found among the kept fragments reads none of them."""

    def __init__(self, queryset):
        self.queryset = queryset
        self._choices = None

    def _read(self) -> list:
        if self._choices is None:
            self._choices = _unit_choices(self.queryset)
        return self._choices

    def __iter__(self):
        return iter(self._read())

    def __len__(self):
        return len(self._read())


class InstitutionFilter(django_filters.FilterSet):
    """The directory's filters. Place choices depend on each other and need no JavaScript:
    choosing a province and pressing "Lọc" narrows the district and commune lists."""

    q = django_filters.CharFilter(
        label=_("Tên hoặc địa chỉ"),
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    level = django_filters.ChoiceFilter(
        label=_("Cấp"), choices=Level.choices, empty_label=_("Mọi cấp"), widget=QuickSelect
    )
    type = django_filters.ModelChoiceFilter(
        label=_("Loại thiết chế"),
        queryset=InstitutionType.objects.all(),
        to_field_name="slug",
        empty_label=_("Mọi loại"),
        widget=QuickSelect,
    )
    province = django_filters.ChoiceFilter(
        label=_("Tỉnh, thành phố"),
        method="filter_place",
        empty_label=_("Tất cả"),
        widget=QuickSelect,
    )
    district = django_filters.ChoiceFilter(
        label=_("Huyện (trước 01/07/2025)"),
        method="filter_place",
        empty_label=_("Tất cả"),
        widget=QuickSelect,
    )
    commune = django_filters.ChoiceFilter(
        label=_("Xã, phường"), method="filter_place", empty_label=_("Tất cả"), widget=QuickSelect
    )
    status = django_filters.ChoiceFilter(
        label=_("Tình trạng"),
        choices=Institution.Status.choices,
        empty_label=_("Mọi tình trạng"),
        widget=QuickSelect,
    )

    class Meta:
        model = Institution
        fields = ["q", "level", "type", "province", "district", "commune", "status"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        data = data or {}
        provinces = AdministrativeUnit.objects.filter(level=Level.PROVINCE)
        self.filters["province"].extra["choices"] = UnitChoices(provinces)
        province = _as_int(data.get("province"))
        district = _as_int(data.get("district"))
        districts = AdministrativeUnit.objects.filter(level=Level.DISTRICT, parent_id=province)
        self.filters["district"].extra["choices"] = UnitChoices(districts) if province else []
        parent = district or province
        communes = AdministrativeUnit.objects.filter(level=Level.COMMUNE, parent_id=parent)
        self.filters["commune"].extra["choices"] = UnitChoices(communes) if parent else []

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_place(self, queryset, name, value):
        unit = _as_int(value)
        return queryset.filter(within_unit(unit)) if unit else queryset


def _as_int(value):
    """An id from the query string, or None (not a number, or beyond any id the database
    holds: SQLite and PostgreSQL refuse integers past 64 bits)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None
