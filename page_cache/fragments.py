"""Fragments of pages kept between requests, keyed by what they show.

A page is rendered from fragments that outlive it: the header and footer, each article's
card, an article's text, an institution's block. Each is kept in the worker's own memory
(the "fragments" cache, bounded in bytes) under a key that names the versions of the kinds
of content it shows (`kinds.news`, `kinds.institutions`: one per app, renewed by any save
or deletion of the app's models and when content changes by itself at a set time), so a
publish renews the fragments that show news and leaves the rest. A key never names two
contents, so no worker can serve a stale one; when the versions cannot be trusted (Redis
full or unreachable after a change) every key is new and fragments are rendered afresh.

In a template:

    {% load cache %}
    {% cache 600 "article-main" article.pk kinds.news kinds.institutions using="fragments" %}

A view whose whole answer is such a fragment (a feed, a sitemap section) uses
`kept_response`.
"""

import hashlib
import logging
import uuid

from django.core.cache import caches
from django.http import HttpResponse

from page_cache.middleware import kind_versions, watched_labels

logger = logging.getLogger(__name__)
KEPT_SECONDS = 600


class Versions:
    """The kinds' versions, read from the shared cache once per request, at first use."""

    def __init__(self):
        self._tokens = None

    def __getattr__(self, label: str) -> str:
        if label.startswith("_"):
            raise AttributeError(label)
        if self._tokens is None:
            self._tokens = kind_versions()
        token = self._tokens.get(label)
        if token is None:
            if label not in watched_labels():
                # A kind no app watches (a typo in a template): its fragment is never stale,
                # but never kept either, which nothing else would show.
                logger.error("Fragment keyed by %r, which is not a watched app label.", label)
            # An unknown or untrusted kind: a key of its own that is never met again.
            return uuid.uuid4().hex
        return token

    def __getitem__(self, label: str) -> str:
        return getattr(self, label)


def versions_of(request) -> Versions:
    """The kinds' versions for this request (one reading per request)."""
    versions = getattr(request, "_content_kinds", None)
    if versions is None:
        versions = request._content_kinds = Versions()
    return versions


def kinds(request) -> dict:
    """Context processor: `kinds`, the versions of the kinds of content."""
    return {"kinds": versions_of(request)}


def kept_response(request, name: str, labels, render, *, keep=None) -> HttpResponse:
    """The response `render()` makes, kept whole as a fragment under `name` (what tells it
    apart: the address's own parts, the language) and the versions of the kinds of content
    it shows (`labels`, app labels). Only a complete 200 answer is kept, and only if
    `keep(response)` says so."""
    versions = versions_of(request)
    parts = [name, *(versions[label] for label in labels)]
    key = "response:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()
    fragments = caches["fragments"]
    entry = fragments.get(key)
    if entry is not None:
        content, headers = entry
        return HttpResponse(content, headers=headers)
    response = render()
    if hasattr(response, "render"):
        response.render()
    if (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and (keep is None or keep(response))
    ):
        fragments.set(key, (response.content, dict(response.headers)), KEPT_SECONDS)
    return response
