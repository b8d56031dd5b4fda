from django.db import migrations


def create_defaults(apps, schema_editor):
    from permissions.groups import sync_groups
    from institutions.roles import DEFAULT_FACILITY_KINDS, DEFAULT_TYPES, ROLES
    from vietnamese.text import vietnamese_slugify

    InstitutionType = apps.get_model("institutions", "InstitutionType")
    for order, (name, level) in enumerate(DEFAULT_TYPES):
        InstitutionType.objects.get_or_create(
            name=name,
            defaults={"level": level, "order": order, "slug": vietnamese_slugify(name)},
        )
    FacilityKind = apps.get_model("institutions", "FacilityKind")
    for order, (name, unit) in enumerate(DEFAULT_FACILITY_KINDS):
        FacilityKind.objects.get_or_create(name=name, defaults={"unit": unit, "order": order})
    sync_groups(apps, ROLES)


def remove_groups(apps, schema_editor):
    from institutions.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("institutions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_defaults, remove_groups)]
