"""The news pages kept as fragments (the home page's news, the lists, the feeds): warm, they
run no query; any edit of what they show shows at once, and a kept page is the page a fresh
rendering makes."""

import time
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.core.cache import caches
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from identity.models import SiteIdentity
from news import publishing
from news.models import Article
from tests.factories import ArticleFactory, ArticlePhotoFactory, CategoryFactory

pytestmark = pytest.mark.django_db

HOME = "/"
LIST = "/tin-tuc/"
FEED = "/tin-tuc/rss/"


@pytest.fixture(autouse=True)
def whole_pages_not_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders: only the fragments are kept


@pytest.fixture
def sport():
    category = CategoryFactory(name="Thể thao", slug="the-thao")
    for number in range(15):
        article = ArticleFactory(
            title=f"Tin thể thao số {number}",
            category=category,
            is_featured=number < 2,
            published_at=timezone.now() - timedelta(hours=number + 1),
        )
        if number % 3 == 0:
            ArticlePhotoFactory(article=article, is_cover=True)
    return category


def pages(category):
    return [
        HOME,
        LIST,
        LIST + "?page=2",
        category.get_absolute_url(),
        category.get_absolute_url() + "?page=2",
        LIST + "?category=the-thao&page=2",
        FEED,
        reverse("news:category-feed", args=[category.slug]),
    ]


def test_warm_pages_run_no_query(client, sport, django_assert_max_num_queries):
    month = timezone.localtime(Article.objects.get(title="Tin thể thao số 14").published_at)
    filtered = [LIST + f"?month={month:%Y-%m}", LIST + f"?category=the-thao&month={month:%Y-%m}"]
    for url in pages(sport) + filtered:
        client.get(url)
        with django_assert_max_num_queries(0, info=url):
            assert client.get(url).status_code == 200


def test_kept_pages_are_the_fresh_ones(client, sport):
    fresh = [client.get(url) for url in pages(sport)]
    kept = [client.get(url) for url in pages(sport)]
    for first, second in zip(fresh, kept, strict=True):
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert second.get("Last-Modified") == first.get("Last-Modified")


def test_an_edited_title_shows_at_once(client, sport):
    article = Article.objects.get(title="Tin thể thao số 13")
    showing = [url for url in pages(sport) if "page=2" in url or "rss" in url]
    for url in showing:
        assertContains(client.get(url), "Tin thể thao số 13")
    article.title = "Tin đã sửa tiêu đề"
    article.save()
    for url in showing:
        response = client.get(url)
        assertContains(response, "Tin đã sửa tiêu đề")
        assertNotContains(response, "Tin thể thao số 13")


def test_a_new_article_shows_and_the_pages_shift(client, sport, publisher):
    assertContains(client.get(LIST), '<p class="result-count">15 tin</p>', html=True)
    assertContains(client.get(LIST + "?page=2"), "Tin thể thao số 12")
    assertNotContains(client.get(LIST + "?page=2"), "Tin thể thao số 11")
    draft = ArticleFactory(
        title="Tin mới đăng", category=sport, status=Article.Status.REVIEW, published_at=None
    )
    publishing.publish_article(draft, by=publisher)
    page = client.get(LIST)
    assertContains(page, '<p class="result-count">16 tin</p>', html=True)
    assertContains(page, "Tin mới đăng")
    assertContains(client.get(LIST + "?page=2"), "Tin thể thao số 11")
    assertContains(client.get(sport.get_absolute_url()), "Tin mới đăng")
    assertContains(client.get(HOME), "Tin mới đăng")
    assertContains(client.get(FEED), "Tin mới đăng")


def test_a_withdrawn_article_leaves_every_page(client, sport, publisher):
    article = Article.objects.get(title="Tin thể thao số 0")
    for url in (HOME, LIST, sport.get_absolute_url(), FEED):
        assertContains(client.get(url), "Tin thể thao số 0")
    publishing.unpublish_article(article, by=publisher)
    for url in (HOME, LIST, sport.get_absolute_url(), FEED):
        assertNotContains(client.get(url), "Tin thể thao số 0")
    assertContains(client.get(LIST), '<p class="result-count">14 tin</p>', html=True)


def test_a_renamed_or_withdrawn_category_shows_at_once(client, sport):
    url = sport.get_absolute_url()
    assertContains(client.get(url), "<h1>Thể thao</h1>", html=True)
    assertContains(client.get(HOME), "Thể thao")
    sport.name = "Thể dục thể thao"
    sport.description = "Tin các giải đấu"
    sport.save()
    page = client.get(url)
    assertContains(page, "<h1>Thể dục thể thao</h1>", html=True)
    assertContains(page, "<title>Thể dục thể thao – ")
    assertContains(page, '<meta name="description" content="Tin các giải đấu">', html=True)
    assertContains(client.get(HOME), "Thể dục thể thao")
    assertContains(client.get(reverse("news:category-feed", args=[sport.slug])), "Thể dục thể thao")
    sport.is_active = False
    sport.save()
    assert client.get(url).status_code == 404
    assert client.get(reverse("news:category-feed", args=[sport.slug])).status_code == 404


def test_a_new_cover_photo_shows_on_the_home_page(client, sport):
    article = Article.objects.get(title="Tin thể thao số 1")  # featured, without a photo
    client.get(HOME)
    photo = ArticlePhotoFactory(article=article, is_cover=True)
    assertContains(client.get(HOME), photo.image.name.rsplit(".", 1)[0])


def test_a_renamed_site_shows_in_the_feed(client, sport):
    assertContains(client.get(FEED), "Sở Văn hóa, Thể thao và Du lịch")
    identity = SiteIdentity.load()
    identity.name = "Sở Văn hóa và Thể thao"
    identity.save()
    feed = client.get(FEED)
    assertContains(feed, "Tin tức – Sở Văn hóa và Thể thao")
    assertNotContains(feed, "Sở Văn hóa, Thể thao và Du lịch")


def test_kept_feed_is_valid_rss(client, sport):
    client.get(FEED)
    kept = client.get(FEED)
    assert kept["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert kept["Last-Modified"]
    channel = ElementTree.fromstring(kept.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles[0] == "Tin thể thao số 0"
    assert len(titles) == 15


def test_a_feed_without_items_is_not_kept(client):
    client.get(FEED)
    assert not [key for key in caches["fragments"]._cache if "news-feed" in key]
    ArticleFactory(title="Tin đầu tiên")
    assertContains(client.get(FEED), "Tin đầu tiên")


def test_scheduled_article_appears_on_every_page_when_its_time_comes(
    client, sport, publisher, monkeypatch
):
    article = ArticleFactory(
        title="Tin hẹn giờ", category=sport, status=Article.Status.REVIEW, published_at=None
    )
    publishing.publish_article(article, by=publisher, at=timezone.now() + timedelta(minutes=2))
    urls = [HOME, LIST, sport.get_absolute_url(), FEED]
    for url in urls:
        assertNotContains(client.get(url), "Tin hẹn giờ")
    later = timezone.now() + timedelta(minutes=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", lambda: later.timestamp())
    for url in urls:
        assertContains(client.get(url), "Tin hẹn giờ")
    assertContains(client.get(LIST), '<p class="result-count">16 tin</p>', html=True)


@pytest.mark.parametrize(
    "query",
    [
        "?utm_source=zalo&page=2",  # a parameter the view does not read: the links keep it
        "?page=2&category=the-thao",  # another order of the parameters
        "?page=02",
        "?month=2099-01",  # not a month with news: the form's message
        "?q=the+thao",  # words: searched each time
        "?category=khong-co",  # no such category: the form's message
    ],
)
def test_other_queries_are_rendered_as_before(client, sport, query):
    first = client.get(LIST + query)
    assert client.get(LIST + query).content == first.content
    caches["fragments"].clear()
    assert client.get(LIST + query).content == first.content


def test_a_query_the_links_repeat_is_not_taken_from_another(client, sport):
    assertContains(client.get(LIST + "?page=2"), 'href="?page=1"')
    page = client.get(LIST + "?utm_source=zalo&page=2")
    assertContains(page, 'href="?utm_source=zalo&amp;page=1"')


def test_pages_beyond_the_last_are_not_found_warm_or_cold(client, sport):
    assert client.get(LIST + "?page=2").status_code == 200
    assert client.get(LIST + "?page=3").status_code == 404
    assert client.get(LIST + "?page=3").status_code == 404
    ArticleFactory.create_batch(10, category=sport)
    assert client.get(LIST + "?page=3").status_code == 200
    assert client.get(sport.get_absolute_url() + "?page=3").status_code == 200


def test_signed_in_staff_see_the_database_as_it_is(client, editor, sport):
    article = Article.objects.get(title="Tin thể thao số 0")
    client.get(HOME)
    client.get(LIST)
    # A change that bypasses the models' signals (the kinds' versions stay): only a page
    # rendered afresh shows it.
    Article.objects.filter(pk=article.pk).update(
        title="Tin đổi thẳng trong CSDL", version=F("version") + 1
    )
    client.force_login(editor)
    for url in (HOME, LIST, sport.get_absolute_url()):
        assertContains(client.get(url), "Tin đổi thẳng trong CSDL")


def test_a_category_filter_follows_a_withdrawn_category(client, sport):
    ArticleFactory(title="Tin chuyên mục khác")
    url = LIST + "?category=the-thao"
    page = client.get(url)
    assertContains(page, '<p class="result-count">15 tin</p>', html=True)
    assertNotContains(page, "field-error")
    sport.is_active = False
    sport.save()
    page = client.get(url)  # the filter's message; the list unfiltered
    assertContains(page, "field-error")
    assertContains(page, '<p class="result-count">16 tin</p>', html=True)
