"""Who may do what with the agency's pages: the department office keeps them."""

OFFICE = "Văn phòng Sở"

OFFICE_PERMISSIONS = [
    *(
        f"agency.{action}_{model}"
        for model in (
            "agencypage",
            "office",
            "contactofficial",
            "leader",
            "leaderphoto",
            "attachedinstitution",
        )
        for action in ("view", "add", "change", "delete")
    ),
    "agency.view_historicalagencypage",
    "agency.view_historicaloffice",
    "agency.view_historicalleader",
    "agency.view_historicalcontactofficial",
    # To name the institutions attached to the department.
    "institutions.view_institution",
]

ROLES = {OFFICE: OFFICE_PERMISSIONS}


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    from permissions.groups import sync_groups as sync

    sync(apps, roles, in_migration=in_migration)


def keeps_agency_pages(user) -> bool:
    return user.has_perm("agency.change_agencypage")


def reads_checklist(user) -> bool:
    """The office (and whoever keeps the agency's pages) reads the portal's checklist."""
    return user.is_staff and user.has_perm("agency.view_agencypage")
