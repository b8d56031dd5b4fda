"""Plan approval and report verification: the leaders' steps, each in a transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import trail as audit
from audit.models import AuditEvent
from work_plans.models import ProgressReport, WorkPlan


@transaction.atomic
def submit_plan(plan: WorkPlan, *, by) -> WorkPlan:
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != WorkPlan.Status.DRAFT:
        raise ValidationError(_("Chỉ kế hoạch đang là bản nháp mới trình duyệt được."))
    if not plan.commitments.exists():
        raise ValidationError(_("Kế hoạch cần có ít nhất một cam kết trước khi trình duyệt."))
    plan.status = WorkPlan.Status.SUBMITTED
    plan._change_reason = _("Trình duyệt")  # the version history's note
    plan.save()
    return plan


@transaction.atomic
def approve_plan(plan: WorkPlan, *, by) -> WorkPlan:
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status not in (WorkPlan.Status.SUBMITTED, WorkPlan.Status.DRAFT):
        raise ValidationError(_("Kế hoạch này đã được phê duyệt hoặc đã khép lại."))
    if not plan.commitments.exists():
        raise ValidationError(_("Kế hoạch chưa có cam kết nào."))
    plan.status = WorkPlan.Status.APPROVED
    plan.approved_by = by
    plan.approved_at = timezone.now()
    plan._change_reason = _("Phê duyệt")
    plan.save()
    audit.record(AuditEvent.Action.APPROVED, plan, by=by)
    return plan


@transaction.atomic
def close_plan(plan: WorkPlan, *, by) -> WorkPlan:
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != WorkPlan.Status.APPROVED:
        raise ValidationError(_("Chỉ khép lại được kế hoạch đã phê duyệt."))
    plan.status = WorkPlan.Status.CLOSED
    plan._change_reason = _("Khép lại")
    plan.save()
    audit.record(AuditEvent.Action.CLOSED, plan, by=by)
    return plan


@transaction.atomic
def verify_report(report: ProgressReport, *, by) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not report.commitment.plan.accepts_reports:
        raise ValidationError(_("Kế hoạch đã khép lại."))
    report.status = ProgressReport.Status.VERIFIED
    report.verified_by = by
    report.verified_at = timezone.now()
    report._change_reason = _("Xác nhận")
    report.save()
    audit.record(AuditEvent.Action.VERIFIED, report, by=by)
    return report


@transaction.atomic
def return_report(report: ProgressReport, *, by, comment: str) -> ProgressReport:
    if not comment.strip():
        raise ValidationError(_("Hãy ghi lý do trả lại báo cáo."))
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    report.status = ProgressReport.Status.RETURNED
    report.comment = comment.strip()
    report.verified_by = by
    report.verified_at = timezone.now()
    report._change_reason = _("Trả lại: %(comment)s") % {"comment": report.comment}
    report.save()
    audit.record(AuditEvent.Action.RETURNED, report, by=by, detail=report.comment)
    return report
