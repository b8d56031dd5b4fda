"""Backup and restore: the database as Django fixtures (portable between SQLite and
PostgreSQL) plus uploaded files, in one .tar.gz archive."""

import contextlib
import io
import json
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from search import index as search_index
from uploads.storage import DISK_FULL, NOT_WRITABLE

FORMAT = 1
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes", "search.SearchEntry"]


class BackupError(Exception):
    pass


def _add_folder(archive: tarfile.TarFile, folder: Path, name: str) -> int:
    count = 0
    if folder.exists():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.add(path, arcname=f"{name}/{path.relative_to(folder)}")
                count += 1
    return count


def backup(path: Path) -> dict:
    if path.is_dir():
        raise BackupError(
            _("%(path)s là một thư mục: hãy ghi cả tên tệp, ví dụ %(example)s.")
            % {"path": path, "example": path / "sao-luu.tar.gz"}
        )
    data = io.StringIO()
    call_command(
        "dumpdata",
        "--natural-foreign",
        "--natural-primary",
        "--indent",
        "0",
        *[f"--exclude={name}" for name in EXCLUDED],
        stdout=data,
    )
    content = data.getvalue().encode("utf-8")
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        manifest = _write_archive(partial, content)
        partial.replace(path)  # a backup is either whole or absent
    except OSError as error:
        with contextlib.suppress(OSError):  # e.g. the folder is a file
            partial.unlink(missing_ok=True)
        raise BackupError(
            _("Không ghi được bản sao lưu vào %(path)s. %(reason)s")
            % {"path": path, "reason": _reason(error)}
        ) from None
    return manifest


def _reason(error: OSError) -> str:
    if error.errno in DISK_FULL:
        return _("Ổ đĩa đã đầy: giải phóng chỗ trống rồi chạy lại.")
    if error.errno in NOT_WRITABLE:
        return _("Thư mục không cho ghi: chọn thư mục khác hoặc cấp quyền ghi.")
    return _("Lỗi hệ thống: %(error)s.") % {"error": error.strerror or error}


def _write_archive(partial: Path, content: bytes) -> dict:
    with tarfile.open(partial, "w:gz") as archive:
        info = tarfile.TarInfo("data.json")
        info.size = len(content)
        info.mtime = int(datetime.now().timestamp())
        archive.addfile(info, io.BytesIO(content))
        media = _add_folder(archive, Path(settings.MEDIA_ROOT), "media")
        private = _add_folder(archive, Path(settings.PRIVATE_MEDIA_ROOT), "private_media")
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "objects": len(json.loads(content)),
            "media_files": media,
            "private_files": private,
        }
        raw = json.dumps(manifest, ensure_ascii=False).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(raw)
        archive.addfile(info, io.BytesIO(raw))
    return manifest


# Models that moved to another app since a backup could have been made: old label → new.
MOVED = {
    "culture_portal.siteidentity": "identity.siteidentity",
    "culture_portal.auditevent": "audit.auditevent",
}


def _with_current_labels(content: str) -> str:
    """A backup's objects under today's model labels, permissions' natural keys included."""
    objects = json.loads(content)
    for obj in objects:
        obj["model"] = MOVED.get(obj["model"], obj["model"])
        for key in ("permissions", "user_permissions"):
            for natural_key in obj.get("fields", {}).get(key, []):
                moved = MOVED.get(f"{natural_key[1]}.{natural_key[2]}")
                if moved:
                    natural_key[1] = moved.split(".")[0]
    return json.dumps(objects, ensure_ascii=False)


def _database_is_empty() -> bool:
    for label in ("news.Article", "institutions.Institution", "auth.User"):
        if apps.get_model(label).objects.exists():
            return False
    return True


def restore(path: Path) -> dict:
    if not path.exists():
        raise BackupError(_("Không tìm thấy tệp sao lưu %(path)s.") % {"path": path})
    if not _database_is_empty():
        raise BackupError(
            _("Cơ sở dữ liệu không trống. Chỉ khôi phục vào một cơ sở dữ liệu mới (đã migrate).")
        )
    try:
        archive = tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(_("Tệp sao lưu hỏng: %(error)s") % {"error": error}) from None
    with archive, tempfile.TemporaryDirectory() as work:
        names = archive.getnames()
        if "data.json" not in names or "manifest.json" not in names:
            raise BackupError(_("Tệp này không phải bản sao lưu của cổng thông tin."))
        manifest = json.load(archive.extractfile("manifest.json"))
        try:
            archive.extractall(work, filter="data")
        except OSError as error:
            raise BackupError(
                _("Không giải nén được bản sao lưu vào thư mục tạm. %(reason)s")
                % {"reason": _reason(error)}
            ) from None
        written: list[Path] = []
        try:
            # Files first: a failure there leaves the database as empty as it was.
            for name, target in (
                ("media", settings.MEDIA_ROOT),
                ("private_media", settings.PRIVATE_MEDIA_ROOT),
            ):
                source = Path(work) / name
                for file in sorted(source.rglob("*")) if source.exists() else []:
                    if file.is_file():
                        destination = Path(target) / file.relative_to(source)
                        destination.parent.mkdir(parents=True, exist_ok=True)
                        if not destination.exists():
                            written.append(destination)
                        destination.write_bytes(file.read_bytes())
            data = Path(work) / "data.json"
            data.write_text(_with_current_labels(data.read_text(encoding="utf-8")), "utf-8")
            with transaction.atomic():
                call_command("loaddata", str(data), verbosity=0)
                search_index.rebuild()
        except BaseException as error:
            for file in written:  # the files restored by this run, not ones already there
                file.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise BackupError(
                    _("Không chép được tệp tải lên của bản sao lưu. %(reason)s")
                    % {"reason": _reason(error)}
                ) from None
            raise
    return manifest
