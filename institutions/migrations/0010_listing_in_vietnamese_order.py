"""The directory lists public institutions by level, then in Vietnamese alphabetical order
(vietnamese.sorting.SortKey). On PostgreSQL that key is an expression over the name: without
an index on it, every page of the directory computes it for every public institution and
sorts them all. An index on the same expression gives the page its first rows directly.

PostgreSQL only: on SQLite the key is a Python function registered on each connection, and
an index on it would make the table unwritable to any tool that opens the file without it
(tests/institutions/test_directory_speed.py checks that the directory's plan uses it)."""

from django.db import migrations, models
from django.db.models import Q

from vietnamese.sorting import SortKey

INDEX = models.Index(
    "level",
    SortKey("name"),
    "id",
    name="institutions_listing_vi",
    condition=Q(is_public=True),
)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("institutions", "Institution"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("institutions", "Institution"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("institutions", "0009_institutions_can_be_withdrawn")]

    operations = [migrations.RunPython(add_index, remove_index, elidable=False)]
