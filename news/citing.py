"""The documents an article cites by number and symbol, found in its text when it is saved
(documents/citations.py reads the register); the article page links them, the document's
page lists the article as related news."""

from django.utils import timezone

from documents.citations import cited_documents, link_citations
from news.models import Article


def link_cited_documents(article: Article) -> list:
    """Find the register's documents the article names and keep them with it."""
    text = "\n".join(part for part in (article.title, article.lead, article.body_text) if part)
    day = timezone.localdate(article.published_at) if article.published_at else None
    found = cited_documents(text, on=day or timezone.localdate())
    article.cited_documents.set(found)
    return found


def body_with_links(article: Article, items: list[dict]) -> list[dict]:
    """The article's body blocks (Article.body_with_photos) with cited numbers linked."""
    documents = list(article.cited_documents.all())
    if not documents:
        return items
    return [
        {**item, "html": link_citations(item["html"], documents)} if "html" in item else item
        for item in items
    ]
