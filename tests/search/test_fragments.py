"""The search page's kept parts and its work per request: the "newest" block of a page
without results is a fragment that no edit leaves stale; counts and candidates are one
statement each, whatever the number of kinds and matches."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from search import index
from search.matching import COUNT_LIMIT, Query, search_tokens
from search.models import SearchEntry
from search.results import Results
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

URL = reverse("search")
NOTHING = {"q": "khong co tu nay dau zzq"}


@pytest.fixture(autouse=True)
def whole_pages_not_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders: only the fragments are kept


def published(title, hours_ago=1):
    return ArticleFactory(title=title, published_at=timezone.now() - timedelta(hours=hours_ago))


def test_newest_block_shows_an_edit_a_publish_and_a_withdrawal_at_once(client):
    article = published("Tin cũ trong khối tin mới")
    assertContains(client.get(URL, NOTHING), "Tin cũ trong khối tin mới")

    article.title = "Tin đã sửa tiêu đề"
    article.save()
    page = client.get(URL, NOTHING)
    assertContains(page, "Tin đã sửa tiêu đề")
    assertNotContains(page, "Tin cũ trong khối tin mới")

    newer = published("Tin vừa đăng", hours_ago=0)
    assertContains(client.get(URL, NOTHING), "Tin vừa đăng")

    newer.status = Article.Status.DRAFT
    newer.save()
    assertNotContains(client.get(URL, NOTHING), "Tin vừa đăng")


def test_newest_block_is_the_same_for_every_query_and_kept(client, django_assert_max_num_queries):
    published("Liên hoan đờn ca tài tử")
    first = client.get(URL, NOTHING)
    assertContains(first, "Tin mới nhất")
    # Another query without results: the block is found kept, its news not read again.
    # Counts of the words alone (suggestions), site identity, scheduled changes: no
    # query of articles, photos, questions or drafts.
    with django_assert_max_num_queries(6) as captured:
        again = client.get(URL, {"q": "chua ai go tu nay zzq"})
    assertContains(again, "Tin mới nhất")
    assertContains(again, "Liên hoan đờn ca tài tử")
    read = " ".join(query["sql"] for query in captured.captured_queries)
    assert "news_articlephoto" not in read and "questions_question" not in read


def test_a_page_of_results_is_three_statements_of_search(client, django_assert_max_num_queries):
    for n in range(15):
        published(f"Hội diễn văn nghệ quần chúng {n}")
    client.get(URL, {"q": "van nghe"})
    # Counts of every kind (one statement), candidates (one), the page of results (one),
    # and what every page reads (site identity, scheduled changes).
    with django_assert_max_num_queries(5) as captured:
        response = client.get(URL, {"q": "van nghe"})
    assert len(response.context["hits"]) == 10
    searches = [q for q in captured.captured_queries if "searchentry" in q["sql"]]
    assert len(searches) == 3


def test_no_candidates_are_looked_for_when_nothing_matches(django_assert_num_queries):
    results = Results(Query.parse("khong co zzq"))
    with django_assert_num_queries(1):
        assert results.total_all == 0
        assert results.candidates == []


def entries(kind, count, words, public=True):
    now = timezone.now() - timedelta(minutes=1)
    SearchEntry.objects.bulk_create(
        SearchEntry(
            kind=kind,
            object_id=100_000 + n,
            public=public,
            title=f"{words} {n}",
            url="/",
            date=now - timedelta(minutes=n),
            tokens=search_tokens(words, str(n)),
            title_tokens=search_tokens(words, str(n)),
        )
        for n in range(count)
    )


def test_counts_per_kind_in_one_statement_equal_counting_each(django_assert_num_queries):
    entries("news", 12, "hat then dan tinh")
    entries("institution", 3, "hat then dan tinh")
    entries("document", 2, "hat then")
    entries("question", 4, "hat then dan tinh", public=False)  # only the admin finds them
    results = Results(Query.parse("hát then đàn tính"))
    with django_assert_num_queries(1):
        counts = results.counts
    assert set(counts) == {source.kind for source in index.public_sources()}
    for kind, count in counts.items():
        assert count == results.matched.filter(kind=kind).count()
    assert counts["news"] == 12 and counts["institution"] == 3 and counts["document"] == 0


def test_counts_stop_past_the_limit_and_the_page_says_more_than(client):
    entries("news", COUNT_LIMIT + 5, "mua roi nuoc")
    entries("institution", 2, "mua roi nuoc")
    results = Results(Query.parse("múa rối nước"))
    assert results.counts["news"] == COUNT_LIMIT + 1
    assert results.counts["institution"] == 2
    html = client.get(URL, {"q": "múa rối nước"}).content.decode()
    assert f"{COUNT_LIMIT}+" in html  # "200+": as many as can be paged through
    # The institutions' tab still tells their exact number.
    assert '<span class="kind-tabs__count">2</span>' in html


def test_candidates_are_the_newest_matches_and_the_newest_title_matches():
    entries("news", 150, "co tuong")
    results = Results(Query.parse("cờ tướng"))
    newest = list(results.matched.order_by("-date", "-pk").values_list("pk", flat=True)[:100])
    assert set(results.candidates) == set(newest)
    assert len(results.candidates) == 100
