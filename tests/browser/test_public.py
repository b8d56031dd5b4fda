"""What citizens see, in a real browser: paths, phone layout, keyboard, accessibility."""

from datetime import timedelta

import pytest
from django.utils import timezone

from identity.models import SiteIdentity
from news.models import Article
from news.richtext import place_photos
from tests.factories import ArticleFactory, ArticlePhotoFactory, CategoryFactory

# serialized_rollback: the live server needs committed rows, and the roles that migrations
# create must survive the flush that follows each such test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def content():
    SiteIdentity(
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp",
        address="Số 12, đường Võ Trường Toản",
        phone="0277 3851 234",
        hotline="0277 3851 999",
        email="vanphong@example.gov.vn",
        content_responsible="Nguyễn Văn An – Phó Giám đốc Sở",
    ).save()
    culture = CategoryFactory(name="Văn hóa", slug="van-hoa")
    for number in range(14):
        ArticleFactory(
            title=f"Tin hoạt động số {number}",
            published_at=timezone.now() - timedelta(days=number + 1),
        )
    main = ArticleFactory(
        title="Liên hoan đờn ca tài tử tỉnh",
        category=culture,
        is_featured=True,
        body="<p>Đoạn một.</p><p>Đoạn hai.</p><p>Đoạn ba.</p>",
    )
    ArticlePhotoFactory(article=main, is_cover=True, caption="Nghệ nhân biểu diễn")
    audience = ArticlePhotoFactory(article=main, caption="Khán giả cổ vũ")
    main.body = place_photos(main.body, [(audience, 2)])
    main.save()
    other = ArticleFactory(title="Triển lãm ảnh quê hương", category=culture)
    ArticlePhotoFactory(article=other, is_cover=True)
    return {"main": main, "other": other}


PUBLIC_PAGES = {
    "home": "/",
    "news-list": "/tin-tuc/",
    "category": "/tin-tuc/chuyen-muc/van-hoa/",
    "search-empty": "/tin-tuc/?q=kh%C3%B4ng+c%C3%B3+g%C3%AC",
    "not-found": "/tin-tuc/khong-ton-tai/",
    "site-search": "/tim-kiem/?q=don+ca+tai+tu",
    "site-search-none": "/tim-kiem/?q=zzzq+van+hoa",
}
STATUS = {"not-found": 404}


def test_citizen_reads_news_from_the_home_page(desktop, content):
    desktop.open("/")
    desktop.click("nav.site-nav >> text=Tin tức")
    desktop.wait_for_url("**/tin-tuc/")
    desktop.click("text=Liên hoan đờn ca tài tử tỉnh")
    assert desktop.locator("h1").inner_text() == "Liên hoan đờn ca tài tử tỉnh"
    assert desktop.locator("figcaption", has_text="Khán giả cổ vũ").is_visible()
    desktop.screenshot_as("article")
    desktop.click(".related >> text=Triển lãm ảnh quê hương")
    assert desktop.locator("h1").inner_text() == "Triển lãm ảnh quê hương"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_have_no_serious_accessibility_violation(desktop, phone, content, name):
    for tab in (desktop, phone):
        tab.open(PUBLIC_PAGES[name], status=STATUS.get(name, 200))
        assert tab.axe_violations() == []
        tab.screenshot_as(name)


def test_article_page_accessibility_and_screenshots(desktop, phone, content):
    for tab in (desktop, phone):
        tab.open(content["main"].get_absolute_url())
        assert tab.axe_violations() == []
        tab.screenshot_as("article")


def test_phone_menu_opens_and_nothing_overflows(phone, content):
    from institutions.models import InstitutionType

    # The longest type name of the list (a select as wide as its longest option).
    InstitutionType.objects.get_or_create(
        name="Trung tâm Văn hóa, Thể thao và Truyền thông cấp huyện", defaults={"level": 2}
    )
    phone.open("/")
    nav_link = phone.locator("#site-nav >> text=Tin tức")
    assert not nav_link.is_visible()
    phone.click(".nav-toggle")
    assert phone.get_attribute(".nav-toggle", "aria-expanded") == "true"
    assert nav_link.is_visible()
    for path in ("/", "/tin-tuc/", content["main"].get_absolute_url(), "/thiet-che/"):
        phone.open(path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide on a 360px phone"


def test_phone_downloads_small_photos(phone, content):
    phone.open("/tin-tuc/")
    phone.locator(".card__media img").first.scroll_into_view_if_needed()
    chosen = phone.evaluate("document.querySelector('.card__media img').currentSrc")
    assert "_w640." in chosen or "_w320." in chosen, chosen


def test_keyboard_user_skips_to_content_and_reaches_every_link(desktop, content):
    desktop.open("/tin-tuc/")
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert desktop.locator(".skip-link").is_visible()
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.activeElement.id") == "main"
    outline = desktop.evaluate(
        "(() => { const a = document.querySelector('.card__title a'); a.focus();"
        " return getComputedStyle(a).outlineStyle; })()"
    )
    assert outline != "none"
    links = desktop.evaluate("document.querySelectorAll('main a[href]').length")
    reached = set()
    for _ in range(links + 40):
        desktop.keyboard.press("Tab")
        href = desktop.evaluate("document.activeElement.getAttribute('href')")
        if href:
            reached.add(href)
    card_links = desktop.evaluate(
        "[...document.querySelectorAll('.card__title a')].map(a => a.getAttribute('href'))"
    )
    assert set(card_links) <= reached


def test_filters_work_by_keyboard_and_stay_in_the_address(desktop, content):
    desktop.open("/tin-tuc/")
    desktop.fill("#id_q", "dong ca")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**q=dong+ca**")
    assert desktop.locator(".card__title").all_inner_texts() == ["Liên hoan đờn ca tài tử tỉnh"]


def test_site_search_from_the_header_by_keyboard(phone, content):
    phone.open("/")
    phone.click(".nav-toggle")
    phone.fill("#site-search", "DON CA TAI TU")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/tim-kiem/?q=DON+CA+TAI+TU")
    first = phone.locator(".search-result__title a").first
    assert first.inner_text() == "Liên hoan đờn ca tài tử tỉnh"
    assert phone.locator(".search-result__title mark").all_inner_texts() == [
        "đờn",
        "ca",
        "tài",
        "tử",
    ]
    phone.screenshot_as("site-search")
    first.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_url("**" + content["main"].get_absolute_url())


def test_draft_preview_shows_the_banner_to_staff(desktop, content, editor):
    draft = ArticleFactory(
        title="Tin nháp xem trước", status=Article.Status.DRAFT, published_at=None
    )
    desktop.login("editor")
    desktop.open(draft.get_absolute_url())
    assert desktop.locator(".banner").is_visible()
    assert desktop.axe_violations() == []


def test_citizen_finds_a_commune_cultural_house_from_home_in_three_clicks(desktop):
    from institutions.models import Level
    from tests.factories import AdministrativeUnitFactory, CommuneFactory, InstitutionFactory

    province = AdministrativeUnitFactory(name="Đồng Tháp")
    commune = CommuneFactory(name="Tháp Mười", parent=province)
    InstitutionFactory(
        name="Trung tâm Văn hóa – Học tập cộng đồng xã Tháp Mười", level=Level.COMMUNE, unit=commune
    )
    desktop.open("/")
    desktop.click("text=Tìm nhà văn hóa, thư viện theo địa bàn")
    desktop.click("text=Tỉnh Đồng Tháp")
    desktop.click("text=Xã Tháp Mười")
    assert desktop.locator("text=Trung tâm Văn hóa – Học tập cộng đồng xã Tháp Mười").is_visible()
    assert desktop.axe_violations() == []
    desktop.screenshot_as("place")
    desktop.click("text=Trung tâm Văn hóa – Học tập cộng đồng xã Tháp Mười")
    assert "Tháp Mười" in desktop.locator("h1").inner_text()
    assert desktop.axe_violations() == []


def test_institution_pages_are_accessible_on_phone_and_desktop(desktop, phone, content):
    from datetime import date

    from tests.factories import AdministrativeUnitFactory, InstitutionFactory

    successor = InstitutionFactory(name="Bảo tàng tỉnh Phú Thọ")
    museum = InstitutionFactory(
        name="Bảo tàng tỉnh Hòa Bình",
        unit=AdministrativeUnitFactory(name="Hòa Bình"),
        status="merged",
        successor=successor,
        status_changed_on=date(2025, 7, 1),
    )
    content["main"].institutions.add(museum)
    for tab in (desktop, phone):
        tab.open("/thiet-che/")
        assert tab.axe_violations() == []
        tab.screenshot_as("institution-list")
        tab.open(museum.get_absolute_url())
        assert tab.axe_violations() == []
        tab.screenshot_as("institution")
    desktop.open(content["main"].get_absolute_url())
    desktop.click(".article__institutions >> text=Bảo tàng tỉnh Hòa Bình")
    desktop.click(".banner >> text=Bảo tàng tỉnh Phú Thọ")
    assert desktop.locator("h1").inner_text() == "Bảo tàng tỉnh Phú Thọ"


def test_menu_and_search_box_share_one_line_on_a_desktop(desktop, content):
    """Nine sections in the menu: on a 1280 px screen the search box still sits beside them."""
    desktop.open("/")
    links = desktop.locator("#site-nav .site-nav__list > li:not(.site-nav__language) > a")
    assert links.count() >= 9
    search = desktop.locator("#site-search").bounding_box()
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert abs(box["y"] - links.nth(0).bounding_box()["y"]) < 1, links.nth(index).inner_text()
    first = links.nth(0).bounding_box()
    assert search["y"] < first["y"] + first["height"], "the search box wrapped below the menu"
    assert desktop.page.evaluate("document.documentElement.scrollWidth") <= 1280
