from django.db import migrations

# The types of the documents a department issues or receives most (Decree 30/2020/NĐ-CP,
# Phụ lục III: their abbreviations); the office adds others in the admin.
DEFAULT_TYPES = [
    ("Quyết định", "QĐ"),
    ("Kế hoạch", "KH"),
    ("Công văn", ""),
    ("Thông báo", "TB"),
    ("Chỉ thị", "CT"),
    ("Hướng dẫn", "HD"),
    ("Báo cáo", "BC"),
    ("Chương trình", "CTr"),
    ("Quy chế", "QC"),
    ("Quy định", "QyĐ"),
    ("Nghị quyết", "NQ"),
    ("Thông tư", "TT"),
    ("Nghị định", "NĐ"),
]


def create(apps, schema_editor):
    from documents.roles import sync_groups
    from vietnamese.text import vietnamese_slugify

    DocumentType = apps.get_model("documents", "DocumentType")
    for order, (name, abbreviation) in enumerate(DEFAULT_TYPES, start=1):
        DocumentType.objects.get_or_create(
            name=name,
            defaults={
                "abbreviation": abbreviation,
                "order": order,
                "slug": vietnamese_slugify(name),
            },
        )
    sync_groups(apps)


def remove(apps, schema_editor):
    # The office's group holds other apps' permissions too: only this app's are taken.
    from documents.roles import ROLES

    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="documents")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, remove)]
