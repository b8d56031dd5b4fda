"""Who may do what with the documents register: the department office keeps it."""

OFFICE = "Văn phòng Sở"

OFFICE_PERMISSIONS = [
    *(
        f"documents.{action}_{model}"
        for model in ("document", "documentfile", "documenttype", "field", "issuer")
        for action in ("view", "add", "change", "delete")
    ),
    "documents.view_historicaldocument",
]

ROLES = {OFFICE: OFFICE_PERMISSIONS}


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    from permissions.groups import sync_groups as sync

    sync(apps, roles, in_migration=in_migration)


def keeps_register(user) -> bool:
    """Add, correct and remove documents, restore an earlier version."""
    return user.has_perm("documents.change_document")
