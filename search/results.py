"""A search as the site search page answers it: the query, what is wrong with it, the
ranked results of the page asked for, the counts per kind, and what to try instead."""

from functools import cached_property

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from search import index
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


class Results:
    """Ranked public search results over SearchEntry, with counts per kind."""

    def __init__(self, query: Query, kind: str | None = None, now=None):
        self.query = query
        self.kind = kind
        self.now = now or timezone.now()

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
        kinds = [source.kind for source in index.public_sources()]
        return counts_per_kind(self.matched, kinds, COUNT_LIMIT + 1)

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
        words = self.query.words
        found = self.matched if not self.kind else self.matched.filter(kind=self.kind)
        newest = found.order_by("-date", "-pk")[:RANK_LIMIT]
        # Every word in the title means every word in the tokens (they include the title):
        # the title's own index answers alone.
        in_title = matching(self.visible, words, field="title_tokens").order_by("-date", "-pk")
        return union_of_ids([newest, in_title[:RANK_LIMIT]])

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


class KnownCountPaginator(Paginator):
    """A paginator told its count (the search has its candidates in hand)."""

    def __init__(self, object_list, per_page, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


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
        paginator = KnownCountPaginator(
            results.ranked(), self.per_page, count=len(results.candidates)
        )
        return paginator.get_page(self.page_number)

    def hits(self) -> list[dict]:
        words = self.query.words
        return [
            {
                "entry": entry,
                "source": index.source(entry.kind),
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
        alone = {}
        for word in list(dict.fromkeys(self.query.text.split()))[: MAX_WORDS // 2]:
            query = Query.parse(word)
            if query.is_usable and len(query.words) == 1:
                alone[word] = Results(query).matched
        # Each word alone, counted in one statement; then the words that find something.
        counts = capped_counts(alone, limit + 1)
        suggestions = [(word, count) for word, count in counts.items() if count]
        if len(suggestions) > 1:
            shorter = " ".join(word for word, _count in suggestions)
            matched = Results(Query.parse(shorter)).matched
            count = capped_counts({shorter: matched}, limit + 1)[shorter]
            if count:
                suggestions.insert(0, (shorter, count))
        return [(word, f"{limit}+" if count > limit else count) for word, count in suggestions]

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
