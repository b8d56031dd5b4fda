from django import forms
from django.utils.translation import gettext_lazy as _

from institutions.models import AdministrativeUnit, InstitutionType, Level


class YearSearch(forms.Form):
    q = forms.CharField(
        label=_("Tên thiết chế"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class DashboardFilter(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Cấp"), choices=[("", _("Mọi cấp")), *Level.choices], coerce=int, required=False
    )
    type = forms.ModelChoiceField(
        label=_("Loại thiết chế"),
        queryset=InstitutionType.objects.all(),
        required=False,
        empty_label=_("Mọi loại"),
    )
    province = forms.ModelChoiceField(
        label=_("Tỉnh, thành phố"),
        queryset=AdministrativeUnit.objects.filter(level=Level.PROVINCE).order_by("name"),
        required=False,
        empty_label=_("Tất cả"),
    )
