"""Who may do what with drafts for comment: the department office publishes drafts,
moderates the comments and alone sees the commenters' contact details."""

OFFICE = "Văn phòng Sở"

OFFICE_PERMISSIONS = [
    *(
        f"consultations.{action}_{model}"
        for model in ("draft", "draftfile")
        for action in ("view", "add", "change", "delete")
    ),
    # Comments are made by citizens: the office reads, moderates and removes them.
    "consultations.view_comment",
    "consultations.change_comment",
    "consultations.delete_comment",
    "consultations.view_comment_contact",
    "consultations.view_historicaldraft",
    # To pick the drafting office and the issued document.
    "agency.view_office",
    "documents.view_document",
]

ROLES = {OFFICE: OFFICE_PERMISSIONS}


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    from permissions.groups import sync_groups as sync

    sync(apps, roles, in_migration=in_migration)


def keeps_drafts(user) -> bool:
    """Publish drafts, write their summary, restore an earlier version."""
    return user.has_perm("consultations.change_draft")


def moderates_comments(user) -> bool:
    return user.has_perm("consultations.change_comment")


def sees_contacts(user) -> bool:
    """The commenters' e-mail and phone: for the office that may answer them, no one else."""
    return user.has_perm("consultations.view_comment_contact")
