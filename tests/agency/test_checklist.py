"""The office's checklist: each duty of the decrees, where it is, its last update, and what
is missing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from agency import checklist
from schedule.models import week_start
from tests.factories import (
    AgencyPageFactory,
    ContactOfficialFactory,
    DocumentFactory,
    DocumentFileFactory,
    EntryFactory,
    LeaderFactory,
    OfficeFactory,
    WeekFactory,
)

pytestmark = pytest.mark.django_db


def findings() -> list[str]:
    return [finding.text for item in checklist.items() for finding in item.findings]


def test_the_checklist_finds_what_is_missing(client, office):
    LeaderFactory(name="Lê Thị Thu Hương", biography_vi="", biography_en="")
    OfficeFactory(name_vi="Phòng Báo chí, Xuất bản")
    DocumentFactory(number_symbol="2410/SVHTTDL-VP", type__name="Công văn", type__abbreviation="")
    page = AgencyPageFactory()
    page.vi_updated_at = timezone.now()
    page.en_updated_at = timezone.now() - timedelta(days=30)
    page.save()
    found = findings()
    assert "Lê Thị Thu Hương chưa có tiểu sử tóm tắt." in found
    assert "Phòng Báo chí, Xuất bản chưa có cán bộ đầu mối." in found
    assert "Công văn 2410/SVHTTDL-VP chưa có tệp văn bản." in found
    assert any(text.startswith("Chưa công bố lịch công tác tuần tới") for text in found)
    assert any(text.startswith("Bản tiếng Anh của Giới thiệu chung cũ hơn") for text in found)

    client.force_login(office)
    response = client.get(reverse("admin:agency_agencypage_checklist"))
    assertContains(response, "Lê Thị Thu Hương chưa có tiểu sử tóm tắt.")
    assertContains(response, "NĐ 224/2026 Đ9 k1 b")
    assertContains(response, 'href="/van-ban/"')
    home = client.get(reverse("admin:index"))
    assertContains(home, "Kiểm tra nội dung cổng theo Nghị định")


def test_a_complete_portal_has_no_finding_for_what_it_has():
    leader = LeaderFactory()
    office = OfficeFactory()
    ContactOfficialFactory(office=office)
    DocumentFileFactory()
    monday = week_start(timezone.localdate())
    EntryFactory(week=WeekFactory(start=monday))
    EntryFactory(week=WeekFactory(start=monday + timedelta(days=7)))
    found = findings()
    assert not any(leader.name in text for text in found if "tiểu sử" in text)
    assert not any("cán bộ đầu mối" in text for text in found)
    assert not any("chưa có tệp" in text for text in found)
    assert not any("lịch công tác tuần" in text for text in found)


def test_others_do_not_read_the_checklist(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:agency_agencypage_checklist")).status_code == 403
    assertNotContains(client.get(reverse("admin:index")), "Kiểm tra nội dung cổng")
