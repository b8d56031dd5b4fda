"""The directory and an institution's page are kept as fragments between requests
(institutions/views.py, templates/institutions/): an edit of anything they show shows at
once, a kept page is the same as a fresh one, and a page found among the fragments reads
(almost) nothing from the database."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from institutions.models import FacilityKind, InstitutionFacility, InstitutionPhoto, Level
from tests.factories import (
    AdministrativeUnitFactory,
    ArticleFactory,
    CommitmentFactory,
    CommuneFactory,
    InstitutionFactory,
    ProgressReportFactory,
    WorkPlanFactory,
    jpeg_file,
)

pytestmark = pytest.mark.django_db
LIST = reverse("institutions:list")


@pytest.fixture(autouse=True)
def whole_pages_not_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders: only the fragments are kept


@pytest.fixture
def province():
    return AdministrativeUnitFactory(name="Đồng Tháp")


@pytest.fixture
def museum(province):
    return InstitutionFactory(name="Bảo tàng tỉnh Đồng Tháp", unit=province)


def directory_pages(province):
    return [
        LIST,
        LIST + "?level=1",
        LIST + f"?q=&level=&type=&province={province.pk}&district=&commune=&status=",
    ]


def test_directory_shows_a_renamed_or_withdrawn_institution_at_once(client, province, museum):
    for url in directory_pages(province):
        assertContains(client.get(url), "Bảo tàng tỉnh Đồng Tháp")
    museum.name = "Bảo tàng Đồng Tháp mới"
    museum.save()
    for url in directory_pages(province):
        page = client.get(url)
        assertContains(page, "Bảo tàng Đồng Tháp mới")
        assertNotContains(page, "Bảo tàng tỉnh Đồng Tháp")
    museum.is_public = False
    museum.save()
    for url in directory_pages(province):
        page = client.get(url)
        assertNotContains(page, "Bảo tàng Đồng Tháp mới")
        assertContains(page, "Không có thiết chế nào phù hợp.")


def test_directory_shows_renamed_types_places_and_new_counts_at_once(client, province, museum):
    assertContains(client.get(LIST), "Cấp tỉnh: <strong>1</strong>")
    kind = museum.type
    kind.name = "Bảo tàng cấp tỉnh"
    kind.save()
    province.name = "Sa Đéc"
    province.save()
    InstitutionFactory(name="Thư viện tỉnh", unit=province)
    page = client.get(LIST)
    assertContains(page, "Bảo tàng cấp tỉnh")
    assertContains(page, "Tỉnh Sa Đéc")  # the card's place and the filter's choice
    assertContains(page, f'<option value="{province.pk}">Sa Đéc</option>', html=True)
    assertContains(page, "Cấp tỉnh: <strong>2</strong>")


def test_a_kept_directory_page_is_the_fresh_one(client, province, django_assert_max_num_queries):
    commune = CommuneFactory(name="Mỹ Hiệp", parent=province)
    for number in range(25):
        InstitutionFactory(name=f"Nhà văn hóa số {number}", level=Level.COMMUNE, unit=commune)
    urls = [
        LIST,
        LIST + "?page=2",
        LIST + "?level=3&page=2",
        LIST + "?page=2&level=3",  # the links keep the query's order
        LIST + f"?province={province.pk}",
    ]
    live = [  # rendered on each request
        LIST + "?level=9&type=khong-co",  # values that name nothing: their messages
        LIST + f"?province={province.pk + 1000}",
        LIST + "?q=nha+van+hoa",  # a search (the search index's matches)
        LIST + "?page=last",
        LIST + "?utm_source=x",  # a parameter the page does not read, kept in its links
    ]
    fresh = [client.get(url).content for url in urls + live]
    for url, page in zip(urls + live, fresh, strict=True):
        with django_assert_max_num_queries(0 if url in urls else 9):
            assert client.get(url).content == page, url
    kept = len(caches["fragments"]._cache)
    for number in range(5):
        client.get(LIST, {"province": province.pk + 2000 + number})
    assert len(caches["fragments"]._cache) == kept  # strangers' values make no fragments
    caches["fragments"].clear()
    assert [client.get(url).content for url in urls + live] == fresh


def test_a_page_past_the_last_is_not_found_even_once_others_are_kept(client, province):
    for number in range(25):
        InstitutionFactory(name=f"Trung tâm số {number}", unit=province)
    assert client.get(LIST + "?page=2").status_code == 200
    assert client.get(LIST + "?page=2").status_code == 200  # kept
    assert client.get(LIST + "?page=3").status_code == 404
    assert client.get(LIST + "?page=abc").status_code == 404
    for institution in list(province.institutions.all())[:10]:
        institution.delete()
    assert client.get(LIST + "?page=2").status_code == 404


def institution_photo(institution, caption):
    return InstitutionPhoto.objects.create(
        institution=institution, image=jpeg_file(name="anh.jpg"), caption=caption
    )


def test_an_institution_page_shows_each_edit_at_once(client, museum):
    url = museum.get_absolute_url()
    kind = FacilityKind.objects.create(name="Sân khấu ngoài trời", unit="m²")
    facility = InstitutionFacility.objects.create(institution=museum, kind=kind, value=120)
    assertContains(client.get(url), "Bảo tàng tỉnh Đồng Tháp")
    assertContains(client.get(url), "120 m²")

    museum.name = "Bảo tàng Đồng Tháp mới"
    museum.opening_hours = "7 giờ – 11 giờ"
    museum.save()
    page = client.get(url)
    assertContains(page, "<title>Bảo tàng Đồng Tháp mới")
    assertContains(page, "<h1>Bảo tàng Đồng Tháp mới</h1>")
    assertContains(page, "7 giờ – 11 giờ")
    assertNotContains(page, "Bảo tàng tỉnh Đồng Tháp")

    facility.value = 250
    facility.save()
    institution_photo(museum, "Mặt tiền bảo tàng")
    page = client.get(url)
    assertContains(page, "250 m²")
    assertNotContains(page, "120 m²")
    assertContains(page, "Mặt tiền bảo tàng")

    museum.unit.name = "Sa Đéc"
    museum.unit.save()
    page = client.get(url)
    assertContains(page, "Tỉnh Sa Đéc")  # the page's line and its breadcrumbs
    assertNotContains(page, "Tỉnh Đồng Tháp")


def test_an_institution_page_shows_its_news_at_once(client, museum):
    url = museum.get_absolute_url()
    assertContains(client.get(url), "Chưa có tin nào nói về thiết chế này.")
    article = ArticleFactory(title="Triển lãm ảnh xưa")
    article.institutions.add(museum)
    assertContains(client.get(url), "Triển lãm ảnh xưa")
    article.title = "Triển lãm ảnh Đồng Tháp xưa"
    article.save()
    page = client.get(url)
    assertContains(page, "Triển lãm ảnh Đồng Tháp xưa")
    article.status = "draft"
    article.save()
    page = client.get(url)
    assertNotContains(page, "Triển lãm ảnh")
    assertContains(page, "Chưa có tin nào nói về thiết chế này.")


def test_a_news_publish_renews_the_news_list_alone(client, museum, django_assert_max_num_queries):
    url = museum.get_absolute_url()
    InstitutionFacility.objects.create(
        institution=museum, kind=FacilityKind.objects.create(name="Phòng đọc", unit="chỗ"), value=80
    )
    client.get(url)
    ArticleFactory(title="Tin mới đăng").institutions.add(museum)
    # The institution's news, and once per version the news' next scheduled change
    # (page_cache); the rest of the page is kept.
    with django_assert_max_num_queries(2):
        page = client.get(url)
    assertContains(page, "Tin mới đăng")
    assertContains(page, "80 chỗ")


def test_a_renamed_department_shows_at_once_as_the_managing_body(client, museum):
    from identity.models import SiteIdentity

    url = museum.get_absolute_url()
    assertContains(client.get(url), "<dd>Sở Văn hóa, Thể thao và Du lịch</dd>")
    identity = SiteIdentity.load()
    identity.name = "Sở Văn hóa và Thể thao"
    identity.save()
    assertContains(client.get(url), "<dd>Sở Văn hóa và Thể thao</dd>")


def test_an_institution_page_shows_a_scheduled_article_once_it_is_out(client, museum):
    url = museum.get_absolute_url()
    article = ArticleFactory(title="Tin hẹn giờ", published_at=timezone.now() + timedelta(hours=1))
    article.institutions.add(museum)
    assertNotContains(client.get(url), "Tin hẹn giờ")
    article.published_at = timezone.now() - timedelta(minutes=1)
    article.save()
    assertContains(client.get(url), "Tin hẹn giờ")


def test_an_institution_page_shows_its_plan_and_progress_at_once(client, museum):
    url = museum.get_absolute_url()
    year = timezone.localdate().year
    plan = WorkPlanFactory(institution=museum, year=year, status="draft", approved_at=None)
    assertNotContains(client.get(url), f"Chương trình công tác năm {year}")
    plan.status = "approved"
    plan.approved_at = timezone.now()
    plan.save()
    commitment = CommitmentFactory(plan=plan, target=40)
    page = client.get(url)
    assertContains(page, f"Chương trình công tác năm {year}")
    assertContains(page, "0 đã đạt")
    ProgressReportFactory(commitment=commitment, quantity=40)
    assertContains(client.get(url), "1 đã đạt")


def test_a_withdrawn_institution_is_gone_at_once(client, leader, museum):
    url = museum.get_absolute_url()
    assert client.get(url).status_code == 200
    museum.is_public = False
    museum.save()
    assert client.get(url).status_code == 404
    client.force_login(leader)  # leaders still see it, with a warning and their button
    page = client.get(url)
    assertContains(page, "Thiết chế này đã được gỡ khỏi trang công khai.")
    assertContains(page, reverse("institutions:review", args=[museum.slug]))


def test_the_leaders_button_is_not_kept_for_visitors(client, leader, museum):
    url = museum.get_absolute_url()
    review = reverse("institutions:review", args=[museum.slug])
    client.force_login(leader)
    assertContains(client.get(url), review)
    client.logout()
    assertNotContains(client.get(url), review)


def test_a_kept_institution_page_is_the_fresh_one_and_reads_nothing(
    client, museum, django_assert_max_num_queries
):
    successor = InstitutionFactory(name="Bảo tàng kế thừa", unit=museum.unit)
    museum.status, museum.successor = "merged", successor
    museum.status_changed_on = timezone.localdate()
    museum.description = "Nơi lưu giữ hiện vật.\n\nMở cửa hằng ngày."
    museum.save()
    institution_photo(museum, "Ảnh đầu")
    ArticleFactory(title="Tin về bảo tàng").institutions.add(museum)
    WorkPlanFactory(institution=museum, year=timezone.localdate().year)
    url = museum.get_absolute_url()
    fresh = client.get(url).content
    with django_assert_max_num_queries(0):
        assert client.get(url).content == fresh
    caches["fragments"].clear()
    assert client.get(url).content == fresh
    assert client.get(reverse("institutions:detail", args=["khong-co"])).status_code == 404
