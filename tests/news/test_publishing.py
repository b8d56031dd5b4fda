import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from news import publishing
from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_a_draft_needs_only_a_title():
    article = Article.objects.create(title="Bản nháp chỉ có tiêu đề")
    assert article.status == Article.Status.DRAFT
    assert article.missing_for_submission() == ["lead", "body", "byline", "category"]


def test_submitting_needs_lead_body_byline_and_category(editor):
    article = Article.objects.create(title="Chưa đủ nội dung")
    with pytest.raises(ValidationError) as error:
        publishing.submit_for_review(article, by=editor)
    assert set(error.value.message_dict) == {"lead", "body", "byline", "category"}
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_publish_now_sets_time_and_publisher(publisher):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    publishing.publish_article(article, by=publisher)
    article.refresh_from_db()
    assert article.is_public
    assert article.published_by == publisher
    assert abs(article.published_at - timezone.now()) < timedelta(seconds=5)


ARTICLES_SITEMAP = "/sitemap-articles.xml"


@pytest.mark.parametrize("page_cache_seconds", [600, 0], ids=["pages kept", "fragments only"])
def test_scheduled_article_appears_by_itself_when_its_time_comes(
    client, publisher, monkeypatch, settings, page_cache_seconds
):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    article = ArticleFactory(title="Tin hẹn giờ", status=Article.Status.REVIEW, published_at=None)
    publishing.publish_article(article, by=publisher, at=timezone.now() + timedelta(minutes=2))
    list_url = reverse("news:article-list")
    assertNotContains(client.get(list_url), "Tin hẹn giờ")
    assert client.get(article.get_absolute_url()).status_code == 404
    assertNotContains(client.get(reverse("news:feed")), "Tin hẹn giờ")
    assertNotContains(client.get(ARTICLES_SITEMAP), article.slug)

    # Three minutes pass, for the database queries and for the page cache's clock alike.
    later = timezone.now() + timedelta(minutes=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", lambda: later.timestamp())
    assertContains(client.get(list_url), "Tin hẹn giờ")
    assert client.get(article.get_absolute_url()).status_code == 200
    assertContains(client.get(reverse("news:feed")), "Tin hẹn giờ")
    assertContains(client.get(ARTICLES_SITEMAP), article.slug)


def test_unpublished_article_leaves_the_public_site(client, publisher):
    article = ArticleFactory(title="Tin sẽ gỡ")
    publishing.unpublish_article(article, by=publisher)
    assert client.get(article.get_absolute_url()).status_code == 404
    assertNotContains(client.get(reverse("news:article-list")), "Tin sẽ gỡ")


def test_scheduled_queryset_lists_in_date_order():
    now = timezone.now()
    late = ArticleFactory(published_at=now + timedelta(days=2))
    soon = ArticleFactory(published_at=now + timedelta(hours=1))
    ArticleFactory(published_at=now - timedelta(hours=1))
    assert list(Article.objects.scheduled()) == [soon, late]


def test_every_save_keeps_a_version(editor):
    category = CategoryFactory()
    article = Article.objects.create(title="Phiên bản một", category=category)
    article.title = "Phiên bản hai"
    article.save()
    titles = [record.title for record in article.history.all()]
    assert titles == ["Phiên bản hai", "Phiên bản một"]
