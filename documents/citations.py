"""Documents of the register cited in other text (a news article) by number and symbol.

Used from above: news finds the documents an article cites when the article is saved and
links them in its text; the document's page lists those articles through the reverse
relation. This module knows nothing of news.
"""

import re
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from documents import numbering
from documents.models import Document

_TAG = re.compile(r"(<[^>]*>)")


def cited_documents(text: str, *, on: date | None = None) -> list[Document]:
    """The register's documents that `text` names by number and symbol, in the order first
    named. Numbers start again each year: a number without its year is the document of the
    year of `on` (the article's date), else the latest issued before it."""
    written = numbering.find_in_text(text)
    if not written:
        return []
    keys = [numbering.number_key(number) for number in written]
    candidates: dict[str, list[Document]] = {}
    for document in Document.objects.filter(number_key__in=set(keys)).order_by("-issued_on"):
        candidates.setdefault(document.number_key, []).append(document)
    found: list[Document] = []
    for key in keys:
        options = candidates.get(key, [])
        if on is not None:
            same_year = [d for d in options if d.issued_on.year == on.year]
            before = [d for d in options if d.issued_on <= on]
            options = same_year or before or options
        if options and options[0] not in found:
            found.append(options[0])
    return found


def link_citations(html: str, documents) -> SafeString:
    """`html` (sanitised markup) with each number and symbol of `documents` linked to the
    document's page, outside links already there."""
    pages = {d.number_key: d.get_absolute_url() for d in documents}
    if not pages:
        return mark_safe(html)  # already sanitised markup, returned unchanged
    parts, inside_link = [], 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = part[1:].split(None, 1)[0].lower() if len(part) > 2 else ""
            if name == "a":
                inside_link += 1
            elif name == "/a":
                inside_link = max(0, inside_link - 1)
            parts.append(part)
        elif inside_link or not part:
            parts.append(part)
        else:
            parts.append(numbering.IN_TEXT.sub(lambda m: _link(m, pages), part))
    return mark_safe("".join(parts))  # tags kept as they were; links escaped


def _link(match, pages) -> str:
    url = pages.get(numbering.number_key(match.group(0)))
    if url is None:
        return match.group(0)
    return f'<a href="{escape(url)}">{match.group(0)}</a>'
