import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    ArticleFactory,
    CommitmentFactory,
    InstitutionFactory,
    ProgressReportFactory,
    WorkPlanFactory,
    pdf_bytes,
)
from work_plans.models import ProgressReport, WorkPlan

pytestmark = pytest.mark.django_db
REPORT_ADD = reverse("admin:work_plans_progressreport_add")


@pytest.fixture
def plans(staff_a, staff_b):
    a = InstitutionFactory(name="Trung tâm A")
    b = InstitutionFactory(name="Trung tâm B")
    a.editors.add(staff_a)
    b.editors.add(staff_b)
    plan_a = WorkPlanFactory(institution=a, year=2022)
    plan_b = WorkPlanFactory(institution=b, year=2022)
    return {
        "a": CommitmentFactory(plan=plan_a, description="Chiếu phim A"),
        "b": CommitmentFactory(plan=plan_b, description="Chiếu phim B"),
    }


def report_data(commitment, **changes):
    data = {
        "commitment": commitment.pk,
        "period_start": "quarter:2022-01-01",
        "quantity": "9",
        "note": "",
        "evidence_article": "",
    }
    data.update(changes)
    return data


def test_one_plan_per_institution_and_year_in_the_database():
    plan = WorkPlanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkPlanFactory(institution=plan.institution, year=plan.year)


def test_database_refuses_negative_progress():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressReportFactory(quantity=-1)


def test_staff_reports_a_quarter_with_a_news_article_as_evidence(client, staff_a, plans):
    article = ArticleFactory(title="Chiếu phim lưu động quý I")
    client.force_login(staff_a)
    response = client.post(REPORT_ADD, report_data(plans["a"], evidence_article=article.pk))
    assert response.status_code == 302, response.context["adminform"].form.errors
    report = ProgressReport.objects.get()
    assert report.period_kind == "quarter" and report.period_start == date(2022, 1, 1)
    assert report.status == "submitted" and report.submitted_by == staff_a
    assert report.evidence_article == article


def test_staff_of_a_cannot_report_on_bs_commitment_even_by_crafted_post(client, staff_a, plans):
    client.force_login(staff_a)
    response = client.post(REPORT_ADD, report_data(plans["b"]))
    assert response.status_code == 200
    assert "commitment" in response.context["adminform"].form.errors
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"quantity": "-3"}, "quantity", "không được âm"),
        ({"period_start": "quarter:2023-01-01"}, "period_start", ""),
        ({"period_start": "month:2022-13-01"}, "period_start", ""),
    ],
)
def test_bad_reports_are_refused_with_a_message(client, staff_a, plans, changes, field, message):
    client.force_login(staff_a)
    response = client.post(REPORT_ADD, report_data(plans["a"], **changes))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors and message in str(errors[field])
    assert not ProgressReport.objects.exists()


def test_reports_on_a_closed_plan_are_refused(client, staff_a, plans):
    WorkPlan.objects.filter(pk=plans["a"].plan_id).update(status="closed")
    client.force_login(staff_a)
    response = client.post(REPORT_ADD, report_data(plans["a"]))
    assert "đã khép lại" in str(response.context["adminform"].form.errors)
    assert not ProgressReport.objects.exists()


def test_draft_articles_cannot_be_evidence(client, staff_a, plans):
    draft = ArticleFactory(status="draft", published_at=None)
    client.force_login(staff_a)
    response = client.post(REPORT_ADD, report_data(plans["a"], evidence_article=draft.pk))
    assert "evidence_article" in response.context["adminform"].form.errors


@pytest.mark.parametrize(
    "content, name",
    [
        (b"<html><script>alert(1)</script></html>", "bao-cao.pdf"),
        (b"%PDF-1.4 /JavaScript (app.alert(1))", "bao-cao.pdf"),
        (b"", "rong.pdf"),
    ],
)
def test_evidence_files_are_judged_by_content(client, staff_a, plans, content, name):
    client.force_login(staff_a)
    data = report_data(plans["a"], evidence_file=SimpleUploadedFile(name, content))
    response = client.post(REPORT_ADD, data)
    assert "evidence_file" in response.context["adminform"].form.errors
    assert not ProgressReport.objects.exists()


def test_unverified_evidence_is_not_public(client, staff_a, staff_b, plans):
    client.force_login(staff_a)
    pdf = SimpleUploadedFile("minh-chung.pdf", pdf_bytes())
    client.post(REPORT_ADD, report_data(plans["a"], evidence_file=pdf))
    report = ProgressReport.objects.get()
    url = reverse("work_plans:evidence", args=[report.pk])
    assert client.get(url).status_code == 200
    assert "media" not in report.evidence_file.path.split("/")[-3:]
    client.force_login(staff_b)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_leader_verifies_and_the_dashboard_changes(client, leader, staff_a, plans):
    report = ProgressReportFactory(commitment=plans["a"], quantity=40, status="submitted")
    client.force_login(leader)
    dashboard = reverse("work_plans:dashboard", args=[2022])
    before = client.get(dashboard)
    assert [r["achieved"] for r in before.context["rows"]] == [0, 0]
    client.post(reverse("work_plans:review-report", args=[report.pk]), {"verify": "1"})
    report.refresh_from_db()
    assert report.status == "verified" and report.verified_by == leader
    after = client.get(dashboard, {"sort": "-share"})
    assert after.context["rows"][0]["plan"].institution.name == "Trung tâm A"
    assert after.context["rows"][0]["achieved"] == 1


def test_staff_cannot_verify_or_change_a_verified_report(client, staff_a, plans):
    report = ProgressReportFactory(commitment=plans["a"], quantity=5, status="submitted")
    client.force_login(staff_a)
    response = client.post(reverse("work_plans:review-report", args=[report.pk]), {"verify": "1"})
    assert response.status_code == 403
    report.status = "verified"
    report.save()
    change = reverse("admin:work_plans_progressreport_change", args=[report.pk])
    client.post(change, report_data(plans["a"], quantity="99"))
    report.refresh_from_db()
    assert report.quantity == 5


def test_public_sees_approved_plans_and_verified_numbers_only(client, plans):
    ProgressReportFactory(commitment=plans["a"], quantity=12, status="verified")
    ProgressReportFactory(commitment=plans["a"], quantity=30, status="submitted")
    draft = WorkPlanFactory(year=2022, status="draft", approved_at=None)
    response = client.get(plans["a"].plan.get_absolute_url())
    assertContains(response, "12 / 40")
    assertNotContains(response, "42 / 40")
    assert client.get(draft.get_absolute_url()).status_code == 404
    year = client.get(reverse("work_plans:year", args=[2022]))
    assertContains(year, "Trung tâm A")
    assertNotContains(year, draft.institution.name)


@pytest.mark.parametrize("count", [2, 20])
def test_year_page_shows_each_plans_progress_in_fixed_queries(
    client, count, django_assert_max_num_queries
):
    for number in range(count):
        commitment = CommitmentFactory(plan__institution__name=f"Trung tâm số {number:02}")
        ProgressReportFactory(commitment=commitment, quantity=30)  # 30 of 40
        ProgressReportFactory(commitment=commitment, quantity=10, status="submitted")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("work_plans:year", args=[2022]))
    rows = response.content.decode().split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == count
    assert "Trung tâm số 00" in rows[0] and f"Trung tâm số {count - 1:02}" in rows[-1]
    assert all('value="75"' in row and "</progress> 75%" in row for row in rows)


def test_year_page_finds_a_centre_by_name_and_pages_fifty_plans(client):
    for number in range(52):
        WorkPlanFactory(institution__name=f"Nhà văn hóa ấp {number:02}")
    mine = CommitmentFactory(
        plan__institution__name="Trung tâm Văn hóa – Học tập cộng đồng xã Mỹ Hiệp"
    )
    ProgressReportFactory(commitment=mine, quantity=40)
    url = reverse("work_plans:year", args=[2022])

    first = client.get(url)
    assertContains(first, "53 kế hoạch")
    assert first.content.decode().count("<tr>") == 1 + 50  # the head and fifty plans
    second = client.get(url, {"page": 2})
    assertContains(second, "Nhà văn hóa ấp 51")
    assertContains(second, "Trang 2")

    found = client.get(url, {"q": "my hiep"})  # without diacritics, as people type
    assertContains(found, "1 kế hoạch")
    assertContains(found, "xã Mỹ Hiệp")
    assertContains(found, 'value="100"')
    assertNotContains(found, "Nhà văn hóa ấp 00")
    nothing = client.get(url, {"q": "Đà Lạt"})
    assertContains(nothing, "Không có kế hoạch nào của thiết chế có tên “Đà Lạt” trong năm này.")
    assertContains(client.get(url, {"q": "x" * 500}), "tối đa 200 kí tự (hiện có 500)")


def test_year_pages_show_each_plan_once_when_centres_share_a_name(client):
    for _ in range(55):
        CommitmentFactory(plan__institution__name="Nhà văn hóa ấp 1")
    url = reverse("work_plans:year", args=[2022])
    links = []
    for page in (1, 2):
        html = client.get(url, {"page": page}).content.decode()
        for row in html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]:
            links.append(row.split('href="')[1].split('"')[0])
            assert "<td>1</td>" in row  # its one commitment
    assert len(links) == len(set(links)) == 55


@pytest.mark.parametrize("year", ["99999", "1999", "0000"])
def test_years_out_of_range_are_not_found(client, leader, plans, year):
    client.force_login(leader)
    for path in (f"/ke-hoach/{year}/", f"/ke-hoach/{year}/bang-theo-doi/"):
        assert client.get(path).status_code == 404


def test_exports_read_back_with_the_right_numbers(client, leader, plans):
    ProgressReportFactory(commitment=plans["a"], quantity=30)
    client.force_login(leader)
    response = client.get(reverse("work_plans:dashboard", args=[2022]), {"xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Trung tâm A"][5] == 75.0  # 30 of 40, a number not text
    assert rows["Trung tâm A"][6] == 1
    plan_file = client.get(
        reverse("work_plans:plan-export", args=[2022, plans["a"].plan.institution.slug, "xlsx"])
    )
    plan_sheet = load_workbook(io.BytesIO(plan_file.content)).active
    values = next(plan_sheet.iter_rows(min_row=2, values_only=True))
    assert values[2] == 40 and values[5] == 40 and values[6] == 30 and values[8] == 75
    csv = client.get(reverse("work_plans:dashboard", args=[2022]), {"xuat": "csv"})
    assert "Trung tâm A" in csv.content.decode("utf-8-sig")


@pytest.mark.parametrize("count", [2, 20])
def test_dashboard_runs_a_fixed_number_of_queries(
    client, leader, count, django_assert_max_num_queries
):
    for _ in range(count):
        ProgressReportFactory(commitment=CommitmentFactory())
    client.force_login(leader)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("work_plans:dashboard", args=[2022]))
    assert len(response.context["rows"]) == count


def test_dashboard_needs_permission(client, staff_a, plans):
    url = reverse("work_plans:dashboard", args=[2022])
    assert client.get(url).status_code == 302
    client.force_login(staff_a)
    assert client.get(url).status_code == 403
    assert client.get(url, {"xuat": "xlsx"}).status_code == 403


def test_institution_page_shows_its_plan_summary(client, plans):
    ProgressReportFactory(commitment=plans["a"], quantity=40)
    response = client.get(plans["a"].plan.institution.get_absolute_url())
    assertContains(response, "Chương trình công tác năm 2022")
    assertContains(response, "1 đã đạt")


def test_forms_offer_only_what_they_accept(client, staff_a, plans):
    """Issue 18, case 8: the plan form's institution box offers a staff member's own
    institutions only; the report form offers no commitment of a closed plan."""
    other = InstitutionFactory(name="Trung tâm Văn hóa tỉnh khác")
    client.force_login(staff_a)
    found = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "work_plans",
            "model_name": "workplan",
            "field_name": "institution",
            "term": "Trung tâm",
        },
    ).json()["results"]
    assert [r["text"] for r in found] == ["Trung tâm A"]
    assert other.name not in str(found)
    closed = WorkPlanFactory(institution=plans["a"].plan.institution, year=2021, status="closed")
    CommitmentFactory(plan=closed, description="Cam kết của năm đã khép lại")
    form = client.get(REPORT_ADD)
    assertContains(form, "Chiếu phim A")
    assertNotContains(form, "Cam kết của năm đã khép lại")


def test_articles_still_name_any_institution(client, editor):
    InstitutionFactory(name="Bảo tàng tỉnh")
    client.force_login(editor)
    found = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "article", "field_name": "institutions", "term": "bao"},
    ).json()["results"]
    assert [r["text"] for r in found] == ["Bảo tàng tỉnh"]
