"""A year of the demo department's documents for `manage.py load_demo` (idempotent).

Numbers, signers and abstracts are invented; the types, issuers and the shape of the
numbers follow Decree 30/2020/NĐ-CP. One plan is replaced by a later one, one regulation
amended, one decision expired, and one official letter still waits for its file (the
office's checklist shows it).
"""

import io
import zipfile
from datetime import date

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from documents.models import Document, DocumentFile, DocumentType, Field, Issuer

FIELDS = [
    "Văn hóa – Di sản",
    "Nghệ thuật biểu diễn",
    "Gia đình",
    "Thể dục, thể thao",
    "Du lịch",
    "Báo chí, xuất bản",
    "Tổ chức – Hành chính",
]
ISSUERS = [
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("Ủy ban nhân dân tỉnh", "UBND"),
    ("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"),
]
DIRECTOR = ("Trần Văn Minh", "Giám đốc")
DEPUTY = ("Nguyễn Văn An", "Phó Giám đốc")
DEPUTY_2 = ("Lê Thị Thu Hương", "Phó Giám đốc")

# (type, number, issuer abbr, field, abstract, signer, issued, effective, key)
DOCUMENTS = [
    (
        "Kế hoạch",
        "05/KH-SVHTTDL",
        "SVHTTDL",
        "Nghệ thuật biểu diễn",
        "Tổ chức Liên hoan đờn ca tài tử tỉnh năm 2026",
        DEPUTY,
        date(2026, 1, 12),
        date(2026, 1, 12),
        "kh-05",
    ),
    (
        "Quyết định",
        "12/QĐ-SVHTTDL",
        "SVHTTDL",
        "Tổ chức – Hành chính",
        "Ban hành Quy chế làm việc của Sở Văn hóa, Thể thao và Du lịch",
        DIRECTOR,
        date(2026, 1, 20),
        date(2026, 1, 20),
        "qd-12",
    ),
    (
        "Công văn",
        "145/SVHTTDL-VP",
        "SVHTTDL",
        "Tổ chức – Hành chính",
        "Về việc nghỉ Tết Nguyên đán Bính Ngọ năm 2026 và trực cơ quan",
        DIRECTOR,
        date(2026, 2, 3),
        None,
        "cv-145",
    ),
    (
        "Kế hoạch",
        "09/KH-SVHTTDL",
        "SVHTTDL",
        "Văn hóa – Di sản",
        "Kiểm kê, lập hồ sơ di tích lịch sử – văn hóa cấp tỉnh năm 2026",
        DEPUTY_2,
        date(2026, 2, 24),
        date(2026, 2, 24),
        "kh-09",
    ),
    (
        "Thông báo",
        "21/TB-SVHTTDL",
        "SVHTTDL",
        "Tổ chức – Hành chính",
        "Lịch tiếp công dân định kỳ của lãnh đạo Sở năm 2026",
        DIRECTOR,
        date(2026, 3, 2),
        None,
        "tb-21",
    ),
    (
        "Quyết định",
        "15/2026/QĐ-UBND",
        "UBND",
        "Tổ chức – Hành chính",
        "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Văn hóa, Thể thao "
        "và Du lịch",
        ("Phạm Quốc Dũng", "Chủ tịch"),
        date(2026, 3, 16),
        date(2026, 4, 1),
        "qd-ubnd-15",
    ),
    (
        "Chỉ thị",
        "04/CT-UBND",
        "UBND",
        "Văn hóa – Di sản",
        "Tăng cường quản lý, tổ chức lễ hội trên địa bàn tỉnh",
        ("Phạm Quốc Dũng", "Chủ tịch"),
        date(2026, 3, 25),
        date(2026, 3, 25),
        "ct-04",
    ),
    (
        "Hướng dẫn",
        "02/HD-SVHTTDL",
        "SVHTTDL",
        "Gia đình",
        "Tổ chức các hoạt động hưởng ứng Ngày Gia đình Việt Nam 28/6",
        DEPUTY_2,
        date(2026, 4, 14),
        date(2026, 4, 14),
        "hd-02",
    ),
    (
        "Quyết định",
        "48/QĐ-SVHTTDL",
        "SVHTTDL",
        "Thể dục, thể thao",
        "Thành lập Ban Tổ chức Giải Việt dã truyền thống tỉnh năm 2026",
        DEPUTY,
        date(2026, 4, 27),
        date(2026, 4, 27),
        "qd-48",
    ),
    (
        "Kế hoạch",
        "18/KH-SVHTTDL",
        "SVHTTDL",
        "Nghệ thuật biểu diễn",
        "Tổ chức Liên hoan đờn ca tài tử tỉnh năm 2026 (thay thế Kế hoạch số 05/KH-SVHTTDL)",
        DEPUTY,
        date(2026, 5, 8),
        date(2026, 5, 8),
        "kh-18",
    ),
    (
        "Quyết định",
        "63/QĐ-SVHTTDL",
        "SVHTTDL",
        "Tổ chức – Hành chính",
        "Sửa đổi, bổ sung một số điều của Quy chế làm việc ban hành kèm theo Quyết định số "
        "12/QĐ-SVHTTDL",
        DIRECTOR,
        date(2026, 5, 29),
        date(2026, 6, 1),
        "qd-63",
    ),
    (
        "Công văn",
        "1210/SVHTTDL-QLDL",
        "SVHTTDL",
        "Du lịch",
        "Về việc bảo đảm an toàn cho khách du lịch mùa cao điểm hè 2026",
        DEPUTY,
        date(2026, 6, 10),
        None,
        "cv-1210",
    ),
    (
        "Kế hoạch",
        "25/KH-SVHTTDL",
        "SVHTTDL",
        "Du lịch",
        "Phát triển du lịch cộng đồng gắn với làng nghề truyền thống giai đoạn 2026 – 2030",
        DEPUTY,
        date(2026, 6, 30),
        date(2026, 6, 30),
        "kh-25",
    ),
    (
        "Quyết định",
        "77/QĐ-SVHTTDL",
        "SVHTTDL",
        "Tổ chức – Hành chính",
        "Kiện toàn Ban Biên tập Cổng thông tin điện tử của Sở",
        DIRECTOR,
        date(2026, 7, 6),
        date(2026, 7, 6),
        "qd-77",
    ),
    (
        "Thông báo",
        "58/TB-SVHTTDL",
        "SVHTTDL",
        "Báo chí, xuất bản",
        "Kết quả thẩm định hồ sơ cấp giấy phép xuất bản bản tin tháng 7 năm 2026",
        DEPUTY_2,
        date(2026, 7, 31),
        None,
        "tb-58",
    ),
    (
        "Kế hoạch",
        "33/KH-SVHTTDL",
        "SVHTTDL",
        "Thể dục, thể thao",
        "Tổ chức Đại hội Thể dục thể thao cấp xã năm 2026",
        DEPUTY,
        date(2026, 8, 12),
        date(2026, 8, 12),
        "kh-33",
    ),
    (
        "Quyết định",
        "95/QĐ-SVHTTDL",
        "SVHTTDL",
        "Văn hóa – Di sản",
        "Công bố danh mục di sản văn hóa phi vật thể cấp tỉnh đợt 1 năm 2026",
        DIRECTOR,
        date(2026, 9, 4),
        date(2026, 9, 4),
        "qd-95",
    ),
    (
        "Kế hoạch",
        "41/KH-SVHTTDL",
        "SVHTTDL",
        "Nghệ thuật biểu diễn",
        "Tham gia Liên hoan Đờn ca tài tử Nam Bộ toàn quốc lần thứ V",
        DEPUTY,
        date(2026, 9, 15),
        date(2026, 9, 15),
        "kh-41",
    ),
    (
        "Công văn",
        "2034/SVHTTDL-VP",
        "SVHTTDL",
        "Tổ chức – Hành chính",
        "Về việc báo cáo kết quả thực hiện nhiệm vụ 9 tháng đầu năm 2026",
        DIRECTOR,
        date(2026, 9, 28),
        None,
        "cv-2034",
    ),
    (
        "Hướng dẫn",
        "05/HD-SVHTTDL",
        "SVHTTDL",
        "Văn hóa – Di sản",
        "Xây dựng hương ước, quy ước thôn, tổ dân phố gắn với nếp sống văn hóa",
        DEPUTY_2,
        date(2026, 10, 9),
        date(2026, 10, 9),
        "hd-05",
    ),
    (
        "Quyết định",
        "118/QĐ-SVHTTDL",
        "SVHTTDL",
        "Du lịch",
        "Công nhận điểm du lịch cộng đồng Làng nghề bánh phồng",
        DEPUTY,
        date(2026, 10, 22),
        date(2026, 10, 22),
        "qd-118",
    ),
    (
        "Thông báo",
        "77/TB-SVHTTDL",
        "SVHTTDL",
        "Tổ chức – Hành chính",
        "Lịch tiếp công dân tháng 12 năm 2026",
        DIRECTOR,
        date(2026, 11, 16),
        None,
        "tb-77",
    ),
    (
        "Kế hoạch",
        "52/KH-SVHTTDL",
        "SVHTTDL",
        "Gia đình",
        "Tổ chức Tháng hành động quốc gia về phòng, chống bạo lực gia đình năm 2026",
        DEPUTY_2,
        date(2026, 11, 2),
        date(2026, 11, 2),
        "kh-52",
    ),
    (
        "Công văn",
        "2410/SVHTTDL-VP",
        "SVHTTDL",
        "Tổ chức – Hành chính",
        "Về việc đăng ký lịch công tác tháng 12 năm 2026 của các phòng, đơn vị",
        DIRECTOR,
        date(2026, 11, 24),
        None,
        "cv-2410",
    ),
    (
        "Quyết định",
        "30/QĐ-SVHTTDL",
        "SVHTTDL",
        "Thể dục, thể thao",
        "Phê duyệt danh sách vận động viên đội tuyển tỉnh tập trung năm 2025",
        DEPUTY,
        date(2025, 12, 15),
        date(2025, 12, 15),
        "qd-30-2025",
    ),
]
# The official letter whose file the office has not uploaded yet.
WITHOUT_FILE = {"cv-2410"}
DOCX_FILES = {"cv-145", "cv-1210"}


def demo_pdf(number: str, abstract: str) -> ContentFile:
    """A one-page PDF standing for the signed text (drawn with Pillow, ASCII only)."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 140), "SO VAN HOA, THE THAO VA DU LICH", fill="black")
    draw.text((120, 200), f"So: {number}", fill="black")
    draw.text((120, 260), "Ban mau cua du lieu thu nghiem (demo)", fill="black")
    draw.rectangle([120, 320, 1120, 324], fill="black")
    for line in range(20):
        draw.rectangle(
            [120, 380 + line * 52, 1120 - (line % 3) * 140, 396 + line * 52], fill=(200,) * 3
        )
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return ContentFile(buffer.getvalue(), name="van-ban.pdf")


def demo_docx(text: str) -> ContentFile:
    """A minimal Word document (the parts a DOCX must have)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return ContentFile(buffer.getvalue(), name="van-ban.docx")


def load() -> dict:
    fields = {}
    for order, name in enumerate(FIELDS, start=1):
        fields[name], _ = Field.objects.get_or_create(name=name, defaults={"order": order})
    issuers = {}
    for order, (name, abbreviation) in enumerate(ISSUERS, start=1):
        issuers[abbreviation], _ = Issuer.objects.get_or_create(
            name=name, defaults={"abbreviation": abbreviation, "order": order}
        )
    types = {t.name: t for t in DocumentType.objects.all()}
    made = {}
    for row in DOCUMENTS:
        type_name, number, issuer, field, abstract, signer, issued, effective, key = row
        document = Document.objects.filter(
            issuer=issuers[issuer], year=issued.year, number_symbol=number
        ).first() or Document(issuer=issuers[issuer], number_symbol=number)
        if document.pk is None:
            document.type = types[type_name]
            document.field = fields[field]
            document.abstract = abstract
            document.signer, document.signer_title = signer
            document.issued_on = issued
            document.effective_on = effective
            document.full_clean()
            document.save()
        made[key] = document
        if key not in WITHOUT_FILE and not document.files.exists():
            content = demo_docx(abstract) if key in DOCX_FILES else demo_pdf(number, abstract)
            DocumentFile.objects.create(document=document, file=content, title="Toàn văn")
    _relations(made)
    return {"documents": Document.objects.count()}


def _relations(made) -> None:
    """The plan replaced by a later one, the regulation amended, the decision expired."""
    replaced = made["kh-05"]
    if replaced.status != Document.Status.REPLACED:
        replaced.status = Document.Status.REPLACED
        replaced.replaced_by = made["kh-18"]
        replaced.ended_on = made["kh-18"].issued_on
        replaced.full_clean()
        replaced.save()
    amended = made["qd-12"]
    if amended.status != Document.Status.AMENDED:
        amended.status = Document.Status.AMENDED
        amended.save()
        amended.amended_by.add(made["qd-63"])
    expired = made["qd-30-2025"]
    if expired.status != Document.Status.EXPIRED:
        expired.status = Document.Status.EXPIRED
        expired.ended_on = date(2026, 1, 1)
        expired.full_clean()
        expired.save()
