"""Who may do what with the leaders' schedule: the department office keeps it."""

OFFICE = "Văn phòng Sở"

OFFICE_PERMISSIONS = [
    *(
        f"schedule.{action}_{model}"
        for model in ("week", "entry")
        for action in ("view", "add", "change", "delete")
    ),
    "schedule.view_historicalweek",
    "schedule.view_historicalentry",
]

ROLES = {OFFICE: OFFICE_PERMISSIONS}


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    from permissions.groups import sync_groups as sync

    sync(apps, roles, in_migration=in_migration)


def keeps_schedule(user) -> bool:
    return user.has_perm("schedule.change_week")
