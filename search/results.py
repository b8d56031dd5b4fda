"""A search as the site search page answers it: the query, what is wrong with it, the
ranked results of the page asked for, the counts per kind, and what to try instead."""

import html
import math
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from search import index, statements
from search.matching import (
    COUNT_LIMIT,
    MAX_QUERY_CHARS,
    MAX_WORDS,
    MIN_CHARS,
    RANK_LIMIT,
    Query,
    matching,
    phrase_q,
    words_q,
)
from search.models import SearchEntry
from search.snippets import highlight, snippet


def _compiled(queryset) -> tuple[str, tuple]:
    return queryset.query.get_compiler(using=queryset.db).as_sql()


def capped_counts(querysets: dict, limit: int) -> dict:
    """Each queryset's rows counted up to `limit`, all in one statement (one round trip)."""
    if not querysets:
        return {}
    parts, params = [], []
    for queryset in querysets.values():
        sql, part_params = _compiled(queryset.order_by().values("pk")[:limit])
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) capped)")
        params.extend(part_params)
    using = next(iter(querysets.values())).db
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        return dict(zip(querysets, cursor.fetchone(), strict=True))


class _Placeholder(str):
    """A query parameter that is replaced after the query is compiled (compiled once)."""


def counts_per_kind(queryset, kinds: list[str], limit: int) -> dict[str, int]:
    """The queryset's rows of each kind counted up to `limit`, in one statement, from one
    compiled query (the kind a parameter)."""
    if not kinds:
        return {}
    marker = _Placeholder("kind")
    sql, params = _compiled(queryset.filter(kind=marker).order_by().values("pk")[:limit])
    at = [i for i, param in enumerate(params) if param is marker]
    assert len(at) == 1, "the kind must be one parameter of the query"
    all_params = []
    for kind in kinds:
        all_params.extend([*params[: at[0]], kind, *params[at[0] + 1 :]])
    part = f"(SELECT COUNT(*) FROM ({sql}) capped)"
    with connections[queryset.db].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([part] * len(kinds)), all_params)
        return dict(zip(kinds, cursor.fetchone(), strict=True))


def union_of_ids(querysets) -> list[int]:
    """The ids of several (sliced, ordered) querysets in one statement, without repeats."""
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = _compiled(queryset.values("pk"))
        parts.append(f"SELECT * FROM ({sql}) part")
        params.extend(part_params)
    with connections[querysets[0].db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return list(dict.fromkeys(pk for (pk,) in cursor.fetchall()))


# What reading one entry costs, in date order, against reading one match found by the
# words' index and then sorted (bench/search.py at 100,000 articles: about 5 µs in date order
# from the table, whose entries each sit on a page of their own, 0.35 µs from the index of
# the newest titles (search 0004), 3 µs from the words' index).
DATE_ORDER_COST = {"tokens": 1.7, "title_tokens": 0.12}


def _in_date_order(field: str, share: float, entries: float) -> int:
    """How many of the newest entries to read in date order to find RANK_LIMIT matches in
    `field`, when that costs less than reading every match; else 0.

    For a share d of matching entries among N, reading in date order costs RANK_LIMIT / d
    entries, reading from the index d × N matches: date order wins when d² × N >
    RANK_LIMIT × the relative cost. It reads at most four times the entries that should
    hold RANK_LIMIT matches: if fewer are there, they are the newest matches of that
    window."""
    if share * share * entries <= RANK_LIMIT * DATE_ORDER_COST[field]:
        return 0
    # A power of two: few shapes of statement to compile (search/statements.py).
    return 1 << math.ceil(math.log2(min(4 * RANK_LIMIT / share, entries + 1)))


class Results:
    """Ranked public search results over SearchEntry, with counts per kind."""

    def __init__(self, query: Query, kind: str | None = None, now=None):
        self.query = query
        self.kind = kind
        self.now = now or timezone.now()

    @cached_property
    def using(self) -> str:
        return SearchEntry.objects.all().db

    @cached_property
    def _postgresql(self) -> bool:
        return connections[self.using].vendor == "postgresql"

    @cached_property
    def _values(self) -> dict:
        """What fills the markers of the statements compiled once (PostgreSQL)."""
        return {
            statements.WORDS: " ".join(self.query.words),
            statements.KIND: self.kind or "",
            statements.NOW: self.now,
        }

    @cached_property
    def public(self):
        return SearchEntry.objects.filter(public=True, date__lte=self.now)

    @cached_property
    def visible(self):
        return self.public.filter(kind=self.kind) if self.kind else self.public

    @cached_property
    def matched(self):
        return matching(self.public, self.query.words)

    @cached_property
    def counts(self) -> dict[str, int]:
        """Matches per kind, counted up to COUNT_LIMIT + 1 (beyond: "more than"), in one
        statement."""
        kinds = tuple(source.kind for source in index.public_sources())
        if self._postgresql:
            statement = statements.counts(self.using, kinds, COUNT_LIMIT + 1)
            (row,) = statements.run(self.using, statement, self._values)
            return dict(zip(kinds, row, strict=True))
        return counts_per_kind(self.matched, list(kinds), COUNT_LIMIT + 1)

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
        if self.total == 0:  # counted already, and exact when nothing matches
            return []
        if self._postgresql:
            return self._newest_on_postgresql()
        words = self.query.words
        found = self.matched if not self.kind else self.matched.filter(kind=self.kind)
        # Every word in the title means every word in the tokens (they include the title):
        # the title's own index answers alone.
        in_title = matching(self.visible, words, field="title_tokens")
        newest = found.order_by("-date", "-pk")[:RANK_LIMIT]
        return union_of_ids([newest, in_title.order_by("-date", "-pk")[:RANK_LIMIT]])

    # PostgreSQL: each candidate's date and title tokens, read with it (what ranks it but its
    # text); None where not known (SQLite).
    read_with: dict | None = None

    def _newest_on_postgresql(self) -> list[int]:
        """The newest matches, each set looked for the cheaper of two ways, chosen here rather
        than by PostgreSQL, which cannot tell how often the words of a query go together (it
        multiplies their frequencies: "mai châu" is judged rare and every one of its
        thousands of matches read to sort them by date):

        - entries in date order, newest first, testing each one's words (in the row), until
          RANK_LIMIT match: cheap when matches are common among the newest entries;
        - every match from the words' index, then sorted by date: cheap when matches are
          few, a cost that grows with their number.

        With at most COUNT_LIMIT matches (counted exactly) the second way is bounded. Past
        it, how common matches are among the newest PROBE_SIZE entries (one more statement)
        tells which way costs less (see `_in_date_order`)."""
        density = self.densities() if self.total > COUNT_LIMIT else None
        windows = tuple(
            _in_date_order(field, density[field], density["entries"]) if density else 0
            for field in ("tokens", "title_tokens")
        )
        statement = statements.newest(self.using, bool(self.kind), windows)
        rows = statements.run(self.using, statement, self._values)
        self.read_with = {pk: (date, title_tokens) for pk, date, title_tokens in rows}
        return list(self.read_with)

    def densities(self) -> dict:
        """PostgreSQL: the share of the newest PROBE_SIZE visible entries that match, and
        that match in the title; and how many entries there are (the planner's estimate)."""
        statement = statements.probe(self.using, bool(self.kind))
        ((seen, hits, in_title, entries),) = statements.run(self.using, statement, self._values)
        seen = max(seen, 1)
        return {
            "tokens": hits / seen,
            "title_tokens": in_title / seen,
            "entries": max(entries, seen),
        }

    def ranked(self):
        words = self.query.words
        if len(words) == 1:
            # One word: every candidate has it in its tokens (the phrase), so the rank is 3
            # (in the title) or 2, without reading the long tokens of each candidate.
            rank = Case(
                When(phrase_q("title_tokens", words), then=Value(3)),
                default=Value(2),
                output_field=IntegerField(),
            )
        else:
            rank = Case(
                When(phrase_q("title_tokens", words), then=Value(3)),
                When(phrase_q("tokens", words), then=Value(2)),
                When(words_q("title_tokens", words), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        return (
            SearchEntry.objects.filter(pk__in=self.candidates)
            .annotate(rank=rank)
            .defer("tokens", "title_tokens")
            .order_by("-rank", "-date", "-pk")
        )

    def ranked_slice(self, start: int, stop: int) -> list:
        """The entries ranked `start` to `stop`, as `ranked()` orders them. On PostgreSQL the
        candidates' dates and titles were read with them: they are ordered here, and only
        those whose rank depends on their text (the whole phrase in it) have it read, when
        the places asked for are not all taken by titles holding the phrase."""
        self.candidates  # noqa: B018 (read with the candidates: their dates, their titles)
        if self.read_with is None:
            return list(self.ranked()[start:stop])
        ids = self._in_rank_order(stop)[start:stop]
        found = SearchEntry.objects.filter(pk__in=ids).defer("tokens", "title_tokens")
        return sorted(found, key=lambda entry: ids.index(entry.pk))

    def _in_rank_order(self, stop: int) -> list[int]:
        words = self.query.words
        phrase = f" {' '.join(words)} "
        titled = {pk for pk, (_date, title) in self.read_with.items() if phrase in title}
        in_text = set()
        if len(words) > 1 and len(titled) < stop:
            # Newest first, the others' texts: once the places left are taken by texts that
            # hold the phrase (newer than any not read), the rest are not read.
            others = sorted(
                (pk for pk in self.read_with if pk not in titled),
                key=lambda pk: (self.read_with[pk][0], pk),
                reverse=True,
            )
            needed, read = stop - len(titled), 0
            for size in (4 * needed, len(others)):
                batch = others[read : read + size]
                if batch:
                    in_text |= statements.with_phrase(self.using, batch, phrase.strip())
                read += len(batch)
                if len(in_text) >= needed:
                    break

        def rank(pk):
            date, title = self.read_with[pk]
            if pk in titled:
                value = 3
            elif len(words) == 1 or pk in in_text:
                value = 2  # one word: in every candidate's text
            elif all(f" {word} " in title for word in words):
                value = 1
            else:
                value = 0
            return (value, date, pk)

        return sorted(self.read_with, key=rank, reverse=True)


class RankedEntries:
    """The candidates in rank order, as a paginator reads them: their number, and a slice
    read when asked for."""

    ordered = True

    def __init__(self, results: Results):
        self.results = results

    def __len__(self) -> int:
        return len(self.results.candidates)

    def __getitem__(self, bounds: slice) -> list:
        return self.results.ranked_slice(bounds.start or 0, bounds.stop)


class KnownCountPaginator(Paginator):
    """A paginator told its count (the search has its candidates in hand)."""

    def __init__(self, object_list, per_page, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def result_meta(entry) -> str:
    """A result's line above its title: its kind, then its date and label (news, documents…)
    or its label alone (a place). Made here rather than in the template, and escaped with the
    standard library's escape (as Django's, without its lazy-text wrapper): a page shows ten,
    and the search page is the one no cache can keep."""
    source = index.source(entry.kind)
    parts = [
        f'<span class="kind-badge kind-badge--{html.escape(entry.kind)}">'
        f"{html.escape(str(source.label))}</span>"
    ]
    if source.shows_date:
        day = timezone.localtime(entry.date)
        parts.append(f'<time datetime="{day.isoformat()}">{day.strftime("%d/%m/%Y")}</time>')
        if entry.label:
            parts[-1] += " · " + html.escape(entry.label)
    elif entry.label:
        parts.append(html.escape(entry.label))
    return mark_safe(" ".join(parts))


def shown_count(count: int, capped: bool = False) -> str:
    if capped or count > COUNT_LIMIT:
        return f"{COUNT_LIMIT:,}+".replace(",", ".")
    return str(count)


class SearchPage:
    """One request of the search page: `q`, `loai` and `page` as typed, whatever they are."""

    per_page = 10

    def __init__(self, params):
        self.query = Query.parse(params.get("q"))
        self.kind_param = str(params.get("loai", ""))
        slugs = {source.slug: source for source in index.public_sources()}
        self.source = slugs.get(self.kind_param)
        self.page_number = params.get("page")

    @cached_property
    def notices(self) -> list[str]:
        notices = []
        if self.kind_param and self.source is None:
            notices.append(_("Không có loại kết quả này; đang hiện mọi loại."))
        if self.query.truncated:
            notices.append(
                _("Từ khoá quá dài: chỉ tìm theo %(words)d từ đầu tiên (tối đa %(chars)d ký tự).")
                % {"words": MAX_WORDS, "chars": MAX_QUERY_CHARS}
            )
        return notices

    @cached_property
    def problem(self) -> str:
        """Why the query cannot be searched, shown next to the box ("" when it can)."""
        if self.query.is_empty:
            return _("Hãy gõ điều cần tìm: tên thiết chế, địa danh, sự kiện…")
        if not self.query.words:
            return _("Từ khoá không có chữ hay số nào để tìm. Hãy gõ bằng chữ.")
        if not self.query.is_usable:
            return _("Từ khoá quá ngắn: hãy gõ ít nhất %(n)d chữ cái.") % {"n": MIN_CHARS}
        return ""

    @cached_property
    def results(self) -> Results | None:
        if self.problem:
            return None
        return Results(self.query, self.source.kind if self.source else None)

    @cached_property
    def page(self):
        results = self.results
        candidates = results.candidates
        # Nothing to rank: no query to build (an empty page, as for any query that finds
        # nothing).
        ranked = RankedEntries(results) if candidates else []
        paginator = KnownCountPaginator(ranked, self.per_page, count=len(candidates))
        return paginator.get_page(self.page_number)

    def hits(self) -> list[dict]:
        words = self.query.words
        return [
            {
                "entry": entry,
                "url": entry.url,
                "meta": result_meta(entry),
                "title": highlight(entry.title, words),
                "snippet": snippet(entry.text, words),
            }
            for entry in self.page.object_list
        ]

    def tabs(self) -> list[dict]:
        results = self.results
        return [
            {
                "slug": "",
                "label": _("Tất cả"),
                "count": shown_count(results.total_all, results.is_capped),
            }
        ] + [
            {"slug": s.slug, "label": s.label, "count": shown_count(results.counts[s.kind])}
            for s in index.public_sources()
        ]

    def suggestions(self) -> list[tuple[str, int | str]]:
        """What to try instead: the query without its words that find nothing, then each
        word, as typed, that finds something on its own."""
        limit = 100
        typed = list(dict.fromkeys(self.query.text.split()))[: MAX_WORDS // 2]
        alone = [
            word
            for word, query in zip(typed, map(Query.parse, typed), strict=True)
            if query.is_usable and len(query.words) == 1
        ]
        # Each word alone, counted in one statement; then the words that find something.
        counts = self._counted(alone, limit + 1)
        suggestions = [(word, count) for word, count in counts.items() if count]
        if len(suggestions) > 1:
            shorter = " ".join(word for word, _count in suggestions)
            count = self._counted([shorter], limit + 1)[shorter]
            if count:
                suggestions.insert(0, (shorter, count))
        return [(word, f"{limit}+" if count > limit else count) for word, count in suggestions]

    def _counted(self, texts: list[str], limit: int) -> dict[str, int]:
        """The public matches of each text, of any kind, counted up to `limit`, in one
        statement."""
        if not texts:
            return {}
        results = self.results
        if not results._postgresql:
            matched = {text: Results(Query.parse(text)).matched for text in texts}
            return capped_counts(matched, limit)
        values = [
            {**results._values, statements.WORDS: " ".join(Query.parse(text).words)}
            for text in texts
        ]
        part = statements.counted(results.using, limit)
        return dict(zip(texts, statements.run_each(results.using, part, values), strict=True))

    @cached_property
    def newest(self) -> dict | None:
        """What the page offers when it has no result: the first source's newest items.
        Read only when the template's fragment of them is not kept."""
        for source in index.public_sources():
            items = source.newest(4)
            if items:
                return {
                    "title": source.newest_title,
                    "template": source.newest_template,
                    "items": items,
                }
        return None

    def context(self) -> dict:
        context = {
            "query": self.query,
            "kind": self.kind_param if self.source else "",
            "notices": self.notices,
            "problem": self.problem,
        }
        results = self.results
        if results is not None:
            page = self.page
            context.update(
                results=results,
                page_obj=page,
                page_range=page.paginator.get_elided_page_range(
                    page.number, on_each_side=2, on_ends=1
                ),
                hits=self.hits(),
                shown_total=shown_count(results.total),
                tabs=self.tabs(),
                limited=results.total > len(results.candidates),
            )
            if results.total_all == 0 and len(self.query.words) > 1:
                context["suggestions"] = self.suggestions()
        if not context.get("hits"):
            context["search"] = self
            context["show_newest"] = True
            context["browse"] = [
                {"url": reverse(s.browse_url_name), "label": s.browse_label}
                for s in reversed(index.public_sources())
                if s.browse_url_name
            ]
        return context
