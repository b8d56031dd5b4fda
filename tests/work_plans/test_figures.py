"""One definition of each figure: a plan's overall share, what is behind and each commitment's
done and target agree on its page (public and internal), the year page, the leaders'
dashboard, both exports of each, and the print layout (the page itself, printed)."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import (
    CommitmentFactory,
    InstitutionFactory,
    ProgressReportFactory,
    WorkPlanFactory,
)

pytestmark = pytest.mark.django_db
YEAR = 2025  # a past year: every page looks at 31/12/2025


@pytest.fixture
def plan(staff_a):
    institution = InstitutionFactory(name="Trung tâm Văn hóa tỉnh")
    institution.editors.add(staff_a)
    plan = WorkPlanFactory(institution=institution, year=YEAR)
    screenings = CommitmentFactory(plan=plan, description="Chiếu phim", target=40, rhythm="year")
    ProgressReportFactory(commitment=screenings, quantity=20)  # verified
    ProgressReportFactory(commitment=screenings, quantity=15, status="submitted")
    ProgressReportFactory(commitment=screenings, quantity=5, status="returned")
    shows = CommitmentFactory(plan=plan, description="Biểu diễn", target=3, rhythm="quarter")
    for quarter, status in ((1, "verified"), (4, "verified"), (7, "returned")):
        ProgressReportFactory(
            commitment=shows, period_start=date(YEAR, quarter, 1), quantity=3, status=status
        )
    monthly = CommitmentFactory(plan=plan, description="Tuyên truyền", target=1, rhythm="month")
    ProgressReportFactory(
        commitment=monthly, period_kind="month", period_start=date(YEAR, 2, 1), quantity=1
    )
    once = CommitmentFactory(
        plan=plan, description="Triển lãm", target=1, rhythm="once", due_date=date(YEAR, 6, 30)
    )
    ProgressReportFactory(commitment=once, quantity=1, status="submitted")
    CommitmentFactory(plan=plan, description="Số hóa", target=None, unit="", judgement="done")
    CommitmentFactory(plan=plan, description="Bảo tồn", target=None, unit="", judgement="partly")
    CommitmentFactory(
        plan=plan,
        description="Sửa nhà văn hóa",
        target=None,
        unit="",
        rhythm="once",
        due_date=date(YEAR, 6, 30),
    )
    return plan


def page_figures(response) -> tuple[int, int]:
    summary = response.context["summary"]
    return summary["percent"], summary["behind"]


def export_rows(response, kind) -> list[list]:
    if kind == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
    text = response.content.decode("utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text))][1:]


def test_every_output_shows_the_same_figures(client, plan, leader, staff_a):
    slug = plan.institution.slug
    page = reverse("work_plans:plan", kwargs={"year": YEAR, "slug": slug})

    public = page_figures(client.get(page))
    client.force_login(staff_a)
    internal_response = client.get(page)
    internal = page_figures(internal_response)
    client.force_login(leader)
    leaders = page_figures(client.get(page))
    year_row = client.get(reverse("work_plans:year", kwargs={"year": YEAR})).context["rows"][0]
    dashboard = reverse("work_plans:dashboard", kwargs={"year": YEAR})
    dashboard_row = client.get(dashboard).context["rows"][0]

    # Verified only: 20/40, 6/12, 1/12, 0/1, judged 100 %, 50 %, 0 %.
    expected_percent = round((0.5 + 0.5 + 1 / 12 + 0 + 1 + 0.5 + 0) / 7 * 100)
    # Behind on 31/12: the screenings, shows, monthly and one-off commitments short of their
    # targets, the partly done one at the end of its year, the undone one past its date.
    assert public == internal == leaders == (expected_percent, 6)
    assert (year_row["percent"], year_row["behind"]) == public
    assert (dashboard_row["percent"], dashboard_row["behind"]) == public

    for kind in ("xlsx", "csv"):
        rows = export_rows(client.get(dashboard, {"xuat": kind}), kind)
        assert float(rows[0][5]) == round(dashboard_row["share"] * 100, 1)
        assert int(rows[0][8]) == 6
        plan_rows = export_rows(
            client.get(
                reverse(
                    "work_plans:plan-export", kwargs={"year": YEAR, "slug": slug, "export": kind}
                )
            ),
            kind,
        )
        done = {row[1]: row[6] for row in plan_rows}
        assert float(done["Chiếu phim"]) == 20  # the pending 15 and the returned 5 are not
        assert float(done["Biểu diễn"]) == 6
        assert float(done["Triển lãm"]) == 0
        assert sum(1 for row in plan_rows if row[9] == "Chậm tiến độ") == 6

    # The internal page lists the pending and returned reports, marked, but does not sum them.
    html = internal_response.content.decode()
    assert "Chờ xác nhận" in html and "Trả lại" in html
    assert "20 / 40" in html
    assert "Mức hoàn thành chung là trung bình của các cam kết" in html
