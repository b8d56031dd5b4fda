from datetime import date

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Case, When
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from audit.admin import AuditedDeleteMixin, GuardedRevertMixin
from audit.history import ReadableHistoryMixin
from institutions.roles import editable_institutions
from navigation import tasks
from permissions.admin import ParentRulesInlineMixin, apply_to_each
from search.admin import IndexedSearchMixin
from uploads.admin import UploadFaultMixin
from vietnamese.forms import DecimalField as VietnameseDecimalField
from vietnamese.numbers import format_number
from vietnamese.sorting import SortKey
from work_plans import reviewing, roles
from work_plans.fulfilment import period_choices
from work_plans.models import Commitment, CommitmentCategory, ProgressReport, WorkPlan
from work_plans.uploads import EvidenceFormField


@admin.register(CommitmentCategory)
class CommitmentCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    ordering = ["order", SortKey("name")]


# Numbers shown and read as Vietnamese write them ("2.400", "10,5"), not "2400.00".
VIETNAMESE_NUMBERS = {models.DecimalField: {"form_class": VietnameseDecimalField}}


class CommitmentInline(ParentRulesInlineMixin, admin.StackedInline):
    model = Commitment
    extra = 0
    formfield_overrides = VIETNAMESE_NUMBERS
    fields = [
        ("category", "order"),
        "description",
        ("target", "unit", "rhythm", "due_date"),
        ("judgement", "explanation"),
    ]

    def parent_allows(self, request, plan) -> bool:
        return roles.can_change_commitments(request.user, plan)

    def get_readonly_fields(self, request, obj=None):
        if roles.can_approve(request.user):
            return []
        # Judging a qualitative commitment done is the leaders' call, as verifying a report
        # is: staff could otherwise mark it done in the draft, public once approved.
        return ["judgement"]


@admin.register(WorkPlan)
class WorkPlanAdmin(
    ReadableHistoryMixin,
    GuardedRevertMixin,
    AuditedDeleteMixin,
    IndexedSearchMixin,
    SimpleHistoryAdmin,
):
    list_display = ["institution", "year", "status", "approved_by", "updated_at"]
    list_filter = ["year", "status", "institution__level"]
    list_select_related = ["institution", "approved_by"]
    search_fields = ["institution__name"]
    # Plans waiting for approval first.
    ordering = [
        Case(When(status=WorkPlan.Status.SUBMITTED, then=0), default=1),
        "-year",
        SortKey("institution__name"),
    ]
    search_kind = "institution"  # a plan is found by its institution's name
    search_through = "institution"
    autocomplete_fields = ["institution", "announcement"]
    inlines = [CommitmentInline]
    history_note = _(
        "Mỗi phiên bản ghi phần chung của kế hoạch; các cam kết có lịch sử riêng và giữ nguyên "
        "khi khôi phục một phiên bản của kế hoạch."
    )
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

    def can_revert(self, user) -> bool:
        return roles.can_approve(user)

    STEPS = {
        "submit": (
            reviewing.submit_plan,
            _(
                "Đã trình duyệt kế hoạch “%(plan)s”: lãnh đạo Sở sẽ thấy kế hoạch "
                "trong việc cần làm."
            ),
        ),
        "approve": (
            reviewing.approve_plan,
            _("Đã phê duyệt kế hoạch “%(plan)s”: kế hoạch đã công khai."),
        ),
        "close": (reviewing.close_plan, _("Đã khép lại kế hoạch “%(plan)s”.")),
    }

    def next_steps(self, request, plan) -> list[dict]:
        """The plan's next step for this user, as a button of its form."""
        if plan is not None and not self.has_change_permission(request, plan):
            return []
        status = plan.status if plan is not None else WorkPlan.Status.DRAFT
        if roles.can_approve(request.user):
            if status in (WorkPlan.Status.DRAFT, WorkPlan.Status.SUBMITTED):
                return [{"value": "approve", "label": _("Phê duyệt kế hoạch")}]
            if status == WorkPlan.Status.APPROVED:
                return [{"value": "close", "label": _("Khép lại kế hoạch (cuối năm)")}]
            return []
        if status == WorkPlan.Status.DRAFT:
            return [
                {
                    "value": "submit",
                    "label": _("Trình duyệt kế hoạch"),
                    "help": _("Lưu và gửi kế hoạch cho lãnh đạo Sở phê duyệt."),
                }
            ]
        return []

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["next_steps"] = self.next_steps(request, obj)
        if obj is not None:
            context["current_status"] = obj.get_status_display()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self.response_step(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self.response_step(request, obj) or super().response_change(request, obj)

    def response_step(self, request, plan):
        """After a step button: the plan is saved; take the step, say what happened."""
        step = request.POST.get("_step")
        allowed = [s["value"] for s in self.next_steps(request, plan)]
        if step not in self.STEPS:
            return None
        if step not in allowed:
            raise PermissionDenied
        take, message = self.STEPS[step]
        try:
            take(plan, by=request.user)
        except ValidationError as error:
            self.message_user(
                request,
                _("Đã lưu kế hoạch nhưng chưa %(step)s được: %(reason)s")
                % {"step": self.step_label(step).lower(), "reason": " ".join(error.messages)},
                messages.ERROR,
            )
            return redirect("admin:work_plans_workplan_change", plan.pk)
        self.message_user(request, message % {"plan": plan}, messages.SUCCESS)
        return redirect("admin:work_plans_workplan_changelist")

    @staticmethod
    def step_label(step) -> str:
        return {"submit": _("Trình duyệt"), "approve": _("Phê duyệt"), "close": _("Khép lại")}[step]

    def get_queryset(self, request):
        # No select_related here: the list applies list_select_related only to a queryset
        # that has none (with one, each row read its approver in a query of its own).
        return roles.editable_plans(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or roles.can_change_plan(request.user, obj))

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or roles.works_on(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or obj.status == WorkPlan.Status.DRAFT
        )

    def has_approve_permission(self, request):
        return roles.can_approve(request.user)

    def limit_autocomplete(self, request, field_name, queryset):
        if field_name == "institution":  # staff plan for their own institutions only
            return queryset.filter(pk__in=editable_institutions(request.user).values("pk"))
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "institution":
            kwargs["queryset"] = editable_institutions(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if obj is not None:
            fields += ["institution", "year"]
        return fields

    @admin.action(description=_("Trình duyệt các kế hoạch đã chọn"))
    def submit_selected(self, request, queryset):
        message = _("Đã trình duyệt %(n)d kế hoạch.")
        apply_to_each(self, request, queryset, reviewing.submit_plan, done_message=message)

    @admin.action(description=_("Phê duyệt các kế hoạch đã chọn"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        message = _("Đã phê duyệt %(n)d kế hoạch.")
        apply_to_each(self, request, queryset, reviewing.approve_plan, done_message=message)

    @admin.action(
        description=_("Khép lại các kế hoạch đã chọn (cuối năm)"), permissions=["approve"]
    )
    def close_selected(self, request, queryset):
        message = _("Đã khép lại %(n)d kế hoạch.")
        apply_to_each(self, request, queryset, reviewing.close_plan, done_message=message)


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
        plans = roles.editable_plans(self.user)
        years = sorted(set(plans.values_list("year", flat=True)))
        self.fields["period_start"].choices = [
            choice for year in years for choice in period_choices(year)
        ]
        if self.instance.pk:
            self.initial["period_start"] = (
                f"{self.instance.period_kind}:{self.instance.period_start}"
            )
        if "commitment" in self.fields:
            # Only plans that take reports: a closed plan's commitments would be refused.
            open_plans = plans.exclude(status=WorkPlan.Status.CLOSED)
            self.fields["commitment"].queryset = Commitment.objects.filter(
                plan__in=open_plans
            ).select_related("plan__institution")
            self.fields["commitment"].error_messages["invalid_choice"] = _(
                "Cam kết này không nhận báo cáo: kế hoạch đã khép lại, hoặc không phải của "
                "thiết chế bạn phụ trách."
            )
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
class ProgressReportAdmin(
    UploadFaultMixin, ReadableHistoryMixin, GuardedRevertMixin, SimpleHistoryAdmin
):
    form = ProgressReportForm
    formfield_overrides = VIETNAMESE_NUMBERS
    list_display = [
        "commitment",
        "period_label",
        "quantity_done",
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

    @admin.display(description=_("số lượng thực hiện"), ordering="quantity")
    def quantity_done(self, report):
        return format_number(report.quantity)

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
            .filter(commitment__plan__in=roles.editable_plans(request.user))
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        plan = roles.editable_plans(request.user).filter(commitments=obj.commitment_id).first()
        if plan is None or not plan.accepts_reports:
            return False
        # Changing a verified report needs a leader.
        return obj.status != ProgressReport.Status.VERIFIED or roles.can_verify(request.user)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or roles.works_on_plan_of(request.user, obj))

    def has_verify_permission(self, request):
        return roles.can_verify(request.user)

    def can_revert(self, user) -> bool:
        return roles.can_verify(user)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.submitted_by = request.user
        elif obj.status == ProgressReport.Status.RETURNED:
            obj.status = ProgressReport.Status.SUBMITTED  # corrected: back for verification
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Xác nhận các báo cáo đã chọn"), permissions=["verify"])
    def verify_selected(self, request, queryset):
        message = _("Đã xác nhận %(n)d báo cáo.")
        apply_to_each(self, request, queryset, reviewing.verify_report, done_message=message)

    @admin.action(description=_("Trả lại các báo cáo đã chọn (cần sửa)"), permissions=["verify"])
    def return_selected(self, request, queryset):
        def return_report(report, *, by):
            reviewing.return_report(
                report, by=by, comment=_("Đề nghị kiểm tra, bổ sung minh chứng.")
            )

        message = _("Đã trả lại %(n)d báo cáo.")
        apply_to_each(self, request, queryset, return_report, done_message=message)


@tasks.register
def work_plan_tasks(user) -> list[tasks.Task]:
    found = []
    plans = reverse("admin:work_plans_workplan_changelist")
    reports = reverse("admin:work_plans_progressreport_changelist")
    if roles.can_approve(user):
        submitted = WorkPlan.objects.filter(status=WorkPlan.Status.SUBMITTED).count()
        found.append(
            tasks.Task(_("Kế hoạch chờ phê duyệt"), submitted, plans + "?status__exact=submitted")
        )
    if roles.can_verify(user):
        waiting = ProgressReport.objects.filter(status=ProgressReport.Status.SUBMITTED).count()
        found.append(
            tasks.Task(
                _("Báo cáo tiến độ chờ xác nhận"), waiting, reports + "?status__exact=submitted"
            )
        )
    if user.has_perm("work_plans.view_dashboard"):
        year = timezone.localdate().year
        found.append(
            tasks.Task(
                _("Bảng theo dõi kế hoạch năm %(year)s") % {"year": year},
                0,
                reverse("work_plans:dashboard", kwargs={"year": year}),
                always=True,
            )
        )
    if not roles.can_approve(user) and user.has_perm("work_plans.change_workplan"):
        drafts = roles.editable_plans(user).filter(status=WorkPlan.Status.DRAFT).count()
        found.append(
            tasks.Task(_("Kế hoạch chưa trình duyệt"), drafts, plans + "?status__exact=draft")
        )
    if not roles.can_verify(user) and user.has_perm("work_plans.add_progressreport"):
        returned = ProgressReport.objects.filter(
            status=ProgressReport.Status.RETURNED, commitment__plan__in=roles.editable_plans(user)
        ).count()
        found.append(
            tasks.Task(
                _("Báo cáo bị trả lại, cần sửa"), returned, reports + "?status__exact=returned"
            )
        )
    return found
