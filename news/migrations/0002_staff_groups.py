from django.db import migrations


def create_groups(apps, schema_editor):
    from news.roles import sync_groups

    sync_groups(apps)


def remove_groups(apps, schema_editor):
    from news.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
