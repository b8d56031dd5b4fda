from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

import photos.models as photo_models
from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:news_article_add")


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def form_data(article=None, **fields):
    """What the admin's article form posts, with no photos unless given."""
    data = {
        "title": article.title if article else "",
        "slug": article.slug if article else "",
        "lead": article.lead if article else "",
        "body": article.body if article else "",
        "category": article.category_id if article and article.category_id else "",
        "byline": article.byline if article else "",
        "source": "",
        "status": article.status if article else "draft",
        "editor_note": "",
        "expected_version": article.version if article else "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    if article and article.published_at:
        local = timezone.localtime(article.published_at)
        data["published_at_0"] = local.strftime("%d/%m/%Y")
        data["published_at_1"] = local.strftime("%H:%M:%S")
    data.update(fields)
    return data


def with_photos(data, *photos):
    data["photos-TOTAL_FORMS"] = str(len(photos))
    for index, (upload, caption) in enumerate(photos):
        data.update(
            {
                f"photos-{index}-image": upload,
                f"photos-{index}-caption": caption,
                f"photos-{index}-alt_text": caption,
                f"photos-{index}-order": index,
            }
        )
    return data


def test_editor_saves_a_draft_with_only_a_title(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, form_data(title="Bản nháp của biên tập viên"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.created_by == editor
    assert article.slug == "ban-nhap-cua-bien-tap-vien"


def test_editor_submits_an_article_with_two_photos_and_captions(client, editor, jpeg_bytes):
    category = CategoryFactory()
    client.force_login(editor)
    data = form_data(
        title="Hội nghị chuyên đề",
        lead="Sapo của tin.",
        body="<p>Đoạn một.</p><p>Đoạn hai.</p>",
        byline="Phòng TC-PC",
        category=category.pk,
        status="review",
    )
    with_photos(
        data,
        (SimpleUploadedFile("a.jpg", jpeg_bytes(), "image/jpeg"), "Đại biểu dự hội nghị"),
        (SimpleUploadedFile("b.jpg", jpeg_bytes(color=(0, 90, 0)), "image/jpeg"), "Toàn cảnh"),
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW
    assert [p.caption for p in article.photos.all()] == ["Đại biểu dự hội nghị", "Toàn cảnh"]
    assert all(p.renditions["widths"] for p in article.photos.all())


def test_submitting_without_the_required_fields_names_each_one(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, form_data(title="Thiếu nội dung", status="review"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"lead", "body", "byline", "category"}
    assertContains(response, "Cần nhập sapo trước khi gửi duyệt hoặc đăng.")
    assertContains(response, 'value="Thiếu nội dung"')  # nothing typed is lost
    assert not Article.objects.exists()


def test_editor_cannot_publish_even_with_a_crafted_post(client, editor):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, status="published"))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_editor_cannot_change_a_published_article(client, editor):
    article = ArticleFactory(title="Tin đã đăng")
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, title="Sửa lén"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Tin đã đăng"


def test_editor_cannot_run_bulk_publish(client, editor):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    client.force_login(editor)
    changelist = reverse("admin:news_article_changelist")
    assertNotContains(client.get(changelist), "publish_selected")
    client.post(changelist, {"action": "publish_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_publisher_schedules_an_article(client, publisher):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    when = timezone.localtime(timezone.now() + timedelta(minutes=2))
    client.force_login(publisher)
    response = client.post(
        change_url(article),
        form_data(
            article,
            status="published",
            published_at_0=when.strftime("%d/%m/%Y"),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled
    assert article.published_by == publisher
    scheduled = client.get(reverse("admin:news_article_changelist"), {"publication": "scheduled"})
    assertContains(scheduled, "Hẹn giờ:")


def test_scheduled_list_is_in_date_order(client, publisher):
    now = timezone.now()
    ArticleFactory(title="Đăng sau", published_at=now + timedelta(days=3))
    ArticleFactory(title="Đăng trước", published_at=now + timedelta(hours=2))
    client.force_login(publisher)
    response = client.get(reverse("admin:news_article_changelist"), {"publication": "scheduled"})
    content = response.content.decode()
    assert content.index("Đăng trước") < content.index("Đăng sau")


def test_publisher_publishes_now_by_leaving_the_time_empty(client, publisher):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    client.force_login(publisher)
    response = client.post(change_url(article), form_data(article, status="published"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_public


def test_publisher_bulk_publishes_ready_articles_and_names_the_others(client, publisher):
    ready = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    unready = Article.objects.create(title="Chưa đủ nội dung")
    client.force_login(publisher)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk, unready.pk]},
        follow=True,
    )
    ready.refresh_from_db()
    unready.refresh_from_db()
    assert ready.is_public
    assert unready.status == Article.Status.DRAFT
    assertContains(response, "Đã đăng 1 tin.")
    assertContains(response, "Chưa đủ nội dung")


def test_publisher_bulk_unpublishes(client, publisher):
    article = ArticleFactory()
    client.force_login(publisher)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED


def test_second_concurrent_save_is_refused_and_the_first_kept(client, editor, publisher):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, title="Bản gốc")
    publisher.first_name, publisher.last_name = "Văn Minh", "Trần"
    publisher.save()
    stale = form_data(article)
    client.force_login(publisher)
    assert (
        client.post(
            change_url(article), form_data(article, title="Bản của người duyệt")
        ).status_code
        == 302
    )
    client.force_login(editor)
    response = client.post(change_url(article), {**stale, "title": "Bản của biên tập viên"})
    assert response.status_code == 200
    # People are named by their full names, family name first.
    assertContains(response, "vừa được Trần Văn Minh lưu lúc")
    assertContains(response, 'value="Bản của biên tập viên"')  # the second person's text is kept
    article.refresh_from_db()
    assert article.title == "Bản của người duyệt"


def test_history_shows_changes_and_a_publisher_restores_a_version(client, publisher):
    article = ArticleFactory(title="Tiêu đề đầu tiên")
    client.force_login(publisher)
    client.post(change_url(article), form_data(article, title="Tiêu đề bị sửa nhầm"))
    history_url = reverse("admin:news_article_history", args=[article.pk])
    response = client.get(history_url)
    assertContains(response, "Tiêu đề bị sửa nhầm")
    first = article.history.earliest()
    revert_url = reverse("admin:news_article_simple_history", args=[article.pk, first.history_id])
    article.refresh_from_db()
    form = client.get(revert_url)
    assertContains(form, "Tiêu đề đầu tiên")
    response = client.post(revert_url, form_data(article, title="Tiêu đề đầu tiên"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề đầu tiên"
    assert article.history.count() == 3


def test_editor_cannot_restore_a_version(client, editor):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, title="Hiện tại")
    first = article.history.earliest()
    client.force_login(editor)
    revert_url = reverse("admin:news_article_simple_history", args=[article.pk, first.history_id])
    response = client.post(revert_url, form_data(article, title="Khôi phục lén"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Hiện tại"


def test_a_rejected_photo_gets_a_message_and_the_text_is_kept(client, editor):
    client.force_login(editor)
    data = form_data(title="Tin có ảnh hỏng", lead="Sapo giữ nguyên")
    with_photos(data, (SimpleUploadedFile("x.jpg", b"<svg onload=alert(1)>", "image/jpeg"), "Ảnh"))
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assertContains(response, "không phải là ảnh hợp lệ")
    assertContains(response, "Sapo giữ nguyên")
    assert not Article.objects.exists()


def test_admin_search_ignores_diacritics(client, publisher):
    ArticleFactory(title="Đồng Tháp khai mạc liên hoan")
    ArticleFactory(title="Hòa Bình tổ chức hội nghị")
    client.force_login(publisher)
    response = client.get(reverse("admin:news_article_changelist"), {"q": "dong thap"})
    assertContains(response, "Đồng Tháp khai mạc liên hoan")
    assertNotContains(response, "Hòa Bình tổ chức hội nghị")


def test_groups_exist_after_migrate():
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Biên tập viên")
    publishers = Group.objects.get(name="Duyệt tin")
    assert not editors.permissions.filter(codename="publish_article").exists()
    assert publishers.permissions.filter(codename="publish_article").exists()


def test_admin_article_page_has_the_body_editor_and_preview_link(client, editor):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    client.force_login(editor)
    response = client.get(change_url(article))
    assertContains(response, "data-django-prose-editor")
    assertContains(response, "django_prose_editor/editor.js")
    assertContains(
        response,
        reverse("admin:view_on_site", args=[response.context["content_type_id"], article.pk]),
    )


def test_admin_does_not_use_djangos_slug_script_which_mangles_vietnamese(client, publisher):
    client.force_login(publisher)
    response = client.get(ADD_URL)
    assertContains(response, 'data-prepopulated-fields="[]"')
    client.post(ADD_URL, form_data(title="Khai mạc Hội thi tuyên truyền lưu động"))
    assert Article.objects.get().slug == "khai-mac-hoi-thi-tuyen-truyen-luu-dong"


def photo_rows(count, jpeg_bytes):
    return [
        (SimpleUploadedFile(f"anh-{n}.jpg", jpeg_bytes(320, 240), "image/jpeg"), f"Ảnh {n}")
        for n in range(count)
    ]


def test_a_save_with_more_photos_than_the_limit_is_refused_before_any_is_read(
    client, editor, jpeg_bytes, settings, monkeypatch
):
    settings.UPLOAD_MAX_FILES = 3
    decoded = []
    real = photo_models.clean_photo
    monkeypatch.setattr(photo_models, "clean_photo", lambda f: decoded.append(f) or real(f))
    client.force_login(editor)
    data = with_photos(form_data(title="Phóng sự ảnh ngày hội"), *photo_rows(4, jpeg_bytes))
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert decoded == []  # refused before any photo was decoded
    for index in range(4):  # next to each file sent: why, and what to do
        formset_form = response.context["inline_admin_formsets"][0].formset.forms[index]
        message = " ".join(formset_form.errors["image"])
        assert "tối đa 3 tệp" in message and "lần này có 4 tệp" in message
    assertContains(response, 'value="Phóng sự ảnh ngày hội"')  # what was typed is kept
    assert not Article.objects.exists()

    data = with_photos(form_data(title="Phóng sự ảnh ngày hội"), *photo_rows(3, jpeg_bytes))
    assert client.post(ADD_URL, data).status_code == 302
    assert Article.objects.get().photos.count() == 3
    assert len(decoded) == 3
