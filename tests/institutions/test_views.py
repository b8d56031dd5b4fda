from datetime import date

import pytest
from django.db import connection, transaction
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from institutions.models import Institution, Level
from institutions.views import InstitutionListView
from tests.factories import (
    AdministrativeUnitFactory,
    ArticleFactory,
    CommuneFactory,
    InstitutionFactory,
)
from tests.news.test_views import related_titles

pytestmark = pytest.mark.django_db
LIST = reverse("institutions:list")


@pytest.fixture
def places():
    dong_thap = AdministrativeUnitFactory(name="Đồng Tháp")
    hoa_binh = AdministrativeUnitFactory(name="Hòa Bình")
    my_hiep = CommuneFactory(name="Mỹ Hiệp", parent=dong_thap)
    village = AdministrativeUnitFactory(
        name="Mỹ Thị", kind="ap", level=Level.VILLAGE, parent=my_hiep
    )
    return {"dong_thap": dong_thap, "hoa_binh": hoa_binh, "my_hiep": my_hiep, "village": village}


def test_directory_filters_by_province_and_commune(client, places):
    InstitutionFactory(name="Nhà văn hóa ấp Mỹ Thị", level=Level.VILLAGE, unit=places["village"])
    InstitutionFactory(name="Bảo tàng tỉnh Hòa Bình", unit=places["hoa_binh"])
    response = client.get(LIST, {"province": places["dong_thap"].pk})
    assertContains(response, "Nhà văn hóa ấp Mỹ Thị")
    assertNotContains(response, "Bảo tàng tỉnh Hòa Bình")
    # The commune list depends on the province chosen, with no JavaScript.
    assertContains(response, f'<option value="{places["my_hiep"].pk}">Mỹ Hiệp</option>', html=True)
    commune = client.get(
        LIST, {"province": places["dong_thap"].pk, "commune": places["my_hiep"].pk}
    )
    assertContains(commune, "Nhà văn hóa ấp Mỹ Thị")


@pytest.mark.parametrize(
    "params, shown, hidden",
    [
        ({"level": "4"}, "Nhà văn hóa ấp Mỹ Thị", "Bảo tàng tỉnh Hòa Bình"),
        ({"status": "dissolved"}, "Trung tâm đã giải thể", "Bảo tàng tỉnh Hòa Bình"),
        ({"q": "bao tang hoa binh"}, "Bảo tàng tỉnh Hòa Bình", "Nhà văn hóa ấp Mỹ Thị"),
        ({"q": "BẢO TÀNG"}, "Bảo tàng tỉnh Hòa Bình", "Nhà văn hóa ấp Mỹ Thị"),
    ],
)
def test_directory_filters(client, places, params, shown, hidden):
    InstitutionFactory(name="Nhà văn hóa ấp Mỹ Thị", level=Level.VILLAGE, unit=places["village"])
    InstitutionFactory(name="Bảo tàng tỉnh Hòa Bình", unit=places["hoa_binh"])
    InstitutionFactory(
        name="Trung tâm đã giải thể",
        unit=places["hoa_binh"],
        status="dissolved",
        status_changed_on=date(2025, 7, 1),
    )
    response = client.get(LIST, params)
    assertContains(response, shown)
    assertNotContains(response, hidden)


def test_directory_filter_by_type(client, places):
    museum = InstitutionFactory(name="Bảo tàng tỉnh Hòa Bình", unit=places["hoa_binh"])
    response = client.get(LIST, {"type": museum.type.slug})
    assertContains(response, "Bảo tàng tỉnh Hòa Bình")


def test_bad_filter_values_get_a_message_not_an_error(client, places):
    response = client.get(LIST, {"province": "abc", "level": "9", "type": "khong-co"})
    assert response.status_code == 200
    assertContains(response, "field-error")


def test_directory_counts_per_level_and_pages(client, places):
    for number in range(25):
        InstitutionFactory(
            name=f"Nhà văn hóa số {number}", level=Level.VILLAGE, unit=places["village"]
        )
    response = client.get(LIST)
    assertContains(response, "Thôn, xóm, bản, ấp, tổ dân phố: <strong>25</strong>")
    assertContains(response, "page=2")


@pytest.mark.parametrize("count", [3, 40])
def test_directory_and_detail_run_a_fixed_number_of_queries(
    client, places, count, django_assert_max_num_queries
):
    for number in range(count):
        InstitutionFactory(
            name=f"Nhà văn hóa số {number}", level=Level.VILLAGE, unit=places["village"]
        )
    with django_assert_max_num_queries(12):
        assert client.get(LIST, {"province": places["dong_thap"].pk}).status_code == 200
    institution = Institution.objects.first()
    for _ in range(count // 3):
        ArticleFactory().institutions.add(institution)
    with django_assert_max_num_queries(12):
        assert client.get(institution.get_absolute_url()).status_code == 200


def test_institution_page_shows_profile_news_and_successor(client, places):
    successor = InstitutionFactory(name="Bảo tàng tỉnh Phú Thọ", unit=places["dong_thap"])
    museum = InstitutionFactory(
        name="Bảo tàng tỉnh Hòa Bình",
        unit=places["hoa_binh"],
        status="merged",
        successor=successor,
        status_changed_on=date(2025, 7, 1),
        head_name="Nguyễn Văn A",
        head_title="Giám đốc",
        opening_hours="8 giờ – 17 giờ",
    )
    ArticleFactory(title="Hội nghị chuyên đề 2019").institutions.add(museum)
    ArticleFactory(title="Bản nháp", status="draft", published_at=None).institutions.add(museum)
    response = client.get(museum.get_absolute_url())
    assertContains(response, "Thiết chế này đã sáp nhập từ ngày 01/07/2025.")
    assertContains(response, successor.get_absolute_url())
    assertContains(response, "Nguyễn Văn A, Giám đốc")
    assertContains(response, "Hội nghị chuyên đề 2019")
    assertNotContains(response, "Bản nháp")


def test_article_page_links_the_institutions_it_names(client, places):
    museum = InstitutionFactory(name="Bảo tàng tỉnh Hòa Bình", unit=places["hoa_binh"])
    article = ArticleFactory()
    article.institutions.add(museum)
    response = client.get(article.get_absolute_url())
    assertContains(response, "Thiết chế được nhắc đến")
    assertContains(response, museum.get_absolute_url())


def test_related_news_prefer_the_same_institutions(client, places):
    museum = InstitutionFactory(unit=places["hoa_binh"])
    article = ArticleFactory(title="Tin chính")
    article.institutions.add(museum)
    ArticleFactory(title="Tin cùng chuyên mục", category=article.category)
    ArticleFactory(title="Tin cùng thiết chế").institutions.add(museum)
    related = related_titles(client.get(article.get_absolute_url()))
    assert related[0] == "Tin cùng thiết chế"


def test_browse_by_place_today_and_before_the_reform(client, places):
    AdministrativeUnitFactory(
        name="Tháp Mười",
        kind="huyen",
        level=2,
        parent=places["dong_thap"],
        valid_to=date(2025, 7, 1),
    )
    InstitutionFactory(name="Nhà văn hóa ấp Mỹ Thị", level=Level.VILLAGE, unit=places["village"])
    today = client.get(reverse("institutions:place", args=[places["dong_thap"].pk]))
    assertContains(today, "Xã Mỹ Hiệp")
    assertContains(today, "1 thiết chế")
    assertNotContains(today, "Huyện Tháp Mười")
    before = client.get(
        reverse("institutions:place", args=[places["dong_thap"].pk]), {"truoc-2025": "1"}
    )
    assertContains(before, "Huyện Tháp Mười")
    commune = client.get(reverse("institutions:place", args=[places["my_hiep"].pk]))
    assertContains(commune, "Ấp Mỹ Thị")
    village = client.get(reverse("institutions:place", args=[places["village"].pk]))
    assertContains(village, "Nhà văn hóa ấp Mỹ Thị")


def test_old_unit_page_says_what_holds_it_now(client, places):
    old = AdministrativeUnitFactory(name="Hòa Bình cũ", valid_to=date(2025, 7, 1))
    old.successors.add(places["dong_thap"])
    response = client.get(reverse("institutions:place", args=[old.pk]))
    assertContains(response, "không còn từ ngày 01/07/2025")
    assertContains(response, places["dong_thap"].get_absolute_url())


def test_leader_records_a_yearly_assessment(client, leader, places):
    institution = InstitutionFactory(unit=places["hoa_binh"], email="")
    client.force_login(leader)
    url = reverse("institutions:review", args=[institution.slug])
    page = client.get(url)
    assertContains(page, "Còn thiếu:")
    bad = client.post(url, {"year": "1800", "rating": "good", "comments": ""})
    assertContains(bad, "Năm đánh giá phải từ 1945 đến 2100.")
    client.post(url, {"year": "2025", "rating": "good", "comments": "Hoạt động đều."})
    assertContains(client.get(url), "Hoàn thành tốt nhiệm vụ")
    assert institution.assessments.get().assessed_by == leader


def test_follow_up_lists_incomplete_profiles_for_leaders(client, leader, places):
    InstitutionFactory(name="Hồ sơ thiếu", unit=places["hoa_binh"], email="")
    client.force_login(leader)
    response = client.get(reverse("institutions:follow-up"), {"level": "1"})
    assertContains(response, "Hồ sơ thiếu")
    assert client.get(reverse("institutions:follow-up"), {"level": "x"}).status_code == 200


@pytest.mark.parametrize("number", ["9223372036854775808", "99999999999999999999", "-5", "0"])
def test_directory_place_filters_take_any_number(client, number):
    """Ids beyond 64 bits overflowed the database driver (found by the property test)."""
    response = client.get(
        reverse("institutions:list"), {"province": number, "district": number, "commune": number}
    )
    assert response.status_code == 200


def test_one_assessment_per_institution_and_year(client, leader, places):
    """Issue 18, case 6: saving the same year again edits it, says so, keeps the history."""
    institution = InstitutionFactory(unit=places["hoa_binh"])
    client.force_login(leader)
    url = reverse("institutions:review", args=[institution.slug])
    first = client.post(
        url, {"year": "2026", "rating": "good", "comments": "Lần đầu."}, follow=True
    )
    assertContains(first, "Đã lưu đánh giá năm 2026.")
    again = client.post(
        url, {"year": "2026", "rating": "excellent", "comments": "Sau khi xem lại."}, follow=True
    )
    assertContains(again, "Đã cập nhật đánh giá năm 2026")
    assessment = institution.assessments.get()
    assert (assessment.rating, assessment.comments) == ("excellent", "Sau khi xem lại.")
    assert [h.rating for h in assessment.history.order_by("history_date")] == [
        "good",
        "excellent",
    ]


def test_the_database_refuses_a_second_assessment_of_a_year(places):
    from django.db import IntegrityError, transaction

    from institutions.models import Assessment

    institution = InstitutionFactory(unit=places["hoa_binh"])
    Assessment.objects.create(institution=institution, year=2026, rating="good")
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(institution=institution, year=2026, rating="done")


def test_admin_names_the_duplicate_year_next_to_the_field(client, superuser, places):
    from institutions.models import Assessment

    institution = InstitutionFactory(unit=places["hoa_binh"])
    Assessment.objects.create(institution=institution, year=2026, rating="good")
    client.force_login(superuser)
    response = client.post(
        reverse("admin:institutions_assessment_add"),
        {"institution": institution.pk, "year": "2026", "rating": "done", "comments": ""},
    )
    assertContains(response, "Thiết chế này đã có đánh giá của năm đó")
    assert Assessment.objects.count() == 1


def test_leaders_reach_the_follow_up_list_by_clicking(client, leader, places):
    """Issue 18, case 7: linked from the admin home, the directory and the dashboard."""
    client.force_login(leader)
    link = reverse("institutions:follow-up")
    assertContains(client.get(reverse("admin:index")), link)
    assertContains(client.get(reverse("institutions:list")), link)
    assertContains(client.get(reverse("work_plans:dashboard", kwargs={"year": 2026})), link)
    client.logout()
    assertNotContains(client.get(reverse("institutions:list")), link)


def test_units_of_one_name_are_told_apart_wherever_one_is_chosen(client, leader):
    """Issue 18, case 7: the province before and after the 2025 reform."""
    old = AdministrativeUnitFactory(name="Đồng Tháp", valid_to=date(2025, 7, 1))
    new = AdministrativeUnitFactory(name="Đồng Tháp")
    client.force_login(leader)
    for url in (
        reverse("institutions:follow-up"),
        reverse("work_plans:dashboard", kwargs={"year": 2026}),
        reverse("admin:institutions_institution_changelist"),
    ):
        html = client.get(url).content.decode()
        assert "tỉnh Đồng Tháp (đến 30/06/2025)" in html, url
        assert html.count("Đồng Tháp (đến 30/06/2025)") == 1, url
        assert f'value="{new.pk}"' in html or f"province={new.pk}" in html, url
    assert str(old) == "tỉnh Đồng Tháp (đến 30/06/2025)" and str(new) == "tỉnh Đồng Tháp"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index is PostgreSQL's")
def test_directory_pages_read_the_vietnamese_order_from_an_index():
    """Each page of the directory starts from the index on the Vietnamese sort key (a
    migration makes it): without it PostgreSQL computes the key for every public institution
    and sorts them all, for every page (170 ms at 2,000 institutions)."""
    for name in ("Nhà văn hóa ấp 1", "Thư viện xã Mỹ Hiệp", "Đội chiếu bóng lưu động"):
        InstitutionFactory(name=name)
    view = InstitutionListView()
    view.request = None
    sql, params = view.get_queryset()[:20].query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # Few rows here: rule out the plans a small table would get anyway.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_incremental_sort = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "institutions_listing_vi" in plan, plan
