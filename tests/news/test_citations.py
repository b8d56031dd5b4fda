"""Documents cited in a news article by number and symbol: found when the article is saved,
linked in its text, listed on the document's page as related news."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from news.citing import link_cited_documents
from news.models import Article
from tests.culture_portal.form_data import admin_form_data
from tests.factories import ArticleFactory, CategoryFactory, DocumentFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def test_an_article_saved_in_the_admin_links_the_documents_it_cites(client, publisher):
    plan = DocumentFactory(
        number_symbol="18/KH-SVHTTDL", type__name="Kế hoạch", type__abbreviation="KH"
    )
    client.force_login(publisher)
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    url = reverse("admin:news_article_change", args=[article.pk])
    data = admin_form_data(client.get(url))
    data["body"] = (
        "<p>Liên hoan tổ chức theo Kế hoạch số 18/KH-SVHTTDL của Sở "
        "và Quyết định số 99/QĐ-SVHTTDL (chưa vào sổ).</p>"
    )
    response = client.post(url, data)
    assert response.status_code == 302
    assert list(article.cited_documents.all()) == [plan]


def test_the_article_page_links_the_number_and_the_document_lists_the_article(client):
    plan = DocumentFactory(
        number_symbol="18/KH-SVHTTDL", type__name="Kế hoạch", type__abbreviation="KH"
    )
    article = ArticleFactory(
        title="Khai mạc Liên hoan đờn ca tài tử",
        body="<p>Theo Kế hoạch số 18/KH-SVHTTDL, và <a href='https://example.org'>"
        "18/KH-SVHTTDL</a>; số 99/QĐ-SVHTTDL chưa có.</p>",
        category=CategoryFactory(),
    )
    link_cited_documents(article)
    page = client.get(article.get_absolute_url())
    # Linked where the text names it; a link the editor made is left as it is.
    assertContains(page, f'<a href="{plan.get_absolute_url()}">18/KH-SVHTTDL</a>', count=1)
    assertContains(page, '<a href="https://example.org">18/KH-SVHTTDL</a>')
    assertContains(page, "Văn bản được nhắc đến")
    assertNotContains(page, "99/QĐ-SVHTTDL</a>")
    document_page = client.get(plan.get_absolute_url())
    assertContains(document_page, "Tin liên quan")
    assertContains(document_page, "Khai mạc Liên hoan đờn ca tài tử")


def test_a_draft_is_not_listed_as_related_news(client):
    plan = DocumentFactory(number_symbol="18/QĐ-SVHTTDL")
    draft = ArticleFactory(
        title="Tin nháp nhắc văn bản",
        body="<p>Quyết định 18/QĐ-SVHTTDL.</p>",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    link_cited_documents(draft)
    assert list(draft.cited_documents.all()) == [plan]
    assertNotContains(client.get(plan.get_absolute_url()), "Tin nháp nhắc văn bản")


def test_a_number_without_its_year_is_the_document_of_the_article_s_year():
    older = DocumentFactory(number_symbol="12/QĐ-SVHTTDL", issued_on=date(YEAR - 1, 3, 1))
    newer = DocumentFactory(number_symbol="12/QĐ-SVHTTDL", issued_on=date(YEAR, 1, 10))
    article = ArticleFactory(body="<p>Quyết định số 12/QD-SVHTTDL.</p>")
    assert link_cited_documents(article) == [newer]
    article.published_at = timezone.now().replace(year=YEAR - 1, month=6, day=1)
    assert link_cited_documents(article) == [older]


def test_articles_saved_before_a_document_was_registered_are_linked_by_the_command():
    import io

    from django.core.management import call_command

    article = ArticleFactory(body="<p>Theo Quyết định số 48/QĐ-SVHTTDL.</p>")
    link_cited_documents(article)
    assert not article.cited_documents.exists()
    decision = DocumentFactory(number_symbol="48/QĐ-SVHTTDL")
    call_command("link_cited_documents", stdout=io.StringIO())
    assert list(article.cited_documents.all()) == [decision]
