from django import forms
from django.utils.translation import gettext_lazy as _

from institutions.models import AdministrativeUnit, Assessment, Level, within_unit
from vietnamese.sorting import SortKey


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["year", "rating", "comments"]
        widgets = {"comments": forms.Textarea(attrs={"rows": 4})}

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 1945 <= year <= 2100:
            raise forms.ValidationError(_("Năm đánh giá phải từ 1945 đến 2100."))
        return year


class FollowUpFilter(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Cấp"), choices=[("", _("Mọi cấp")), *Level.choices], coerce=int, required=False
    )
    province = forms.ModelChoiceField(
        label=_("Tỉnh, thành phố"),
        queryset=AdministrativeUnit.objects.filter(level=Level.PROVINCE).order_by(SortKey("name")),
        required=False,
        empty_label=_("Tất cả"),
    )

    def apply(self, queryset):
        if self.cleaned_data.get("level"):
            queryset = queryset.filter(level=self.cleaned_data["level"])
        if self.cleaned_data.get("province"):
            queryset = queryset.filter(within_unit(self.cleaned_data["province"].pk))
        return queryset
