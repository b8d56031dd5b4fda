from django.db import migrations


def create_defaults(apps, schema_editor):
    from permissions.groups import sync_groups
    from work_plans.roles import DEFAULT_CATEGORIES, ROLES

    Category = apps.get_model("work_plans", "CommitmentCategory")
    for order, name in enumerate(DEFAULT_CATEGORIES):
        Category.objects.get_or_create(name=name, defaults={"order": order})
    sync_groups(apps, ROLES)


class Migration(migrations.Migration):
    dependencies = [
        ("work_plans", "0001_initial"),
        ("institutions", "0002_default_data"),
        ("news", "0006_editors_name_institutions"),
    ]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
