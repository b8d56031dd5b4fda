"""Files of documents are judged by their content: PDF without active content, DOCX without
macros, DOC; anything else is refused with a Vietnamese message."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from documents.demo import demo_docx
from documents.files import check_document_file
from tests.factories import pdf_bytes


def upload(content: bytes, name="van-ban.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_bytes(extra: dict | None = None) -> bytes:
    buffer = io.BytesIO(demo_docx("Nội dung").read())
    if extra:
        with zipfile.ZipFile(buffer, "a") as package:
            for name, data in extra.items():
                package.writestr(name, data)
    return buffer.getvalue()


def test_a_plain_pdf_is_accepted():
    assert check_document_file(upload(pdf_bytes())) == "pdf"


def pdf_with(active: str) -> bytes:
    """A valid PDF given what an attacker would add (written by pypdf)."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    if active == "javascript":
        writer.add_open_action(JavaScript("app.alert(1);"))
    elif active == "launch":
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("x.exe")}
        )
    elif active == "attachment":
        writer.add_attachment("x.exe", b"MZ")
    elif active == "compressed-javascript":
        writer.add_open_action(JavaScript("app.alert(1);"))
        writer.compress_identical_objects()
        for page in writer.pages:
            page.compress_content_streams()
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@pytest.mark.parametrize("active", ["javascript", "launch", "attachment", "compressed-javascript"])
def test_a_pdf_with_active_content_is_refused(active):
    content = pdf_with(active)
    assert check_document_file(upload(pdf_with("nothing"))) == "pdf"
    with pytest.raises(ValidationError) as error:
        check_document_file(upload(content))
    assert "mã lệnh" in error.value.messages[0]


def test_a_broken_pdf_is_refused():
    with pytest.raises(ValidationError, match="hỏng"):
        check_document_file(upload(b"%PDF-1.4\nnot really a pdf"))


def test_a_word_document_is_accepted_whatever_its_name():
    assert check_document_file(upload(docx_bytes(), name="scan.pdf")) == "docx"


def test_a_docx_with_macros_is_refused():
    content = docx_bytes({"word/vbaProject.bin": b"\x00" * 16})
    with pytest.raises(ValidationError, match="macro"):
        check_document_file(upload(content, name="van-ban.docx"))


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("setup.exe", b"MZ")
    with pytest.raises(ValidationError, match="không phải văn bản Word"):
        check_document_file(upload(buffer.getvalue(), name="van-ban.docx"))


def test_an_old_word_document_is_accepted_and_one_with_macros_refused():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200
    word = ole + "WordDocument".encode("utf-16-le")
    assert check_document_file(upload(word, name="van-ban.doc")) == "doc"
    with pytest.raises(ValidationError, match="macro"):
        check_document_file(upload(word + "Macros".encode("utf-16-le"), name="van-ban.doc"))


@pytest.mark.parametrize(
    "content", [b"MZ\x90\x00 an executable", b"<html><script>", b"\x89PNG\r\n\x1a\n"]
)
def test_other_content_is_refused_whatever_its_name(content):
    with pytest.raises(ValidationError, match="Chỉ nhận tệp PDF, DOC hoặc DOCX"):
        check_document_file(upload(content, name="van-ban.pdf"))


def test_an_empty_or_too_large_file_is_refused(settings):
    with pytest.raises(ValidationError, match="rỗng"):
        check_document_file(upload(b""))
    settings.DOCUMENT_FILE_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="quá lớn"):
        check_document_file(upload(pdf_bytes()))
