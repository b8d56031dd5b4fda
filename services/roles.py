"""Who may do what with the procedure links: the department office keeps them."""

OFFICE = "Văn phòng Sở"

OFFICE_PERMISSIONS = [
    f"services.{action}_procedure" for action in ("view", "add", "change", "delete")
]

ROLES = {OFFICE: OFFICE_PERMISSIONS}


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    from permissions.groups import sync_groups as sync

    sync(apps, roles, in_migration=in_migration)
