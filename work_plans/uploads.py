"""Evidence files: judged by their content, not their name or claimed type."""

import os
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from uploads.storage import PortalFileSystemStorage

SIGNATURES = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}


def evidence_kind(head: bytes) -> str | None:
    for signature, kind in SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return None


def validate_evidence_file(file) -> None:
    size = getattr(file, "size", 0) or 0
    if size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s). Tối đa %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(settings.EVIDENCE_MAX_BYTES)}
        )
    if size == 0:
        raise ValidationError(_("Tệp rỗng."))
    file.seek(0)
    head = file.read(2048)
    file.seek(0)
    kind = evidence_kind(head)
    if kind is None:
        raise ValidationError(_("Chỉ nhận tệp PDF, JPEG hoặc PNG."))
    if kind == "pdf" and (b"/JavaScript" in head or b"/JS" in head):
        raise ValidationError(_("Tệp PDF có chứa mã lệnh, không được nhận."))
    if kind in ("jpg", "png"):
        from photos.images import clean_photo

        clean_photo(file)
        file.seek(0)


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
    """A generated name; only the extension of the upload is kept (in lower case)."""
    extension = PurePath(filename).suffix.lower()[:5]
    return f"evidence/{uuid.uuid4().hex}{extension}"
