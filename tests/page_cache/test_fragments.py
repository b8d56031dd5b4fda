"""Kept card fragments (templates/news/includes/article_card.html): a publish rebuilds only
the cards that changed, and no edit ever shows a stale card."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ArticleFactory, ArticlePhotoFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def whole_pages_not_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders: only the fragments are kept


def listing_pages(article):
    return [
        reverse("home"),
        reverse("news:article-list"),
        article.category.get_absolute_url(),
        reverse("search") + "?q=khong+co+tu+nay+dau",  # the newest news when nothing is found
    ]


def test_an_edited_title_shows_at_once_on_every_page_that_lists_it(client):
    article = ArticleFactory(title="Tiêu đề cũ của tin", is_featured=True)
    ArticlePhotoFactory(article=article, is_cover=True)
    for url in listing_pages(article):
        assertContains(client.get(url), "Tiêu đề cũ của tin")
    article.title = "Tiêu đề mới của tin"
    article.save()
    for url in listing_pages(article):
        response = client.get(url)
        assertContains(response, "Tiêu đề mới của tin")
        assertNotContains(response, "Tiêu đề cũ của tin")


def test_a_renamed_category_and_a_new_cover_show_at_once(client):
    article = ArticleFactory(title="Tin có chuyên mục")
    first = ArticlePhotoFactory(article=article, is_cover=True)
    assertContains(client.get(reverse("news:article-list")), first.image.name.rsplit(".", 1)[0])
    category = article.category
    category.name = "Chuyên mục đổi tên"
    category.save()
    first.delete()
    second = ArticlePhotoFactory(article=article, is_cover=True)
    page = client.get(reverse("news:article-list"))
    assertContains(page, "Chuyên mục đổi tên")
    assertContains(page, second.image.name.rsplit(".", 1)[0])


def test_kept_cards_render_as_fresh_ones(client, django_assert_max_num_queries):
    from django.core.cache import caches

    for number in range(6):
        article = ArticleFactory(title=f"Tin nổi bật {number}", is_featured=number < 4)
        ArticlePhotoFactory(article=article, is_cover=True)
    fresh = client.get(reverse("home")).content
    kept = client.get(reverse("home")).content  # the cards from the cache
    assert kept == fresh
    caches["fragments"].clear()
    assert client.get(reverse("home")).content == fresh


def test_the_article_page_shows_every_edit_at_once(client, django_assert_max_num_queries):
    from identity.models import SiteIdentity
    from tests.factories import DocumentFactory, InstitutionFactory

    article = ArticleFactory(title="Tin có thiết chế", body="<p>Đoạn đầu của tin.</p>")
    library = InstitutionFactory(name="Thư viện tỉnh cũ")
    document = DocumentFactory(abstract="Trích yếu văn bản cũ")
    article.institutions.add(library)
    article.cited_documents.add(document)
    ArticleFactory(title="Tin khác cũ", category=article.category)
    url = article.get_absolute_url()
    for old in ("Tin có thiết chế", "Đoạn đầu của tin.", "Thư viện tỉnh cũ", "Tin khác cũ"):
        assertContains(client.get(url), old)
    with django_assert_max_num_queries(1):  # kept: the article's own row only
        assertContains(client.get(url), "Trích yếu văn bản cũ")
    article.title, article.body = "Tin đã sửa tiêu đề", "<p>Đoạn đã viết lại.</p>"
    article.save()
    library.name = "Thư viện tỉnh mới"
    library.save()
    document.abstract = "Trích yếu văn bản mới"
    document.save()
    ArticleFactory(title="Tin khác mới", category=article.category)
    identity = SiteIdentity.load()
    identity.name = "Sở Văn hóa đổi tên"
    identity.save()
    page = client.get(url)
    for new in (
        "Tin đã sửa tiêu đề",
        "Đoạn đã viết lại.",
        "Thư viện tỉnh mới",
        "Trích yếu văn bản mới",
        "Tin khác mới",
        "Sở Văn hóa đổi tên",
    ):
        assertContains(page, new)
    for old in ("Tin có thiết chế", "Đoạn đầu của tin.", "Thư viện tỉnh cũ", "văn bản cũ"):
        assertNotContains(page, old)
