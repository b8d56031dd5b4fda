"""PostgreSQL: the statements of a site search, compiled once for each shape and filled in for
each search.

Building and compiling a query with the ORM cost a search more than a millisecond a statement,
about as much as running it. Here a statement is compiled with markers in place of what a
search changes (the words, the moment, the kind asked for), kept by its shape
(whether a kind is asked for, which kinds are counted, how many entries are read in date
order), and each search only puts its values in place of the markers.

The shapes (search/results.py says why each is chosen):

- `counts`: the matches of each kind, counted up to a limit;
- `probe`: of the newest PROBE_SIZE visible entries, how many match, and in the title;
- `newest`: the candidates to rank, each of two sets (the newest matches, the newest matches
  in the title) read in date order or from the words' index, with their date and title;
- `with_phrase`: which candidates hold the whole phrase in their text;
- `counted`: the matches of other words (what a page without results suggests).
"""

from datetime import UTC, datetime
from functools import lru_cache

from django.db import connections

from search.matching import PROBE_SIZE, RANK_LIMIT, TokensMatch
from search.models import SearchEntry


class Marker(str):
    """A text parameter filled in after the statement is compiled."""


class Moment(datetime):
    """The moment parameter, filled in after the statement is compiled."""


WORDS = Marker("words")
KIND = Marker("kind")
NOW = Moment(2000, 1, 1, tzinfo=UTC)
MARKERS = (WORDS, KIND, NOW)


def _compiled(queryset) -> tuple[str, list]:
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    return sql, list(params)


def _querysets(using: str, kind: bool):
    public = SearchEntry.objects.using(using).filter(public=True, date__lte=NOW)
    visible = public.filter(kind=KIND) if kind else public
    return public, visible


def _matching(queryset, field: str = "tokens"):
    return queryset.filter(TokensMatch(field, WORDS))


@lru_cache(maxsize=64)
def counts(using: str, kinds: tuple[str, ...], limit: int) -> tuple[str, list]:
    """One row: the matches of each of `kinds` counted up to `limit`."""
    public, _visible = _querysets(using, kind=False)
    parts, params = [], []
    for kind in kinds:
        sql, part_params = _compiled(
            _matching(public).filter(kind=kind).order_by().values("pk")[:limit]
        )
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) capped)")
        params.extend(part_params)
    return "SELECT " + ", ".join(parts), params


@lru_cache(maxsize=8)
def probe(using: str, kind: bool) -> tuple[str, list]:
    """One row: how many of the newest PROBE_SIZE visible entries were read, how many match,
    how many match in the title, and the planner's estimate of the number of entries."""
    _public, visible = _querysets(using, kind)
    newest = (
        visible.order_by("-date", "-pk")
        .annotate(hit=TokensMatch("tokens", WORDS), in_title=TokensMatch("title_tokens", WORDS))
        .values("hit", "in_title")[:PROBE_SIZE]
    )
    sql, params = _compiled(newest)
    table = SearchEntry._meta.db_table
    return (
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE hit), COUNT(*) FILTER (WHERE in_title),"
        f" (SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass)"
        f" FROM ({sql}) probe"
    ), params


@lru_cache(maxsize=128)
def newest(using: str, kind: bool, windows: tuple[int, int]) -> tuple[str, list]:
    """Rows (id, date, title tokens) of the newest RANK_LIMIT matches and the newest
    RANK_LIMIT matches in the title (the two sets may share rows). `windows`: for each set,
    how many of the newest entries to read in date order, or 0 to read every match from the
    words' index."""
    _public, visible = _querysets(using, kind)
    found = _matching(visible)
    # The title's tokens are read for the candidates only, past the LIMIT (a long entry's are
    # kept out of its row, and reading them costs).
    columns = "pk, date, title_tokens"
    order = f"ORDER BY date DESC, pk DESC LIMIT {RANK_LIMIT}"
    parts, params, ctes = [], [], []
    if windows == (0, 0):
        # Both from the index: the title's matches are among the others (the tokens include
        # the title), so every match is read once.
        marked = found.order_by().annotate(in_title=TokensMatch("title_tokens", WORDS))
        sql, cte_params = _compiled(marked.values("pk", "date", "in_title", "title_tokens"))
        ctes.append(f"WITH m AS MATERIALIZED ({sql})")
        params.extend(cte_params)
        for where in ("", "WHERE in_title"):
            parts.append(f"(SELECT {columns} FROM m {where} {order})")
    else:
        sets = (("tokens", found), ("title_tokens", _matching(visible, "title_tokens")))
        for (field, queryset), window in zip(sets, windows, strict=True):
            if window:
                marked = visible.order_by("-date", "-pk").annotate(hit=TokensMatch(field, WORDS))
                sql, part_params = _compiled(
                    marked.values("pk", "date", "hit", "title_tokens")[:window]
                )
                parts.append(f"(SELECT {columns} FROM ({sql}) w WHERE hit LIMIT {RANK_LIMIT})")
            else:
                # OFFSET 0 keeps PostgreSQL from reading in date order for the LIMIT.
                sql, part_params = _compiled(
                    queryset.order_by().values("pk", "date", "title_tokens")
                )
                parts.append(f"(SELECT {columns} FROM ({sql} OFFSET 0) m {order})")
            params.extend(part_params)
    return " ".join([*ctes, " UNION ALL ".join(parts)]), params


def with_phrase(using: str, ids: list[int], phrase: str) -> set[int]:
    """Those of `ids` whose text holds the whole phrase (its tokens, joined by spaces)."""
    table = connections[using].ops.quote_name(SearchEntry._meta.db_table)
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {table} WHERE id = ANY(%s) AND tokens LIKE %s",
            [ids, f"% {phrase} %"],  # tokens: letters, digits and spaces only
        )
        return {pk for (pk,) in cursor.fetchall()}


@lru_cache(maxsize=8)
def counted(using: str, limit: int) -> tuple[str, list]:
    """A part of a statement: the public matches of the words, of any kind, counted up to
    `limit`."""
    public, _visible = _querysets(using, kind=False)
    sql, params = _compiled(_matching(public).order_by().values("pk")[:limit])
    return f"(SELECT COUNT(*) FROM ({sql}) capped)", params


def _filled(params: list, values: dict) -> list:
    return [
        values[param] if any(param is marker for marker in MARKERS) else param for param in params
    ]


def run(using: str, statement: tuple[str, list], values: dict) -> list[tuple]:
    """The statement's rows, with `values` ({marker: value}) in place of its markers."""
    sql, params = statement
    with connections[using].cursor() as cursor:
        cursor.execute(sql, _filled(params, values))
        return cursor.fetchall()


def run_each(using: str, part: tuple[str, list], values_each: list[dict]) -> tuple:
    """One row: the part (a scalar subquery) once for each of `values_each`."""
    sql, params = part
    filled = [value for values in values_each for value in _filled(params, values)]
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([sql] * len(values_each)), filled)
        return cursor.fetchone()
