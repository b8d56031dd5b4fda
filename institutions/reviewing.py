"""Leaders' review of what institution staff change on their institution's public page.

Staff never change the public page: what they save (text fields, photos, facilities) becomes
the institution's one pending proposal, made or amended; the public page keeps what was
approved until a leader approves it. A proposal keeps what was public when it was made, so
that approving it cannot undo a change made since: such an approval is refused with the
reason, and the leader sees the three versions (then, now, proposed) side by side.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import trail as audit
from audit.models import AuditEvent
from institutions.models import (
    Assessment,
    FacilityKind,
    Institution,
    InstitutionFacility,
    InstitutionPhoto,
    ProfileChange,
    ProposedFacility,
    ProposedPhoto,
)


@dataclass
class PhotoWanted:
    """One photo as staff want it: a public one (`source`) kept or edited, or a new one."""

    image: File | str  # a new upload, or the name of a stored image
    caption: str = ""
    alt_text: str = ""
    order: int = 0
    source_id: int | None = None
    renditions: dict | None = None  # of a stored image


@dataclass
class FacilityWanted:
    kind_id: int
    value: Decimal
    note: str = ""


def _plain(value):
    """A value as a proposal stores it (JSON): a number without trailing zeros as text."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def _photo(id, image, caption, alt_text, order) -> dict:
    return {"id": id, "image": image, "caption": caption, "alt_text": alt_text, "order": order}


def _sorted_photos(photos) -> list[dict]:
    return sorted(photos, key=lambda p: (p["order"], p["id"] or 0, p["image"]))


def photos_snapshot(photos) -> list[dict]:
    """Photos as compared: public ones by their id, proposed ones by the public photo they
    stand for (none for a new one)."""
    return _sorted_photos(
        _photo(
            p.source_id if isinstance(p, ProposedPhoto) else p.pk,
            p.image.name,
            p.caption,
            p.alt_text,
            p.order,
        )
        for p in photos
    )


def facilities_snapshot(facilities) -> list[dict]:
    return sorted(
        (
            {"kind": f.kind_id, "value": _plain(Decimal(f.value)), "note": f.note}
            for f in facilities
        ),
        key=lambda f: f["kind"],
    )


def public_snapshot(institution: Institution) -> dict:
    return {
        "photos": photos_snapshot(institution.photos.all()),
        "facilities": facilities_snapshot(institution.facilities.all()),
    }


@transaction.atomic
def propose(
    institution: Institution,
    *,
    fields: dict,
    photos: list[PhotoWanted] | None = None,
    facilities: list[FacilityWanted] | None = None,
    by,
) -> tuple[ProfileChange | None, str]:
    """Make or amend the institution's pending proposal from what the staff member wants
    (`fields`: profile fields and their values; `photos`, `facilities`: the whole lists, or
    None to keep them as they stand in the proposal or on the public page).

    Returns the pending proposal (None when what is wanted is what is public: a pending
    one is then withdrawn) and what happened: "created", "amended", "withdrawn" or "none".
    """
    live = Institution.objects.select_for_update().get(pk=institution.pk)
    pending = ProfileChange.objects.pending().select_for_update().filter(institution=live).first()
    wanted_fields = {
        name: _plain(value) for name, value in fields.items() if name in Institution.PROFILE_FIELDS
    }
    changed = {
        name: value for name, value in wanted_fields.items() if _plain(getattr(live, name)) != value
    }
    if pending is not None:
        # Fields the staff member did not send keep what the proposal says of them.
        for name, value in pending.proposed.items():
            if name not in wanted_fields:
                changed[name] = value
    snapshot = public_snapshot(live)
    if photos is None:
        photos = _wanted_photos(pending.photos.all() if pending else live.photos.all())
    if facilities is None:
        source = pending.facilities.all() if pending else live.facilities.all()
        facilities = [FacilityWanted(f.kind_id, f.value, f.note) for f in source]
    _check_facilities(facilities)
    photos_differ = _wanted_snapshot(photos) != snapshot["photos"]
    facilities_differ = facilities_snapshot(facilities) != snapshot["facilities"]

    if not changed and not photos_differ and not facilities_differ:
        if pending is not None:
            withdraw(pending, by=by)
            return None, "withdrawn"
        return None, "none"

    created = pending is None
    if created:
        pending = ProfileChange(
            institution=live,
            previous_photos=snapshot["photos"],
            previous_facilities=snapshot["facilities"],
            submitted_by=by,
        )
        previous = {}
    else:
        previous = dict(pending.previous)
    for name in changed:
        previous.setdefault(name, _plain(getattr(live, name)))
    pending.proposed = changed
    pending.previous = {name: previous[name] for name in changed}
    pending.save()
    pending.photos.all().delete()
    for wanted in photos:
        _proposed_photo(pending, wanted)
    pending.facilities.all().delete()
    ProposedFacility.objects.bulk_create(
        ProposedFacility(
            institution=live, change=pending, kind_id=f.kind_id, value=f.value, note=f.note
        )
        for f in facilities
    )
    return pending, "created" if created else "amended"


def _wanted_photos(photos) -> list[PhotoWanted]:
    return [
        PhotoWanted(
            image=p.image.name,
            caption=p.caption,
            alt_text=p.alt_text,
            order=p.order,
            source_id=p.source_id if isinstance(p, ProposedPhoto) else p.pk,
            renditions=p.renditions,
        )
        for p in photos
    ]


def _wanted_snapshot(photos: list[PhotoWanted]) -> list[dict]:
    return _sorted_photos(
        # A new upload has no name yet: it differs from every stored image.
        _photo(
            p.source_id, p.image if isinstance(p.image, str) else "", p.caption, p.alt_text, p.order
        )
        for p in photos
    )


def _check_facilities(facilities: list[FacilityWanted]) -> None:
    kinds = [f.kind_id for f in facilities]
    if len(kinds) != len(set(kinds)):
        raise ValidationError(_("Mỗi loại cơ sở vật chất chỉ nhập một lần."))
    if any(Decimal(f.value) < 0 for f in facilities):
        raise ValidationError(_("Số lượng không được âm."))


def _proposed_photo(change: ProfileChange, wanted: PhotoWanted) -> ProposedPhoto:
    photo = ProposedPhoto(
        institution=change.institution,
        change=change,
        source_id=wanted.source_id,
        caption=wanted.caption,
        alt_text=wanted.alt_text,
        order=wanted.order,
    )
    photo.image = wanted.image
    if isinstance(wanted.image, str):
        # A stored image: the same file and its renditions, not a copy.
        photo.renditions = wanted.renditions or {}
    photo.save()
    return photo


def conflicts(change: ProfileChange) -> list[str]:
    """What the proposal would overwrite that has changed on the public page since it was
    made (names of fields, "ảnh", "cơ sở vật chất"); empty when it can be approved."""
    live = change.institution
    found = [
        str(Institution._meta.get_field(name).verbose_name)
        for name in change.proposed
        if _plain(getattr(live, name)) != change.previous.get(name)
    ]
    snapshot = public_snapshot(live)
    proposed = proposal_snapshot(change)
    if (
        proposed["photos"] != change.previous_photos
        and snapshot["photos"] != change.previous_photos
    ):
        found.append(_("ảnh"))
    if (
        proposed["facilities"] != change.previous_facilities
        and snapshot["facilities"] != change.previous_facilities
    ):
        found.append(_("cơ sở vật chất"))
    return found


def proposal_snapshot(change: ProfileChange) -> dict:
    return {
        "photos": photos_snapshot(change.photos.all()),
        "facilities": facilities_snapshot(change.facilities.all()),
    }


@transaction.atomic
def approve_profile_change(change: ProfileChange, *, by) -> Institution:
    change = ProfileChange.objects.select_for_update().get(pk=change.pk)
    if change.status != ProfileChange.Status.PENDING:
        raise ValidationError(_("Thay đổi này đã được xử lý."))
    institution = Institution.objects.select_for_update().get(pk=change.institution_id)
    change.institution = institution
    changed_since = conflicts(change)
    if changed_since:
        raise ValidationError(
            _(
                "Không duyệt được: trang công khai đã thay đổi (%(what)s) sau khi đề nghị này "
                "được gửi, nên duyệt sẽ xoá thay đổi đó. Hãy trả lại để cán bộ gửi đề nghị theo "
                "nội dung mới."
            )
            % {"what": ", ".join(changed_since)}
        )
    for name, value in change.proposed.items():
        setattr(institution, name, value)
    institution.full_clean()
    institution.save()
    proposed = proposal_snapshot(change)
    if proposed["photos"] != change.previous_photos:
        _apply_photos(institution, change)
    if proposed["facilities"] != change.previous_facilities:
        institution.facilities.all().delete()
        InstitutionFacility.objects.bulk_create(
            InstitutionFacility(institution=institution, kind=f.kind, value=f.value, note=f.note)
            for f in change.facilities.select_related("kind")
        )
    change.status = ProfileChange.Status.APPROVED
    change.reviewed_by = by
    change.reviewed_at = timezone.now()
    change.save()
    audit.record(AuditEvent.Action.APPROVED, change, by=by)
    return institution


def _apply_photos(institution: Institution, change: ProfileChange) -> None:
    """The public photos become the proposal's: kept ones edited, new ones added (their files
    are the proposal's, not copies), the others removed."""
    kept = set()
    for proposed in change.photos.all():
        photo = None
        if proposed.source_id:
            photo = InstitutionPhoto.objects.filter(pk=proposed.source_id).first()
        if photo is None:
            photo = InstitutionPhoto(institution=institution)
        photo.image = proposed.image.name
        photo.renditions = proposed.renditions
        photo.caption = proposed.caption
        photo.alt_text = proposed.alt_text
        photo.order = proposed.order
        photo.save()
        kept.add(photo.pk)
    institution.photos.exclude(pk__in=kept).delete()


@transaction.atomic
def return_profile_change(change: ProfileChange, *, by, comment: str) -> ProfileChange:
    if not comment.strip():
        raise ValidationError({"comment": _("Hãy ghi lý do trả lại để cán bộ biết cần sửa gì.")})
    change = ProfileChange.objects.select_for_update().get(pk=change.pk)
    if change.status != ProfileChange.Status.PENDING:
        raise ValidationError(_("Thay đổi này đã được xử lý."))
    change.status = ProfileChange.Status.RETURNED
    change.comment = comment.strip()
    change.reviewed_by = by
    change.reviewed_at = timezone.now()
    change.save()
    audit.record(AuditEvent.Action.RETURNED, change, by=by, detail=change.comment)
    return change


@transaction.atomic
def withdraw(change: ProfileChange, *, by) -> ProfileChange:
    """The staff member takes back their pending proposal; the public page is unchanged."""
    change = ProfileChange.objects.select_for_update().get(pk=change.pk)
    if change.status != ProfileChange.Status.PENDING:
        raise ValidationError(_("Đề nghị này đã được xử lý, không rút được nữa."))
    change.status = ProfileChange.Status.WITHDRAWN
    change.save()
    return change


def submit_profile_change(institution: Institution, proposed: dict, *, by) -> ProfileChange | None:
    """Propose new values of profile fields only (photos and facilities as they stand)."""
    change, _what = propose(institution, fields=proposed, by=by)
    return change


def assess(institution: Institution, year: int, *, rating: str, comments: str, by):
    """A leader's assessment of a year: recorded, or replacing the one of that year (its
    earlier wording stays in the history). Returns (assessment, created)."""
    return Assessment.objects.update_or_create(
        institution=institution,
        year=year,
        defaults={"rating": rating, "comments": comments, "assessed_by": by},
    )


def review_rows(change: ProfileChange) -> dict:
    """What the leader's review page compares: per field the value when proposed, now and
    proposed; photos and facilities public now and as proposed."""
    live = change.institution
    fields = [
        {
            "label": str(Institution._meta.get_field(name).verbose_name),
            "then": change.previous.get(name),
            "now": _plain(getattr(live, name)),
            "after": value,
            "changed_since": _plain(getattr(live, name)) != change.previous.get(name),
        }
        for name, value in change.proposed.items()
    ]
    proposed = proposal_snapshot(change)
    kinds = {k.pk: k for k in FacilityKind.objects.all()}
    return {
        "fields": fields,
        "photos_changed": proposed["photos"] != change.previous_photos,
        "photos_now": list(live.photos.all()),
        "photos_after": list(change.photos.all()),
        "facilities_changed": proposed["facilities"] != change.previous_facilities,
        "facilities": _facility_rows(
            facilities_snapshot(live.facilities.all()), proposed["facilities"], kinds
        ),
        "conflicts": conflicts(change) if change.is_pending else [],
    }


def _facility_rows(now: list[dict], after: list[dict], kinds: dict) -> list[dict]:
    by_kind_now = {f["kind"]: f for f in now}
    by_kind_after = {f["kind"]: f for f in after}
    rows = []
    for kind_id in sorted(set(by_kind_now) | set(by_kind_after), key=lambda k: kinds[k].order):
        before, wanted = by_kind_now.get(kind_id), by_kind_after.get(kind_id)
        rows.append(
            {
                "kind": kinds[kind_id],
                "now": before,
                "after": wanted,
                "changed": before != wanted,
            }
        )
    return rows
