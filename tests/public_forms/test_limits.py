"""The rate limits of the public forms: per client address and per contact."""

import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from public_forms import limits


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/hoi-dap/gui/", **extra)


def test_one_address_is_refused_beyond_its_count_and_told_when_to_return(settings):
    settings.PUBLIC_FORM_RATE_PER_ADDRESS = 3
    settings.PUBLIC_FORM_RATE_WINDOW = 600
    for _ in range(3):
        assert limits.take_address(request_from("203.0.113.5"), "ask") is None
    refusal = limits.take_address(request_from("203.0.113.5"), "ask")
    assert refusal is not None and 0 < refusal.seconds <= 600
    assert "quá nhiều lượt gửi từ địa chỉ mạng của bạn" in refusal.message
    assert "Vui lòng thử lại sau" in refusal.message
    # Another address, and the same address on another form, are counted apart.
    assert limits.take_address(request_from("203.0.113.6"), "ask") is None
    assert limits.take_address(request_from("203.0.113.5"), "comment") is None


def proxy_settings(count):
    """AXES_IPWARE_* as culture_portal/settings.py sets them for TRUSTED_PROXY_COUNT=count."""
    script = (
        "from culture_portal import settings as s; "
        "print(s.AXES_IPWARE_PROXY_COUNT, ','.join(s.AXES_IPWARE_META_PRECEDENCE_ORDER))"
    )
    env = {**os.environ, "TRUSTED_PROXY_COUNT": str(count)}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), tuple(out[1].split(","))


def test_behind_nginx_the_forwarded_address_is_counted(settings):
    settings.PUBLIC_FORM_RATE_PER_ADDRESS = 1
    count, order = proxy_settings(1)
    settings.AXES_IPWARE_PROXY_COUNT = count
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = order
    proxy = "127.0.0.1"
    assert limits.client_address(request_from(proxy, "198.51.100.7")) == "198.51.100.7"
    assert limits.take_address(request_from(proxy, "198.51.100.7"), "ask") is None
    assert limits.take_address(request_from(proxy, "198.51.100.8"), "ask") is None
    assert limits.take_address(request_from(proxy, "198.51.100.7"), "ask") is not None


def test_one_contact_is_refused_beyond_its_count_however_it_is_written(settings):
    settings.PUBLIC_FORM_RATE_PER_CONTACT = 2
    assert limits.take_contact("ask", "An.Nguyen@Example.com") is None
    assert limits.take_contact("ask", " an.nguyen@example.com ") is None
    refusal = limits.take_contact("ask", "AN.NGUYEN@EXAMPLE.COM")
    assert refusal is not None and refusal.by_contact
    assert "với địa chỉ e-mail hoặc số điện thoại này" in refusal.message

    assert limits.take_contact("ask", "+84 912 345 678") is None
    assert limits.take_contact("ask", "0912.345.678") is None
    assert limits.take_contact("ask", "0912345678") is not None
    assert limits.take_contact("ask", "", "") is None


def test_the_window_ends_and_counting_starts_again(settings, monkeypatch):
    import time as time_module

    settings.PUBLIC_FORM_RATE_PER_ADDRESS = 1
    settings.PUBLIC_FORM_RATE_WINDOW = 60
    now = [1_800_000_000.0]
    monkeypatch.setattr(time_module, "time", lambda: now[0])
    assert limits.take_address(request_from("203.0.113.9"), "ask") is None
    assert limits.take_address(request_from("203.0.113.9"), "ask").seconds == 60
    now[0] += 60
    assert limits.take_address(request_from("203.0.113.9"), "ask") is None


def test_contact_normalisation():
    assert limits.normalise_contact(" Chi@Mail.VN ") == "chi@mail.vn"
    assert limits.normalise_contact("+84 (912) 345-678") == "0912345678"
    assert limits.normalise_contact("0912 345 678") == "0912345678"
