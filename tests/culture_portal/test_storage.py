"""Stored files are served as the type the portal verified, whatever the browser claimed and
whatever else lies in the media folder."""

import pytest
from django.urls import reverse

from tests.factories import ArticlePhotoFactory, jpeg_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def serve_media(settings):
    settings.SERVE_MEDIA = True


def test_photos_are_served_inline_as_the_image_they_are(client, serve_media):
    photo = ArticlePhotoFactory(image=jpeg_file(700, 400))
    for name, content_type in [
        (photo.image.name, "image/jpeg"),
        (photo.rendition_url(320, "webp").removeprefix("/media/"), "image/webp"),
    ]:
        response = client.get(reverse("media", args=[name]))
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == "inline"


@pytest.mark.parametrize("name", ["photos/trang.html", "photos/anh.svg", "photos/khong-duoi"])
def test_a_file_of_no_verified_type_is_only_ever_a_download(client, serve_media, media_root, name):
    """No upload makes such a file, but a restored backup or a hand-copied folder might."""
    path = media_root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"<html><script>alert(document.cookie)</script></html>")
    response = client.get(reverse("media", args=[name]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
