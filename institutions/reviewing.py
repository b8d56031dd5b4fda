"""Leaders' review of the profile changes that institution staff make."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import trail as audit
from audit.models import AuditEvent
from institutions.models import Assessment, Institution, ProfileChange


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    return value


def submit_profile_change(institution: Institution, proposed: dict, *, by) -> ProfileChange | None:
    """Keep the staff's changes of public fields for review; the public page keeps the old."""
    current = Institution.objects.get(pk=institution.pk)
    changes = {
        name: _plain(value)
        for name, value in proposed.items()
        if name in Institution.PROFILE_FIELDS and _plain(getattr(current, name)) != _plain(value)
    }
    if not changes:
        return None
    return ProfileChange.objects.create(
        institution=current,
        proposed=changes,
        previous={name: _plain(getattr(current, name)) for name in changes},
        submitted_by=by,
    )


@transaction.atomic
def approve_profile_change(change: ProfileChange, *, by) -> Institution:
    change = ProfileChange.objects.select_for_update().get(pk=change.pk)
    if change.status != ProfileChange.Status.PENDING:
        raise ValidationError(_("Thay đổi này đã được xử lý."))
    institution = Institution.objects.select_for_update().get(pk=change.institution_id)
    for name, value in change.proposed.items():
        setattr(institution, name, value)
    institution.full_clean()
    institution.save()
    change.status = ProfileChange.Status.APPROVED
    change.reviewed_by = by
    change.reviewed_at = timezone.now()
    change.save()
    audit.record(AuditEvent.Action.APPROVED, change, by=by)
    return institution


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


def assess(institution: Institution, year: int, *, rating: str, comments: str, by):
    """A leader's assessment of a year: recorded, or replacing the one of that year (its
    earlier wording stays in the history). Returns (assessment, created)."""
    return Assessment.objects.update_or_create(
        institution=institution,
        year=year,
        defaults={"rating": rating, "comments": comments, "assessed_by": by},
    )
