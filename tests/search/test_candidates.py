"""What is ranked and in which order, however it is read: on PostgreSQL the newest matches are
read in date order or from the words' index (chosen from how common matches are among the
newest entries), and the order is made from what was read with them; the results must be
those the plain definition gives (the newest matches and the newest title matches, ranked by
phrase in the title, phrase in the text, words in the title, then date), on every page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from search.matching import COUNT_LIMIT, RANK_LIMIT, Query, matching, search_tokens
from search.models import SearchEntry
from search.results import Results

pytestmark = pytest.mark.django_db

URL = reverse("search")


@pytest.fixture(autouse=True)
def whole_pages_not_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0


def add(rows, kind="news"):
    """rows: (title, text, minutes ago); each one an entry of `kind`."""
    now = timezone.now() - timedelta(minutes=1)
    start = SearchEntry.objects.count()
    SearchEntry.objects.bulk_create(
        SearchEntry(
            kind=kind,
            object_id=200_000 + start + n,
            title=title,
            url=f"/tin/{start + n}/",
            date=now - timedelta(minutes=minutes),
            text=text,
            tokens=search_tokens(title, text),
            title_tokens=search_tokens(title),
        )
        for n, (title, text, minutes) in enumerate(rows)
    )


def expected_candidates(results: Results) -> set[int]:
    words = results.query.words
    found = results.matched.filter(kind=results.kind) if results.kind else results.matched
    newest = found.order_by("-date", "-pk").values_list("pk", flat=True)[:RANK_LIMIT]
    in_title = matching(results.visible, words, field="title_tokens")
    titled = in_title.order_by("-date", "-pk").values_list("pk", flat=True)[:RANK_LIMIT]
    return set(newest) | set(titled)


def assert_ranked_as_defined(text, kind=None):
    results = Results(Query.parse(text), kind)
    assert set(results.candidates) == expected_candidates(results)
    # Every page, as the plain ranking (one statement ranking every candidate) orders it.
    everything = [entry.pk for entry in Results(Query.parse(text), kind).ranked()]
    assert len(everything) == len(results.candidates)
    for start in range(0, len(everything), 10):
        page = [entry.pk for entry in results.ranked_slice(start, start + 10)]
        assert page == everything[start : start + 10], f"page from {start}"
    return results


def test_a_query_common_among_the_newest_entries():
    # More than COUNT_LIMIT matches, nearly every new entry among them: read in date order.
    add((f"Hội diễn múa rối nước {n}", "Đoàn múa rối nước biểu diễn.", n) for n in range(1100))
    add((f"Tin khác {n}", "Không liên quan.", 5 + 3 * n) for n in range(40))
    results = assert_ranked_as_defined("múa rối nước")
    assert results.counts["news"] == COUNT_LIMIT + 1


def test_a_query_rare_among_the_newest_but_common_before():
    # The newest entries do not match; more than COUNT_LIMIT older ones do: from the index.
    add((f"Tin mới {n}", "Không liên quan.", n) for n in range(400))
    add((f"Ca trù xưa {n}", "Câu lạc bộ ca trù.", 1000 + n) for n in range(1050))
    assert_ranked_as_defined("ca trù")


def test_every_rank_in_order_on_every_page():
    # The phrase in the title, in the text only, the words scattered in the title, and in the
    # text only; mixed in time, and more of them than fill a page of one rank.
    rows = []
    for n in range(1100):
        kind = n % 4
        if kind == 0:
            rows.append((f"Liên hoan đờn ca tài tử {n}", "Bài viết.", n))
        elif kind == 1:
            rows.append((f"Tin văn nghệ {n}", f"Buổi đờn ca tài tử lần {n}.", n))
        elif kind == 2:
            rows.append((f"Tài tử và đờn ca {n}", "Bài viết.", n))
        else:
            rows.append((f"Tin {n}", f"Tài tử miền Tây đờn và ca {n}.", n))
    add(rows)
    assert_ranked_as_defined("đờn ca tài tử")


def test_one_word_queries_and_a_kind_asked_for():
    add((f"Bảo tàng tỉnh {n}", "Trưng bày hiện vật.", n) for n in range(1100))
    add(((f"Bảo tàng huyện {n}", "Nhà trưng bày.", n) for n in range(30)), kind="institution")
    add((f"Hiện vật mới {n}", "Bảo tàng nhận hiện vật.", 2 * n) for n in range(200))
    assert_ranked_as_defined("bảo tàng")
    assert_ranked_as_defined("hiện vật")
    assert_ranked_as_defined("bảo tàng", kind="institution")


def test_the_page_shows_the_newest_phrase_in_the_title_first(client):
    add((f"Hội thi hát then đàn tính {n}", "Bài viết.", 10 + n) for n in range(1050))
    add([("Tin văn nghệ", "Có hát then đàn tính ở đây.", 0)])  # the newest, text only
    response = client.get(URL, {"q": "hát then đàn tính"})
    titles = [hit["entry"].title for hit in response.context["hits"]]
    assert titles[0] == "Hội thi hát then đàn tính 0"
    assert "Tin văn nghệ" not in titles
    assert '<time datetime="' in response.content.decode()


def test_a_query_common_in_texts_and_rare_in_titles():
    # Read in date order for the newest matches, from the titles' index for the title ones
    # (one in twenty of the newest entries, and older ones too).
    add(
        (
            f"Lễ hội làng {n}" if n % 20 else f"Lễ hội cầu ngư {n}",
            "Nghi thức cầu ngư của ngư dân.",
            n,
        )
        for n in range(1100)
    )
    assert_ranked_as_defined("cầu ngư")


def test_a_query_in_half_the_texts_and_a_third_of_the_titles():
    rows = []
    for n in range(2200):
        if n % 10 < 3:
            rows.append((f"Hát bả trạo {n}", "Hát bả trạo ở làng chài.", n))
        elif n % 10 < 5:
            rows.append((f"Tin làng chài {n}", "Đội hát bả trạo.", n))
        else:
            rows.append((f"Tin khác {n}", "Không liên quan.", n))
    add(rows)
    assert_ranked_as_defined("bả trạo")


def test_counts_are_exact_below_the_cap_when_the_newest_entries_mostly_match():
    # Half the newest entries match (candidates read newest first), but fewer than the cap in
    # all: the count is exact.
    add((f"Đờn ca tài tử {n}", "Buổi đờn ca tài tử.", n) for n in range(150))
    add((f"Tin khác {n}", "Không liên quan.", 200 + n) for n in range(300))
    add(((f"Nhà văn hóa {n}", "Đờn ca tài tử.", n) for n in range(3)), kind="institution")
    results = Results(Query.parse("đờn ca tài tử"))
    assert results.counts["news"] == 150
    assert results.counts["institution"] == 3
    for kind, count in results.counts.items():
        assert count == min(results.matched.filter(kind=kind).count(), COUNT_LIMIT + 1)
    # Past the cap, it stops there.
    add((f"Đờn ca tài tử mới {n}", "Buổi đờn ca tài tử.", n) for n in range(100))
    assert Results(Query.parse("đờn ca tài tử")).counts["news"] == COUNT_LIMIT + 1
