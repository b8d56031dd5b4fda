"""Staff roles as Django groups, created by migrations with exactly their permissions."""

from django.core.exceptions import ObjectDoesNotExist

STANDARD_ACTIONS = ("add", "change", "delete", "view")


def sync_groups(apps, roles: dict[str, list[str]], *, in_migration=True):
    """Create each group and give it its permissions ("app_label.codename").

    In a migration, permissions are not yet created (Django makes them after `migrate`), so
    they are created first from the migration's model states. A role's list is today's: a
    permission on a model that a later migration creates is left to the migration that
    grants it then.
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
            try:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            except ObjectDoesNotExist:
                if in_migration and _model_not_yet_made(apps, app_label, codename):
                    continue
                raise
            permissions.append(permission)
        group.permissions.add(*permissions)


def _model_not_yet_made(apps, app_label: str, codename: str) -> bool:
    action, _sep, model = codename.partition("_")
    if action not in STANDARD_ACTIONS:
        return False
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return True
    return False
