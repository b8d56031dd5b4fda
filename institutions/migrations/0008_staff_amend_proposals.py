from django.db import migrations


def grant(apps, schema_editor):
    from institutions.roles import ROLES
    from permissions.groups import sync_groups

    sync_groups(apps, ROLES)


class Migration(migrations.Migration):
    dependencies = [("institutions", "0007_proposals_with_photos_and_facilities")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
