"""The staff roles of the news workflow, as Django groups with their permissions."""

EDITORS = "Biên tập viên"
PUBLISHERS = "Duyệt tin"

EDITOR_PERMISSIONS = [
    "news.view_category",
    "news.view_article",
    "news.add_article",
    "news.change_article",
    "news.delete_article",
    "news.view_articlephoto",
    "news.add_articlephoto",
    "news.change_articlephoto",
    "news.delete_articlephoto",
    "news.view_historicalarticle",
]
PUBLISHER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    "news.publish_article",
    "news.add_category",
    "news.change_category",
]

ROLES = {EDITORS: EDITOR_PERMISSIONS, PUBLISHERS: PUBLISHER_PERMISSIONS}


def sync_groups(apps, roles=ROLES, *, in_migration=True):
    """Create each group and give it exactly its permissions.

    In a migration, permissions are not yet created (Django makes them after `migrate`), so
    they are created first from the migration's model states.
    """
    if in_migration:
        from django.contrib.auth.management import create_permissions

        for app_config in apps.get_app_configs():
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for code in codes:
            app_label, codename = code.split(".")
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)
