"""The year page's table and a plan's page are fragments kept between requests
(templates/work_plans/year.html, plan.html): an edit of anything they show, and the passing
of a day, shows at once; a kept page is the page rendered afresh; a warm page runs (almost)
no query; every figure agrees on the plan page, the year page and the institution page."""

import re
from datetime import date, timedelta

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    ArticleFactory,
    CommitmentFactory,
    InstitutionFactory,
    ProgressReportFactory,
    WorkPlanFactory,
)
from work_plans.models import WorkPlan

pytestmark = pytest.mark.django_db
YEAR = 2025  # a past year: every page looks at 31/12/2025


@pytest.fixture(autouse=True)
def whole_pages_not_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders: only the fragments are kept


@pytest.fixture
def plan():
    institution = InstitutionFactory(name="Trung tâm Văn hóa Điện Biên")
    plan = WorkPlanFactory(institution=institution, year=YEAR)
    screenings = CommitmentFactory(plan=plan, description="Chiếu phim lưu động", target=40)
    ProgressReportFactory(commitment=screenings, quantity=10)
    return plan


def year_page(year=YEAR, **query):
    return reverse("work_plans:year", kwargs={"year": year}), query


def get_year(client, year=YEAR, **query):
    url, query = year_page(year, **query)
    return client.get(url, query)


def percents(html: str) -> list[str]:
    return re.findall(r'value="(\d+)"', html)


def test_year_page_shows_each_edit_at_once(client, plan):
    other = WorkPlanFactory(institution=InstitutionFactory(name="Bảo tàng tỉnh"), year=YEAR)
    CommitmentFactory(plan=other, target=4)
    first = get_year(client)
    assertContains(first, "Trung tâm Văn hóa Điện Biên")
    assertContains(first, "25%")
    assert get_year(client).content == first.content  # kept

    institution = plan.institution
    institution.name = "Trung tâm Văn hóa - Điện ảnh Điện Biên"
    institution.save()
    renamed = get_year(client)
    assertContains(renamed, "Trung tâm Văn hóa - Điện ảnh Điện Biên")
    assertNotContains(renamed, "Trung tâm Văn hóa Điện Biên<")

    commitment = plan.commitments.get()
    ProgressReportFactory(commitment=commitment, quantity=10, period_start=date(YEAR, 4, 1))
    verified = get_year(client)
    assertContains(verified, "50%")
    assertNotContains(verified, "25%")

    # A report waiting for verification counts nowhere; once verified, at once.
    pending = ProgressReportFactory(
        commitment=commitment, quantity=20, period_start=date(YEAR, 7, 1), status="submitted"
    )
    assertContains(get_year(client), "50%")
    pending.status = "verified"
    pending.save()
    assertContains(get_year(client), "100%")

    # Withdrawn from the public site: its plan goes from the table, and the count with it.
    assertContains(get_year(client), "2 kế hoạch")
    institution.is_public = False
    institution.save()
    withdrawn = get_year(client)
    assertContains(withdrawn, "1 kế hoạch")
    assertNotContains(withdrawn, "Điện Biên")

    # A plan sent back to draft, likewise.
    other.status = WorkPlan.Status.DRAFT
    other.save()
    assertContains(get_year(client), "Chưa có kế hoạch nào của năm này được phê duyệt.")


def test_year_page_figures_follow_the_day(client, monkeypatch, plan):
    year = timezone.localdate().year
    plan.year = year
    plan.save()
    commitment = plan.commitments.get()
    commitment.reports.update(period_start=date(year, 1, 1))
    today = date(year, 6, 30)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    assertContains(get_year(client, year), "30/06/" + str(year))
    today = date(year, 7, 1)
    page = get_year(client, year)
    assertContains(page, "01/07/" + str(year))
    assertNotContains(page, "30/06/" + str(year))
    plan_page = client.get(plan.get_absolute_url())
    assertContains(plan_page, "Tiến độ tính đến ngày 01/07/" + str(year))


def test_year_page_pages_searches_and_other_queries(client):
    for number in range(55):
        name = f"Nhà văn hóa xã {number:02d}"
        WorkPlanFactory(institution=InstitutionFactory(name=name), year=YEAR)
    for name in ("Ăn uống", "Ấp Bắc", "An Giang"):  # a, ă, â: by letters, not code points
        WorkPlanFactory(institution=InstitutionFactory(name=name), year=YEAR)
    names = lambda response: [row["plan"].institution.name for row in response.context["rows"]]  # noqa: E731
    first = get_year(client)
    assert names(first)[:3] == ["An Giang", "Ăn uống", "Ấp Bắc"]
    assertContains(first, "58 kế hoạch")
    assert get_year(client).content == first.content
    second = get_year(client, page="2")
    assertContains(second, "Trang 2")
    assertContains(second, "Nhà văn hóa xã 54")
    assert get_year(client, page="2").content == second.content
    assert get_year(client, page="last").content == second.content
    assert get_year(client, page="3").status_code == 404
    assert get_year(client, page="x").status_code == 404
    assert get_year(client, page="0").status_code == 404

    found = get_year(client, q="ap bac")
    assertContains(found, "1 kế hoạch")
    assertContains(found, 'value="ap bac"')
    assert get_year(client, q="ap bac").content == found.content
    nothing = get_year(client, q="khong co")
    assertContains(nothing, "Không có kế hoạch nào của thiết chế có tên “khong co”")

    # What the pagination links keep of the query is rendered for that query, never kept.
    tagged = get_year(client, page="2", fbclid="abc")
    assertContains(tagged, "fbclid=abc")
    assertNotContains(get_year(client, page="2"), "fbclid")
    too_long = get_year(client, q="a" * 201)
    assertContains(too_long, "58 kế hoạch")

    # The links keep the query as sent, its order and an empty search included.
    url = year_page()[0]
    assertContains(client.get(url + "?page=1&q="), 'href="?page=2&amp;q="')
    assertContains(client.get(url + "?q=&page=1"), 'href="?q=&amp;page=2"')
    assertContains(client.get(url + "?q="), 'href="?q=&amp;page=2"')
    assertContains(client.get(url), 'href="?page=2"')
    assertContains(client.get(url + "?page=1"), 'href="?page=2"')


def test_kept_year_page_is_the_page_rendered_afresh(client, plan, leader):
    fresh = get_year(client).content
    assert get_year(client).content == fresh
    caches["fragments"].clear()
    assert get_year(client).content == fresh
    client.force_login(leader)
    leaders = get_year(client)
    assertContains(leaders, reverse("work_plans:dashboard", kwargs={"year": YEAR}))
    client.logout()
    assertNotContains(get_year(client), reverse("work_plans:dashboard", kwargs={"year": YEAR}))


def test_warm_year_page_runs_no_query(client, plan, django_assert_max_num_queries):
    for _number in range(3):
        other = WorkPlanFactory(institution=InstitutionFactory(), year=YEAR)
        CommitmentFactory(plan=other)
    # Rendered: the plans found, their commitments' figures, the years (and, first of all
    # requests, the site's identity and the next scheduled change).
    with django_assert_max_num_queries(5):
        get_year(client)
    with django_assert_max_num_queries(0):
        assert get_year(client).status_code == 200


def test_plan_page_shows_each_edit_at_once(client, plan, django_user_model):
    leader = django_user_model.objects.create_user(username="lanh_dao_cu")
    plan.approved_by = leader
    plan.save()
    evidence = ArticleFactory(title="Tin chiếu phim ở bản Mường")
    commitment = plan.commitments.get()
    report = commitment.reports.get()
    report.evidence_article = evidence
    report.save()
    url = plan.get_absolute_url()
    first = client.get(url)
    assertContains(first, "Chiếu phim lưu động")
    assertContains(first, "Tin chiếu phim ở bản Mường")
    assertContains(first, "lanh_dao_cu")
    assert client.get(url).content == first.content  # kept

    commitment.description = "Chiếu phim lưu động ở vùng cao"
    commitment.save()
    assertContains(client.get(url), "Chiếu phim lưu động ở vùng cao")

    evidence.title = "Tin chiếu phim ở bản Mường Phăng"
    evidence.save()
    assertContains(client.get(url), "Tin chiếu phim ở bản Mường Phăng")
    evidence.status = "draft"
    evidence.save()
    assertNotContains(client.get(url), "Tin chiếu phim ở bản Mường")

    # Who approved it: a renamed account shows at once.
    leader.username = "lanh_dao_moi"
    leader.save()
    renamed = client.get(url)
    assertContains(renamed, "lanh_dao_moi")
    assertNotContains(renamed, "lanh_dao_cu")
    leader.last_name, leader.first_name = "Nguyễn", "Thị Lan"
    leader.save(update_fields=["last_name", "first_name"])
    assertContains(client.get(url), "(Nguyễn Thị Lan)")

    institution = plan.institution
    institution.name = "Trung tâm Văn hóa - Điện ảnh Điện Biên"
    institution.slug = "trung-tam-van-hoa-dien-anh-dien-bien"
    institution.save()
    plan.refresh_from_db()
    moved = client.get(plan.get_absolute_url())
    assertContains(moved, "trung-tam-van-hoa-dien-anh-dien-bien/xuat.xlsx")
    assert client.get(url).status_code == 404

    plan.status = WorkPlan.Status.DRAFT
    plan.save()
    assert client.get(plan.get_absolute_url()).status_code == 404


def test_plan_announcement_published_at_its_time_shows_at_once(client, monkeypatch, plan):
    now = timezone.now()
    announcement = ArticleFactory(
        title="Công bố chương trình", published_at=now + timedelta(hours=1)
    )
    plan.announcement = announcement
    plan.save()
    assertNotContains(client.get(plan.get_absolute_url()), "Tin công bố chương trình")
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=2))  # nothing saved
    assertContains(client.get(plan.get_absolute_url()), "Tin công bố chương trình")


def test_those_who_work_on_a_plan_see_it_live(client, plan, staff_a):
    plan.institution.editors.add(staff_a)
    ProgressReportFactory(
        commitment=plan.commitments.get(),
        quantity=5,
        period_start=date(YEAR, 4, 1),
        status="submitted",
        note="Đợt chiếu tháng Tư",
    )
    url = plan.get_absolute_url()
    assertNotContains(client.get(url), "Đợt chiếu tháng Tư")  # kept for the public
    client.force_login(staff_a)
    internal = client.get(url)
    assertContains(internal, "Đợt chiếu tháng Tư")
    assertContains(internal, "Bạn đang xem bản nội bộ")
    client.logout()
    assertNotContains(client.get(url), "Đợt chiếu tháng Tư")


def test_kept_plan_page_is_the_page_rendered_afresh(client, plan):
    url = plan.get_absolute_url()
    fresh = client.get(url).content
    assert client.get(url).content == fresh
    caches["fragments"].clear()
    assert client.get(url).content == fresh


def test_warm_plan_page_runs_no_query(client, plan, django_assert_max_num_queries):
    ProgressReportFactory(
        commitment=CommitmentFactory(plan=plan), evidence_article=ArticleFactory()
    )
    # Rendered: the plan with its institution and approver, its commitments, their reports
    # (and, first of all requests, the site's identity and the next scheduled change).
    with django_assert_max_num_queries(5):
        client.get(plan.get_absolute_url())
    with django_assert_max_num_queries(0):
        assert client.get(plan.get_absolute_url()).status_code == 200


def test_figures_agree_on_every_page_after_an_edit(client, plan):
    pages = [plan.get_absolute_url(), year_page()[0], plan.institution.get_absolute_url()]

    def figures():
        plan_page = client.get(pages[0])
        shown = re.search(r"Mức hoàn thành chung:</strong> (\d+)%", plan_page.content.decode())
        year = percents(client.get(pages[1]).content.decode())
        institution = re.search(r"mức hoàn thành (\d+)%", client.get(pages[2]).content.decode())
        return shown.group(1), year, institution.group(1)

    assert figures() == ("25", ["25"], "25")
    ProgressReportFactory(commitment=plan.commitments.get(), period_start=date(YEAR, 4, 1))
    assert figures() == ("50", ["50"], "50")
    CommitmentFactory(plan=plan, target=None, unit="", judgement="done")
    assert figures() == ("75", ["75"], "75")


def test_sort_matches_the_database_order(plan):
    from vietnamese.sorting import SortKey

    for name in ("Đồng Tháp", "Đà Nẵng", "Cao Bằng", "Cà Mau", "cà mau", "Ấp", "An", "Ăn"):
        WorkPlanFactory(institution=InstitutionFactory(name=name), year=YEAR)
    WorkPlanFactory(institution=InstitutionFactory(name="Cà Mau"), year=YEAR)  # a namesake: by id
    database = list(
        WorkPlan.objects.public()
        .filter(year=YEAR)
        .order_by(SortKey("institution__name"), "pk")
        .values_list("pk", flat=True)
    )
    from work_plans.views import YearView

    view = YearView()
    view.year = YEAR
    view.form = type("Form", (), {"is_valid": lambda self: False})()
    assert [row[0] for row in view.found] == database


def test_approvers_account_deleted_or_signing_in(client, plan, django_user_model):
    from django.contrib.auth.models import update_last_login

    from page_cache.middleware import kind_versions

    leader = django_user_model.objects.create_user(username="lanh_dao", last_name="Trần")
    plan.approved_by = leader
    plan.save()
    assertContains(client.get(plan.get_absolute_url()), "(Trần)")
    version = kind_versions()["work_plans"]
    update_last_login(None, leader)  # signing in saves last_login only: plans are as they were
    assert kind_versions()["work_plans"] == version
    leader.delete()
    page = client.get(plan.get_absolute_url())
    assertNotContains(page, "(Trần)")
    assertNotContains(page, "(None)")
    approved = timezone.localtime(plan.approved_at)
    assertContains(page, f"Phê duyệt ngày {approved:%d/%m/%Y}.")
