"""Who may do what with work plans: the permissions this app adds to the roles of the
institutions app, and every check its admin, views and forms ask."""

from institutions.models import Institution
from institutions.roles import INSTITUTION_STAFF, LEADERS, is_leader
from work_plans.models import Commitment, WorkPlan

STAFF_PERMISSIONS = [
    "work_plans.view_workplan",
    "work_plans.add_workplan",
    "work_plans.change_workplan",
    "work_plans.view_commitment",
    "work_plans.add_commitment",
    "work_plans.change_commitment",
    "work_plans.delete_commitment",
    "work_plans.view_progressreport",
    "work_plans.add_progressreport",
    "work_plans.change_progressreport",
    "work_plans.view_commitmentcategory",
    "news.view_article",
]
LEADER_PERMISSIONS = [
    *STAFF_PERMISSIONS,
    "work_plans.approve_workplan",
    "work_plans.view_dashboard",
    "work_plans.verify_progressreport",
    "work_plans.add_commitmentcategory",
    "work_plans.change_commitmentcategory",
]
ROLES = {INSTITUTION_STAFF: STAFF_PERMISSIONS, LEADERS: LEADER_PERMISSIONS}

DEFAULT_CATEGORIES = [
    "Chiếu phim lưu động",
    "Tuyên truyền lưu động",
    "Cổ động trực quan",
    "Triển lãm",
    "Nghệ thuật biểu diễn",
    "Hội thi, hội diễn, liên hoan",
    "Tập huấn, bồi dưỡng nghiệp vụ",
    "Bảo tồn di sản",
    "Chuyển đổi số",
    "Dịch vụ văn hóa, thể thao",
]


def can_approve(user) -> bool:
    return user.has_perm("work_plans.approve_workplan")


def can_verify(user) -> bool:
    return user.has_perm("work_plans.verify_progressreport")


def editable_plans(user):
    """The plans a user works on: every one for leaders, else their institutions'."""
    if is_leader(user):
        return WorkPlan.objects.all()
    return WorkPlan.objects.filter(institution__editors=user)


def works_on(user, plan) -> bool:
    """Whether the user works on the plan: sees its internal figures and unverified reports."""
    return user.is_authenticated and editable_plans(user).filter(pk=plan.pk).exists()


def can_change_plan(user, plan) -> bool:
    """Staff change their plan while it is a draft; leaders also after approving it."""
    return works_on(user, plan) and (can_approve(user) or plan.status == WorkPlan.Status.DRAFT)


def can_change_commitments(user, plan) -> bool:
    """A closed plan's commitments are final, for leaders too."""
    return can_change_plan(user, plan) and plan.status != WorkPlan.Status.CLOSED


def works_on_plan_of(user, report) -> bool:
    """Whether the user works on the report's plan. The history pages also ask about
    deleted reports, whose commitment and plan may be gone too: they are in their history."""
    if is_leader(user):  # every plan, also one deleted since
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
    return (
        bool(institution_id)
        and Institution.objects.filter(pk=institution_id, editors=user).exists()
    )
