import pytest
from django.test import Client
from django.urls import path
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("secret detail of the code")


urlpatterns = [path("boom/", boom)]


def test_404_is_vietnamese_in_the_site_layout(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assertContains(response, "Không tìm thấy trang", status_code=404)
    assertContains(response, 'class="skip-link"', status_code=404)


def test_500_is_vietnamese_and_reveals_nothing(settings):
    settings.ROOT_URLCONF = "tests.culture_portal.test_error_pages"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assertContains(response, "Hệ thống đang gặp sự cố", status_code=500)
    assertNotContains(response, "secret detail", status_code=500)
    assertNotContains(response, "Traceback", status_code=500)


def test_security_headers_and_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_editor_import_map_is_allowed_by_hash_only(client, editor):
    client.force_login(editor)
    response = client.get("/admin/news/article/add/")
    script_src = response["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    assert "'sha256-" in script_src
    assert "unsafe-inline" not in script_src


def test_a_request_of_too_many_files_is_answered_in_vietnamese(client, editor, settings):
    """Past Django's own bound (DATA_UPLOAD_MAX_NUMBER_FILES) the request is not read at
    all: the 400 page says why."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    client.force_login(editor)
    files = {f"photos-{n}-image": SimpleUploadedFile(f"{n}.jpg", b"x") for n in range(3)}
    response = client.post("/admin/news/article/add/", files)
    assert response.status_code == 400
    assertContains(response, "quá nhiều tệp", status_code=400)
    assertContains(response, "tối đa 2 tệp", status_code=400)
