"""The leaders' schedule as iCalendar (RFC 5545), for calendars that subscribe to it.

The bytes depend only on the entries (fixed calendar and event ids, DTSTAMP from the week's
publication), so the same schedule gives the same feed: cacheable, and testable.
"""

from datetime import UTC, date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from identity.models import SiteIdentity

PRODUCT_ID = "-//culture_portal//Lich cong tac//VI"


def calendar_bytes(entries, *, base_url: str) -> bytes:
    zone = ZoneInfo(settings.TIME_ZONE)
    host = base_url.split("//", 1)[-1].split("/", 1)[0] or "localhost"
    site = SiteIdentity.load()
    calendar = Calendar.new(
        uid=f"lich-cong-tac@{host}",
        prodid=PRODUCT_ID,
        name=_("Lịch công tác – %(site)s") % {"site": site.name},
    )
    for entry in entries:
        summary = entry.title.replace("\n", " ")
        if entry.cancelled:
            summary = _("(Hoãn) %(title)s") % {"title": summary}
        elif entry.adjusted_at:
            summary = _("(Điều chỉnh) %(title)s") % {"title": summary}
        lines = [_("Chủ trì: %(chair)s") % {"chair": entry.chair}]
        if entry.attendees:
            lines.append(_("Thành phần: %(who)s") % {"who": entry.attendees.replace("\n", "; ")})
        stamp = entry.adjusted_at or entry.week.published_at or entry.updated_at
        event = Event.new(
            uid=f"lich-{entry.pk}@{host}",
            summary=summary,
            location=entry.location,
            description="\n".join(lines),
            start=entry.start_moment.astimezone(zone),
            end=entry.end_moment.astimezone(zone),
            sequence=entry.sequence,
            stamp=stamp.astimezone(UTC),
            url=base_url + entry.get_absolute_url(),
        )
        if entry.cancelled:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    calendar.add_missing_timezones(first_date=date(2000, 1, 1))
    return calendar.to_ical()
