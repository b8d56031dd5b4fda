from django.db import migrations


def grant(apps, schema_editor):
    from permissions.groups import sync_groups

    sync_groups(apps, {"Lãnh đạo": ["culture_portal.view_auditevent"]})


class Migration(migrations.Migration):
    dependencies = [
        ("culture_portal", "0002_audit_event"),
        ("institutions", "0002_default_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
