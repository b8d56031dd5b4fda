"""Drafts and administrative units join the index, for the admin's search boxes: a flag
tells what the site search shows. Entries already there were all public. The missing
entries are added after `migrate` (search.index.fill_missing)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="public",
            field=models.BooleanField(default=True, verbose_name="công khai"),
        ),
    ]
