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
"""

import uuid

from page_cache.middleware import kind_versions


class Versions:
    """The kinds' versions, read from the shared cache once per request, at first use."""

    def __init__(self):
        self._tokens = None

    def __getattr__(self, label: str) -> str:
        if label.startswith("_"):
            raise AttributeError(label)
        if self._tokens is None:
            self._tokens = kind_versions()
        # An unknown or untrusted kind: a key of its own that is never met again.
        return self._tokens.get(label) or uuid.uuid4().hex

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
