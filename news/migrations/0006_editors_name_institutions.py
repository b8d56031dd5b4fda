from django.db import migrations


def update_groups(apps, schema_editor):
    from news.roles import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_article_institutions"),
        ("institutions", "0002_default_data"),
    ]

    operations = [migrations.RunPython(update_groups, migrations.RunPython.noop)]
