"""Exports of the dashboard and of a plan, to XLSX (numbers as numbers) and CSV.

Their text was typed by staff and is opened by leaders in Excel: text that a spreadsheet
would read as a formula is written as text (OWASP, "CSV Injection").
"""

import csv
import io
from datetime import date

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def reads_as_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _percent(share):
    return None if share is None else round(share * 100, 1)


def dashboard_table(rows) -> tuple[list[str], list[list]]:
    header = [
        _("Thiết chế"),
        _("Cấp"),
        _("Loại"),
        _("Địa bàn"),
        _("Trạng thái kế hoạch"),
        _("Mức hoàn thành (%)"),
        _("Số cam kết"),
        _("Đã đạt"),
        _("Chậm tiến độ"),
    ]
    body = [
        [
            row["plan"].institution.name,
            row["plan"].institution.get_level_display(),
            row["plan"].institution.type.name,
            row["plan"].institution.unit.full_name,
            row["plan"].get_status_display(),
            _percent(row["share"]),
            row["count"],
            row["achieved"],
            row["behind"],
        ]
        for row in rows
    ]
    return header, body


def plan_table(plan, day: date) -> tuple[list[str], list[list]]:
    header = [
        _("Nhóm"),
        _("Cam kết"),
        _("Chỉ tiêu mỗi kỳ"),
        _("Đơn vị"),
        _("Nhịp"),
        _("Chỉ tiêu cả năm"),
        _("Đã thực hiện"),
        _("Cần đạt đến nay"),
        _("Mức hoàn thành (%)"),
        _("Tình trạng"),
    ]
    body = []
    for commitment in plan.commitments.all():
        result = commitment.fulfilment(day)
        body.append(
            [
                commitment.category.name,
                commitment.description,
                float(commitment.target) if commitment.target is not None else None,
                commitment.unit,
                commitment.get_rhythm_display(),
                float(result.target) if result.target is not None else None,
                float(result.done) if result.done is not None else None,
                round(float(result.expected), 2) if result.expected is not None else None,
                result.percent,
                result.label,
            ]
        )
    return header, body


def _xlsx(title: str, header, body) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in body:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # openpyxl makes a formula of any string that starts with "="; a string
                # cell is text, and the quote prefix keeps Excel from re-reading it as a
                # formula when someone edits the cell.
                cell.data_type = "s"
                cell.quotePrefix = reads_as_formula(cell.value)
    for index, name in enumerate(header, start=1):
        width = max([len(str(name)), *(len(str(r[index - 1] or "")) for r in body)] or [10])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_cell(value):
    return f"'{value}" if reads_as_formula(value) else value


def _csv(header, body) -> bytes:
    buffer = io.StringIO()
    # Text quoted, a formula-like start behind a single quote (OWASP); numbers bare, so
    # that a spreadsheet reads them as numbers.
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    for row in [header, *body]:
        writer.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


def _response(content: bytes, filename: str, export: str) -> HttpResponse:
    content_type = XLSX if export == "xlsx" else "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export}"'
    response["Cache-Control"] = "private, no-store"
    return response


def dashboard_response(rows, year: int, day: date, export: str) -> HttpResponse:
    header, body = dashboard_table(rows)
    content = _xlsx(f"Năm {year}", header, body) if export == "xlsx" else _csv(header, body)
    return _response(content, f"bang-theo-doi-ke-hoach-{year}-{day:%Y%m%d}", export)


def plan_response(plan, day: date, export: str) -> HttpResponse:
    header, body = plan_table(plan, day)
    content = _xlsx(str(plan.year), header, body) if export == "xlsx" else _csv(header, body)
    return _response(content, f"ke-hoach-{plan.institution.slug}-{plan.year}", export)
