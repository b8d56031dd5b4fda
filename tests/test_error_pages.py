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
    settings.ROOT_URLCONF = "tests.test_error_pages"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assertContains(response, "Hệ thống đang gặp sự cố", status_code=500)
    assertNotContains(response, "secret detail", status_code=500)
    assertNotContains(response, "Traceback", status_code=500)
