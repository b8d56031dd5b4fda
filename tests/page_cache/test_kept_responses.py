"""Whole answers kept as fragments (page_cache.fragments.kept_response: the feeds and the
sitemap's sections): kept under the versions of what they show, renewed by an edit of it, and
a fragment keyed by a kind no app watches is reported rather than silently never kept."""

import logging

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from page_cache.fragments import kept_response, versions_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def answer(calls, status=200, body=b"<item>tin</item>"):
    def render():
        calls.append(1)
        return HttpResponse(body, status=status, headers={"X-Robots-Tag": "noindex"})

    return render


def request():
    return RequestFactory().get("/x")


def test_an_answer_is_kept_with_its_headers_until_what_it_shows_changes():
    calls = []
    first = kept_response(request(), "feed", ["news"], answer(calls))
    again = kept_response(request(), "feed", ["news"], answer(calls))
    assert calls == [1]
    assert again.content == first.content == b"<item>tin</item>"
    assert again["X-Robots-Tag"] == "noindex"
    # Another name, or the same name once news changed: rendered again.
    kept_response(request(), "feed:other", ["news"], answer(calls))
    ArticleFactory()
    kept_response(request(), "feed", ["news"], answer(calls))
    assert calls == [1, 1, 1]


def test_an_error_or_an_answer_refused_by_keep_is_not_kept():
    calls = []
    for _ in range(2):
        kept_response(request(), "missing", ["news"], answer(calls, status=404))
    for _ in range(2):
        kept_response(
            request(),
            "empty",
            ["news"],
            answer(calls, body=b"<rss/>"),
            keep=lambda response: b"<item>" in response.content,
        )
    assert len(calls) == 4


def test_an_unknown_kind_is_reported_and_never_kept(caplog):
    versions = versions_of(request())
    with caplog.at_level(logging.ERROR, logger="page_cache.fragments"):
        first, second = versions.newz, versions.newz
    assert first != second
    assert "'newz'" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="page_cache.fragments"):
        assert versions.news == versions.news
    assert not caplog.text
