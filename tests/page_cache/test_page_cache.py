import time

import pytest
from django.db.models import F
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from news import publishing
from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
LIST = reverse("news:article-list")


def test_a_cached_page_costs_no_query(client, django_assert_num_queries):
    ArticleFactory(title="Tin đã lưu đệm")
    client.get(LIST)
    with django_assert_num_queries(0):
        response = client.get(LIST)
    assertContains(response, "Tin đã lưu đệm")


def test_publishing_shows_on_the_next_request(client, publisher):
    ArticleFactory(title="Tin cũ")
    article = ArticleFactory(title="Tin mới duyệt", status=Article.Status.REVIEW, published_at=None)
    assertNotContains(client.get(LIST), "Tin mới duyệt")
    assertNotContains(client.get(reverse("home")), "Tin mới duyệt")
    publishing.publish_article(article, by=publisher)
    assertContains(client.get(LIST), "Tin mới duyệt")
    assertContains(client.get(reverse("home")), "Tin mới duyệt")
    assertContains(client.get(reverse("news:feed")), "Tin mới duyệt")


def test_unpublishing_and_editing_show_on_the_next_request(client, publisher):
    article = ArticleFactory(title="Tiêu đề trước khi sửa")
    assertContains(client.get(article.get_absolute_url()), "Tiêu đề trước khi sửa")
    article.title = "Tiêu đề sau khi sửa"
    article.save()
    assertContains(client.get(article.get_absolute_url()), "Tiêu đề sau khi sửa")
    publishing.unpublish_article(article, by=publisher)
    assert client.get(article.get_absolute_url()).status_code == 404
    assertNotContains(client.get(LIST), "Tiêu đề sau khi sửa")


def test_signed_in_staff_always_see_live_pages(client, editor):
    article = ArticleFactory(title="Bản đang hiển thị")
    client.get(LIST)
    # A change that bypasses the models' signals (not their edit counter, which keys the
    # kept cards): only a live page can show it.
    Article.objects.filter(pk=article.pk).update(
        title="Bản vừa đổi trong CSDL", version=F("version") + 1
    )
    assertContains(client.get(LIST), "Bản đang hiển thị")  # anonymous: the cached page
    client.force_login(editor)
    assertContains(client.get(LIST), "Bản vừa đổi trong CSDL")


def test_repeat_visit_gets_304(client):
    ArticleFactory()
    first = client.get(LIST)
    etag = first["ETag"]
    assert client.get(LIST, headers={"if-none-match": etag}).status_code == 304
    article = ArticleFactory()
    assert client.get(LIST, headers={"if-none-match": etag}).status_code == 200
    detail = client.get(article.get_absolute_url())
    again = client.get(article.get_absolute_url(), headers={"if-none-match": detail["ETag"]})
    assert again.status_code == 304


def test_pages_are_served_when_redis_is_down(client, settings):
    ArticleFactory(title="Tin vẫn hiện khi Redis hỏng")
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    for _ in range(2):
        response = client.get(LIST)
        assertContains(response, "Tin vẫn hiện khi Redis hỏng")
    assert client.get(reverse("home")).status_code == 200


def test_pages_use_redis_when_configured(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "culture-portal-test",
        },
    }
    from django.core.cache import cache

    cache.clear()
    ArticleFactory(title="Tin qua Redis")
    assertContains(client.get(LIST), "Tin qua Redis")
    assert cache.get("content-version")
    cache.clear()


def test_worker_memory_layer_is_bounded_and_expires(monkeypatch):
    from django.http import HttpResponse

    from page_cache.middleware import LocalPages

    pages = LocalPages(max_bytes=1000)
    for n in range(30):
        pages.set(f"k{n}", HttpResponse(b"x" * 40, headers={"ETag": f'"{n}"'}), timeout=60)
    assert pages.size <= 1000
    assert pages.get("k0") is None  # the oldest went first
    newest = pages.get("k29")
    assert newest.content == b"x" * 40 and newest["ETag"] == '"29"'
    pages.set("big", HttpResponse(b"x" * 600), timeout=60)
    assert pages.get("big") is None  # a page too large for the layer is not kept
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 61)
    assert pages.get("k29") is None


def test_a_bulk_change_bumps_the_version_once_at_its_commit(
    client, django_capture_on_commit_callbacks
):
    from page_cache.middleware import content_version

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ArticleFactory(title="Tin trước khi nhập")
        client.get(LIST)
        for number in range(30):
            ArticleFactory(title=f"Tin nhập hàng loạt {number}")
        before_commit = content_version()
    bumps = [c for c in callbacks if c.__name__ == "_bump_after_commit"]
    assert len(bumps) == 1  # one for the whole transaction, not thirty-one
    assert content_version() != before_commit
    assertContains(client.get(LIST), "Tin nhập hàng loạt 29")
