"""A per-process cache bounded in bytes, for the rendered fragments of pages.

Django's local-memory cache bounds the number of its entries only: a few thousand large
fragments could grow every worker by hundreds of megabytes. This one also bounds the bytes
it holds (OPTIONS["MAX_BYTES"]): past them, the entries used least recently go first.
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

from page_cache.release import release

_MISSING = object()
_sizes: dict[str, list[int]] = {}


class BoundedMemoryCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        self._max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", 16 * 1024 * 1024))
        # One running total per cache name, shared like LocMemCache's own stores.
        self._size = _sizes.setdefault(name, [0])

    @property
    def bytes_used(self) -> int:
        return self._size[0]

    def _set(self, key, value, timeout=None):
        self._delete(key)
        if len(value) > self._max_bytes // 10:
            return  # one entry never takes a tenth of the room
        super()._set(key, value, timeout)
        self._size[0] += len(value)
        while self._size[0] > self._max_bytes and len(self._cache) > 1:
            old, _ = next(reversed(self._cache.items()))  # the least recently used
            self._delete(old)

    def _cull(self):
        # Like LocMemCache's (a third of the entries), counting their bytes out.
        for _ in range(len(self._cache) // max(self._cull_frequency, 1)):
            self._delete(next(reversed(self._cache)))

    def _delete(self, key):
        value = self._cache.get(key)
        if not super()._delete(key):
            return False
        self._size[0] -= len(value)
        return True

    def incr(self, key, delta=1, version=None):
        # Through get and set (BaseCache's way), so that the bytes are counted.
        return BaseCache.incr(self, key, delta, version)

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._size[0] = 0


class TieredCache(BoundedMemoryCache):
    """This worker's memory in front of the shared cache (OPTIONS["SHARED"], a cache alias):
    a fragment rendered by one worker is found by the others, and each keeps the ones it
    uses in its own memory, with no round trip. Only for keys that never name two contents
    (set once, never changed), as a worker's copy is not told of changes."""

    def __init__(self, name, params):
        super().__init__(name, params)
        self._shared_alias = params.get("OPTIONS", {}).get("SHARED")

    def _shared(self):
        return caches[self._shared_alias] if self._shared_alias else None

    def get(self, key, default=None, version=None):
        value = super().get(key, _MISSING, version)
        if value is not _MISSING:
            return value
        shared = self._shared()
        if shared is None:
            return default
        value = shared.get(self._shared_key(key, version), _MISSING)
        if value is _MISSING:
            return default
        super().set(key, value, self.default_timeout, version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        super().set(key, value, timeout, version)
        shared = self._shared()
        if shared is not None:
            if timeout is DEFAULT_TIMEOUT:
                timeout = self.default_timeout
            shared.set(self._shared_key(key, version), value, timeout)

    def _shared_key(self, key, version):
        return f"fragment:{release()}:{self.make_key(key, version)}"
