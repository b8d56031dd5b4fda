"""Files of the documents register: PDF, DOC and DOCX, judged by their content.

`check_document_file` is the one check every upload of a document's file goes through: the
name and the type the browser claims are not trusted. A PDF is parsed whole (pypdf) and
refused if any object in it can act (JavaScript, launching a program, submitting a form,
embedded files); a DOCX must be a Word package (a zip with its content types and main
document) without macros or ActiveX; a DOC must be an OLE2 file with a Word stream and no
macro storage. The stored name's extension is the one the content showed, so the file is
served with the matching Content-Type.
"""

import uuid
import zipfile
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from documents.numbering import spaced
from vietnamese.text import vietnamese_slugify

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
ACCEPT = ",".join([".pdf", ".doc", ".docx", *CONTENT_TYPES.values()])

PDF_SIGNATURE = b"%PDF-"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"

# Keys and action types of a PDF that run something or carry other files.
PDF_ACTIVE_KEYS = {
    "/JavaScript",
    "/JS",
    "/AA",
    "/Launch",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/RichMedia",
    "/XFA",
}
PDF_ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToE",
    "/RichMediaExecute",
}
# A PDF of a signed decision has some thousands of objects; far more is not a document.
PDF_MAX_OBJECTS = 500_000
# A DOCX unpacked: bounded, so that a small zip cannot expand into gigabytes.
DOCX_MAX_ENTRIES = 5_000
DOCX_MAX_UNPACKED = 200 * 1024 * 1024
# OLE2 directory names are UTF-16: the Word stream, and the storages macros live in.
WORD_STREAM = "WordDocument".encode("utf-16-le")
OLE_MACRO_NAMES = ("Macros".encode("utf-16-le"), "_VBA_PROJECT".encode("utf-16-le"))


def check_document_file(file) -> str:
    """The file's format ("pdf", "doc" or "docx"), or a ValidationError saying in
    Vietnamese why it is refused."""
    size = getattr(file, "size", None) or 0
    limit = settings.DOCUMENT_FILE_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s). Tối đa %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(limit)},
            code="too_large",
        )
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not head:
        raise ValidationError(_("Tệp rỗng."), code="empty")
    try:
        if head.startswith(PDF_SIGNATURE):
            _check_pdf(file)
            return "pdf"
        if head.startswith(ZIP_SIGNATURE):
            _check_docx(file)
            return "docx"
        if head.startswith(OLE2_SIGNATURE):
            _check_doc(file)
            return "doc"
    finally:
        file.seek(0)
    raise ValidationError(
        _("Chỉ nhận tệp PDF, DOC hoặc DOCX (nội dung tệp không phải các dạng này)."),
        code="format",
    )


def _check_pdf(file) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("Tệp PDF có mật khẩu: hãy tải lên bản không đặt mật khẩu."), code="encrypted"
            )
        stack = [reader.trailer]
        seen: set[tuple[int, int]] = set()
        visited = 0
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                ref = (item.idnum, item.generation)
                if ref in seen:
                    continue
                seen.add(ref)
                item = item.get_object()
            visited += 1
            if visited > PDF_MAX_OBJECTS:
                raise ValidationError(_("Tệp PDF quá phức tạp để kiểm tra."), code="pdf_size")
            if isinstance(item, DictionaryObject):
                if PDF_ACTIVE_KEYS.intersection(item.keys()) or item.get("/S") in (
                    PDF_ACTIVE_ACTIONS
                ):
                    raise ValidationError(
                        _(
                            "Tệp PDF có chứa mã lệnh, hành động tự chạy hoặc tệp đính kèm, "
                            "nên không được nhận. Hãy xuất lại tệp PDF từ văn bản gốc "
                            "(hoặc in ra PDF) rồi tải lên."
                        ),
                        code="pdf_active",
                    )
                stack.extend(item.values())
            elif isinstance(item, ArrayObject):
                stack.extend(item)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise ValidationError(
            _("Tệp PDF bị hỏng hoặc không đọc được."), code="pdf_broken"
        ) from None


def _check_docx(file) -> None:
    try:
        with zipfile.ZipFile(file) as package:
            entries = package.infolist()
            if len(entries) > DOCX_MAX_ENTRIES or (
                sum(entry.file_size for entry in entries) > DOCX_MAX_UNPACKED
            ):
                raise ValidationError(_("Tệp DOCX quá lớn khi giải nén."), code="docx_size")
            if any(entry.flag_bits & 0x1 for entry in entries):
                raise ValidationError(_("Tệp DOCX có mật khẩu."), code="encrypted")
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise ValidationError(
                    _("Tệp không phải văn bản Word (DOCX): chỉ nhận PDF, DOC hoặc DOCX."),
                    code="format",
                )
            content_types = package.read("[Content_Types].xml")
            if (
                any(name.lower().endswith("vbaproject.bin") for name in names)
                or any(name.startswith("word/activeX/") for name in names)
                or b"macroEnabled" in content_types
            ):
                raise ValidationError(
                    _("Tệp DOCX có chứa macro hoặc điều khiển ActiveX, nên không được nhận."),
                    code="docx_active",
                )
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        raise ValidationError(
            _("Tệp DOCX bị hỏng hoặc không đọc được."), code="docx_broken"
        ) from None


def _check_doc(file) -> None:
    content = file.read(settings.DOCUMENT_FILE_MAX_BYTES + 1)
    if WORD_STREAM not in content:
        raise ValidationError(
            _("Tệp không phải văn bản Word (DOC): chỉ nhận PDF, DOC hoặc DOCX."), code="format"
        )
    if any(name in content for name in OLE_MACRO_NAMES):
        raise ValidationError(_("Tệp DOC có chứa macro, nên không được nhận."), code="doc_active")


class DocumentFileFormField(forms.FileField):
    """An upload checked by `check_document_file`; its name is given the extension of
    the format the content showed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def to_python(self, data):
        data = super().to_python(data)
        if data is None:
            return None
        kind = check_document_file(data)
        stem = PurePath(data.name or "van-ban").stem
        data.name = f"{stem}.{kind}"
        return data


class DocumentFileField(models.FileField):
    """A document's file: checked when uploaded, its size noted when stored."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": DocumentFileFormField, **kwargs})

    def pre_save(self, model_instance, add):
        uploaded = not getattr(getattr(model_instance, self.attname), "_committed", True)
        file = super().pre_save(model_instance, add)
        if file and (uploaded or not model_instance.size):
            model_instance.size = file.size
        return file


def document_file_name(instance, filename: str) -> str:
    """van-ban/<year>/<number-and-symbol>-<random>.<format>: readable, never guessed."""
    document = instance.document
    extension = PurePath(filename).suffix.lower()[:5]
    stem = vietnamese_slugify(spaced(document.number_symbol), max_length=60) or "van-ban"
    year = document.issued_on.year if document.issued_on else "khac"
    return f"van-ban/{year}/{stem}-{uuid.uuid4().hex[:8]}{extension}"


def download_name(document, file) -> str:
    """The name a downloaded file is saved under: its number and symbol, readable."""
    stem = vietnamese_slugify(spaced(document.number_symbol), max_length=60) or "van-ban"
    suffix = "" if not file.title else f"-{vietnamese_slugify(file.title, max_length=40)}"
    return f"{stem}{suffix}.{file.format}"
