import time

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path, reverse
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


def database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [path("gone/", database_gone)]


def test_database_down_answers_a_vietnamese_503(settings):
    settings.ROOT_URLCONF = "tests.culture_portal.test_faults"
    response = Client(raise_request_exception=False).get("/gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assertContains(response, "Hệ thống tạm thời gián đoạn", status_code=503)
    assert "server closed" not in response.content.decode()


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_healthz_says_when_the_cache_is_down_but_stays_in_service(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == "error"


def _touch(client, **values):
    session = client.session
    session.update(values)
    session.save()


def test_idle_staff_session_ends(client, editor, settings):
    client.force_login(editor)
    admin = reverse("admin:index")
    assert client.get(admin).status_code == 200
    _touch(client, last_activity=time.time() - settings.SESSION_IDLE_SECONDS - 5)
    response = client.get(admin)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(admin).status_code == 302  # signed out for good


def test_session_ends_after_its_absolute_age_even_when_active(client, editor, settings):
    client.force_login(editor)
    client.get(reverse("admin:index"))
    _touch(
        client,
        signed_in_at=time.time() - settings.SESSION_COOKIE_AGE - 5,
        last_activity=time.time(),
    )
    assert client.get(reverse("admin:index")).status_code == 302


def test_deactivated_users_session_ends_at_once(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 200
    editor.is_active = False
    editor.save()
    assert client.get(reverse("admin:index")).status_code == 302


def test_password_change_ends_other_sessions(client, editor):
    other = Client()
    other.force_login(editor)
    client.force_login(editor)
    client.post(
        reverse("admin:password_change"),
        {
            "old_password": "a-long-test-passphrase",
            "new_password1": "một mật khẩu mới rất dài",
            "new_password2": "một mật khẩu mới rất dài",
        },
    )
    assert client.get(reverse("admin:index")).status_code == 200  # this one stays
    assert other.get(reverse("admin:index")).status_code == 302  # the other ends


def test_database_down_for_a_signed_in_user_answers_the_503_too(editor, monkeypatch):
    """A signed-in user's session is read before the view, by the middleware."""
    from django.contrib.sessions.backends.db import SessionStore

    client = Client(raise_request_exception=False)
    client.force_login(editor)

    def gone(self):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(SessionStore, "load", gone)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 503
    assertContains(response, "Hệ thống tạm thời gián đoạn", status_code=503)
    assert "Connection refused" not in response.content.decode()
