from datetime import date

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from culture_portal.admin import AuditedDeleteMixin, GuardedRevertMixin, UploadFaultMixin
from institutions import reviewing as institution_reviewing
from institutions.models import Institution
from work_plans import reviewing
from work_plans.fulfilment import period_choices
from work_plans.models import Commitment, CommitmentCategory, ProgressReport, WorkPlan
from work_plans.uploads import EvidenceFormField


def report_messages(modeladmin, request, done, errors, success):
    if done:
        modeladmin.message_user(request, success % {"n": done}, messages.SUCCESS)
    for error in errors:
        modeladmin.message_user(request, error, messages.ERROR)


@admin.register(CommitmentCategory)
class CommitmentCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]


class CommitmentInline(admin.StackedInline):
    model = Commitment
    extra = 0
    fields = [
        ("category", "order"),
        "description",
        ("target", "unit", "rhythm", "due_date"),
        ("judgement", "explanation"),
    ]

    def _editable(self, request, plan):
        if plan is None:
            return True
        if reviewing.can_approve(request.user):
            return plan.status != WorkPlan.Status.CLOSED
        return plan.status == WorkPlan.Status.DRAFT and WorkPlanAdmin.can_edit(request.user, plan)

    def get_readonly_fields(self, request, obj=None):
        if reviewing.can_approve(request.user):
            return []
        # Judging a qualitative commitment done is the leaders' call, as verifying a report
        # is: staff could otherwise mark it done in the draft, public once approved.
        return ["judgement"]

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


@admin.register(WorkPlan)
class WorkPlanAdmin(GuardedRevertMixin, AuditedDeleteMixin, SimpleHistoryAdmin):
    list_display = ["institution", "year", "status", "approved_by", "updated_at"]
    list_filter = ["year", "status", "institution__level"]
    list_select_related = ["institution", "approved_by"]
    search_fields = ["institution__name"]
    autocomplete_fields = ["institution", "announcement"]
    inlines = [CommitmentInline]
    readonly_fields = ["status", "approved_by", "approved_at"]
    fields = [
        "institution",
        "year",
        "title",
        "announcement",
        "note",
        "status",
        "approved_by",
        "approved_at",
    ]
    actions = ["submit_selected", "approve_selected", "close_selected"]

    @staticmethod
    def can_edit(user, plan) -> bool:
        return WorkPlan.objects.editable_by(user).filter(pk=plan.pk).exists()

    def can_revert(self, user) -> bool:
        return reviewing.can_approve(user)

    def get_queryset(self, request):
        # No select_related here: the list applies list_select_related only to a queryset
        # that has none (with one, each row read its approver in a query of its own).
        return WorkPlan.objects.editable_by(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        if not self.can_edit(request.user, obj):
            return False
        return reviewing.can_approve(request.user) or obj.status == WorkPlan.Status.DRAFT

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or self.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or obj.status == WorkPlan.Status.DRAFT
        )

    def has_approve_permission(self, request):
        return reviewing.can_approve(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "institution":
            kwargs["queryset"] = Institution.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if obj is not None:
            fields += ["institution", "year"]
        return fields

    def _apply(self, request, queryset, step, success):
        done, errors = 0, []
        for plan in queryset:
            try:
                step(plan, by=request.user)
                done += 1
            except ValidationError as error:
                errors.append(f"{plan}: {'; '.join(error.messages)}")
        report_messages(self, request, done, errors, success)

    @admin.action(description=_("Trình duyệt các kế hoạch đã chọn"))
    def submit_selected(self, request, queryset):
        self._apply(request, queryset, reviewing.submit_plan, _("Đã trình duyệt %(n)d kế hoạch."))

    @admin.action(description=_("Phê duyệt các kế hoạch đã chọn"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        self._apply(request, queryset, reviewing.approve_plan, _("Đã phê duyệt %(n)d kế hoạch."))

    @admin.action(
        description=_("Khép lại các kế hoạch đã chọn (cuối năm)"), permissions=["approve"]
    )
    def close_selected(self, request, queryset):
        self._apply(request, queryset, reviewing.close_plan, _("Đã khép lại %(n)d kế hoạch."))


class EvidenceLink(str):
    """The current evidence file as the widget shows it: its name for people, and the
    address of the evidence view (access checked, served as its verified type, sandboxed),
    never the storage's own address (on object storage, a presigned URL on the bucket's
    origin)."""

    url = ""

    @classmethod
    def of(cls, report):
        link = cls(report.evidence_filename)
        link.url = reverse("work_plans:evidence", args=[report.pk])
        return link


class EvidenceFileInput(AdminFileWidget):
    link: EvidenceLink | None = None  # set by the form of a saved report

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"] and self.link:
            context["widget"]["value"] = self.link
        return context


class ProgressReportForm(forms.ModelForm):
    # "month:2022-02-01" or "quarter:2022-04-01"; sets period_kind and period_start.
    period_start = forms.ChoiceField(label=_("kỳ báo cáo"))

    # Set by ProgressReportAdmin.get_form for the request's user.
    user = None

    class Meta:
        model = ProgressReport
        fields = [
            "commitment",
            "period_start",
            "quantity",
            "note",
            "evidence_article",
            "evidence_file",
        ]
        field_classes = {"evidence_file": EvidenceFormField}
        widgets = {"evidence_file": EvidenceFileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plans = WorkPlan.objects.editable_by(self.user)
        years = sorted(set(plans.values_list("year", flat=True)))
        self.fields["period_start"].choices = [
            choice for year in years for choice in period_choices(year)
        ]
        if self.instance.pk:
            self.initial["period_start"] = (
                f"{self.instance.period_kind}:{self.instance.period_start}"
            )
        if "commitment" in self.fields:
            self.fields["commitment"].queryset = Commitment.objects.filter(
                plan__in=plans
            ).select_related("plan__institution")
            self.fields["commitment"].label_from_instance = lambda c: (
                f"{c.plan.institution} {c.plan.year} – {c}"
            )
        if "evidence_file" in self.fields and self.instance.pk and self.instance.evidence_file:
            self.fields["evidence_file"].widget.link = EvidenceLink.of(self.instance)
        if "evidence_article" in self.fields:
            from news.models import Article

            self.fields["evidence_article"].queryset = Article.objects.published()

    def clean_period_start(self):
        kind, _sep, start = self.cleaned_data["period_start"].partition(":")
        self.instance.period_kind = kind
        return date.fromisoformat(start)


@admin.register(ProgressReport)
class ProgressReportAdmin(UploadFaultMixin, GuardedRevertMixin, SimpleHistoryAdmin):
    form = ProgressReportForm
    list_display = [
        "commitment",
        "period_label",
        "quantity",
        "status",
        "submitted_by",
        "verified_by",
    ]
    list_filter = ["status", "period_kind", "commitment__plan__year"]
    list_select_related = ["commitment__plan__institution", "submitted_by", "verified_by"]
    autocomplete_fields = ["evidence_article"]
    actions = ["verify_selected", "return_selected"]
    readonly_fields = ["status", "comment", "submitted_by", "verified_by", "verified_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_fields(self, request, obj=None):
        fields = [*ProgressReportForm.Meta.fields, *self.readonly_fields]
        if obj is not None and not self.has_change_permission(request, obj):
            # Shown, not edited: the file as a link through the portal, not the storage.
            fields[fields.index("evidence_file")] = "evidence_file_link"
        return fields

    @admin.display(description=_("tệp minh chứng"))
    def evidence_file_link(self, obj):
        if not obj.evidence_file:
            return self.get_empty_value_display()
        link = EvidenceLink.of(obj)
        return format_html('<a href="{}">{}</a>', link.url, link)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(commitment__plan__in=WorkPlan.objects.editable_by(request.user))
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        plan = (
            WorkPlan.objects.editable_by(request.user).filter(commitments=obj.commitment_id).first()
        )
        if plan is None or not plan.accepts_reports:
            return False
        # Changing a verified report needs a leader.
        return obj.status != ProgressReport.Status.VERIFIED or reviewing.can_verify(request.user)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or self.works_on_plan_of(request.user, obj))

    @staticmethod
    def works_on_plan_of(user, report) -> bool:
        """Whether the user works on the report's plan. The history pages also ask about
        deleted reports, whose commitment and plan may be gone too: they are in their
        history."""
        if institution_reviewing.can_review(user):  # every plan, also one deleted since
            return True

        def latest(model, pk, field):
            live = model.objects.filter(pk=pk).values_list(field, flat=True).first()
            if live is not None:
                return live
            return (
                model.history.filter(id=pk)
                .order_by("-history_date")
                .values_list(field, flat=True)
                .first()
            )

        plan_id = latest(Commitment, report.commitment_id, "plan_id")
        institution_id = plan_id and latest(WorkPlan, plan_id, "institution_id")
        return bool(institution_id) and (
            Institution.objects.filter(pk=institution_id, editors=user).exists()
        )

    def has_verify_permission(self, request):
        return reviewing.can_verify(request.user)

    def can_revert(self, user) -> bool:
        return reviewing.can_verify(user)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.submitted_by = request.user
        elif obj.status == ProgressReport.Status.RETURNED:
            obj.status = ProgressReport.Status.SUBMITTED  # corrected: back for verification
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Xác nhận các báo cáo đã chọn"), permissions=["verify"])
    def verify_selected(self, request, queryset):
        done, errors = 0, []
        for report in queryset:
            try:
                reviewing.verify_report(report, by=request.user)
                done += 1
            except ValidationError as error:
                errors.append(f"{report}: {'; '.join(error.messages)}")
        report_messages(self, request, done, errors, _("Đã xác nhận %(n)d báo cáo."))

    @admin.action(description=_("Trả lại các báo cáo đã chọn (cần sửa)"), permissions=["verify"])
    def return_selected(self, request, queryset):
        count = 0
        for report in queryset:
            reviewing.return_report(
                report, by=request.user, comment=_("Đề nghị kiểm tra, bổ sung minh chứng.")
            )
            count += 1
        report_messages(self, request, count, [], _("Đã trả lại %(n)d báo cáo."))
