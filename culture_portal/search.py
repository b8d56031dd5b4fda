"""Site search: one way of matching Vietnamese text, for every search box of the portal.

Text and queries are both reduced to *tokens*: folded (lower case, no diacritics, đ → d, NFC
and NFD alike, either tone placement) and split on anything that is not a letter or a digit.
A stored search column holds its tokens padded with spaces (" thu vien tinh dong thap "), so
"every query word is a whole token of the text" is a plain ``LIKE '% word %'`` on any
database, and "the whole phrase" is ``LIKE '% thu vien %'``.

The site search (/tim-kiem/) reads ``SearchEntry``, one narrow row per published article and
per institution. On PostgreSQL its tokens carry a GIN index on
``to_tsvector('simple', tokens)`` (see migration 0004): the 'simple' configuration keeps every
token as it is, so the index answers exactly the same question as the LIKEs on SQLite, and
tests check that both give the same rows.

Ranking, best first: the whole phrase in the title, the whole phrase in the text, every word
in the title, the words scattered in the text; then newer before older. The phrase comes
first because a Vietnamese word is often two syllables: "thư viện" scattered over "thu hút …
vận động viên" in a title is worth less than "thư viện" in a body. What is ranked is the
newest ``RANK_LIMIT`` matches together with the newest ``RANK_LIMIT`` matches in the title,
and counts stop at ``COUNT_LIMIT``: the work stays bounded for a query that matches most of
the site (see bench/search.py).
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from django.db import connection, connections, router, transaction
from django.db.models import BooleanField, Case, F, Func, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from culture_portal.text import fold, normalize_text

MAX_QUERY_CHARS = 200
MAX_WORDS = 10
MIN_CHARS = 2
RANK_LIMIT = 100
COUNT_LIMIT = 1000
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
# token columns (migration 0005): to_tsvector('simple', tokens) and the same of title_tokens,
# each with a GIN index. They are not model fields: the database keeps them up to date.
VECTORS = {"tokens": "vector", "title_tokens": "title_vector"}


class TokensMatch(Func):
    """PostgreSQL: the words_q() question, answered by a GIN-indexed tsvector column."""

    output_field = BooleanField()

    def __init__(self, field: str, words):
        self.vector = VECTORS[field]
        super().__init__(F(field), Value(" ".join(words)))

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


@contextmanager
def index_scans(model):
    """PostgreSQL: no sequential scan in the block. Counting the first thousand matches of a
    common word, the planner would rather read the table until it has them, checking every
    row's (toasted) vector; the GIN index is ten times faster (bench/search.py)."""
    alias = router.db_for_read(model)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


class Results:
    """Ranked search results over SearchEntry, with counts per kind."""

    def __init__(self, query: Query, kind: str | None = None, now=None):
        from django.utils import timezone

        from culture_portal.models import SearchEntry

        self.query = query
        self.kind = kind
        self.now = now or timezone.now()
        self.model = SearchEntry

    @cached_property
    def visible(self):
        visible = self.model.objects.filter(date__lte=self.now)
        return visible.filter(kind=self.kind) if self.kind else visible

    @cached_property
    def matched(self):
        return matching(self.model.objects.filter(date__lte=self.now), self.query.words)

    def quick_count(self, limit: int = 100) -> int:
        """Matches of any kind, counted up to `limit` + 1 (for suggestions)."""
        with index_scans(self.model):
            return self.matched.order_by()[: limit + 1].count()

    @cached_property
    def counts(self) -> dict[str, int]:
        """Matches per kind, counted up to COUNT_LIMIT + 1 (beyond: "more than")."""
        with index_scans(self.model):
            return {
                kind: self.matched.filter(kind=kind).order_by()[: COUNT_LIMIT + 1].count()
                for kind in self.model.Kind.values
            }

    @property
    def total_all(self) -> int:
        return sum(self.counts.values())

    @property
    def total(self) -> int:
        if self.kind:
            return self.counts.get(self.kind, 0)
        return sum(self.counts.values())

    @property
    def is_capped(self) -> bool:
        return any(n > COUNT_LIMIT for n in self.counts.values())

    @cached_property
    def candidates(self) -> list[int]:
        """The newest RANK_LIMIT matches and the newest RANK_LIMIT matches in the title (as
        ids): what is ranked. Bounded work, whatever the number of matches."""
        words = self.query.words
        found = self.matched if not self.kind else self.matched.filter(kind=self.kind)
        newest = found.order_by("-date", "-pk").values_list("pk", flat=True)[:RANK_LIMIT]
        # Every word in the title means every word in the tokens (they include the title):
        # the title's own index answers alone.
        in_title = (
            matching(self.visible, words, field="title_tokens")
            .order_by("-date", "-pk")
            .values_list("pk", flat=True)[:RANK_LIMIT]
        )
        return list(dict.fromkeys([*newest, *in_title]))

    def ranked(self):
        words = self.query.words
        rank = Case(
            When(phrase_q("title_tokens", words), then=Value(3)),
            When(phrase_q("tokens", words), then=Value(2)),
            When(words_q("title_tokens", words), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return (
            self.model.objects.filter(pk__in=self.candidates)
            .annotate(rank=rank)
            .defer("tokens", "title_tokens")
            .order_by("-rank", "-date", "-pk")
        )


# Snippets ---------------------------------------------------------------------------------


def _match_key(char: str) -> str:
    folded = fold(char)[:1] or " "
    return folded if ("a" <= folded <= "z" or "0" <= folded <= "9") else " "


def _folded_same_length(text: str) -> str:
    """The text folded character by character, so that positions stay those of the text."""
    return text.translate({ord(c): _match_key(c) for c in set(text)})


def _word_pattern(words) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def _marked(text: str, spans) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def highlight(text: str, words) -> str:
    """The whole text, escaped, with every query word in <mark>."""
    if not words or not text:
        return escape(text)
    spans = [m.span() for m in _word_pattern(words).finditer(_folded_same_length(text))]
    return mark_safe(_marked(text, spans))


def snippet(text: str, words, length: int = 240) -> str:
    """About `length` characters of text around the best place where the words occur."""
    text = normalize_text(text)
    if not text:
        return ""
    folded = _folded_same_length(text)
    matches = list(_word_pattern(words).finditer(folded))[:200] if words else []
    start = 0
    if matches:
        phrase = re.search(
            r"(?<![a-z0-9])" + r" +".join(map(re.escape, words)) + r"(?![a-z0-9])", folded
        )
        if phrase:
            anchor = phrase.start()
        else:
            # The place where the most different words fall within one snippet.
            def spread(i):
                inside = [m for m in matches[i:] if m.start() < matches[i].start() + length]
                return len({m.group() for m in inside})

            anchor = matches[max(range(len(matches)), key=lambda i: (spread(i), -i))].start()
        start = max(0, anchor - length // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < anchor else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    spans = [
        (max(m.start(), start) - start, min(m.end(), end) - start)
        for m in matches
        if m.start() < end and m.end() > start
    ]
    body = _marked(text[start:end], spans)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))
