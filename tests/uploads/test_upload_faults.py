"""A full disk or an unwritable media folder during an upload: the form comes back with what
was typed and a Vietnamese message next to the file, no row is half-saved, no file is left."""

import errno
import io
import os

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from institutions.models import Institution, InstitutionPhoto
from news.models import Article, ArticlePhoto
from tests.culture_portal.form_data import admin_form_data
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CommitmentFactory,
    InstitutionFactory,
    WorkPlanFactory,
    jpeg_file,
    pdf_bytes,
)
from tests.news.test_admin import form_data, with_photos
from work_plans.models import ProgressReport

pytestmark = pytest.mark.django_db

DISK_FULL = "Máy chủ đã hết chỗ lưu tệp"
UNWRITABLE = "Thư mục lưu tệp trên máy chủ không ghi được"
KEPT = "Nội dung đã nhập vẫn còn trên biểu mẫu"

real_save = FileSystemStorage._save


def failing_disk(monkeypatch, code, *, after=0):
    """The disk takes `after` more files, then fails with `code`, half-way through a file
    (as a full disk does: part of it written)."""
    left = [after]

    def save(storage, name, content):
        if left[0] > 0:
            left[0] -= 1
            return real_save(storage, name, content)
        path = storage.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as partial:
            partial.write(b"\xff\xd8\xff half a file")
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(FileSystemStorage, "_save", save)


def stored_files(*roots):
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for root in roots
        if os.path.isdir(root)
        for folder, _dirs, names in os.walk(root)
        for name in names
    )


def upload(name="anh-hoi-nghi.jpg", **size):
    return SimpleUploadedFile(name, jpeg_file(**size).read(), content_type="image/jpeg")


def error_next_to(response, field_html_name):
    """The errors shown with the form field of that name (main form or an inline)."""
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        forms.extend(inline.formset.forms)
    for form in forms:
        for bound in form:
            if bound.html_name == field_html_name:
                return " ".join(bound.errors)
    raise AssertionError(f"no field {field_html_name}")


def test_new_article_with_photo_on_a_full_disk(client, editor, media_root, monkeypatch):
    client.force_login(editor)
    failing_disk(monkeypatch, errno.ENOSPC)
    data = with_photos(
        form_data(title="Liên hoan đờn ca tài tử", body="<p>Đoạn một.</p>"),
        (upload(), "Các nghệ nhân biểu diễn"),
    )
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    message = error_next_to(response, "photos-0-image")
    assert DISK_FULL in message and KEPT in message
    page = response.content.decode()
    assert "Liên hoan đờn ca tài tử" in page  # what was typed is still there
    assert "Các nghệ nhân biểu diễn" in page
    assert not Article.objects.exists() and not ArticlePhoto.objects.exists()
    assert stored_files(media_root) == []  # the partial file too


def test_editing_an_article_keeps_its_saved_version_when_a_rendition_fails(
    client, editor, media_root, monkeypatch
):
    """The disk fills up after the new photo is stored, while its renditions are made."""
    article = ArticleFactory(title="Tin đã lưu", status="draft", published_at=None)
    ArticlePhotoFactory(article=article, image=jpeg_file(1200, 800), caption="Ảnh cũ")
    before = stored_files(media_root)
    client.force_login(editor)
    page = client.get(reverse("admin:news_article_change", args=[article.pk]))
    data = admin_form_data(page)
    data.update(
        {
            "title": "Tiêu đề mới chưa lưu",
            "photos-TOTAL_FORMS": "2",
            "photos-1-image": upload(width=1600, height=1000),
            "photos-1-caption": "Ảnh mới",
            "photos-1-alt_text": "",
            "photos-1-order": "1",
        }
    )
    failing_disk(monkeypatch, errno.ENOSPC, after=3)  # the photo and two renditions
    response = client.post(reverse("admin:news_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    assert DISK_FULL in error_next_to(response, "photos-1-image")
    assert "Tiêu đề mới chưa lưu" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Tin đã lưu"
    assert list(article.photos.values_list("caption", flat=True)) == ["Ảnh cũ"]
    assert stored_files(media_root) == before  # the old photo kept, nothing new left
    assert client.get(reverse("admin:news_article_change", args=[article.pk])).status_code == 200


def test_institution_photo_into_an_unwritable_folder(client, leader, media_root, monkeypatch):
    institution = InstitutionFactory(name="Nhà văn hóa xã Tân Phú", opening_hours="7 giờ")
    client.force_login(leader)
    url = reverse("admin:institutions_institution_change", args=[institution.pk])
    data = admin_form_data(client.get(url))
    data.update(
        {
            "opening_hours": "7 giờ – 21 giờ",
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": upload(),
            "photos-0-caption": "Mặt tiền nhà văn hóa",
            "photos-0-alt_text": "",
            "photos-0-order": "0",
        }
    )
    failing_disk(monkeypatch, errno.EACCES)
    response = client.post(url, data)
    assert response.status_code == 200
    assert UNWRITABLE in error_next_to(response, "photos-0-image")
    assert Institution.objects.get(pk=institution.pk).opening_hours == "7 giờ"
    assert not InstitutionPhoto.objects.exists()
    assert stored_files(media_root) == []


def test_report_evidence_on_a_full_disk(client, staff_a, media_root, settings, monkeypatch):
    institution = InstitutionFactory()
    institution.editors.add(staff_a)
    commitment = CommitmentFactory(plan=WorkPlanFactory(institution=institution, year=2022))
    client.force_login(staff_a)
    failing_disk(monkeypatch, errno.ENOSPC)
    pdf = SimpleUploadedFile("bien-ban.pdf", pdf_bytes())
    report = {
        "commitment": commitment.pk,
        "period_start": "quarter:2022-01-01",
        "quantity": "12",
        "note": "Chiếu phim lưu động ở 12 ấp",
        "evidence_article": "",
        "evidence_file": pdf,
    }
    response = client.post(reverse("admin:work_plans_progressreport_add"), report)
    assert response.status_code == 200
    assert DISK_FULL in error_next_to(response, "evidence_file")
    assert "Chiếu phim lưu động ở 12 ấp" in response.content.decode()
    assert not ProgressReport.objects.exists()
    assert stored_files(media_root, settings.PRIVATE_MEDIA_ROOT) == []

    # Once there is room again, the same submission saves.
    monkeypatch.setattr(FileSystemStorage, "_save", real_save)
    pdf.seek(0)
    response = client.post(reverse("admin:work_plans_progressreport_add"), report)
    assert response.status_code == 302
    assert ProgressReport.objects.get().evidence_file.read().startswith(b"%PDF")


def test_a_save_without_files_is_not_touched_by_the_disk(client, editor, monkeypatch):
    failing_disk(monkeypatch, errno.ENOSPC)
    client.force_login(editor)
    response = client.post(reverse("admin:news_article_add"), form_data(title="Chỉ có chữ"))
    assert response.status_code == 302
    assert Article.objects.get().title == "Chỉ có chữ"


def test_large_upload_with_the_temporary_folder_full(
    client, editor, media_root, settings, tmp_path, monkeypatch
):
    """Uploads past FILE_UPLOAD_MAX_MEMORY_SIZE are first streamed into a temporary file."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "tmp")
    os.makedirs(settings.FILE_UPLOAD_TEMP_DIR)

    def full(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(TemporaryUploadedFile, "write", full, raising=False)
    client.force_login(editor)
    data = with_photos(form_data(title="Ngày hội văn hóa các dân tộc"), (upload(), "Múa xoè"))
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    message = error_next_to(response, "photos-0-image")
    assert DISK_FULL in message and "bắt buộc" not in message
    assert "Ngày hội văn hóa các dân tộc" in response.content.decode()
    assert not Article.objects.exists()
    assert os.listdir(settings.FILE_UPLOAD_TEMP_DIR) == []
    assert stored_files(media_root) == []


def test_demo_content_on_a_full_disk_says_so_and_loads_nothing(media_root, monkeypatch):
    failing_disk(monkeypatch, errno.ENOSPC, after=5)
    with pytest.raises(CommandError, match="hết chỗ lưu tệp"):
        call_command("load_demo", stdout=io.StringIO())
    assert not Article.objects.exists() and not Institution.objects.exists()
    assert stored_files(media_root) == []
