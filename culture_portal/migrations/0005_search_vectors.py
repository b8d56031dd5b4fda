from django.db import migrations

# PostgreSQL only: stored tsvector columns (kept by the database) with GIN indexes, for the
# whole text and the title. 'simple' neither stems nor drops words, so a match is exactly
# "every word is a token", as LIKE '% word %' on SQLite (culture_portal/search.py).
FORWARD = [
    "DROP INDEX IF EXISTS search_entry_tokens_fts",
    "ALTER TABLE culture_portal_searchentry ADD COLUMN vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, tokens)) STORED",
    "ALTER TABLE culture_portal_searchentry ADD COLUMN title_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title_tokens)) STORED",
    "CREATE INDEX search_entry_vector ON culture_portal_searchentry USING gin (vector)",
    "CREATE INDEX search_entry_title_vector ON culture_portal_searchentry "
    "USING gin (title_vector)",
]
BACKWARD = [
    "ALTER TABLE culture_portal_searchentry DROP COLUMN IF EXISTS vector",
    "ALTER TABLE culture_portal_searchentry DROP COLUMN IF EXISTS title_vector",
    "CREATE INDEX search_entry_tokens_fts ON culture_portal_searchentry "
    "USING gin (to_tsvector('simple'::regconfig, tokens))",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("culture_portal", "0004_search_entry")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
