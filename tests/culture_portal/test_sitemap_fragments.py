"""The sitemap's sections are kept between requests under the versions of the content they
list: a publish or a withdrawal shows at once, and renews only the sections of its kind."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from news import publishing
from tests.factories import ArticleFactory, InstitutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def whole_pages_not_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders: only the fragments are kept


def test_a_withdrawn_article_leaves_its_section_at_once(client, publisher):
    kept = ArticleFactory(slug="tin-o-lai")
    withdrawn = ArticleFactory(slug="tin-se-go")
    first = client.get("/sitemap-articles.xml")
    assertContains(first, "/tin-tuc/tin-se-go/")
    assert client.get("/sitemap-articles.xml").content == first.content  # kept: the same
    publishing.unpublish_article(withdrawn, by=publisher)
    again = client.get("/sitemap-articles.xml")
    assertNotContains(again, "/tin-tuc/tin-se-go/")
    assertContains(again, kept.get_absolute_url())
    assert again["Content-Type"] == "application/xml"
    assert again["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_a_new_institution_shows_in_its_section_and_the_index(client):
    InstitutionFactory(slug="nha-van-hoa-cu")
    assertNotContains(client.get("/sitemap-institutions.xml"), "nha-van-hoa-moi")
    index = client.get(reverse("sitemap")).content
    InstitutionFactory(slug="nha-van-hoa-moi")
    assertContains(client.get("/sitemap-institutions.xml"), "/thiet-che/nha-van-hoa-moi/")
    assert client.get(reverse("sitemap")).content != index  # its date moved


def test_news_published_leaves_the_other_sections_kept(client, django_assert_num_queries):
    InstitutionFactory(slug="thu-vien-tinh")
    institutions = client.get("/sitemap-institutions.xml").content
    client.get("/sitemap-articles.xml")
    ArticleFactory(slug="tin-vua-dang")
    assertContains(client.get("/sitemap-articles.xml"), "/tin-tuc/tin-vua-dang/")
    with django_assert_num_queries(0):  # kept: nothing read from the database
        assert client.get("/sitemap-institutions.xml").content == institutions


def test_a_bad_page_number_gets_django_answer(client):
    ArticleFactory()
    assert client.get("/sitemap-articles.xml?p=999").status_code == 404
    assert client.get("/sitemap-articles.xml?p=abc").status_code == 404
    assert client.get("/sitemap-articles.xml?p=0").status_code == 404
