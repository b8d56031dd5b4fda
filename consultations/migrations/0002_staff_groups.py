from django.db import migrations


def create_groups(apps, schema_editor):
    from consultations.roles import sync_groups

    sync_groups(apps)


def remove_groups(apps, schema_editor):
    # The office's group holds other apps' permissions too: only this app's are taken.
    from consultations.roles import ROLES

    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="consultations"))


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
