from datetime import date, timedelta

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from navigation.breadcrumbs import BreadcrumbsMixin, Crumb
from schedule.calendar import calendar_bytes
from schedule.models import Entry, Week, week_start

# The feed carries this many past weeks, and every published week to come.
FEED_WEEKS_BACK = 4


def monday_of(year: int, week: int) -> date:
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        raise Http404 from None


class WeekView(BreadcrumbsMixin, TemplateView):
    """A week of the leaders' schedule, day by day; today marked."""

    template_name = "schedule/week.html"

    def get_monday(self) -> date:
        if "year" in self.kwargs:
            return monday_of(self.kwargs["year"], self.kwargs["week"])
        return week_start(timezone.localdate())

    def get_context_data(self, **kwargs):
        # The address's year and week are read through get_monday().
        kwargs.pop("year", None)
        kwargs.pop("week", None)
        monday = self.get_monday()
        today = timezone.localdate()
        week = Week.objects.published().filter(start=monday).first()
        entries = list(week.entries.all()) if week else []
        days = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            items = [entry for entry in entries if entry.day == day]
            if items or offset < 5:  # Saturdays and Sundays only when something is on
                days.append({"date": day, "is_today": day == today, "entries": items})
        previous, following = monday - timedelta(days=7), monday + timedelta(days=7)
        return super().get_context_data(
            monday=monday,
            sunday=monday + timedelta(days=6),
            iso_week=monday.isocalendar(),
            week=week,
            days=days,
            is_current=monday == week_start(today),
            previous_url=week_url(previous),
            next_url=week_url(following),
            current_url=reverse("schedule:current"),
            ical_url=reverse("schedule:week-ical", kwargs=week_kwargs(monday)),
            **kwargs,
        )

    def get_breadcrumbs(self):
        monday = self.get_monday()
        label = _("Tuần %(week)s/%(year)s") % {
            "week": monday.isocalendar()[1],
            "year": monday.isocalendar()[0],
        }
        return [Crumb(_("Lịch công tác"), reverse("schedule:current")), Crumb(label)]


def week_kwargs(monday: date) -> dict:
    year, week, _day = monday.isocalendar()
    return {"year": year, "week": week}


def week_url(monday: date) -> str:
    return reverse("schedule:week", kwargs=week_kwargs(monday))


@require_safe
def calendar_feed(request):
    """Every published week from a few weeks back, as iCalendar."""
    since = week_start(timezone.localdate()) - timedelta(weeks=FEED_WEEKS_BACK)
    entries = Entry.objects.filter(
        week__status=Week.Status.PUBLISHED, week__start__gte=since
    ).select_related("week")
    return _calendar_response(request, entries, "lich-cong-tac.ics")


@require_safe
def week_calendar(request, year, week):
    monday = monday_of(year, week)
    entries = Entry.objects.filter(
        week__status=Week.Status.PUBLISHED, week__start=monday
    ).select_related("week")
    return _calendar_response(request, entries, f"lich-cong-tac-{year}-tuan-{week:02d}.ics")


def _calendar_response(request, entries, filename: str) -> HttpResponse:
    body = calendar_bytes(entries, base_url=request.build_absolute_uri("/").rstrip("/"))
    return HttpResponse(
        body,
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )
