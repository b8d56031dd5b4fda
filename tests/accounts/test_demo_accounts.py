"""load_demo's accounts: no password in the source; none that can sign in without DEBUG; with
DEBUG, random passwords for each database, printed on every run and never changed."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

DEMO = {"bientap", "duyettin", "quantri", "canbo", "lanhdao", "vanphong"}
PRINTED = re.compile(r"tên đăng nhập: (\S+)\s+mật khẩu: (\S+)")


@pytest.fixture(autouse=True)
def quick_demo(monkeypatch):
    """The demo without the country's 3,321 communes and with small photos: they take half a
    minute and are not what these tests are about."""
    from institutions.importing import Report
    from photos.demo import demo_photo

    monkeypatch.setattr(
        "culture_portal.management.commands.load_demo.import_official_units", Report
    )
    for app in ("news", "institutions"):
        monkeypatch.setattr(f"{app}.demo.demo_photo", lambda seed: demo_photo(seed, 480, 320))


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def signs_in(client, username, password) -> bool:
    client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}
    )
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return signed_in


def accounts():
    return get_user_model().objects.filter(username__in=DEMO).order_by("username")


def test_without_debug_no_demo_account_can_sign_in(client):
    output = load_demo()
    assert {user.username for user in accounts()} == DEMO  # they author the demo rows
    assert not any(user.has_usable_password() for user in accounts())
    assert not signs_in(client, "quantri", "quantri-demo-2026")
    assert "không đăng nhập được" in output
    assert not PRINTED.search(output)


def test_with_debug_each_account_has_a_random_password_printed_on_every_run(client, settings):
    settings.DEBUG = True
    passwords = dict(PRINTED.findall(load_demo()))
    assert set(passwords) == DEMO
    sources = [
        path.read_text(encoding="utf-8")
        for app in (
            "culture_portal",
            "news",
            "institutions",
            "work_plans",
            "accounts",
            "identity",
            "bench",
        )
        for path in (Path(django_settings.BASE_DIR) / app).rglob("*.py")
    ]
    for username, password in passwords.items():
        assert len(password) >= 12 and not any(password in text for text in sources)
        assert signs_in(client, username, password)
    assert accounts().get(username="quantri").is_superuser

    rows = list(accounts().values())
    with CaptureQueriesContext(connection) as queries:
        again = load_demo()
    assert dict(PRINTED.findall(again)) == passwords  # the same, printed again
    assert list(accounts().values()) == rows  # no password changed
    user_table = get_user_model()._meta.db_table
    assert not [q for q in queries if q["sql"].startswith(f'UPDATE "{user_table}"')]

    settings.DEMO_PASSWORDS_FILE.unlink()  # the passwords lost: still none changed
    output = load_demo()
    assert list(accounts().values()) == rows
    assert "đặt lại: manage.py changepassword quantri" in output


def test_each_database_gets_passwords_of_its_own(settings):
    settings.DEBUG = True
    first = dict(PRINTED.findall(load_demo()))
    accounts().delete()  # as in a new database
    second = dict(PRINTED.findall(load_demo()))
    assert set(second) == DEMO
    assert not set(first.values()) & set(second.values())
