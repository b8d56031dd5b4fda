from django import forms
from django.utils.translation import gettext_lazy as _

from institutions.models import AdministrativeUnit, InstitutionType, Level, within_unit
from vietnamese.sorting import SortKey


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
        queryset=AdministrativeUnit.objects.filter(level=Level.PROVINCE).order_by(SortKey("name")),
        required=False,
        empty_label=_("Tất cả"),
    )

    def filter(self, plans):
        """The plans of the institutions chosen (all of them when the form is not valid)."""
        if not self.is_valid():
            return plans
        data = self.cleaned_data
        if data.get("level"):
            plans = plans.filter(institution__level=data["level"])
        if data.get("type"):
            plans = plans.filter(institution__type=data["type"])
        if data.get("province"):
            plans = plans.filter(within_unit(data["province"].pk, "institution__unit"))
        return plans
