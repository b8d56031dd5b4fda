"""Site search: one way of matching Vietnamese text, for every search box of the portal.

Text and queries are both reduced to *tokens*: folded (lower case, no diacritics, đ → d, NFC
and NFD alike, either tone placement) and split on anything that is not a letter or a digit.
A stored search column holds its tokens padded with spaces (" thu vien tinh dong thap "), so
"every query word is a whole token of the text" is a plain ``LIKE '% word %'`` on any
database, and "the whole phrase" is ``LIKE '% thu vien %'``.

Every search box reads ``SearchEntry`` (search/models.py), one narrow row per object that an
app registers (search/index.py). On PostgreSQL its tokens carry GIN-indexed tsvectors of
the 'simple' configuration, which keeps every token as it is: the index answers exactly the
same question as the LIKEs on SQLite, and tests check that both give the same rows.

Ranking, best first: the whole phrase in the title, the whole phrase in the text, every word
in the title, the words scattered in the text; then newer before older. The phrase comes
first because a Vietnamese word is often two syllables: "thư viện" scattered over "thu hút …
vận động viên" in a title is worth less than "thư viện" in a body. What is ranked is the
newest ``RANK_LIMIT`` matches together with the newest ``RANK_LIMIT`` matches in the title,
and counts stop at ``COUNT_LIMIT``: the work stays bounded for a query that matches most of
the site (see bench/search.py). A count past it reads "200+": no more results than that can
be paged through (the candidates are at most twice RANK_LIMIT), and counting the thousands a
common word matches cost most of such a search.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Value

from vietnamese.text import fold, normalize_text

MAX_QUERY_CHARS = 200
MAX_WORDS = 10
MIN_CHARS = 2
RANK_LIMIT = 100
COUNT_LIMIT = 200
PROBE_SIZE = 300  # PostgreSQL: the newest entries that tell how common matches are
_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(value: str) -> list[str]:
    return _TOKEN.findall(fold(value))


def search_tokens(*values: str) -> str:
    """The stored search column: tokens of all values, padded with spaces."""
    found = tokens(" ".join(v for v in values if v))
    return f" {' '.join(found)} " if found else ""


@dataclass(frozen=True)
class Query:
    """A query as typed, made safe: what the box shows and the words that are matched."""

    text: str
    words: tuple[str, ...]
    truncated: bool = False

    @classmethod
    def parse(cls, raw) -> "Query":
        text = normalize_text(str(raw or ""))
        truncated = len(text) > MAX_QUERY_CHARS
        text = text[:MAX_QUERY_CHARS]
        words = tokens(text)
        truncated = truncated or len(words) > MAX_WORDS
        return cls(text=text, words=tuple(words[:MAX_WORDS]), truncated=truncated)

    @property
    def is_empty(self) -> bool:
        return not self.text

    @property
    def is_usable(self) -> bool:
        return len("".join(self.words)) >= MIN_CHARS

    @property
    def phrase(self) -> str:
        return " ".join(self.words)


def words_q(field: str, words) -> Q:
    """Every word is a whole token of the padded search column."""
    condition = Q()
    for word in dict.fromkeys(words):
        condition &= Q(**{f"{field}__contains": f" {word} "})
    return condition


def phrase_q(field: str, words) -> Q:
    return Q(**{f"{field}__contains": f" {' '.join(words)} "})


# On PostgreSQL, SearchEntry's table has two generated tsvector columns beside its padded
# token columns (migrations culture_portal 0005 and search 0003): strip(to_tsvector('simple',
# tokens)) and the same of title_tokens, kept in the row, each with a GIN index. They are not
# model fields: the database keeps them up to date.
VECTORS = {"tokens": "vector", "title_tokens": "title_vector"}


class TokensMatch(Func):
    """PostgreSQL: the words_q() question, answered by a GIN-indexed tsvector column."""

    output_field = BooleanField()

    def __init__(self, field: str, words):
        # The words, or their text (a statement compiled once: search/statements.py).
        self.vector = VECTORS[field]
        super().__init__(F(field), Value(words if isinstance(words, str) else " ".join(words)))

    def as_sql(self, compiler, connection, **extra_context):
        column, _params = compiler.compile(self.source_expressions[0])
        words, words_params = compiler.compile(self.source_expressions[1])
        table = column.rsplit(".", 1)[0]
        sql = (
            f"{table}.{connection.ops.quote_name(self.vector)} "
            f"@@ plainto_tsquery('simple'::regconfig, {words})"
        )
        return sql, words_params


def matching(queryset, words, field: str = "tokens"):
    """SearchEntry rows whose `field` holds every word (index-backed on PostgreSQL)."""
    if connection.vendor == "postgresql":
        return queryset.filter(TokensMatch(field, words))
    return queryset.filter(words_q(field, words))
