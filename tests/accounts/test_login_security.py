import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


def attempt(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def test_repeated_failures_lock_the_account_from_that_address(client, publisher, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "publisher", "sai-mat-khau").status_code == 200
    locked = attempt(client, "publisher", "sai-mat-khau")
    assert locked.status_code == 429
    assertContains(locked, "Tạm khoá đăng nhập", status_code=429)
    assertContains(locked, "Hãy thử lại sau 15 phút.", status_code=429)
    # Even the right password is refused from that address while locked.
    assert attempt(client, "publisher", "a-long-test-passphrase").status_code == 429


def test_an_attacker_elsewhere_cannot_lock_a_leader_out(client, publisher, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        attempt(client, "publisher", "sai-mat-khau", address="198.51.100.66")
    response = attempt(client, "publisher", "a-long-test-passphrase", address="203.0.113.7")
    assert response.status_code == 302


def test_forged_forwarded_for_header_does_not_dodge_the_lock(client, publisher, settings):
    for number in range(settings.AXES_FAILURE_LIMIT + 1):
        response = attempt(
            client,
            "publisher",
            "sai-mat-khau",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    assert response.status_code == 429


def test_a_superuser_unlocks_by_deleting_the_attempts(client, publisher, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "publisher", "sai-mat-khau")
    assert AccessAttempt.objects.filter(username="publisher").exists()
    AccessAttempt.objects.filter(username="publisher").delete()
    assert attempt(client, "publisher", "a-long-test-passphrase").status_code == 302


def test_staff_passwords_need_twelve_characters_and_not_a_common_one():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("ngan-qua")
    with pytest.raises(ValidationError):
        validate_password("password1234")
    validate_password("mùa xuân trên đồng tháp mười")


def test_a_very_long_user_name_is_refused_with_a_message(client):
    """Recorded as a failed attempt, a 5,000-character name overflowed django-axes' column
    (a server error on PostgreSQL)."""
    response = client.post(
        reverse("admin:login"), {"username": "x" * 5000, "password": "whatever-it-is"}
    )
    assert response.status_code == 200
    assert "150" in response.content.decode()  # Django's message: at most 150 characters
    assert "_auth_user_id" not in client.session
