"""The comments on drafts as a spreadsheet, for the office to write its summary.

Never the commenters' e-mail or phone: an export leaves the office's hands (meetings, the
drafting team), and Decree 13/2023/NĐ-CP keeps contact details to those who need them.
Text a spreadsheet would read as a formula is written as text (work_plans/exporting.py).
"""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from work_plans.exporting import XLSX, reads_as_formula

# The columns, and nothing else: no contact detail is read from the database.
COLUMNS = ("draft__title", "name", "section", "body", "submitted_at", "status")
WIDTHS = (40, 24, 18, 80, 16, 18)


def comments_table(queryset) -> tuple[list[str], list[list]]:
    from consultations.models import Comment

    header = [
        _("Dự thảo"),
        _("Họ và tên"),
        _("Điều, khoản"),
        _("Nội dung góp ý"),
        _("Ngày gửi"),
        _("Trạng thái"),
    ]
    labels = dict(Comment.Status.choices)
    body = [
        [
            row["draft__title"],
            row["name"],
            row["section"],
            row["body"],
            timezone.localtime(row["submitted_at"]).strftime("%d/%m/%Y %H:%M"),
            str(labels.get(row["status"], row["status"])),
        ]
        for row in queryset.order_by("draft__title", "submitted_at", "pk").values(*COLUMNS)
    ]
    return header, body


def comments_response(queryset) -> HttpResponse:
    header, body = comments_table(queryset)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Góp ý dự thảo")
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in body:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"
            cell.quotePrefix = reads_as_formula(cell.value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEF", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    day = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="gop-y-du-thao-{day}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
