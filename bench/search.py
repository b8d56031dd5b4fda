"""Search benchmark: p50 and p95 per query over N realistic articles.

    .venv/bin/python bench/search.py [--articles 100000] [--runs 60] [--sqlite] [--keep]
        [--database bench_search]

Makes a database (PostgreSQL by default, dropped at the end unless --keep; --sqlite for a
temporary SQLite file), fills it with N articles recombined from the demo content
(bench/fill.py: no download), plus the demo institutions, then times each query of a fixed
list the way /tim-kiem/ answers it: counts per kind, the first page of ranked results and
their highlighted snippets ("search"), and the whole page rendered by the view ("page").
Prints p50/p95 in milliseconds, the number of matches, and PostgreSQL's plan of the most
common query.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "văn hóa",  # in nearly every article
    "thiet che van hoa",
    "dong thap",
    "Hoà Bình",
    "chiếu phim lưu động",
    "cải lương",
    "thư viện tỉnh",
    "bao tang",
    "giai viet da",
    "Mai Châu",
    "2026",
    "đờn ca tài tử",
    "' OR 1=1 --",
    "khong co tu nay",
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept database as it is")
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_SEARCH_DATABASE", "bench_search"),
        help="PostgreSQL database to make and drop (several runs on one machine: one each)",
    )
    args = parser.parse_args()

    name = args.database
    work = tempfile.mkdtemp(prefix="bench-search-")
    if args.sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{work}/bench.sqlite3"
    else:
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    os.environ.setdefault("SECRET_KEY", "bench-search-" + "x" * 40)
    os.environ.update(DEBUG="0", HTTPS="0", ALLOWED_HOSTS="testserver", MEDIA_ROOT=work)
    os.environ["DJANGO_SETTINGS_MODULE"] = "culture_portal.settings"

    if not args.sqlite and not args.reuse:
        from bench.http_load import database

        database(name)
    try:
        run(args)
    finally:
        if not args.sqlite and not args.keep and not args.reuse:
            from django.db import connections

            connections.close_all()
            from bench.http_load import database

            database(name, drop_only=True)


def run(args):
    import django

    django.setup()

    # Pages are rendered without collectstatic: plain static URLs.
    from django.contrib.staticfiles import storage as static_storage

    static_storage.staticfiles_storage._wrapped = static_storage.StaticFilesStorage()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory

    from search.matching import Query
    from search.models import SearchEntry
    from search.results import Results
    from search.snippets import highlight, snippet
    from search.views import SearchView

    if not args.reuse:
        print(f"Filling {connection.vendor} with {args.articles} articles…", flush=True)
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        from bench.fill import fill_articles
        from institutions import demo as institutions_demo

        institutions_demo.load()
        call_command("rebuild_search_index", verbosity=0)
        fill_articles(args.articles)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE culture_portal_searchentry")
        print(f"  filled in {time.perf_counter() - started:.0f} s", flush=True)
    print(f"{SearchEntry.objects.count()} search entries on {connection.vendor}\n")

    def search_once(query):
        results = Results(query)
        counts = results.counts
        hits = [
            (highlight(e.title, query.words), snippet(e.text, query.words))
            for e in results.ranked_slice(0, 10)
        ]
        return sum(counts.values()), len(hits)

    factory = RequestFactory()
    view = SearchView.as_view()

    def page_once(text):
        request = factory.get("/tim-kiem/", {"q": text})
        request.user = AnonymousUser()
        response = view(request)
        response.render()
        assert response.status_code == 200

    print(f"{'query':<24}{'matches':>9}  {'search p50':>10} {'p95':>7}  {'page p50':>9} {'p95':>7}")
    worst = 0.0
    slowest_page = {}
    for text in QUERIES:
        query = Query.parse(text)
        timings, page_timings = [], []
        for run_number in range(args.runs + 3):
            started = time.perf_counter()
            matches, _shown = search_once(query)
            elapsed = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            page_once(text)
            page_elapsed = (time.perf_counter() - started) * 1000
            if run_number >= 3:  # the first runs warm the caches
                timings.append(elapsed)
                page_timings.append(page_elapsed)
        p95 = percentile(timings, 0.95)
        worst = max(worst, percentile(page_timings, 0.95))
        slowest_page[text] = percentile(page_timings, 0.95)
        print(
            f"{text:<24}{matches:>9}  {statistics.median(timings):>10.1f} {p95:>7.1f}"
            f"  {statistics.median(page_timings):>9.1f} {percentile(page_timings, 0.95):>7.1f}"
        )
    print(f"\nWorst page p95: {worst:.1f} ms (target on PostgreSQL, N=100,000: < 30 ms)")

    if connection.vendor == "postgresql":
        # The statements of the slowest query, as the page sends them, with their plans.
        slowest = max(slowest_page, key=slowest_page.get)
        statements = []

        def keep(execute, sql, params, many, context):
            statements.append((sql, params))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(keep):
            page_once(slowest)
        print(f"\nPlans of “{slowest}”, the slowest page:")
        with connection.cursor() as cursor:
            for sql, params in statements:
                if "searchentry" not in sql:
                    continue
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                print()
                for (line,) in cursor.fetchall():
                    print("  " + line)


if __name__ == "__main__":
    main()
