"""The weekly schedule's workflow: the office drafts a week, publishes it, and any later
change of an entry is marked as an adjustment ("điều chỉnh") with its time."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import trail as audit
from audit.models import AuditEvent
from schedule.models import Entry, Week


def publish_week(week: Week, *, by) -> Week:
    if not week.entries.exists():
        raise ValidationError(_("Lịch tuần chưa có mục nào, chưa thể công bố."))
    week.status = Week.Status.PUBLISHED
    week.published_at = timezone.now()
    week.published_by = by if getattr(by, "is_authenticated", False) else None
    week.save()
    audit.record(AuditEvent.Action.PUBLISHED, week, by=by, detail=_("Lịch công tác tuần"))
    return week


def unpublish_week(week: Week, *, by) -> Week:
    week.status = Week.Status.DRAFT
    week.published_at = None
    week.save()
    audit.record(AuditEvent.Action.UNPUBLISHED, week, by=by, detail=_("Lịch công tác tuần"))
    return week


def note_adjustment(entry: Entry, *, at=None) -> Entry:
    """An entry of a published week changed (or was added): mark it and tell calendars
    that subscribed to the feed (the iCalendar SEQUENCE rises)."""
    entry.adjusted_at = at or timezone.now()
    entry.sequence += 1
    return entry


def save_entry(entry: Entry, *, changed: bool, by=None) -> Entry:
    """Save an entry edited in a form: a change to a published week is an adjustment."""
    if changed and entry.week.is_published:
        note_adjustment(entry)
        if entry.pk:
            audit.record(
                AuditEvent.Action.PUBLISHED,
                entry,
                by=by,
                detail=_("Điều chỉnh lịch công tác đã công bố"),
            )
    entry.save()
    return entry
