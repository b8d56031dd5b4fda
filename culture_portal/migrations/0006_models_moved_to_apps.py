"""The site identity, the audit trail and the search index moved to apps of their own
(identity, audit, search). Their tables stay as they are: only Django's state moves."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("culture_portal", "0005_search_vectors")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel("SiteIdentity"),
                migrations.DeleteModel("AuditEvent"),
                migrations.DeleteModel("SearchEntry"),
            ]
        )
    ]
