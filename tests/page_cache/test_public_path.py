"""The public path under crowds, shared links and attackers (issue 19): what a cached page is
keyed by, who may fill the cache, who bypasses it, what Host cannot change, and what happens
when the content version cannot be written."""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.db.models import F
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from accounts.signed_in import COOKIE_NAME
from news import publishing
from page_cache.canonical import canonical_query
from page_cache.middleware import content_version, local_pages
from tests.factories import ArticleFactory, ArticlePhotoFactory

pytestmark = pytest.mark.django_db
LIST = reverse("news:article-list")


# 1. One page per content, whatever the query says ----------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "?fbclid=IwAR0abcDEF123",
        "?zarsrc=30&utm_source=zalo&utm_medium=zalo&utm_campaign=zalo",
        "?gclid=Cj0KCQ&utm_source=google",
        "?utm=1",
    ],
)
def test_shared_links_with_click_ids_get_the_cached_page(client, django_assert_num_queries, query):
    article = ArticleFactory(title="Tin được chia sẻ")
    client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url() + query)
    assertContains(response, "Tin được chia sẻ")


def test_the_page_is_rendered_from_the_canonical_query(client, django_assert_num_queries):
    """Pagination links of a page reached through a shared link carry no click id, and the
    parameters the page reads keep their meaning in any order."""
    for number in range(15):
        ArticleFactory(title=f"Tin số {number}")
    response = client.get(LIST + "?fbclid=abc&page=2")
    assertContains(response, "Trang trước")
    assertNotContains(response, "fbclid")
    with django_assert_num_queries(0):
        again = client.get(LIST + "?utm_source=zalo&page=2")
    assert again.content == response.content
    filtered = client.get(LIST + "?q=tin&page=2")
    with django_assert_num_queries(0):
        assert client.get(LIST + "?page=2&q=tin&gclid=x").content == filtered.content


def test_canonical_query_picks_parameters_as_nginx_does():
    names = ("q", "page")
    assert canonical_query("page=2&q=a", names) == "page=2&q=a"
    assert canonical_query("q=a&page=2", names) == "page=2&q=a"
    assert canonical_query("q=a&q=b", names) == "q=a"  # the first, as $arg_q
    assert canonical_query("q=&q=b", names) == ""  # an empty first value: none
    assert canonical_query("Q=a", names) == "q=a"  # names ignore case, as $arg_q
    assert canonical_query("%71=a&xq=b&q", names) == ""  # not the name as sent, no "="
    assert canonical_query("fbclid=1&utm_source=x", names) == ""


def test_every_parameter_a_page_reads_is_in_nginx_cache_key():
    """nginx keys its micro-cache on the union of the parameters pages read: one left out
    would let a page with it be kept for the page without it."""
    from pathlib import Path

    from django.conf import settings
    from django.urls import get_resolver

    from page_cache.canonical import params_of

    def views(resolver):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                yield from views(pattern)
            else:
                yield pattern.callback

    read = {name for view in views(get_resolver()) for name in params_of(view)}
    assert {"page", "q", "loai", "p", "truoc-2025", "category", "month", "level"} <= read
    config = (Path(settings.BASE_DIR) / "deploy/nginx/culture-portal.conf").read_text()
    key_line = next(line for line in config.splitlines() if "proxy_cache_key" in line)
    missing = [name for name in read if f"{name}=" not in key_line]
    assert not missing, key_line


def test_the_filter_forms_read_only_declared_parameters(client):
    import re

    from documents.views import DocumentListView
    from institutions.views import InstitutionListView
    from news.views import ArticleListView

    for url, view in (
        (LIST, ArticleListView),
        (reverse("institutions:list"), InstitutionListView),
        (reverse("documents:list"), DocumentListView),
    ):
        page = client.get(url).content.decode()
        fields = set(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', page))
        assert fields and fields <= set(view.page_cache_params), fields


# 2. The cache cannot be filled by strangers ---------------------------------------------


def test_a_page_keeps_a_bounded_number_of_query_variants(client, settings):
    settings.PAGE_CACHE_VARIANTS = 3
    ArticleFactory(title="Tin về văn hóa")
    for number in range(10):
        response = client.get(reverse("search"), {"q": f"van hoa {number}"})
        assert response.status_code == 200
    kept = [k for k in local_pages.entries]
    assert len(kept) == 3
    assert response["X-Accel-Expires"] == "0"  # nor does nginx keep it
    for number in range(20):
        client.get(reverse("home"), {"utm": number})  # not read by the page: one entry
    assert len(local_pages.entries) == 4


def test_without_redis_pages_live_only_in_the_bounded_worker_layer(client, settings):
    from django.core.cache import cache

    ArticleFactory()
    client.get(LIST)
    assert len(local_pages.entries) == 1
    assert not [key for key in cache._cache if ":page:" in key]


# 3. A made-up session cookie gets the cached page ---------------------------------------


def test_a_made_up_session_cookie_gets_the_cached_page(client, django_assert_num_queries):
    ArticleFactory(title="Tin công khai")
    client.get(LIST)
    client.cookies["sessionid"] = "khong-phai-phien-that"
    with django_assert_num_queries(0):
        assertContains(client.get(LIST), "Tin công khai")
    client.cookies[COOKIE_NAME] = "gia-mao"
    with django_assert_num_queries(0):
        assertContains(client.get(LIST), "Tin công khai")


def test_signing_in_and_out_through_the_form_switches_live_and_cached_pages(client, editor):
    article = ArticleFactory(title="Bản đang hiển thị")
    client.get(LIST)
    ArticleFactory._meta.model.objects.filter(pk=article.pk).update(
        title="Bản mới trong CSDL", version=F("version") + 1
    )
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": "a-long-test-passphrase", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response.cookies[COOKIE_NAME].value
    page = client.get(LIST)
    assertContains(page, "Bản mới trong CSDL")  # right after sign-in: live
    assert "private" in page["Cache-Control"]
    signed_out = client.post(reverse("admin:logout"))
    assert signed_out.cookies[COOKIE_NAME].value == ""  # the marker goes
    assertContains(client.get(LIST), "Bản đang hiển thị")  # anonymous again: the cache


# 4. The Host header cannot poison a cached page ----------------------------------------

PORTAL = "https://portal.example.gov.vn"


@pytest.fixture
def portal_host(settings):
    settings.SITE_URL = PORTAL
    settings.ALLOWED_HOSTS = ["portal.example.gov.vn", "testserver"]
    return {"HTTP_HOST": "portal.example.gov.vn:9999"}


def test_absolute_links_come_from_site_url_not_the_host_header(client, portal_host):
    article = ArticleFactory(title="Tin có ảnh")
    ArticlePhotoFactory(article=article, is_cover=True)
    pages = [
        article.get_absolute_url(),
        reverse("robots"),
        reverse("sitemap"),
        reverse("sitemap-section", args=["articles"]),
        reverse("news:feed"),
        reverse("news:category-feed", args=[article.category.slug]),
    ]
    for path in pages:
        response = client.get(path, **portal_host)
        assert response.status_code == 200, path
        text = response.content.decode()
        assert ":9999" not in text, path
        assert PORTAL in text, path
    detail = client.get(article.get_absolute_url(), **portal_host).content.decode()
    assert f'rel="canonical" href="{PORTAL}{article.get_absolute_url()}"' in detail
    assert f'property="og:url" content="{PORTAL}{article.get_absolute_url()}"' in detail


def test_https_redirect_names_the_site_host(client, settings, portal_host):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_SSL_HOST = "portal.example.gov.vn"
    response = client.get(reverse("home"), **portal_host)
    assert response.status_code == 301
    assert response["Location"] == f"{PORTAL}/"


# 5. Publishing or withdrawing is never lost by the cache -------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def own_redis(settings):
    """A Redis of this test's own (the machine's shared one is never reconfigured): small,
    at its memory limit it refuses writes (noeviction)."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory",
            "8mb",
            "--maxmemory-policy",
            "noeviction",
        ],
        stdout=subprocess.DEVNULL,
    )
    import redis

    raw = redis.Redis(port=port)
    deadline = time.time() + 10
    while True:
        try:
            raw.ping()
            break
        except redis.ConnectionError:
            if time.time() > deadline:
                raise
            time.sleep(0.05)
    machine_caches = settings.CACHES
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "test",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    yield process, raw
    settings.CACHES = machine_caches
    if process.poll() is None:
        os.kill(process.pid, signal.SIGCONT)
        process.terminate()
        process.wait(10)


def fill_up(raw):
    """Write until Redis refuses even a small key."""
    import redis

    number = 0
    for size in (100_000, 1_000, 10):
        try:
            while True:
                raw.set(f"junk:{number}", b"x" * size)
                number += 1
        except redis.exceptions.OutOfMemoryError:
            continue
    # Full for good: Redis's own use moves a little (a reply's buffer freed), and a write
    # would fit again; a limit below what is held now refuses every write until junk goes.
    used = raw.info("memory")["used_memory"]
    raw.config_set("maxmemory", max(used - 256 * 1024, 1024 * 1024))


def test_an_unpublish_into_a_full_redis_is_not_lost(client, publisher, own_redis, caplog):
    _process, raw = own_redis
    article = ArticleFactory(title="Tin sẽ bị gỡ")
    assertContains(client.get(article.get_absolute_url()), "Tin sẽ bị gỡ")
    assertContains(client.get(LIST), "Tin sẽ bị gỡ")
    local_pages.clear()  # another worker: only Redis holds the pages
    fill_up(raw)
    with caplog.at_level(logging.ERROR, logger="page_cache.middleware"):
        publishing.unpublish_article(article, by=publisher)
    assert "content version could not be written" in caplog.text
    assert client.get(article.get_absolute_url()).status_code == 404
    assertNotContains(client.get(LIST), "Tin sẽ bị gỡ")
    raw.delete(*raw.keys("junk:*"))  # room again: pages are cached again
    assertNotContains(client.get(LIST), "Tin sẽ bị gỡ")
    assert content_version() is not None
    assert any(b":page:" in key for key in raw.keys())


def test_an_unpublish_while_redis_is_stopped_is_not_lost(client, publisher, own_redis):
    process, _raw = own_redis
    article = ArticleFactory(title="Tin gỡ khi Redis dừng")
    assertContains(client.get(article.get_absolute_url()), "Tin gỡ khi Redis dừng")
    before = content_version()
    os.kill(process.pid, signal.SIGSTOP)  # stopped with its data, as a frozen server
    try:
        publishing.unpublish_article(article, by=publisher)
        assert client.get(article.get_absolute_url()).status_code == 404
    finally:
        os.kill(process.pid, signal.SIGCONT)
    # Back with the version of before the change, and the pages cached under it.
    assert client.get(article.get_absolute_url()).status_code == 404
    assert content_version() not in (None, before)
