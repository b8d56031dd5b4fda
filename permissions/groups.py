"""Staff roles as Django groups, created by migrations with exactly their permissions."""


def sync_groups(apps, roles: dict[str, list[str]], *, in_migration=True):
    """Create each group and give it exactly its permissions ("app_label.codename").

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
        group.permissions.add(*permissions)
