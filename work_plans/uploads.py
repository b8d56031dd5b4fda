"""Evidence files: judged by their content, not their name or claimed type.

A photo is re-encoded as the portal's photos are (no EXIF, nothing after the image). A PDF is
read whole, with pypdf, and refused when it carries active content; otherwise it is stored
byte for byte, since rewriting it would break the digital signature of an official document.
The stored name ends with the verified type, which decides how the file is served
(`uploads.storage.served_type`).
"""

import io
import os
import re
import uuid
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from uploads.storage import PortalFileSystemStorage

SIGNATURES = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}

# Active content a PDF reader may run or open, by the PDF name that carries it (the keywords
# of Didier Stevens' pdfid, less those of ordinary forms and scans).
ACTIVE_NAMES = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/AA": "aa",
    "/Launch": "launch",
    "/EmbeddedFile": "embedded",
    "/EmbeddedFiles": "embedded",
    "/EF": "embedded",
    "/XFA": "xfa",
    "/RichMedia": "richmedia",
}
# The same names in the raw bytes, which also holds objects no cross-reference lists (a
# reader that repairs a file finds them). Short names (/JS, /AA) would match random bytes.
_RAW_NAMES = re.compile(rb"/(JavaScript|Launch|EmbeddedFiles?|XFA|RichMedia)(?![A-Za-z0-9])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# Reading a PDF's objects costs time and memory for each object and each word of their text
# (a number, a name, a bracket...), which compressed object streams multiply: both are
# bounded, far above real documents (a 300-page report has some 20,000 objects). Words are
# counted cheaply, as the bytes that can begin or end one; the binary data of images and
# pages counts too, and is never near the bound.
PDF_MAX_OBJECTS = 100_000
PDF_MAX_WORDS = 1_000_000
PDF_MAX_DECODED_BYTES = 16 * 1024 * 1024  # one object stream, decoded
_NOT_WORD_BOUNDARY = bytes(sorted(set(range(256)) - set(b" \t\r\n\f\x00/()<>[]{}")))


def _words(data: bytes) -> int:
    return len(data.translate(None, _NOT_WORD_BOUNDARY))


def _active_labels() -> dict[str, str]:
    return {
        "javascript": _("mã JavaScript"),
        "openaction": _("lệnh tự chạy khi mở tệp (OpenAction)"),
        "aa": _("lệnh tự chạy theo thao tác của người xem (AA)"),
        "launch": _("lệnh mở chương trình khác (Launch)"),
        "embedded": _("tệp nhúng bên trong (EmbeddedFile)"),
        "xfa": _("biểu mẫu XFA"),
        "richmedia": _("nội dung đa phương tiện nhúng (RichMedia)"),
    }


class CheckedEvidence(ContentFile):
    """An evidence file as `clean_evidence_file` returns it: what is to be stored."""


def evidence_kind(head: bytes) -> str | None:
    for signature, kind in SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return None


def clean_evidence_file(file) -> CheckedEvidence:
    """The file to store for an upload, or a ValidationError in Vietnamese saying why not."""
    size = getattr(file, "size", 0) or 0
    if size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s). Tối đa %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(settings.EVIDENCE_MAX_BYTES)}
        )
    if size == 0:
        raise ValidationError(_("Tệp rỗng."))
    file.seek(0)
    kind = evidence_kind(file.read(16))
    file.seek(0)
    if kind is None:
        raise ValidationError(_("Chỉ nhận tệp PDF, JPEG hoặc PNG."))
    if kind == "pdf":
        data = file.read()
        check_pdf(data)
        return CheckedEvidence(data, name=f"{uuid.uuid4().hex}.pdf")
    from photos.images import clean_photo

    photo = clean_photo(file)
    return CheckedEvidence(photo.read(), name=photo.name)


def check_pdf(data: bytes) -> None:
    """Raise a ValidationError naming the active content of a PDF, read over the whole file:
    every object of every cross-reference (compressed ones too, with their names' #xx
    escapes decoded by the parser), and the raw bytes."""
    words = _words(data)
    if words > PDF_MAX_WORDS:
        raise _too_complex(_("hơn %(n)s từ") % {"n": _number(PDF_MAX_WORDS)})
    limits = {
        f"{name}_maximum_output_length": PDF_MAX_DECODED_BYTES
        for name in ("zlib", "lzw", "run_length", "array_based_stream", "brotli")
    }
    try:
        with apply_configuration(**limits):
            # Cross-reference entries include free ones: the objects are counted below.
            reader = PdfReader(
                io.BytesIO(data), strict=False, xref_stream_maximum_entries=2 * PDF_MAX_OBJECTS
            )
            if reader.is_encrypted:
                raise ValidationError(
                    _(
                        "Tệp PDF có đặt mật khẩu hoặc mã hoá, nên không kiểm tra được nội dung. "
                        "Hãy lưu thành bản không đặt mật khẩu rồi tải lên."
                    ),
                    code="pdf_encrypted",
                )
            found = _active_content(reader, words)
    except ValidationError:
        raise
    # pypdf answers malformed input with errors of many kinds (its own, ValueError,
    # KeyError, RecursionError, zlib's...): any of them means the file was not read whole.
    except Exception as error:  # noqa: BLE001
        while error is not None:  # one of pypdf's limits, maybe wrapped in a read error
            if isinstance(error, LimitReachedError):
                raise _too_complex(_("vượt giới hạn đọc của máy chủ")) from None
            error = error.__cause__
        raise ValidationError(
            _(
                "Không đọc được toàn bộ tệp PDF này (tệp hỏng hoặc không đúng chuẩn), nên "
                "không kiểm tra được. Hãy xuất lại tệp PDF rồi tải lên."
            ),
            code="pdf_unreadable",
        ) from None
    raw = _NAME_ESCAPE.sub(lambda match: bytes([int(match[1], 16)]), data)
    found |= {ACTIVE_NAMES["/" + name.decode()] for name in _RAW_NAMES.findall(raw)}
    if found:
        labels = _active_labels()
        raise ValidationError(
            _(
                "Tệp PDF có %(what)s nên không được nhận: khi mở, tệp có thể tự chạy lệnh "
                "hoặc mở tệp khác trên máy người xem. Hãy in hoặc xuất lại thành PDF thông "
                "thường rồi tải lên."
            )
            % {"what": ", ".join(labels[kind] for kind in labels if kind in found)},
            code="pdf_active",
        )


def _active_content(reader: PdfReader, words: int) -> set[str]:
    numbers = [
        (number, generation)
        for generation, entries in reader.xref.items()
        for number in entries
        if number != 0
    ]
    numbers += [(number, 0) for number in reader.xref_objStm]
    if len(numbers) > PDF_MAX_OBJECTS:
        raise _too_complex(_("hơn %(n)s đối tượng") % {"n": _number(PDF_MAX_OBJECTS)})
    for stream in sorted({stream for stream, _index in reader.xref_objStm.values()}):
        words += _words(reader.get_object(IndirectObject(stream, 0, reader)).get_data())
        if words > PDF_MAX_WORDS:
            raise _too_complex(_("hơn %(n)s từ") % {"n": _number(PDF_MAX_WORDS)})
    found: set[str] = set()
    stack = [reader.trailer]
    stack += [reader.get_object(IndirectObject(n, g, reader)) for n, g in numbers]
    while stack:  # a loop, not recursion: nesting is up to the file
        obj = stack.pop()
        if isinstance(obj, DictionaryObject):
            for key, value in obj.items():
                if key in ACTIVE_NAMES:
                    found.add(ACTIVE_NAMES[key])
                elif key == "/OpenAction":
                    # A destination (opening at a page) is harmless; an action is not.
                    action = value.get_object()
                    if isinstance(action, DictionaryObject) and action.get("/S") != "/GoTo":
                        found.add("openaction")
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
        elif isinstance(obj, NameObject) and obj in ACTIVE_NAMES:
            found.add(ACTIVE_NAMES[obj])
    return found


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _too_complex(detail: str) -> ValidationError:
    return ValidationError(
        _(
            "Tệp PDF quá phức tạp để kiểm tra (%(detail)s). Hãy in hoặc xuất lại thành PDF "
            "thông thường rồi tải lên."
        )
        % {"detail": detail},
        code="pdf_too_complex",
    )


def validate_evidence_file(file) -> None:
    """The model field's validator. A new upload through the form has been cleaned already
    (`EvidenceFormField`); a new file assigned to the field otherwise is checked the same way.
    A stored file was checked when it came in."""
    if isinstance(getattr(file, "file", file), CheckedEvidence):
        return
    if getattr(file, "_committed", False):
        return
    clean_evidence_file(file)


class EvidenceFormField(forms.FileField):
    """An evidence upload, replaced by what `clean_evidence_file` makes of it."""

    def to_python(self, data):
        data = super().to_python(data)
        return None if data is None else clean_evidence_file(data)


class PrivateMediaStorage(PortalFileSystemStorage):
    """Files kept outside MEDIA_ROOT (PRIVATE_MEDIA_ROOT), with no public URL: evidence is
    served only by a view that checks who asks. The folder is read from the settings each
    time, so a test or a deployment can move it."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage():
    """The storage of evidence files: STORAGES["private"] (a folder, or a private bucket)."""
    return storages["private"]


def evidence_name(instance, filename: str) -> str:
    """A generated name, ending with the type `clean_evidence_file` verified (the name it
    gave the file); any other extension is dropped, so that file is served as a download."""
    extension = PurePath(filename).suffix.lower()
    if extension.lstrip(".") not in SIGNATURES.values():
        extension = ""
    return f"evidence/{uuid.uuid4().hex}{extension}"
