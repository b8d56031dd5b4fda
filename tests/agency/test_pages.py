"""The introduction: pages, the organisation chart drawn from the offices and the
institutions app, leaders, contacts; in Vietnamese and in English."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from agency.models import AgencyPage, AttachedInstitution, Office
from tests.culture_portal.form_data import admin_form_data
from tests.factories import (
    AgencyPageFactory,
    ContactOfficialFactory,
    InstitutionFactory,
    LeaderFactory,
    OfficeFactory,
)

pytestmark = pytest.mark.django_db


def english(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def vietnamese(name: str) -> str:
    # The test client's requests activate their language in this thread too.
    with translation.override("vi"):
        return reverse(name)


@pytest.fixture
def agency():
    office = OfficeFactory(name_vi="Văn phòng Sở", name_en="Department Office", kind="office")
    ContactOfficialFactory(office=office, name="Đỗ Thị Mai")
    inspectorate = OfficeFactory(
        name_vi="Thanh tra Sở",
        name_en="Department Inspectorate",
        kind="inspectorate",
        valid_to=date(2025, 7, 1),
        successor_note_vi="Thanh tra tỉnh",
        successor_note_en="the Provincial Inspectorate",
    )
    museum = InstitutionFactory(name="Bảo tàng tỉnh Đồng Tháp")
    AttachedInstitution.objects.create(institution=museum)
    leader = LeaderFactory(name="Trần Văn Minh")
    page = AgencyPageFactory()
    return {
        "office": office,
        "inspectorate": inspectorate,
        "museum": museum,
        "leader": leader,
        "page": page,
    }


def test_the_organisation_chart_is_nested_lists_of_current_offices_and_institutions(
    client, agency, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("agency:organisation"))
    html = response.content.decode()
    chart = html[
        html.index('<div class="org-chart">') : html.index(
            "</div>", html.index('<div class="org-chart">')
        )
    ]
    assert chart.count("<ul>") == 5  # the department, its parts: leaders, offices, institutions
    assert "Văn phòng Sở" in chart and "Trần Văn Minh" in chart
    assert agency["museum"].get_absolute_url() in chart
    # The inspectorate ended on 30 June 2025: shown apart, with its dates and successor.
    assert "Thanh tra Sở" not in chart
    assertContains(response, "Đơn vị không còn")
    assertContains(response, "đến 30/06/2025")
    assertContains(response, "nhiệm vụ chuyển về Thanh tra tỉnh")
    assertContains(response, "Đỗ Thị Mai")


def test_an_office_is_current_between_its_dates():
    today = timezone.localdate()
    OfficeFactory(name_vi="Phòng sắp lập", valid_from=today + timedelta(days=10))
    OfficeFactory(name_vi="Phòng đang có", valid_from=today - timedelta(days=10))
    assert [o.name_vi for o in Office.objects.current()] == ["Phòng đang có"]


def test_leaders_page_shows_title_portfolio_biography_and_official_contacts(client, agency):
    response = client.get(reverse("agency:leaders"))
    assertContains(response, "Trần Văn Minh")
    assertContains(response, "Giám đốc Sở")
    assertContains(response, "Lãnh đạo, điều hành chung.")
    assertContains(response, "Sinh năm 1972.")
    assertContains(response, 'href="tel:02773851200"')
    assertContains(response, "mailto:minh@example.gov.vn")


def test_each_page_says_when_it_was_last_updated(client, agency):
    for name in ("agency:home", "agency:organisation", "agency:leaders", "agency:contacts"):
        assertContains(client.get(reverse(name)), "Cập nhật lần cuối:")


def test_english_pages_show_english_text_with_the_switch_and_hreflang(client, agency):
    response = client.get(english("agency:home"))
    assert response["Content-Language"] == "en"
    assertContains(response, '<html lang="en"')
    assertContains(response, "The Department is a specialised agency")
    assertNotContains(response, "Sở là cơ quan chuyên môn")
    # The switch keeps the visitor on the same page, in the other language.
    assertContains(response, 'href="/gioi-thieu/" lang="vi" hreflang="vi"')
    assertContains(response, 'hreflang="en" href="http://testserver/en/about/"')
    assertContains(response, 'hreflang="x-default" href="http://testserver/gioi-thieu/"')
    chart = client.get(vietnamese("agency:organisation"))
    assertContains(chart, 'href="/en/about/organisation/" lang="en" hreflang="en"')
    english_chart = client.get(english("agency:organisation"))
    assertContains(english_chart, "Department Office")
    assertContains(english_chart, "Office and divisions")
    assertContains(english_chart, "<h1>Organisation</h1>")


def test_an_untranslated_page_says_so_instead_of_showing_vietnamese(client, agency):
    AgencyPage.objects.create(
        kind="history",
        title_vi="Quá trình hình thành",
        body_vi="Năm 2008, Sở được thành lập.",
    )
    response = client.get(english("agency:history"))
    assertContains(response, "This content has not been translated into English yet.")
    assertContains(response, 'href="/gioi-thieu/lich-su/" lang="vi"')
    assertNotContains(response, "Năm 2008, Sở được thành lập.")
    assertNotContains(response, 'hreflang="en" href=')  # no English alternate to announce
    assertNotContains(client.get(vietnamese("agency:history")), 'hreflang="en" href=')


def test_other_pages_stay_vietnamese_and_their_switch_leads_to_the_english_introduction(client):
    response = client.get("/tin-tuc/", HTTP_ACCEPT_LANGUAGE="en")
    assertContains(response, '<html lang="vi"')
    assertContains(response, 'href="/en/about/" lang="en" hreflang="en"')
    assert client.get("/en/tin-tuc/").status_code == 404


def test_editing_in_the_admin_notes_which_language_changed(client, office, agency):
    client.force_login(office)
    page = agency["page"]
    url = reverse("admin:agency_agencypage_change", args=[page.pk])
    data = admin_form_data(client.get(url))
    data["body_vi"] = "Sở là cơ quan chuyên môn; nội dung mới."
    assert client.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.vi_updated_at and not page.en_updated_at
    assert page.history.count() == 2  # versions kept, both languages in them
    assert page.history.first().body_en.startswith("The Department")


def test_english_pages_can_be_cached_and_set_no_cookie(client, agency):
    response = client.get(english("agency:leaders"))
    assert not response.cookies
    assert "public" in response["Cache-Control"]
