"""Property tests of the search's matching: what holds for any text and any query."""

import re
import unicodedata

import pytest
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.matching import Query, matching, search_tokens, tokens
from search.models import SearchEntry
from search.snippets import highlight, snippet
from vietnamese.text import fold

SYLLABLES = [
    "Văn",
    "hóa",
    "hoá",
    "thể",
    "thao",
    "Đồng",
    "Tháp",
    "thuỷ",
    "thủy",
    "Hòa",
    "Hoà",
    "Bình",
    "viện",
    "thư",
    "đờn",
    "ca",
    "tài",
    "tử",
    "xã",
    "ấp",
    "2025",
    "40",
    "a",
    "ở",
    "Ư",
    "OR",
]
SEPARATORS = [" ", "  ", "\u00a0", ", ", ". ", " – ", "\n", "(", ")", "%", "_", "😀", "'", '"']

syllable = st.sampled_from(SYLLABLES).flatmap(
    lambda s: st.sampled_from([s, s.upper(), unicodedata.normalize("NFD", s)])
)
text = st.lists(st.tuples(syllable, st.sampled_from(SEPARATORS)), max_size=25).map(
    lambda parts: "".join(word + sep for word, sep in parts)
)
anything = st.text(max_size=60)


@given(anything)
def test_fold_ignores_the_normal_form(value):
    assert tokens(unicodedata.normalize("NFD", value)) == tokens(
        unicodedata.normalize("NFC", value)
    )


@given(text)
def test_fold_ignores_case_of_vietnamese(value):
    assert tokens(value.upper()) == tokens(value.lower()) == tokens(value)


@given(text)
def test_tokens_are_plain_ascii_words(value):
    for token in tokens(value):
        assert re.fullmatch(r"[a-z0-9]+", token)
    padded = search_tokens(value)
    assert padded == "" or (padded.startswith(" ") and padded.endswith(" "))


@given(anything, anything)
def test_query_parsing_never_fails_and_stays_bounded(raw, more):
    query = Query.parse(raw + more * 10)
    assert len(query.text) <= 200 and len(query.words) <= 10
    assert "\x00" not in query.text


@given(text, text)
def test_highlight_is_the_escaped_text_plus_marks(value, typed):
    words = Query.parse(typed).words
    marked = str(highlight(value, words))
    assert marked.replace("<mark>", "").replace("</mark>", "") == escape(value)
    for found in re.findall(r"<mark>(.*?)</mark>", marked):
        assert fold(found) in words or tokens(found)[0] in words


@given(text, text)
def test_snippet_is_escaped_and_marks_only_query_words(value, typed):
    words = Query.parse(typed).words
    result = str(snippet(value, words, length=60))
    without_marks = result.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in without_marks


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(text, min_size=1, max_size=6), text)
def test_database_matching_equals_whole_word_matching(texts, typed):
    """On PostgreSQL the GIN-indexed tsvector answers; it must agree with the definition."""
    query = Query.parse(typed)
    if not query.words:
        return
    SearchEntry.objects.all().delete()
    now = timezone.now()
    for n, value in enumerate(texts):
        SearchEntry.objects.create(
            kind="news", object_id=n, title="t", url="/", date=now, tokens=search_tokens(value)
        )
    expected = {n for n, value in enumerate(texts) if set(query.words) <= set(tokens(value))}
    found = set(
        matching(SearchEntry.objects.all(), query.words).values_list("object_id", flat=True)
    )
    assert found == expected
