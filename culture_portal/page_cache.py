"""Whole-page cache for anonymous visitors, with versioned keys.

Every cached page's key carries the site's content version. Saving or deleting any content
(an article, a category, an institution, a plan, the site identity…) sets a new version, so
every page that shows it is rendered afresh on the next request: no stale page after a
publish, and no waiting for a TTL. A scheduled article changes pages without any save, so no
page is kept past the next scheduled publication time.

Visitors with a session cookie (signed-in staff and leaders) always get live pages. If the
cache backend fails (Redis down), django-redis ignores the error and pages are rendered.

Each worker process also keeps the pages it has served lately in memory (a bounded LRU in
front of the shared cache). That is safe because a key names the content version: once the
version changes, no request asks for the old keys again. A hit then costs one small read of
the version from the shared cache and no copy of the page over the network.
"""

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
CONTENT_APPS = ("culture_portal", "news", "institutions", "work_plans")
EXCLUDED_PREFIXES = ("/admin/", "/static/", "/media/", "/healthz", "/jsi18n/")


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class LocalPages:
    """The pages this process served lately: key → (expiry, status, headers, content)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> HttpResponse | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.time():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
        _expiry, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        return response

    def set(self, key: str, response, timeout: int) -> None:
        content = response.content
        if len(content) > self.max_bytes // 20:
            return
        headers = list(response.headers.items())
        entry = (time.time() + timeout, response.status_code, headers, content)
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = entry
            self.size += len(content)
            while self.size > self.max_bytes and self.entries:
                self._drop(next(iter(self.entries)))

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key: str) -> None:
        entry = self.entries.pop(key)
        self.size -= len(entry[3])


local_pages = LocalPages(max_bytes=settings.PAGE_CACHE_LOCAL_BYTES)


def content_version() -> str:
    version = _cache().get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        _cache().add(VERSION_KEY, version, None)
        version = _cache().get(VERSION_KEY) or version
    return version


def bump_content_version(**kwargs) -> None:
    # Now, for the rest of this request; and again once the change is committed, so that a
    # page rendered by another request meanwhile (from the data before the commit) is not
    # kept under the new version. The primary's WAL position is noted at that point for the
    # read replica (culture_portal/db_routers.py).
    _cache().set(VERSION_KEY, uuid.uuid4().hex, None)
    # Once per transaction: an import saving a thousand rows bumps once at its commit. (Looked
    # up in the pending callbacks rather than flagged, so that a rolled-back savepoint that
    # took the first registration with it does not leave the commit without one.)
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        pending[1] is _bump_after_commit for pending in connection.run_on_commit
    ):
        return
    transaction.on_commit(_bump_after_commit)


def _bump_after_commit() -> None:
    from culture_portal.db_routers import note_primary_position

    note_primary_position()
    _cache().set(VERSION_KEY, uuid.uuid4().hex, None)


def seconds_to_next_publication(version: str) -> int:
    """Seconds until the next scheduled article goes live (cached per content version)."""
    key = f"next-publication:{version}"
    moment = _cache().get(key)
    now = timezone.now()
    if moment is None or moment <= now:
        from news.models import Article

        moment = Article.objects.scheduled().values_list("published_at", flat=True).first()
        moment = moment or now + timedelta(days=1)
        _cache().set(key, moment, max(1, int((moment - now).total_seconds())))
    return max(0, int((moment - now).total_seconds()))


def connect_signals() -> None:
    """Any change to content bumps the version (called from CulturePortalConfig.ready)."""
    for label in CONTENT_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models():
            if model._meta.label.split(".")[1].startswith("Historical"):
                continue
            if getattr(model, "page_cache_ignore", False):
                continue
            uid = f"page-cache:{model._meta.label}"
            post_save.connect(bump_content_version, sender=model, dispatch_uid=uid + ":save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=uid + ":delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    bump_content_version, sender=field.remote_field.through, dispatch_uid=uid
                )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def cacheable_request(self, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(EXCLUDED_PREFIXES)
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        version = content_version()
        digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"page:{version}:{digest}"
        cached = local_pages.get(key)
        if cached is None:
            cached = _cache().get(key)
            if cached is not None:
                timeout = min(settings.PAGE_CACHE_SECONDS, seconds_to_next_publication(version))
                local_pages.set(key, cached, timeout)
        if cached is not None:
            return get_conditional_response(
                request,
                etag=cached.get("ETag"),
                last_modified=None,
                response=cached,
            )
        response = self.get_response(request)
        if request.method == "GET" and self.cacheable_response(response):
            timeout = min(settings.PAGE_CACHE_SECONDS, seconds_to_next_publication(version))
            if timeout > 0:
                patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
                _cache().set(key, response, timeout)
                local_pages.set(key, response, timeout)
        return response

    @staticmethod
    def cacheable_response(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )
