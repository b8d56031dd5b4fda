"""Whole-page cache for anonymous visitors, with versioned keys.

Every cached page's key carries the site's content version. Saving or deleting any content
of the apps that ask for it (`watch`: articles, institutions, plans, the site identity…) sets
a new version, so every page that shows it is rendered afresh on the next request: no stale
page after a publish, and no waiting for a TTL. Content can also change by itself at a set
time (a scheduled article): apps tell when (`changes_at`), and no page is kept past it. If a
new version cannot be written (Redis full or unreachable), no page is served from the cache
until one is: a withdrawn article must not stay public.

A page is keyed by its canonical request (page_cache/canonical.py): the path and the query
parameters its view reads, nothing else of the query nor the Host header. A page keeps at
most PAGE_CACHE_VARIANTS of those queries per version, so strangers cannot fill the cache.

Visitors who are signed in (accounts.signed_in: a valid marker cookie, not merely a session
cookie) always get live pages. If the cache backend fails (Redis down), django-redis ignores
the error and pages are rendered.

Each worker process also keeps the pages it has served lately in memory (a LRU bounded in
bytes, in front of the shared cache; without a shared cache it is the only place pages are
kept). That is safe because a key names the content version: once the version changes, no
request asks for the old keys again. A hit then costs one small read of the version from the
shared cache and no copy of the page over the network.
"""

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

from accounts.signed_in import is_signed_in
from page_cache.canonical import canonicalize
from page_cache.release import release
from replicas.routers import note_primary_position

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
EXCLUDED_PREFIXES = ("/admin/", "/static/", "/media/", "/healthz", "/jsi18n/")


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _shared() -> bool:
    """Whether the cache is shared by the app servers (Redis), rather than this process's
    own memory (where the bounded LocalPages layer alone keeps pages)."""
    return not isinstance(_cache(), LocMemCache)


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


class _VersionState:
    """This process's knowledge that a change was not written to the shared cache."""

    unwritten = False
    last_logged = 0.0


_state = _VersionState()


def _log_error(message: str, *args) -> None:
    # Once a minute per process at most: every request meets the same failure.
    now = time.monotonic()
    if now - _state.last_logged > 60:
        _state.last_logged = now
        logger.error(message, *args)


def _write_new_version(labels=(), *, retry: bool = False) -> bool:
    """Set a new content version, and of the content kinds (apps) named; True once it is
    read back.

    Redis at its memory limit refuses the write, and django-redis only logs that: the old
    version would stay, with every page cached under it. Then the version is deleted (Redis
    allows deletions when full), so that no process serves a page or a fragment from the
    cache until a new version can be written; and then every kind gets a new one, as which
    of them changed meanwhile is not known.
    """
    version = uuid.uuid4().hex
    if _state.unwritten or retry:
        labels = _watched_labels
    keys = [VERSION_KEY, *(kind_key(label) for label in labels)]
    _cache().set_many(dict.fromkeys(keys, version), None)
    found = _cache().get_many(keys)
    if all(found.get(key) == version for key in keys):
        _state.unwritten = False
        return True
    if VERSION_KEY in found:
        _cache().delete(VERSION_KEY)
    _state.unwritten = True
    message = (
        "The content version could not be written to the cache (%s); pages are not served "
        "from the cache until it can be."
    )
    reason = "refused" if found else "unreachable"
    if retry:
        _log_error(message, reason)
    else:
        logger.error(message, reason)  # a change that the cache missed: every time
    return False


def content_version() -> str | None:
    """The current content version, or None when it cannot be trusted (a change not yet
    written, the cache unreachable or full): then no page is served from the cache."""
    if _state.unwritten and not _write_new_version(retry=True):
        return None
    version = _cache().get(VERSION_KEY)
    if version is None:
        _cache().add(VERSION_KEY, uuid.uuid4().hex, None)
        version = _cache().get(VERSION_KEY)
        if version is None:
            _log_error("No content version in the cache; pages are rendered live.")
    return version


def kind_key(label: str) -> str:
    """The cache key of the version of one kind of content (an app's models)."""
    return f"content-version:{label}"


# The apps whose content is watched, and those changed in this thread's transactions whose
# versions are written again at the commit.
_watched_labels: list[str] = []
_pending = threading.local()


def watched_labels() -> list[str]:
    """The apps whose content is watched (their kinds have versions)."""
    return list(_watched_labels)


def bump_content_version(sender=None, **kwargs) -> None:
    # Now, for the rest of this request; and again once the change is committed, so that a
    # page rendered by another request meanwhile (from the data before the commit) is not
    # kept under the new version. The primary's WAL position is noted at that point for the
    # read replica (replicas/routers.py).
    labels = [sender._meta.app_label] if sender is not None else _watched_labels
    _write_new_version(labels)
    pending = getattr(_pending, "labels", None)
    if pending is None:
        pending = _pending.labels = set()
    pending.update(labels)
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
    note_primary_position()
    # Every kind changed in this thread since the last commit (a rolled-back change among
    # them only costs a fragment rendered again).
    labels = getattr(_pending, "labels", None) or set(_watched_labels)
    _pending.labels = set()
    _write_new_version(sorted(labels))


_next_changes: list[Callable[[], datetime | None]] = []


def changes_at(next_change: Callable[[], datetime | None]) -> None:
    """Register when content next changes by itself (a scheduled publication): a function
    that returns that moment, or None."""
    _next_changes.append(next_change)


NEXT_CHANGE_KEY = "next-change"
_UNREAD = object()


def next_change_moment(version: str, entry=_UNREAD) -> datetime:
    """When content next changes by itself, as found for this content version (kept in the
    cache with it; `entry` is that cache entry when the caller has read it already)."""
    if entry is _UNREAD:
        entry = _cache().get(NEXT_CHANGE_KEY)
    now = timezone.now()
    if entry and entry[0] == version and entry[1] > now:
        return entry[1]
    moments = [m for m in (next_change() for next_change in _next_changes) if m]
    moment = min(moments, default=None) or now + timedelta(days=1)
    _cache().set(NEXT_CHANGE_KEY, (version, moment), max(1, int((moment - now).total_seconds())))
    return moment


def seconds_to_next_change(version: str) -> int:
    """Seconds until content next changes by itself."""
    return max(0, int((next_change_moment(version) - timezone.now()).total_seconds()))


def kind_versions() -> dict[str, str]:
    """A token per kind of content (app label) that changes whenever its content does: saved,
    deleted, or changed by itself at a set time. Read in one round trip to the cache. Empty
    when the versions cannot be trusted (a change not yet written, the cache unreachable or
    full)."""
    if _state.unwritten and not _write_new_version(retry=True):
        return {}
    keys = {label: kind_key(label) for label in _watched_labels}
    found = _cache().get_many([VERSION_KEY, NEXT_CHANGE_KEY, *keys.values()])
    version = found.get(VERSION_KEY) or content_version()
    if version is None:
        return {}
    missing = [key for key in keys.values() if key not in found]
    if missing:
        for key in missing:
            _cache().add(key, uuid.uuid4().hex, None)
        found.update(_cache().get_many(missing))
    clock = int(next_change_moment(version, found.get(NEXT_CHANGE_KEY)).timestamp())
    return {label: f"{found[key]}.{clock}" for label, key in keys.items() if key in found}


def room_for_variant(version: str, path: str, timeout: int) -> bool:
    """Whether this page (path) may keep one more query variant under this version."""
    key = f"page-variants:{version}:{hashlib.sha256(path.encode()).hexdigest()[:32]}"
    _cache().add(key, 0, timeout)
    try:
        count = _cache().incr(key)
    except ValueError:  # expired between the two calls
        return False
    return count is not None and count <= settings.PAGE_CACHE_VARIANTS


def watch(app_config) -> None:
    """Any save or deletion of the app's models renews cached pages (called from the app's
    `ready`). A model with `page_cache_ignore = True`, and the version history, are left out."""
    if app_config.label not in _watched_labels:
        _watched_labels.append(app_config.label)
    for model in app_config.get_models():
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
            and not request.path.startswith(EXCLUDED_PREFIXES)
            and not is_signed_in(request)
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        address = canonicalize(request)
        version = content_version()
        if version is None:
            return self.get_response(request)
        key = f"page:{release()}:{version}:{hashlib.sha256(address.encode()).hexdigest()}"
        cached = local_pages.get(key)
        if cached is None and _shared():
            cached = _cache().get(key)
            if cached is not None:
                timeout = min(settings.PAGE_CACHE_SECONDS, seconds_to_next_change(version))
                local_pages.set(key, cached, timeout)
        if cached is not None:
            return get_conditional_response(
                request,
                etag=cached.get("ETag"),
                last_modified=None,
                response=cached,
            )
        response = self.get_response(request)
        if request.method == "GET" and self.cacheable_response(request, response):
            timeout = min(settings.PAGE_CACHE_SECONDS, seconds_to_next_change(version))
            if timeout <= 0:
                return response
            if not room_for_variant(version, request.path, timeout):
                # Nor does nginx keep it (its micro-cache honours this header, and hides it).
                response["X-Accel-Expires"] = "0"
                return response
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            if _shared():
                _cache().set(key, response, timeout)
            local_pages.set(key, response, timeout)
        return response

    @staticmethod
    def cacheable_response(request, response) -> bool:
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
            # A session from before the signed-in marker: rendered for its user, never kept.
            and not (user is not None and user.is_authenticated)
        )
