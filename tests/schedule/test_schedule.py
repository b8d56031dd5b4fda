"""The leaders' weekly schedule: the week page (today marked, previous and next weeks), its
adjustments after publication, and the iCalendar feed."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pytest_django.asserts import assertContains, assertNotContains

from schedule.models import Entry, Week, week_start
from tests.culture_portal.form_data import admin_form_data
from tests.factories import EntryFactory, WeekFactory

pytestmark = pytest.mark.django_db


def this_monday() -> date:
    return week_start(timezone.localdate())


def week_path(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return reverse("schedule:week", kwargs={"year": year, "week": week})


def test_the_current_week_shows_its_entries_and_marks_today(client, django_assert_max_num_queries):
    today = timezone.localdate()
    EntryFactory(day=today, title="Giao ban lãnh đạo Sở", chair="Giám đốc Sở Trần Văn Minh")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("schedule:current"))
    assertContains(response, "Giao ban lãnh đạo Sở")
    assertContains(response, "Giám đốc Sở Trần Văn Minh")
    assertContains(response, 'aria-current="date"', count=1)
    assertContains(response, f'<time datetime="{today:%Y-%m-%d}">')
    assertContains(response, "Hôm nay")
    assertContains(response, f'href="{week_path(this_monday() - timedelta(days=7))}" rel="prev"')
    assertContains(response, f'href="{week_path(this_monday() + timedelta(days=7))}" rel="next"')


def test_another_week_has_its_own_address_and_no_today_mark(client):
    monday = this_monday() + timedelta(days=7)
    EntryFactory(week=WeekFactory(start=monday), title="Hội nghị du lịch cộng đồng")
    response = client.get(week_path(monday))
    assertContains(response, "Hội nghị du lịch cộng đồng")
    assertNotContains(response, 'aria-current="date"')
    assertContains(response, "Tuần này")
    assertNotContains(client.get(reverse("schedule:current")), "Hội nghị du lịch cộng đồng")


def test_a_draft_week_is_not_shown(client):
    EntryFactory(week=WeekFactory(status=Week.Status.DRAFT, published_at=None), title="Bản nháp")
    response = client.get(reverse("schedule:current"))
    assertNotContains(response, "Bản nháp")
    assertContains(response, "chưa được công bố")


def test_a_week_that_does_not_exist_is_not_found(client):
    assert client.get("/lich-cong-tac/2026/tuan-54/").status_code == 404
    assert client.get("/lich-cong-tac/2026/tuan-0/").status_code == 404


def test_the_office_publishes_a_week_then_an_adjusted_entry_is_marked(client, office):
    client.force_login(office)
    monday = this_monday()
    add = reverse("admin:schedule_week_add")
    data = admin_form_data(client.get(add))
    data.update(
        {
            "start": monday.strftime("%d/%m/%Y"),
            "status": "published",
            "entries-0-day": monday.strftime("%d/%m/%Y"),
            "entries-0-starts_at": "08:00",
            "entries-0-ends_at": "09:30",
            "entries-0-title": "Giao ban đầu tuần",
            "entries-0-chair": "Giám đốc Sở",
            "entries-0-location": "Phòng họp số 1",
        }
    )
    response = client.post(add, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    week = Week.objects.get()
    assert week.is_published and week.published_by == office
    entry = week.entries.get()
    assert entry.adjusted_at is None

    change = reverse("admin:schedule_week_change", args=[week.pk])
    data = admin_form_data(client.get(change))
    data["entries-0-starts_at"] = "09:00"
    assert client.post(change, data).status_code == 302
    entry.refresh_from_db()
    assert entry.adjusted_at is not None and entry.sequence == 1
    page = client.get(reverse("schedule:current"))
    assertContains(
        page, "Điều chỉnh lúc " + timezone.localtime(entry.adjusted_at).strftime("%H:%M")
    )


def test_a_day_outside_the_week_is_refused(client, office):
    client.force_login(office)
    add = reverse("admin:schedule_week_add")
    data = admin_form_data(client.get(add))
    data.update(
        {
            "start": this_monday().strftime("%d/%m/%Y"),
            "status": "draft",
            "entries-0-day": (this_monday() + timedelta(days=9)).strftime("%d/%m/%Y"),
            "entries-0-starts_at": "08:00",
            "entries-0-title": "Đi công tác",
            "entries-0-chair": "Giám đốc Sở",
            "entries-0-location": "Hà Nội",
        }
    )
    response = client.post(add, data)
    assertContains(response, "Ngày phải nằm trong tuần")
    assert not Week.objects.exists()
    data["start"] = (this_monday() + timedelta(days=2)).strftime("%d/%m/%Y")
    assertContains(client.post(add, data), "Tuần bắt đầu từ thứ Hai")


def test_the_feed_is_icalendar_with_stable_ids_and_adjustments(client):
    entry = EntryFactory(day=this_monday(), starts_at=time(8), ends_at=time(9, 30))
    cancelled = EntryFactory(
        week=entry.week,
        day=this_monday() + timedelta(days=1),
        title="Làm việc với Bảo tàng tỉnh",
        cancelled=True,
        sequence=1,
        adjusted_at=timezone.now(),
    )
    EntryFactory(week=WeekFactory(start=this_monday() + timedelta(days=7), status="draft"))
    response = client.get(reverse("schedule:ical"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 2
    first = next(e for uid, e in events.items() if uid.startswith(f"lich-{entry.pk}@"))
    assert first["DTSTART"].dt.isoformat().endswith("08:00:00+07:00")
    assert first["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert "Chủ trì: Giám đốc Sở Trần Văn Minh" in str(first["DESCRIPTION"])
    other = next(e for uid, e in events.items() if uid.startswith(f"lich-{cancelled.pk}@"))
    assert other["STATUS"] == "CANCELLED" and other["SEQUENCE"] == 1
    assert "(Hoãn)" in str(other["SUMMARY"])
    # The same schedule gives the same bytes (subscribers and caches see no change).
    assert client.get(reverse("schedule:ical")).content == response.content
    week_feed = client.get(
        reverse(
            "schedule:week-ical",
            kwargs={"year": this_monday().isocalendar()[0], "week": this_monday().isocalendar()[1]},
        )
    )
    assert len(Calendar.from_ical(week_feed.content).walk("VEVENT")) == 2


def test_the_week_page_changes_by_itself_at_midnight():
    from schedule.models import next_midnight

    moment = timezone.localtime(next_midnight())
    assert (moment.hour, moment.minute) == (0, 0)
    assert moment.date() == timezone.localdate() + timedelta(days=1)
    assert Entry.objects.count() == 0
