"""File storages that fail cleanly: a full disk or an unwritable folder during an upload.

Django's storages raise a bare OSError half-way through a save and leave the partial file
behind; the admin then answers a server error. Here a failed write removes its partial file
and raises `StorageWriteError`, and each file written while an `upload_journal()` is open
is recorded, so that a save refused part-way (its database rows rolled back) takes its
files with it: nothing half-saved, no orphan files. Large uploads are first streamed into a
temporary file: `TemporaryUploadHandler` deals with that folder failing.
"""

import contextlib
import errno
import logging
from contextvars import ContextVar

from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import SkipFile, TemporaryFileUploadHandler
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

_journal: ContextVar[list | None] = ContextVar("upload_journal", default=None)

# The write failures that have a message of their own (the rest: "could not write").
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
NOT_WRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS)


# The types the portal stores, by the extension it names a file with once it has verified
# the content (photos: photos.images; evidence: work_plans.uploads).
SERVED_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "pdf": "application/pdf",
}


def served_type(name: str) -> tuple[str, str]:
    """The Content-Type and Content-Disposition of a stored file, from the type the portal
    verified (never the browser's claim): a verified type is shown inline, anything else
    (no upload makes it, a restored folder might hold it) is only ever a download."""
    filename = name.rpartition("/")[2]
    extension = filename.rpartition(".")[2].lower() if "." in filename else ""
    if extension in SERVED_TYPES:
        return SERVED_TYPES[extension], "inline"
    return "application/octet-stream", "attachment"


class StorageWriteError(OSError):
    """A file could not be written to a storage (disk full, folder unwritable, ...)."""

    def __init__(self, name: str, error: OSError):
        super().__init__(error.errno, error.strerror or str(error), name)

    @property
    def reason(self) -> str:
        """What went wrong, in Vietnamese."""
        if self.errno in DISK_FULL:
            return _("Máy chủ đã hết chỗ lưu tệp")
        if self.errno in NOT_WRITABLE:
            return _("Thư mục lưu tệp trên máy chủ không ghi được")
        return _("Máy chủ không lưu được tệp")

    @property
    def message(self) -> str:
        """What went wrong and what to do, for the person who uploaded, in Vietnamese."""
        return _(
            "%(reason)s, nên chưa có gì được lưu. Nội dung đã nhập vẫn còn trên biểu mẫu: "
            "hãy chọn lại tệp và lưu lại sau ít phút, hoặc báo cho quản trị hệ thống."
        ) % {"reason": self.reason}


@contextlib.contextmanager
def upload_journal():
    """Record the files written inside the block; yields the list of (storage, name)."""
    written: list = []
    token = _journal.set(written)
    try:
        yield written
    finally:
        _journal.reset(token)


def remove_written(written: list) -> None:
    """Delete files recorded by `upload_journal` (their save was rolled back)."""
    for storage, name in reversed(written):
        try:
            storage.delete(name)
        except Exception:  # a storage that failed to write may fail to delete too
            logger.exception("could not remove %s after a failed upload", name)


class JournaledStorageMixin:
    """Record each written file in the open upload journal; wrap write failures."""

    def save(self, name, content, max_length=None):
        try:
            name = super().save(name, content, max_length=max_length)
        except OSError as error:
            logger.error("could not store %s: %s", name, error)
            raise StorageWriteError(name, error) from error
        written = _journal.get()
        if written is not None:
            written.append((self, name))
        return name


class PortalFileSystemStorage(JournaledStorageMixin, FileSystemStorage):
    """Django's file system storage; a write that fails leaves no partial file."""

    def _save(self, name, content):
        existed = self.exists(name)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:
                with contextlib.suppress(OSError):
                    self.delete(name)
            raise


class TemporaryUploadHandler(TemporaryFileUploadHandler):
    """Django's handler for large uploads, which streams them into a temporary file: when
    the temporary folder is full or unwritable, that file is dropped (its partial temporary
    file removed) and the failure noted on the request for the form to show, instead of a
    server error while the request is read."""

    def new_file(self, *args, **kwargs):
        try:
            super().new_file(*args, **kwargs)
        except OSError as error:
            self._failed(error)

    def receive_data_chunk(self, raw_data, start):
        try:
            return super().receive_data_chunk(raw_data, start)
        except OSError as error:
            self._failed(error)

    def _failed(self, error: OSError):
        failure = StorageWriteError(self.file_name or "", error)
        logger.error("could not receive the upload %s: %s", self.file_name, error)
        if self.request is not None:
            failures = getattr(self.request, "upload_failures", None) or {}
            failures[self.field_name] = failure.message
            self.request.upload_failures = failures
        raise SkipFile from error  # Django's parser closes (removes) the temporary file
