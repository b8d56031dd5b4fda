"""Who may do what with citizens' questions.

The department office (Văn phòng Sở) receives them: it keeps the topics, checks held
questions, assigns each to an office, drafts and submits the answer, and alone sees the
asker's contact details (it is the one that may need to call back). A leader approves the
answer, which publishes it; leaders never see who asked.
"""

OFFICE = "Văn phòng Sở"
LEADERS = "Lãnh đạo"

OFFICE_PERMISSIONS = [
    *(
        f"questions.{action}_{model}"
        for model in ("topic", "question")
        for action in ("view", "add", "change", "delete")
    ),
    "questions.view_contact_details",
    # To choose the office that answers.
    "agency.view_office",
]
LEADER_PERMISSIONS = [
    "questions.view_question",
    "questions.change_question",
    "questions.approve_answer",
]

ROLES = {OFFICE: OFFICE_PERMISSIONS, LEADERS: LEADER_PERMISSIONS}


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    from permissions.groups import sync_groups as sync

    sync(apps, roles, in_migration=in_migration)


def handles_questions(user) -> bool:
    """Triage, assign, draft and submit answers."""
    return user.has_perm("questions.add_question")


def sees_contact(user) -> bool:
    return user.has_perm("questions.view_contact_details")


def approves(user) -> bool:
    return user.has_perm("questions.approve_answer")
