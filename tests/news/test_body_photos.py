"""Photos placed in the body by the editor's "Chèn ảnh" button: the admin's photo list and
upload behind it, photos uploaded before an article's first save, and the public page."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article, ArticlePhoto
from news.richtext import figure_html
from tests.factories import ArticleFactory, ArticlePhotoFactory, CategoryFactory
from tests.news.test_admin import ADD_URL, form_data

pytestmark = pytest.mark.django_db


def photos_url(article=None):
    return reverse("admin:news_article_photos", args=[article.pk] if article else [])


def upload(client, url, jpeg_bytes, **fields):
    image = SimpleUploadedFile("san-khau.jpg", jpeg_bytes(), "image/jpeg")
    return client.post(url, {"image": image, "caption": "", "alt_text": "", **fields})


def test_editor_lists_and_uploads_the_photos_of_a_draft(client, editor, jpeg_bytes):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    ArticlePhotoFactory(article=article, caption="Ảnh đã có")
    ArticlePhotoFactory(caption="Ảnh của tin khác")
    client.force_login(editor)

    listed = client.get(photos_url(article)).json()["photos"]
    response = upload(
        client, photos_url(article), jpeg_bytes, caption="Sân khấu", alt_text="Sân khấu ngoài trời"
    )

    assert [photo["caption"] for photo in listed] == ["Ảnh đã có"]
    assert response.status_code == 201
    made = ArticlePhoto.objects.get(pk=response.json()["id"])
    assert made.article == article and made.uploaded_by == editor
    assert made.renditions["widths"]
    assert response.json() == {
        "id": made.pk,
        "src": made.src(640),
        "caption": "Sân khấu",
        "alt": "Sân khấu ngoài trời",
    }


def test_a_file_that_is_not_a_photo_gets_a_vietnamese_reason(client, editor):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    client.force_login(editor)

    response = client.post(
        photos_url(article),
        {"image": SimpleUploadedFile("x.jpg", b"<svg onload=alert(1)>", "image/jpeg")},
    )

    assert response.status_code == 400
    assert "không phải là ảnh hợp lệ" in response.json()["errors"]["image"][0]["message"]
    assert not ArticlePhoto.objects.exists()


def test_only_those_who_may_change_the_article_upload_to_it(client, editor, staff_a, jpeg_bytes):
    published = ArticleFactory()
    client.force_login(editor)
    assert upload(client, photos_url(published), jpeg_bytes).status_code == 403

    client.force_login(staff_a)  # institution staff: published news only, read only
    assert client.get(photos_url(published)).status_code == 403
    assert upload(client, photos_url(), jpeg_bytes).status_code == 403
    assert not ArticlePhoto.objects.exists()


def test_a_photo_uploaded_before_the_first_save_goes_with_the_article(client, editor, jpeg_bytes):
    client.force_login(editor)
    stale = ArticlePhotoFactory(article=None, uploaded_by=editor)
    ArticlePhoto.objects.filter(pk=stale.pk).update(uploaded_at=timezone.now() - timedelta(days=2))
    photo = ArticlePhoto.objects.get(pk=upload(client, photos_url(), jpeg_bytes).json()["id"])
    assert client.get(photos_url()).json()["photos"][0]["id"] == photo.pk
    # What an abandoned add form uploaded is removed a day later.
    assert not ArticlePhoto.objects.filter(pk=stale.pk).exists()

    body = "<p>Đoạn một.</p>" + figure_html(photo, caption="Sân khấu chính")
    response = client.post(ADD_URL, form_data(title="Tin mới có ảnh", body=body))

    assert response.status_code == 302
    article = Article.objects.get(title="Tin mới có ảnh")
    photo.refresh_from_db()
    assert photo.article == article
    assert [item.get("caption") for item in article.body_with_photos()] == [None, "Sân khấu chính"]


def test_public_page_draws_a_placed_photo_with_its_renditions(client):
    article = ArticleFactory(body="<p>Mở đầu.</p>")
    photo = ArticlePhotoFactory(article=article, caption="Chú thích trong kho ảnh")
    article.body += (
        figure_html(photo, caption="Khán giả cổ vũ", alt="Khán giả vỗ tay") + "<p>Kết.</p>"
    )
    article.save()

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assertContains(response, "<figcaption>Khán giả cổ vũ</figcaption>", html=True)
    assertContains(response, 'alt="Khán giả vỗ tay"')
    assertContains(response, f'srcset="{photo.srcset_jpg}"')
    assertNotContains(response, "data-photo-id")
    assert html.index("Mở đầu.") < html.index("Khán giả cổ vũ") < html.index("Kết.")


def test_the_photo_list_of_the_form_says_which_photos_are_not_placed(client, editor):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, category=None)
    placed = ArticlePhotoFactory(article=article, caption="Đã đặt")
    ArticlePhotoFactory(article=article, caption="Chưa đặt")
    article.body = "<p>Một.</p>" + figure_html(placed)
    article.save()
    client.force_login(editor)

    response = client.get(reverse("admin:news_article_change", args=[article.pk]))

    assertContains(response, "Đã đặt trong nội dung")
    assertContains(response, "Chưa đặt trong nội dung nên chưa hiện trên trang")
    assertContains(response, f'data-photos-url="{photos_url(article)}"')


def test_an_unpublished_preview_has_no_stray_separator_before_the_category(client, editor):
    article = ArticleFactory(
        status=Article.Status.DRAFT, published_at=None, category=CategoryFactory(name="Văn hóa")
    )
    client.force_login(editor)

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    meta = html[html.index('<p class="article__meta">') :]
    meta = meta[: meta.index("</p>")]
    assert "Văn hóa" in meta and "·" not in meta
