"""Imports of administrative units: today's official list, and older units from CSV."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from institutions.models import REFORM_DATE, AdministrativeUnit, Level
from vietnamese.text import normalize_text

K = AdministrativeUnit.Kind
PACKAGE_KINDS = {
    "tỉnh": (K.PROVINCE, Level.PROVINCE),
    "thành phố trung ương": (K.CENTRAL_CITY, Level.PROVINCE),
    "xã": (K.COMMUNE, Level.COMMUNE),
    "phường": (K.WARD, Level.COMMUNE),
    "đặc khu": (K.SPECIAL_ZONE, Level.COMMUNE),
}


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _strip_kind(name: str, kind: str) -> str:
    name = normalize_text(name)
    for prefix in (kind, AdministrativeUnit.Kind(kind).label, "Thành phố", "Tỉnh"):
        prefix = str(prefix)
        if name.lower().startswith(prefix.lower() + " "):
            return name[len(prefix) + 1 :]
    return name


def _upsert(report: Report, *, level, code, valid_from, **values) -> AdministrativeUnit:
    unit = AdministrativeUnit.objects.filter(level=level, code=code, valid_from=valid_from).first()
    if unit is None:
        report.created += 1
        return AdministrativeUnit.objects.create(
            level=level, code=code, valid_from=valid_from, **values
        )
    if any(getattr(unit, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(unit, name, value)
        unit.save()
        report.updated += 1
    else:
        report.unchanged += 1
    return unit


def import_official_units(progress=None) -> Report:
    """Today's 34 provinces and their communes from the `vietnam-provinces` package.

    Idempotent: units are found by level, official code and start date, and updated.
    """
    from vietnam_provinces import Province, Ward

    report = Report()
    provinces = sorted(Province.iter_all(), key=lambda p: int(p.code))
    wards = list(Ward.iter_all())
    total = len(provinces) + len(wards)
    done = 0
    with transaction.atomic():
        by_code = {}
        for province in provinces:
            kind, level = PACKAGE_KINDS[province.division_type.value]
            by_code[int(province.code)] = _upsert(
                report,
                level=level,
                code=str(int(province.code)),
                valid_from=REFORM_DATE,
                name=_strip_kind(province.name, kind),
                kind=kind,
                parent=None,
            )
            done += 1
            if progress:
                progress(done, total)
        for ward in wards:
            kind, level = PACKAGE_KINDS[ward.division_type.value]
            _upsert(
                report,
                level=level,
                code=str(int(ward.code)),
                valid_from=REFORM_DATE,
                name=_strip_kind(ward.name, kind),
                kind=kind,
                parent=by_code[int(ward.province_code)],
            )
            done += 1
            if progress and (done % 50 == 0 or done == total):
                progress(done, total)
    return report


CSV_COLUMNS = [
    "code",
    "name",
    "kind",
    "parent_code",
    "parent_level",
    "valid_from",
    "valid_to",
    "successor_codes",
]
KIND_BY_LABEL = {str(label).lower(): value for value, label in K.choices}
LEVEL_OF_KIND = {
    kind: level for level, kinds in AdministrativeUnit.LEVEL_KINDS.items() for kind in kinds
}


def _parse_date(text: str, column: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        _("cột %(column)s: ngày “%(value)s” không hợp lệ (dạng dd/mm/yyyy)")
        % {"column": column, "value": text}
    )


def import_units_csv(text: str) -> Report:
    """Older districts, communes and villages from CSV (format in README.md).

    Each good row goes in; each bad row is reported with its line number.
    """
    report = Report()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = set(CSV_COLUMNS[:3]) - set(reader.fieldnames or [])
    if missing:
        report.errors.append(
            _("Dòng 1: thiếu cột %(columns)s.") % {"columns": ", ".join(sorted(missing))}
        )
        return report
    successors = []
    for row in reader:
        line = reader.line_num
        try:
            with transaction.atomic():
                unit, wanted = _import_row(row, report)
            if wanted:
                successors.append((line, unit, wanted))
        except (ValueError, ValidationError) as error:
            message = "; ".join(error.messages) if isinstance(error, ValidationError) else error
            report.errors.append(_("Dòng %(line)d: %(error)s") % {"line": line, "error": message})
    for line, unit, codes in successors:
        found = list(AdministrativeUnit.objects.filter(code__in=codes).exclude(pk=unit.pk))
        unknown = set(codes) - {u.code for u in found}
        if unknown:
            report.errors.append(
                _("Dòng %(line)d: không tìm thấy đơn vị kế thừa mã %(codes)s.")
                % {"line": line, "codes": ", ".join(sorted(unknown))}
            )
        unit.successors.add(*found)
    return report


def _import_row(row: dict, report: Report):
    # As the unit's field stores it, so that an unchanged row is recognised as such.
    name = AdministrativeUnit._meta.get_field("name").to_python(row.get("name") or "")
    if not name:
        raise ValueError(_("thiếu tên đơn vị"))
    kind = KIND_BY_LABEL.get((row.get("kind") or "").strip().lower())
    if kind is None:
        raise ValueError(
            _("loại đơn vị “%(kind)s” không hợp lệ (ví dụ: huyện, xã, thôn, bản, ấp)")
            % {"kind": row.get("kind", "")}
        )
    level = LEVEL_OF_KIND[kind]
    parent = None
    parent_code = (row.get("parent_code") or "").strip()
    if parent_code:
        candidates = AdministrativeUnit.objects.filter(code=parent_code, level__lt=level)
        parent_level = (row.get("parent_level") or "").strip()
        if parent_level:
            if parent_level not in {"1", "2", "3"}:
                raise ValueError(_("cột parent_level phải là 1, 2 hoặc 3"))
            candidates = candidates.filter(level=int(parent_level))
        parent = candidates.order_by("-valid_to").first()
        if parent is None:
            raise ValueError(
                _("không tìm thấy đơn vị cấp trên mã %(code)s") % {"code": parent_code}
            )
    valid_from = _parse_date(row.get("valid_from") or "", "valid_from")
    valid_to = _parse_date(row.get("valid_to") or "", "valid_to")
    code = (row.get("code") or "").strip()
    values = {"name": name, "kind": kind, "parent": parent, "valid_to": valid_to}
    candidate = AdministrativeUnit(level=level, code=code, valid_from=valid_from, **values)
    candidate.full_clean(exclude=["successors"], validate_unique=False)
    if code:
        unit = _upsert(report, level=level, code=code, valid_from=valid_from, **values)
    else:
        unit, created = AdministrativeUnit.objects.get_or_create(
            name=name,
            kind=kind,
            level=level,
            parent=parent,
            defaults={"valid_from": valid_from, "valid_to": valid_to},
        )
        if created:
            report.created += 1
        else:
            report.unchanged += 1
    wanted = [c.strip() for c in (row.get("successor_codes") or "").split(";") if c.strip()]
    return unit, wanted
