"""Read replicas: anonymous public reads go to the replica, everything else to the primary.

Set DATABASE_REPLICA_URL to turn this on. ReplicaMiddleware marks the requests that may read
from the replica: GET or HEAD, not signed in (accounts.signed_in: a made-up session cookie
does not count), not the admin. Every write, every signed-in request and everything outside
a request (commands, migrations) uses the primary, so an editor never reads stale data after
saving.

A replica lags a little behind. After any change to content the primary's WAL position is
noted in the shared cache (page_cache.middleware.bump_content_version); a request is sent to the
replica only when the replica has replayed up to that position, so a page rendered right
after a publish (and cached under the new content version) never misses it.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections

from accounts.signed_in import is_signed_in

REPLICA = "replica"
LSN_KEY = "content-lsn"
_use_replica: ContextVar[bool] = ContextVar("use_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _use_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def note_primary_position() -> None:
    """Called after a content change: remember how far the primary's WAL has gone."""
    if not replica_configured() or connections["default"].vendor != "postgresql":
        return
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            position = cursor.fetchone()[0]
        caches[settings.PAGE_CACHE_ALIAS].set(LSN_KEY, position, None)
    except DatabaseError:
        pass


def replica_is_fresh() -> bool:
    position = caches[settings.PAGE_CACHE_ALIAS].get(LSN_KEY)
    try:
        with connections[REPLICA].cursor() as cursor:
            if position is None:
                cursor.execute("SELECT true")
            else:
                cursor.execute(
                    "SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, true)", [position]
                )
            return bool(cursor.fetchone()[0])
    except DatabaseError:
        return False  # replica down: the primary answers


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = replica_configured()

    def __call__(self, request):
        if not self.enabled or not self.may_use_replica(request) or not replica_is_fresh():
            return self.get_response(request)
        token = _use_replica.set(True)
        try:
            return self.get_response(request)
        finally:
            _use_replica.reset(token)

    @staticmethod
    def may_use_replica(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith("/admin/")
            and not is_signed_in(request)
        )
