"""The caches behind the fragments: each worker's memory bounded in bytes, in front of the
shared cache, and every shared key the release's own."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.urls import reverse

from page_cache.backends import BoundedMemoryCache, TieredCache
from page_cache.middleware import local_pages
from page_cache.release import release
from tests.factories import ArticleFactory


@pytest.fixture
def shared(settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared-test": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "shared-test",
        },
    }
    cache = LocMemCache("shared-test", {})
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def new_release(settings):
    def switch(name):
        settings.RELEASE = name
        release.cache_clear()

    yield switch
    release.cache_clear()


def worker(name, shared_alias="shared-test", max_bytes=1_000_000) -> TieredCache:
    cache = TieredCache(
        name, {"OPTIONS": {"MAX_BYTES": max_bytes, "SHARED": shared_alias}, "TIMEOUT": 60}
    )
    cache.clear()
    return cache


def test_memory_is_bounded_in_bytes_and_keeps_the_recently_used():
    cache = BoundedMemoryCache("bounded-test", {"OPTIONS": {"MAX_BYTES": 100_000}})
    cache.clear()
    for number in range(50):
        cache.set(f"fragment-{number}", "x" * 9_000)
        cache.get("fragment-0")  # used all along: kept
    assert cache.bytes_used <= 100_000
    assert cache.get("fragment-0") is not None
    assert cache.get("fragment-49") is not None
    assert cache.get("fragment-1") is None  # the least recently used went first
    cache.set("too-big", "x" * 20_000)  # over a tenth of the room: never kept
    assert cache.get("too-big") is None
    cache.set("counter", 1)
    used = cache.bytes_used
    assert cache.incr("counter", 2) == 3 and cache.get("counter") == 3
    assert cache.bytes_used == used  # counted, not grown
    cache.delete("fragment-0")
    cache.clear()
    assert cache.bytes_used == 0


def test_a_fragment_rendered_by_one_worker_serves_the_others(shared, new_release):
    new_release("r1")
    first, second = worker("worker-1"), worker("worker-2")
    first.set("card:7:v1", "<article>Tin</article>")
    assert second.get("card:7:v1") == "<article>Tin</article>"  # from the shared cache
    shared.clear()
    assert second.get("card:7:v1") == "<article>Tin</article>"  # now its own copy
    assert worker("worker-3").get("card:7:v1") is None


def test_a_new_release_never_meets_the_fragments_of_the_last(shared, new_release):
    new_release("r1")
    worker("worker-1").set("header:vi", "<header>cũ</header>")
    new_release("r2")
    assert worker("worker-2").get("header:vi") is None


@pytest.mark.django_db
def test_a_new_release_renders_the_pages_kept_by_the_last(
    client, new_release, django_assert_max_num_queries
):
    ArticleFactory(title="Tin trên trang chủ")
    new_release("r1")
    client.get(reverse("home"))
    with django_assert_max_num_queries(0):
        client.get(reverse("home"))  # kept
    new_release("r2")
    local_pages.clear()  # a worker of the new release
    caches["fragments"].clear()  # nor the last one's fragments in its memory
    with django_assert_max_num_queries(20) as queries:
        client.get(reverse("home"))
    assert len(queries) > 0  # rendered, not the last release's copy
