"""HTTP benchmark: the production server under load, page type by page type.

    .venv/bin/python bench/http_load.py [--articles 10000] [--institutions 2000] [--plans 200]
        [--duration 10] [--local-memory] [--database bench_http] [--redis-db 3]

Makes a PostgreSQL database (dropped at the end), fills it with demo content scaled up,
starts gunicorn with deploy/gunicorn.conf.py on a free loopback port and drives it with
wrk (16 connections): a minimal Django view ("hello", same settings and middleware), the
pages with the anonymous page cache on, with it off, and hello again. Hello runs in both
modes too: with the page cache on it is served from the cache, with it off it goes through
the whole middleware stack to its view, as every uncached page does. Prints requests per
second, p50 and p99 per page type, each as a share of the faster hello figure of its own
mode (and the uncached pages also as a share of the cached hello, the stricter figure), and
the RSS of the gunicorn workers before and after 20,000 more requests.

With the page cache on it also drives (bench/public_path.py): articles reached through
links with a click id of their own per visit, and with a made-up session cookie, as shares
of the cached article; the search page with a random query per request; a flood of 10,000
unique query strings (Redis keys and bytes of its db, worker RSS, before and after); the
home page's p99 while 20 loopback addresses send sign-in POSTs as fast as they are answered;
and the first request to each page type right after a publish.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
SEARCHES = ["văn hóa", "thư viện tỉnh", "dong thap", "2026", "khong co tu nay"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, **kwargs):
    return subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)


def database(name: str, *, drop_only=False):
    import psycopg2

    connection = psycopg2.connect(PG_ADMIN)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def analyze(name: str):
    import psycopg2

    connection = psycopg2.connect(PG_ADMIN.rsplit("/", 1)[0] + f"/{name}")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()


def wait_until_up(url: str, seconds: float = 30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


class Server:
    def __init__(self, env, settings_module="culture_portal.settings"):
        self.port = free_port()
        self.env = {
            **env,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "BIND": f"127.0.0.1:{self.port}",
        }
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "-c",
                "deploy/gunicorn.conf.py",
                "culture_portal.wsgi",
            ],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def worker_rss_mb(self) -> list[float]:
        children = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        sizes = []
        for pid in children:
            status = Path(f"/proc/{pid}/status")
            if status.exists():
                match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
                if match:
                    sizes.append(int(match[1]) / 1024)
        return sorted(sizes)


UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(base: str, paths: list[str], duration: int, connections: int = 16, lua: str = "") -> dict:
    """wrk over `paths` in turn (or with a Lua script of its own)."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    quoted = ", ".join(f'"{p}"' for p in paths)
    script.write(
        lua
        or (
            f"local paths = {{{quoted}}}\nlocal i = 0\n"
            "request = function()\n  i = i % #paths + 1\n"
            "  return wrk.format('GET', paths[i])\nend\n"
        )
    )
    script.close()
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", script.name, base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    latency = {
        q: float(v) * UNIT[u]
        for q, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    }
    total = int(re.search(r"(\d+) requests in", output)[1])
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": rps,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "requests": total,
        "errors": int(errors[1]) if errors else 0,
        "socket_errors": sum(map(int, sockets.groups())) if sockets else 0,
    }


def measure_hello(env, duration: int, cache_seconds: str) -> dict:
    with Server({**env, "PAGE_CACHE_SECONDS": cache_seconds}, "bench.hello_settings") as hello:
        wait_until_up(hello.base + "/hello")
        wrk(hello.base, ["/hello"], 2)
        return wrk(hello.base, ["/hello"], duration)


def page_types(env) -> dict[str, list[str]]:
    code = (
        "from news.models import Article, Category\n"
        "from institutions.models import Institution\n"
        "from work_plans.models import WorkPlan\n"
        "slugs = list(Article.objects.published().values_list('slug', flat=True)[:200])\n"
        "cats = list(Category.objects.active().values_list('slug', flat=True))\n"
        "places = list(Institution.objects.order_by('-pk').values_list('slug', flat=True)[:200])\n"
        "plans = [p.get_absolute_url() for p in WorkPlan.objects.approved()"
        ".select_related('institution').order_by('-pk')[:200]]\n"
        "print('|'.join(slugs)); print('|'.join(cats)); print('|'.join(places))\n"
        "print('|'.join(plans))\n"
    )
    out = run([PYTHON, "manage.py", "shell", "-c", code], env, capture_output=True, text=True)
    slugs, cats, places, plans = [line.split("|") for line in out.stdout.strip().splitlines()[-4:]]
    return {
        "home": ["/"],
        "news list": ["/tin-tuc/", "/tin-tuc/?page=2", "/tin-tuc/?page=3"],
        "category": [f"/tin-tuc/chuyen-muc/{c}/" for c in cats],
        "article": [f"/tin-tuc/{s}/" for s in slugs],
        "directory": ["/thiet-che/", "/thiet-che/?page=2", "/thiet-che/?level=3"],
        "institution": [f"/thiet-che/{s}/" for s in places],
        "plan year": sorted({"/".join(p.split("/")[:3]) + "/" for p in plans}),
        "plan": plans,
        "feed": ["/tin-tuc/rss/"],
        "sitemap": ["/sitemap.xml", "/sitemap-articles.xml", "/sitemap-articles.xml?p=2"],
        "search": [f"/tim-kiem/?q={urllib.parse.quote_plus(q)}" for q in SEARCHES],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page type")
    parser.add_argument("--institutions", type=int, default=2_000)
    parser.add_argument(
        "--plans", type=int, default=200, help="this year's approved plans (a province's centres)"
    )
    parser.add_argument(
        "--local-memory",
        action="store_true",
        help="cache in each worker's memory instead of Redis",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--memory-requests",
        type=int,
        default=20_000,
        help="uncached requests between the two readings of the workers' memory",
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_HTTP_DATABASE", "bench_http"),
        help="PostgreSQL database to make and drop (several runs on one machine: one each)",
    )
    parser.add_argument(
        "--redis-db",
        type=int,
        default=int(os.environ.get("BENCH_HTTP_REDIS_DB", "3")),
        help="Redis database number on 127.0.0.1:6379 (flushed between runs)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")

    name = args.database
    work = Path(tempfile.mkdtemp(prefix="bench-http-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "SERVE_MEDIA": "0",
        "LOG_LEVEL": "WARNING",
    }
    if not args.local_memory:
        env["REDIS_URL"] = f"redis://127.0.0.1:6379/{args.redis_db}"
    print(f"Preparing PostgreSQL database {name} with {args.articles} articles…", flush=True)
    database(name)
    try:
        run([PYTHON, "manage.py", "migrate", "-v0"], env)
        fill = (
            "from bench.fill import fill_articles, fill_institutions, fill_plans; "
            f"fill_articles({args.articles}); fill_institutions({args.institutions}); "
            f"fill_plans({args.plans})"
        )
        run([PYTHON, "manage.py", "shell", "-c", fill], env, stdout=subprocess.DEVNULL)
        analyze(name)  # planner statistics, as autovacuum keeps them on a live database
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        pages = page_types(env)
        results = {}
        modes = (("cached", "600"), ("uncached", "0"))
        hellos = {label: [measure_hello(env, args.duration, seconds)] for label, seconds in modes}
        memory = {}
        for label, seconds in modes:
            if not args.local_memory:
                subprocess.run(
                    ["redis-cli", "-n", str(args.redis_db), "FLUSHDB"], capture_output=True
                )
            with Server({**env, "PAGE_CACHE_SECONDS": seconds}) as server:
                wait_until_up(server.base + "/healthz")
                results[label] = {}
                for page, paths in pages.items():
                    if label == "cached":
                        for path in paths:  # one render each, into the shared cache
                            urllib.request.urlopen(server.base + path, timeout=30).read()
                    wrk(server.base, paths, 2)  # warm up: worker memory, connections
                    results[label][page] = wrk(server.base, paths, args.duration)
                if label == "cached":
                    extra = public_path_runs(server, pages, args, env)
                if label == "uncached":
                    everything = [p for paths in pages.values() for p in paths]
                    before = server.worker_rss_mb()
                    done = 0
                    while done < args.memory_requests:
                        done += wrk(server.base, everything, 10)["requests"]
                    memory = {"before": before, "after": server.worker_rss_mb(), "requests": done}
        # Once more at the end: this machine's speed drifts within a run, and the shares are
        # taken of the faster of the two (the stricter figure).
        for label, seconds in modes:
            hellos[label].append(measure_hello(env, args.duration, seconds))
        results["hello"] = {
            label: {"hello": max(runs, key=lambda h: h["rps"]), "runs": runs}
            for label, runs in hellos.items()
        }
        report(results, memory, args)
        report_public_path(results, extra, args)
    finally:
        if not args.keep:
            database(name, drop_only=True)
        shutil.rmtree(work, ignore_errors=True)


def public_path_runs(server, pages, args, env) -> dict:
    """Shared links, made-up cookies, a flood of query strings, a sign-in attack and the
    first requests after a publish, against the server with its page cache on."""
    from bench import public_path

    base, d = server.base, args.duration
    articles = pages["article"]
    extra = {
        "click ids": wrk(base, articles, d, lua=public_path.click_id_script(articles)),
        "made-up cookie": wrk(base, articles, d, lua=public_path.made_up_cookie_script(articles)),
        "random search": wrk(base, [], d, lua=public_path.random_search_script()),
    }
    print("Flood of unique query strings…", flush=True)
    before = {
        "rss": server.worker_rss_mb(),
        "redis": public_path.redis_memory(args.redis_db) if not args.local_memory else None,
    }
    sent = 0
    while sent < 10_000:
        sent += wrk(base, [], 10, lua=public_path.flood_script(articles[0]))["requests"]
    extra["flood"] = {
        "sent": sent,
        "before": before,
        "after": {
            "rss": server.worker_rss_mb(),
            "redis": public_path.redis_memory(args.redis_db) if not args.local_memory else None,
        },
    }
    print("Sign-in attack from 20 addresses…", flush=True)
    quiet = wrk(base, ["/"], d)
    with public_path.SignInAttack(server.port) as attack:
        time.sleep(2)
        attacked = wrk(base, ["/"], d)
    extra["attack"] = {
        "quiet": quiet,
        "attacked": attacked,
        "counts": attack.counts,
        "seconds": attack.seconds,
    }
    print("First requests after a publish…", flush=True)
    extra["after publish"] = public_path.first_requests_after_publish(base, pages, env)
    return extra


def report_public_path(results, extra, args):
    hello = results["hello"]["cached"]["hello"]
    bare = results["hello"]["uncached"]["hello"]
    article = results["cached"]["article"]["rps"]
    print()
    print("The public path (page cache on):")
    for label in ("click ids", "made-up cookie"):
        figures = extra[label]
        print(
            f"  article, {label:<15} {figures['rps']:>7.0f} req/s = "
            f"{figures['rps'] / article:.0%} of the cached article, p99 {figures['p99']:.1f} ms, "
            f"{figures['errors']} errors"
        )
    search = extra["random search"]
    print(
        f"  search, a random query per request: {search['rps']:.0f} req/s = "
        f"{search['rps'] / hello['rps']:.1%} of hello, p99 {search['p99']:.1f} ms"
    )
    flood = extra["flood"]
    rss = " / ".join(
        f"{sum(flood[when]['rss']):.0f} MB ({', '.join(f'{m:.0f}' for m in flood[when]['rss'])})"
        for when in ("before", "after")
    )
    print(f"  flood of {flood['sent']} unique query strings: worker RSS before / after {rss}")
    if flood["before"]["redis"] is not None:
        b, a = flood["before"]["redis"], flood["after"]["redis"]
        print(
            f"    Redis db {args.redis_db}: {b['keys']} keys, {b['mb']:.1f} MB before; "
            f"{a['keys']} keys, {a['mb']:.1f} MB after"
        )
    attack = extra["attack"]
    sent = sum(attack["counts"].values())
    counts = ", ".join(f"{k}: {v}" for k, v in sorted(attack["counts"].items(), key=str))
    print(
        f"  home page p99 {attack['quiet']['p99']:.1f} ms ({attack['quiet']['rps']:.0f} req/s) "
        f"quiet; {attack['attacked']['p99']:.1f} ms ({attack['attacked']['rps']:.0f} req/s) "
        f"while 20 addresses sent {sent / attack['seconds']:.0f} sign-in POSTs/s ({counts})"
    )
    print()
    print("Page cache off: share of hello with the cache off (and on); first request after publish")
    print(f"{'page':<12} {'share':>7} {'(on)':>7} {'first after publish, ms':>24}")
    for page, ms in extra["after publish"].items():
        rps = results["uncached"][page]["rps"]
        print(f"{page:<12} {rps / bare['rps']:>7.3f} {rps / hello['rps']:>7.3f} {ms:>24.1f}")


def report(results, memory, args):
    hellos = results["hello"]
    runs = "; ".join(
        f"cache {'on' if label == 'cached' else 'off'} "
        + " and ".join(f"{run['rps']:.0f}" for run in hellos[label]["runs"])
        for label in ("cached", "uncached")
    )
    print()
    print(
        f"wrk, 16 connections, {args.duration} s per page type; gunicorn as in "
        f"deploy/gunicorn.conf.py; {args.articles} articles, {args.institutions} institutions, "
        f"{args.plans} plans of this year on PostgreSQL; hello at the start and the end "
        f"({runs} req/s), shares of the faster of its mode; cache: "
        f"{'local memory' if args.local_memory else 'Redis'}"
    )
    print(
        f"{'page':<12} {'mode':<9} {'req/s':>9} {'of hello':>9} {'(on)':>6} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'errors':>7}"
    )
    for label in ("cached", "uncached"):
        hello = hellos[label]["hello"]
        print(
            f"{'hello':<12} {label:<9} {hello['rps']:>9.0f} {'100%':>9} {'':>6} "
            f"{hello['p50']:>8.2f} {hello['p99']:>8.2f} {hello['errors']:>7}"
        )
    cached_hello = hellos["cached"]["hello"]["rps"]
    for mode in ("cached", "uncached"):
        for page, figures in results[mode].items():
            share = figures["rps"] / hellos[mode]["hello"]["rps"] * 100
            strict = f"{figures['rps'] / cached_hello * 100:.0f}%" if mode == "uncached" else ""
            print(
                f"{page:<12} {mode:<9} {figures['rps']:>9.0f} {share:>8.0f}% {strict:>6} "
                f"{figures['p50']:>8.2f} {figures['p99']:>8.2f} {figures['errors']:>7}"
            )
    if memory:
        print()
        print(
            f"gunicorn worker RSS (MB), uncached, before and after {memory['requests']} requests:"
        )
        print("  before:", ", ".join(f"{m:.0f}" for m in memory["before"]))
        print("  after: ", ", ".join(f"{m:.0f}" for m in memory["after"]))


if __name__ == "__main__":
    main()
