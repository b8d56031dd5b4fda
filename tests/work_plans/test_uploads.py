"""Evidence files, uploaded as staff and opened by anyone once verified: what is stored is
checked whole, photos are re-encoded, and each file is served as the type it was found to be."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter

from tests.factories import pdf_bytes
from tests.work_plans.test_plans import REPORT_ADD, report_data
from tests.work_plans.test_plans import plans as make_plans
from work_plans.models import ProgressReport

pytestmark = pytest.mark.django_db

SCRIPT_TAIL = b"<script>alert(document.cookie)</script>"


@pytest.fixture
def plans(staff_a, staff_b):
    return make_plans.__wrapped__(staff_a, staff_b)


def upload(client, staff_a, plans, data: bytes, name="minh-chung.pdf", content_type=None):
    client.force_login(staff_a)
    evidence = SimpleUploadedFile(name, data, content_type=content_type or "application/pdf")
    note = "Chiếu phim lưu động tại 9 ấp, có biên bản kèm theo"
    return client.post(REPORT_ADD, report_data(plans["a"], note=note, evidence_file=evidence))


def field_errors(response) -> str:
    assert response.status_code == 200, "the report was saved"
    return " ".join(response.context["adminform"].form.errors.get("evidence_file", []))


def stored(report) -> bytes:
    with report.evidence_file.open("rb") as handle:
        return handle.read()


def photo_with_gps(fmt: str) -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (10.0, 27.0, 36.0), 3: "E", 4: (105.0, 38.0, 0.0)}  # GPSInfo
    exif[0x010F] = "Máy ảnh của cán bộ"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 40, 40)).save(buffer, fmt, exif=exif)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt, extension", [("JPEG", "jpg"), ("PNG", "png")])
def test_photo_evidence_is_re_encoded_without_exif_or_trailing_bytes(
    client, staff_a, plans, fmt, extension
):
    data = photo_with_gps(fmt) + SCRIPT_TAIL
    assert Image.open(io.BytesIO(data)).getexif().get(0x8825)
    response = upload(client, staff_a, plans, data, f"anh.{extension}", f"image/{extension}")
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    kept = stored(report)
    assert SCRIPT_TAIL not in kept and b"<script" not in kept
    image = Image.open(io.BytesIO(kept))
    assert image.format == fmt and image.size == (320, 240)
    assert not image.getexif()
    assert report.evidence_file.name.endswith(f".{extension}")
    served = client.get(reverse("work_plans:evidence", args=[report.pk]))
    assert b"".join(served.streaming_content) == kept


def test_pdf_with_javascript_beyond_its_first_two_kilobytes_is_refused(client, staff_a, plans):
    data = pdf_bytes(
        "<< /S /JavaScript /JS (app.launchURL('http://evil/')) >>",
        catalog="/OpenAction 5 0 R ",
        padding=4000,
    )
    assert data.index(b"/JavaScript") > 2048
    response = upload(client, staff_a, plans, data)
    message = field_errors(response)
    assert "JavaScript" in message and "không được nhận" in message
    assert "Chiếu phim lưu động tại 9 ấp" in response.content.decode()  # what was typed
    assert not ProgressReport.objects.exists()


ACTIVE = {
    "javascript in the names": (
        pdf_bytes(
            "<< /JavaScript 6 0 R >>",
            "<< /Names [(a) 7 0 R] >>",
            "<< /S /JavaScript /JS (app.alert(1)) >>",
            catalog="/Names 5 0 R ",
        ),
        "JavaScript",
    ),
    "an action when opened": (
        pdf_bytes("<< /S /URI /URI (http://evil/) >>", catalog="/OpenAction 5 0 R "),
        "OpenAction",
    ),
    "actions on a page": (
        pdf_bytes("<< /O 6 0 R >>", "<< /S /URI /URI (http://evil/) >>", page="/AA 5 0 R "),
        "AA",
    ),
    "launching a program": (
        pdf_bytes(
            "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 6 0 R >>",
            "<< /S /Launch /F (cmd.exe) >>",
            page="/Annots [5 0 R] ",
        ),
        "Launch",
    ),
    "an embedded file": (
        pdf_bytes(
            "<< /EmbeddedFiles 6 0 R >>",
            "<< /Names [(a.exe) 7 0 R] >>",
            "<< /Type /Filespec /F (a.exe) /EF << /F 8 0 R >> >>",
            "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
            catalog="/Names 5 0 R ",
        ),
        "EmbeddedFile",
    ),
    "an XFA form": (
        pdf_bytes(
            "<< /Fields [] /XFA 6 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
            catalog="/AcroForm 5 0 R ",
        ),
        "XFA",
    ),
    "a name written with #xx escapes": (
        pdf_bytes("<< /S /J#61vaScr#69pt /J#53 (app.alert(1)) >>", catalog="/OpenAction 5 0 R "),
        "JavaScript",
    ),
    "javascript compressed in an object stream": (
        pdf_bytes(
            catalog="/Names 5 0 R ",
            packed=(
                "<< /JavaScript 7 0 R >>",
                "<< /Names [(a) 8 0 R] >>",
                "<< /S /JavaScript /JS (app.alert(1)) >>",
            ),
        ),
        "JavaScript",
    ),
}


@pytest.mark.parametrize("data, named", ACTIVE.values(), ids=ACTIVE.keys())
def test_pdfs_with_active_content_are_refused_naming_it(client, staff_a, plans, data, named):
    message = field_errors(upload(client, staff_a, plans, data))
    assert named in message and "không được nhận" in message
    assert not ProgressReport.objects.exists()


def written_by_pypdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


ORDINARY = {
    "one page": pdf_bytes(),
    # LibreOffice opens its PDFs at the first page: a destination, not an action.
    "opening at a page": pdf_bytes(catalog="/OpenAction [3 0 R /XYZ null null 0] "),
    "a web link": pdf_bytes(
        "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 6 0 R >>",
        "<< /S /URI /URI (https://vhttdl.dongthap.gov.vn/) >>",
        page="/Annots [5 0 R] ",
    ),
    "compressed objects": pdf_bytes(catalog="/PageLabels 5 0 R ", packed=("<< /Nums [] >>",)),
    "written by pypdf": written_by_pypdf(),
}


@pytest.mark.parametrize("data", ORDINARY.values(), ids=ORDINARY.keys())
def test_ordinary_pdfs_are_stored_as_uploaded(client, staff_a, plans, data):
    response = upload(client, staff_a, plans, data)
    assert response.status_code == 302, field_errors(response)
    report = ProgressReport.objects.get()
    assert stored(report) == data  # byte for byte: a signed document keeps its signature
    assert report.evidence_file.name.endswith(".pdf")


def encrypted() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, says",
    [
        (b"%PDF-1.4\n/JavaScript (app.alert(1))\n", "hỏng"),
        (pdf_bytes()[:-200], "hỏng"),
        (encrypted(), "mật khẩu"),
    ],
    ids=["not a pdf inside", "cut short", "encrypted"],
)
def test_pdfs_that_cannot_be_checked_whole_are_refused_saying_why(
    client, staff_a, plans, data, says
):
    message = field_errors(upload(client, staff_a, plans, data))
    assert says in message
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(
    "data, limit, says",
    [
        (pdf_bytes(*["<< >>"] * 60), ("PDF_MAX_OBJECTS", 50), "hơn 50 đối tượng"),
        (pdf_bytes(packed=("<< >>",) * 60), ("PDF_MAX_OBJECTS", 50), "hơn 50 đối tượng"),
        (pdf_bytes("[" + "0 " * 3000 + "]"), ("PDF_MAX_WORDS", 2000), "hơn 2.000 từ"),
        # A few hundred bytes that decode to thousands of words.
        (pdf_bytes(packed=("[" + "0 " * 3000 + "]",)), ("PDF_MAX_WORDS", 2000), "hơn 2.000 từ"),
    ],
    ids=["objects", "compressed objects", "words", "compressed words"],
)
def test_pdfs_of_more_than_can_be_checked_in_bounded_time_are_refused(
    client, staff_a, plans, monkeypatch, data, limit, says
):
    monkeypatch.setattr(f"work_plans.uploads.{limit[0]}", limit[1])
    message = field_errors(upload(client, staff_a, plans, data))
    assert "quá phức tạp để kiểm tra" in message and says in message
    assert not ProgressReport.objects.exists()


def test_stored_name_and_served_type_come_from_the_content_not_the_browser(client, staff_a, plans):
    data = pdf_bytes()
    response = upload(client, staff_a, plans, data, "bao-cao.html", "text/html")
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert report.evidence_file.name.endswith(".pdf")
    served = client.get(reverse("work_plans:evidence", args=[report.pk]))
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"] == f'inline; filename="minh-chung-{report.pk}.pdf"'
    assert served["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_refused_replacement_keeps_the_stored_evidence(client, staff_a, plans):
    upload(client, staff_a, plans, pdf_bytes())
    report = ProgressReport.objects.get()
    kept, name = stored(report), report.evidence_file.name
    change = reverse("admin:work_plans_progressreport_change", args=[report.pk])
    active = pdf_bytes(
        "<< /S /JavaScript /JS (app.alert(1)) >>", catalog="/OpenAction 5 0 R ", padding=4000
    )
    data = report_data(
        plans["a"], quantity="11", evidence_file=SimpleUploadedFile("moi.pdf", active)
    )
    response = client.post(change, data)
    assert "JavaScript" in field_errors(response)
    assert 'value="11"' in response.content.decode()  # what was typed is still there
    report.refresh_from_db()
    assert report.evidence_file.name == name and stored(report) == kept
    assert report.quantity == 9


def test_the_admin_links_the_evidence_through_the_portal(client, staff_a, plans):
    upload(client, staff_a, plans, pdf_bytes())
    report = ProgressReport.objects.get()
    change = reverse("admin:work_plans_progressreport_change", args=[report.pk])
    evidence = reverse("work_plans:evidence", args=[report.pk])
    for status in ("submitted", "verified"):  # staff may change it, then only see it
        ProgressReport.objects.filter(pk=report.pk).update(status=status)
        html = client.get(change).content.decode()
        assert f'href="{evidence}"' in html
        assert f"minh-chung-{report.pk}.pdf" in html
        assert report.evidence_file.name not in html  # no address of the stored file itself
