"""The decree's sections in a real browser: accessibility (axe), a 360 px phone, keyboard,
the language switch."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from agency.models import AttachedInstitution
from identity.models import SiteIdentity
from tests.factories import (
    AgencyPageFactory,
    ArticleFactory,
    ContactOfficialFactory,
    DocumentFactory,
    DocumentFileFactory,
    EntryFactory,
    FieldFactory,
    InstitutionFactory,
    LeaderFactory,
    OfficeFactory,
    WeekFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def sections():
    from services.models import Procedure

    SiteIdentity(
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp",
        address="Số 12, đường Võ Trường Toản",
        phone="0277 3851 234",
        email="vanphong@example.gov.vn",
    ).save()
    AgencyPageFactory()
    AgencyPageFactory(
        kind="functions",
        title_vi="Chức năng, nhiệm vụ, quyền hạn",
        title_en="Functions",
        body_vi="1. Trình Ủy ban nhân dân tỉnh.",
        body_en="1. To submit to the Provincial People's Committee.",
    )
    office = OfficeFactory(
        name_vi="Phòng Báo chí, Xuất bản và Thông tin cơ sở",
        name_en="Press, Publishing and Grassroots Information Division",
    )
    ContactOfficialFactory(office=office)
    OfficeFactory(name_vi="Thanh tra Sở", kind="inspectorate", valid_to=date(2025, 7, 1))
    AttachedInstitution.objects.create(
        institution=InstitutionFactory(name="Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp")
    )
    LeaderFactory(name="Trần Văn Minh")
    LeaderFactory(name="Lê Thị Thu Hương", biography_vi="", biography_en="")
    plan = DocumentFactory(
        number_symbol="18/KH-SVHTTDL",
        type__name="Kế hoạch",
        type__abbreviation="KH",
        abstract="Tổ chức Liên hoan đờn ca tài tử tỉnh, thay thế Kế hoạch số 05/KH-SVHTTDL",
    )
    old = DocumentFactory(
        number_symbol="05/KH-SVHTTDL",
        type=plan.type,
        issued_on=plan.issued_on,
        status="replaced",
        replaced_by=plan,
        ended_on=plan.issued_on,
    )
    DocumentFileFactory(document=plan)
    DocumentFileFactory(document=old)
    article = ArticleFactory(
        title="Khai mạc Liên hoan đờn ca tài tử",
        body="<p>Liên hoan tổ chức theo Kế hoạch số 18/KH-SVHTTDL.</p>",
    )
    from news.citing import link_cited_documents

    link_cited_documents(article)
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    for offset in range(5):
        EntryFactory(
            day=monday + timedelta(days=offset),
            title="Làm việc với Trung tâm Văn hóa Nghệ thuật tỉnh về chương trình nghệ thuật "
            "phục vụ Tết Nguyên đán",
            attendees="Phòng Quản lý Văn hóa và Gia đình; Ban Giám đốc Trung tâm",
            adjusted_at=timezone.now() if offset == 2 else None,
            cancelled=offset == 3,
        )
    WeekFactory(start=monday + timedelta(days=7), status="draft", published_at=None)
    Procedure.objects.create(
        name="Thủ tục cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
        field=FieldFactory(name="Thể dục, thể thao"),
        url="https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1",
    )
    return {"plan": plan, "old": old}


PAGES = {
    "about": "/gioi-thieu/",
    "functions": "/gioi-thieu/chuc-nang-nhiem-vu/",
    "organisation": "/gioi-thieu/co-cau-to-chuc/",
    "leaders": "/gioi-thieu/lanh-dao/",
    "contacts": "/gioi-thieu/lien-he/",
    "about-en": "/en/about/",
    "organisation-en": "/en/about/organisation/",
    "history-en-untranslated": "/en/about/history/",
    "documents": "/van-ban/",
    "documents-search": "/van-ban/?q=18+KH+SVHTTDL&type=ke-hoach",
    "document": "/van-ban/18-kh-svhttdl-{year}/",
    "document-replaced": "/van-ban/05-kh-svhttdl-{year}/",
    "schedule": "/lich-cong-tac/",
    "procedures": "/thu-tuc-hanh-chinh/",
}


@pytest.mark.parametrize("name", PAGES)
def test_section_pages_are_accessible_and_fit_a_phone(desktop, phone, sections, name):
    path = PAGES[name].format(year=sections["plan"].issued_on.year)
    for tab in (desktop, phone):
        tab.open(path)
        assert tab.axe_violations() == []
        tab.screenshot_as(f"section-{name}")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{path} is {width}px wide on a 360px phone"


def test_the_language_switch_keeps_the_page_by_keyboard(desktop, phone, sections):
    desktop.open("/gioi-thieu/co-cau-to-chuc/")
    desktop.focus(".language-switch--top")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/en/about/organisation/")
    assert desktop.locator("h1").inner_text() == "Organisation"
    assert desktop.evaluate("document.documentElement.lang") == "en"
    desktop.click(".language-switch--top")
    desktop.wait_for_url("**/gioi-thieu/co-cau-to-chuc/")
    # On a phone the switch is in the menu, and the brand keeps the top bar.
    phone.open("/gioi-thieu/lanh-dao/")
    assert not phone.locator(".language-switch--top").is_visible()
    phone.click(".nav-toggle")
    phone.click(".language-switch--menu")
    phone.wait_for_url("**/en/about/leaders/")


def test_the_register_is_searched_and_filtered_by_keyboard(desktop, sections):
    desktop.open("/van-ban/")
    desktop.focus("#id_q")
    desktop.keyboard.type("18 kh svhttdl")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/van-ban/?q=18*")
    titles = desktop.locator(".doc-item__title").all_inner_texts()
    assert titles == ["Số 18/KH-SVHTTDL"]
    desktop.click(".doc-item__title a")
    assert desktop.locator("h1").inner_text() == "Số 18/KH-SVHTTDL"
    assert desktop.locator("text=Tin liên quan").is_visible()
    desktop.click("text=Khai mạc Liên hoan đờn ca tài tử")
    desktop.click(".article__body >> text=18/KH-SVHTTDL")
    assert desktop.locator("h1").inner_text() == "Số 18/KH-SVHTTDL"


def test_the_schedule_prints_without_navigation(desktop, sections):
    desktop.open("/lich-cong-tac/")
    desktop.emulate_media(media="print")
    assert not desktop.locator(".week-nav").is_visible()
    assert not desktop.locator(".site-nav").is_visible()
    assert desktop.locator(".schedule-day--today").is_visible()
    desktop.emulate_media(media="screen")
    desktop.click("text=Tuần sau")
    assert "chưa được công bố" in desktop.locator("main").inner_text()
