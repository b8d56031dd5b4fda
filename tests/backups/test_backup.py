import errno
import os
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from institutions.models import Institution
from news.models import Article, ArticlePhoto
from tests.factories import (
    ArticlePhotoFactory,
    CommitmentFactory,
    InstitutionFactory,
    ProgressReportFactory,
    jpeg_file,
)
from work_plans.models import ProgressReport, WorkPlan

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot():
    return {
        "articles": sorted(Article.objects.values_list("title", "slug", "body", "status")),
        "photos": sorted(
            (p.caption, p.image.name, p.image.read()) for p in ArticlePhoto.objects.all()
        ),
        "institutions": sorted(Institution.objects.values_list("name", "unit__name", "level")),
        "plans": sorted(WorkPlan.objects.values_list("institution__name", "year", "status")),
        "reports": sorted(
            (str(r.quantity), r.status, r.evidence_file.read() if r.evidence_file else b"")
            for r in ProgressReport.objects.all()
        ),
        "history": Article.history.count(),
    }


def test_backup_then_restore_into_a_fresh_database_gives_everything_back(tmp_path, editor):
    article = ArticlePhotoFactory(caption="Toàn cảnh hội nghị").article
    article.institutions.add(InstitutionFactory(name="Bảo tàng tỉnh Hòa Bình"))
    ProgressReportFactory(
        commitment=CommitmentFactory(),
        evidence_file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minh chung\n%%EOF"),
    )
    before = snapshot()
    archive = tmp_path / "sao-luu" / "portal.tar.gz"
    call_command("backup", str(archive))
    assert tarfile.open(archive).getmember("data.json").size > 0

    call_command("flush", interactive=False)
    for folder in ("media", "private_media"):
        for file in (tmp_path / folder).rglob("*"):
            if file.is_file():
                file.unlink()
    assert not Article.objects.exists()

    call_command("restore", str(archive))
    assert snapshot() == before
    restored = Article.objects.get()
    assert [i.name for i in restored.institutions.all()] == ["Bảo tàng tỉnh Hòa Bình"]
    assert restored.photos.get().renditions["widths"]


def test_restore_refuses_a_database_with_content(tmp_path):
    InstitutionFactory()
    call_command("backup", str(tmp_path / "a.tar.gz"))
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(tmp_path / "a.tar.gz"))


def test_restore_says_what_is_wrong_with_a_bad_file(tmp_path):
    bad = tmp_path / "hong.tar.gz"
    bad.write_bytes(b"khong phai tar")
    with pytest.raises(CommandError, match="hỏng"):
        call_command("restore", str(bad))
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("restore", str(tmp_path / "khong-co.tar.gz"))


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_backup_onto_a_full_disk_leaves_no_partial_archive(tmp_path, monkeypatch):
    ArticlePhotoFactory()
    folder = tmp_path / "sao-luu"
    monkeypatch.setattr(tarfile.TarFile, "addfile", disk_full)
    with pytest.raises(CommandError, match="Ổ đĩa đã đầy"):
        call_command("backup", str(folder / "portal.tar.gz"))
    assert list(folder.iterdir()) == []
    monkeypatch.undo()
    with pytest.raises(CommandError, match="là một thư mục"):
        call_command("backup", str(folder))
    (tmp_path / "nhan-la-tep.txt").write_text("tệp, không phải thư mục")
    with pytest.raises(CommandError, match="Không ghi được bản sao lưu"):
        call_command("backup", str(tmp_path / "nhan-la-tep.txt" / "portal.tar.gz"))


def test_restore_onto_a_full_disk_changes_nothing_and_can_be_run_again(
    tmp_path, media_root, monkeypatch
):
    ArticlePhotoFactory(caption="Toàn cảnh lễ hội", image=jpeg_file(1200, 800))
    before = snapshot()
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive))
    call_command("flush", interactive=False)
    shutil.rmtree(media_root)

    real_write = Path.write_bytes
    written = []

    def fills_up(self, data):  # the disk takes two files, then is full
        if len(written) == 2:
            disk_full()
        written.append(self)
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", fills_up)
    with pytest.raises(CommandError, match="Ổ đĩa đã đầy"):
        call_command("restore", str(archive))
    assert len(written) == 2
    assert not Article.objects.exists()
    assert not [f for f in media_root.rglob("*") if f.is_file()]

    monkeypatch.undo()
    call_command("restore", str(archive))
    assert snapshot() == before
