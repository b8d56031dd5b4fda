"""Permissions the work plans app adds to the roles of the institutions app."""

from institutions.roles import INSTITUTION_STAFF, LEADERS

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
