import io

import pytest
from django.contrib.auth.models import Group
from PIL import Image


@pytest.fixture(autouse=True)
def plain_http(settings):
    """Tests speak plain HTTP to the test client; production redirects to HTTPS. The site's
    address is the test client's."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Production hashes with PBKDF2 (slow on purpose); tests make many accounts, and sign
    in many times a second (production bounds password checks a second: LOGIN_CHECKS_...)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LOGIN_CHECKS_PER_SECOND = 1000


@pytest.fixture(autouse=True)
def unhashed_static(settings):
    """Tests do not run collectstatic, so static URLs are not fingerprinted."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def signed_in_marker_on_test_sign_in(monkeypatch):
    """The test client's login() and force_login() skip the middleware that sets the
    signed-in marker at a real sign-in (accounts/signed_in.py): they set it here, so that a
    test signed in sees live pages as a signed-in person does."""
    from django.conf import settings
    from django.test import Client

    from accounts.signed_in import COOKIE_NAME, marker_for

    def with_marker(sign_in):
        def wrapper(self, *args, **kwargs):
            result = sign_in(self, *args, **kwargs)
            session = self.cookies.get(settings.SESSION_COOKIE_NAME)
            if session is not None and session.value:
                self.cookies[COOKIE_NAME] = marker_for(session.value)
            return result

        return wrapper

    monkeypatch.setattr(Client, "_login", with_marker(Client._login))


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache (pages, site identity)."""
    from django.core.cache import cache, caches

    from page_cache.middleware import local_pages

    cache.clear()
    caches["fragments"].clear()
    local_pages.clear()
    yield
    cache.clear()
    caches["fragments"].clear()
    local_pages.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads of a test go to a folder of its own, never to the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    return settings.MEDIA_ROOT


@pytest.fixture
def jpeg_bytes():
    def make(width=800, height=600, color=(200, 60, 40), exif=None) -> bytes:
        buffer = io.BytesIO()
        image = Image.new("RGB", (width, height), color)
        kwargs = {"exif": exif} if exif is not None else {}
        image.save(buffer, "JPEG", **kwargs)
        return buffer.getvalue()

    return make


def make_staff(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-passphrase", is_staff=True, **extra
    )
    if group:
        if not Group.objects.filter(name=group).exists():
            # A transactional test before this one flushed the groups that migrations made
            # (one with a serialized rollback leaves even the permissions out).
            from django.apps import apps
            from django.contrib.auth.models import Permission
            from django.core.management.sql import emit_post_migrate_signal

            if not Permission.objects.exists():
                emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

            from agency.roles import ROLES as AGENCY_ROLES
            from consultations.roles import ROLES as CONSULTATION_ROLES
            from documents.roles import ROLES as DOCUMENT_ROLES
            from institutions.roles import ROLES as INSTITUTION_ROLES
            from news.roles import ROLES as NEWS_ROLES
            from permissions.groups import sync_groups
            from questions.roles import ROLES as QUESTION_ROLES
            from schedule.roles import ROLES as SCHEDULE_ROLES
            from services.roles import ROLES as SERVICE_ROLES
            from work_plans.roles import ROLES as WORK_PLAN_ROLES

            for roles in (
                NEWS_ROLES,
                INSTITUTION_ROLES,
                WORK_PLAN_ROLES,
                AGENCY_ROLES,
                DOCUMENT_ROLES,
                SCHEDULE_ROLES,
                SERVICE_ROLES,
                QUESTION_ROLES,
                CONSULTATION_ROLES,
            ):
                sync_groups(apps, roles, in_migration=False)
            sync_groups(apps, {"Lãnh đạo": ["audit.view_auditevent"]}, in_migration=False)
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return make_staff(django_user_model, "editor", "Biên tập viên")


@pytest.fixture
def publisher(django_user_model):
    return make_staff(django_user_model, "publisher", "Duyệt tin")


@pytest.fixture
def leader(django_user_model):
    return make_staff(django_user_model, "leader", "Lãnh đạo")


@pytest.fixture
def staff_a(django_user_model):
    return make_staff(django_user_model, "staff_a", "Cán bộ thiết chế")


@pytest.fixture
def staff_b(django_user_model):
    return make_staff(django_user_model, "staff_b", "Cán bộ thiết chế")


@pytest.fixture
def office(django_user_model):
    """A member of the department office, who keeps the agency's pages, the documents
    register, the schedule and the procedure links."""
    return make_staff(django_user_model, "office", "Văn phòng Sở")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="root", password="a-long-test-passphrase"
    )


@pytest.fixture(autouse=True)
def demo_passwords_file(settings, tmp_path):
    """load_demo keeps the demo accounts' passwords (with DEBUG on) in a file of the test's."""
    settings.DEMO_PASSWORDS_FILE = tmp_path / "demo-passwords.json"
    return settings.DEMO_PASSWORDS_FILE
