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


def test_an_attacker_elsewhere_cannot_lock_a_leader_out_of_their_device(
    client, publisher, settings
):
    from django.test import Client

    sign_in_then_out(client)
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        attempt(attacker, "publisher", "sai-mat-khau", address="198.51.100.66")
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


# Sign-in as a cheap denial of service, and guesses spread over addresses (issue 19) --------


@pytest.fixture
def hashes(monkeypatch):
    """Counts password hashes (one per check, for a known name or not)."""
    from django.contrib.auth.hashers import MD5PasswordHasher

    counted = []
    encode = MD5PasswordHasher.encode

    def counting(self, password, salt):
        counted.append(password)
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting)
    return counted


def test_unknown_names_cost_a_password_hash_as_real_ones(client, publisher, hashes):
    attempt(client, "publisher", "sai-mat-khau")
    assert len(hashes) == 1
    attempt(client, "khong-ai-ten-nay", "sai-mat-khau")
    assert len(hashes) == 2


def test_random_names_from_one_address_lock_that_address(client, publisher, settings, hashes):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"ten-ngau-nhien-{number}", "sai-mat-khau")
    assert len(hashes) == settings.AXES_FAILURE_LIMIT
    locked = attempt(client, "ten-ngau-nhien-khac", "sai-mat-khau")
    assert locked.status_code == 429
    assert attempt(client, "publisher", "a-long-test-passphrase").status_code == 429
    assert len(hashes) == settings.AXES_FAILURE_LIMIT  # refused before any hash
    # Another address is not held by this one's lock.
    assert attempt(client, "publisher", "a-long-test-passphrase", "203.0.113.99").status_code == 302


def test_guesses_spread_over_addresses_lock_the_account(client, publisher, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "publisher", "sai-mat-khau", address=f"2001:db8::{number + 1}")
    locked = attempt(client, "publisher", "a-long-test-passphrase", address="198.51.100.5")
    assert locked.status_code == 429
    assertContains(locked, "máy và trình duyệt bạn vẫn dùng", status_code=429)


def sign_in_then_out(client, address="203.0.113.7"):
    assert attempt(client, "publisher", "a-long-test-passphrase", address).status_code == 302
    client.post(reverse("admin:logout"), REMOTE_ADDR=address)


def test_the_owner_still_signs_in_from_a_known_device(client, publisher, settings):
    from django.test import Client

    sign_in_then_out(client)  # the leader's own browser, now a known device
    stranger = Client()
    for number in range(settings.AXES_FAILURE_LIMIT + 3):
        attempt(stranger, "publisher", "sai-mat-khau", address=f"2001:db8::{number + 1}")
    assert (
        attempt(stranger, "publisher", "a-long-test-passphrase", "2001:db8::99").status_code == 429
    )
    # From home today, another address than usual: the browser is what counts.
    assert attempt(client, "publisher", "a-long-test-passphrase", "198.51.100.9").status_code == 302


def test_a_locked_account_signs_in_again_after_the_cool_off(client, publisher, settings):
    from datetime import timedelta

    settings.AXES_COOLOFF_TIME = timedelta(seconds=1)
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "publisher", "sai-mat-khau", address=f"2001:db8::{number + 1}")
    assert attempt(client, "publisher", "a-long-test-passphrase", "198.51.100.5").status_code == 429
    # Tries while locked do not push the end of the lock back.
    attempt(client, "publisher", "sai-mat-khau", address="198.51.100.6")
    import time

    time.sleep(1.2)
    assert attempt(client, "publisher", "a-long-test-passphrase", "198.51.100.5").status_code == 302


def test_password_checks_a_second_are_bounded_across_addresses(
    client, publisher, settings, hashes, monkeypatch
):
    import accounts.counting

    settings.LOGIN_CHECKS_PER_SECOND = 2
    monkeypatch.setattr(accounts.counting.time, "time", lambda: 1_800_000_000.0)
    for number in range(2):
        attempt(client, f"ten-{number}", "sai-mat-khau", address=f"2001:db8::{number + 1}")
    busy = attempt(client, "ten-khac", "sai-mat-khau", address="2001:db8::77")
    assertContains(busy, "quá nhiều lượt đăng nhập")
    assert len(hashes) == 2
    # A refused try counts as a failure: an address that keeps trying is soon locked.
    assert AccessAttempt.objects.filter(username="ten-khac", ip_address="2001:db8::77").exists()
