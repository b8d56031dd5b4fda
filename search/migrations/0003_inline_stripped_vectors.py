"""PostgreSQL: the tsvector columns without positions (the search matches words, never
phrases, with them) and kept in the row (STORAGE MAIN) rather than in the TOAST table.

Where no GIN bitmap is worth building (the newest matches of a common word, counting the
first thousand), PostgreSQL reads entries in date order and tests each one's vector: out of
line, every test was a TOAST lookup and a decompression (bench/search.py at 100,000 articles:
about 0.1 ms an entry); in the row, and a third smaller, it is a plain comparison. The GIN
indexes hold the same words as before."""

from django.db import migrations

TABLE = "culture_portal_searchentry"


def vectors(strip: bool, storage: str) -> list[str]:
    expression = (
        "strip(to_tsvector('simple'::regconfig, {0}))"
        if strip
        else ("to_tsvector('simple'::regconfig, {0})")
    )
    columns = {"vector": "tokens", "title_vector": "title_tokens"}
    changes = ["DROP COLUMN vector", "DROP COLUMN title_vector"]
    for name, source in columns.items():
        changes.append(
            f"ADD COLUMN {name} tsvector GENERATED ALWAYS AS ({expression.format(source)}) STORED"
        )
    changes += [f"ALTER COLUMN {name} SET STORAGE {storage}" for name in columns]
    # One statement: the table is rewritten once, with the new storage.
    return [
        f"ALTER TABLE {TABLE} " + ", ".join(changes),
        f"CREATE INDEX search_entry_vector ON {TABLE} USING gin (vector)",
        f"CREATE INDEX search_entry_title_vector ON {TABLE} USING gin (title_vector)",
    ]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0002_searchentry_public")]

    operations = [migrations.RunPython(run(vectors(True, "MAIN")), run(vectors(False, "EXTENDED")))]
