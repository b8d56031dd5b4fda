"""Institutions and administrative units in the search index."""

from django.utils.translation import gettext_lazy as _

from institutions.models import AdministrativeUnit, Institution
from search import index

# A unit and every unit above it: a renamed province renames the place of what it holds.
UNIT_AND_ABOVE = ("unit", "unit__parent", "unit__parent__parent", "unit__parent__parent__parent")


@index.register
class InstitutionSource(index.Source):
    kind = "institution"
    model = "institutions.Institution"
    label = _("Thiết chế")
    slug = "thiet-che"
    follows = (
        index.Follow("institutions.AdministrativeUnit", UNIT_AND_ABOVE, ("name", "kind")),
        index.Follow("institutions.InstitutionType", ("type",), ("name",)),
    )
    browse_url_name = "institutions:list"
    browse_label = _("Xem danh bạ thiết chế văn hóa")

    def queryset(self):
        return Institution.objects.select_related("type", "unit__parent__parent__parent")

    def entry(self, institution) -> index.Entry:
        unit = institution.unit
        place = ", ".join(u.title_name for u in reversed([*unit.ancestors(), unit]))
        return index.Entry(
            title=institution.name,
            url=institution.get_absolute_url(),
            date=institution.updated_at,
            label=place,
            text="\n".join(part for part in (institution.address, institution.description) if part),
            words=(institution.type.name, place),
            public=institution.is_public,
        )


@index.register
class UnitSource(index.Source):
    """Found only by the admin's search box of units (and wherever a unit is chosen)."""

    kind = "unit"
    model = "institutions.AdministrativeUnit"
    label = _("Đơn vị hành chính")
    follows = (index.Follow("institutions.AdministrativeUnit", ("parent",), ("name", "kind")),)

    def queryset(self):
        return AdministrativeUnit.objects.select_related("parent")

    def entry(self, unit) -> index.Entry:
        return index.Entry(
            title=unit.name,
            url=unit.get_absolute_url(),
            date=index.UNDATED,
            label=unit.parent.full_name if unit.parent_id else "",
            public=False,
        )
