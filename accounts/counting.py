"""Counts in the shared cache over fixed windows of time.

The sign-in guards bound password checks a second with it, and the public forms bound
submissions per address and per contact. The cache is Redis with several app servers, so a
count holds across them; in local memory, each process counts alone.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Count:
    value: int | None  # None when the cache could not count (Redis down: no limit, no outage)
    seconds_left: int  # until this window ends and counting starts again


def count_hit(name: str, *, window: int) -> Count:
    """Add one to `name`'s count in the current window of `window` seconds."""
    now = time.time()
    start = int(now // window) * window
    key = f"{name}:{start}"
    cache.add(key, 0, window + 5)
    try:
        value = cache.incr(key)
    except ValueError:  # evicted between the two calls
        value = None
    return Count(value=value, seconds_left=max(1, int(start + window - now + 0.999)))
