"""The public pages while the question form is flooded (issue 23).

    .venv/bin/python bench/form_flood.py [--duration 10] [--addresses 20]
        [--database bench_form_flood] [--redis-db 4]

Makes a PostgreSQL database with the demo content (dropped at the end), starts gunicorn with
deploy/gunicorn.conf.py and Redis as in production, and measures the home page with wrk (16
connections): quiet, then while `--addresses` loopback addresses (127.0.0.2, 127.0.0.3…) each
post questions to /hoi-dap/gui-cau-hoi/ as fast as they are answered. Each flooder loads the
form once (its CSRF token and timestamp), waits the form's minimum, then posts in a loop,
each question with new text. Three runs:
- through nginx with deploy/nginx/culture-portal.conf, as in production (TRUSTED_PROXY_COUNT=1:
  the app reads each flooder's address from X-Forwarded-For);
- gunicorn alone, with the app's default rate limits (most posts refused 429);
- gunicorn alone, with the app's limits lifted (every post saved).
Prints the home page's p99 and rate in each, and what the flooders got.
"""

import argparse
import contextlib
import http.client
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.http_load import (  # noqa: E402
    PYTHON,
    Server,
    database,
    free_port,
    run,
    wait_until_up,
    wrk,
)

NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "culture-portal.conf"
FORM = "/hoi-dap/gui-cau-hoi/"
WORDS = (
    "xin hỏi thủ tục cấp phép biểu diễn nghệ thuật lễ hội di tích bảo tàng thư viện thẻ "
    "hướng dẫn viên du lịch giải chạy việt dã nhà văn hóa ấp câu lạc bộ"
).split()


def _flooder(port, address, stop, counts, lock, wait):
    def connect():
        return http.client.HTTPConnection(
            "127.0.0.1", port, timeout=30, source_address=(address, 0)
        )

    connection = connect()
    connection.request("GET", FORM)
    response = connection.getresponse()
    page = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
    fields = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page))
    topic = re.search(r'<option value="(\d+)"', page)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie[1] if cookie else ''}",
    }
    time.sleep(wait)  # the form's minimum: sooner, every post is refused as a script's
    rng = random.Random(address)
    n = 0
    while not stop.is_set():
        n += 1
        text = " ".join(rng.choices(WORDS, k=30))
        body = urllib.parse.urlencode(
            {
                **fields,
                "asker_name": "Người Gửi Thử",
                "email": f"flood-{address}-{n}@example.com",
                "topic": topic[1] if topic else "",
                "title": f"Câu hỏi {n} từ {address}",
                "body": text,
                "name_shown": "short",
                "consent_publication": "on",
                "website": "",
            }
        )
        try:
            connection.request("POST", FORM, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = connect()
            status = "error"
        with lock:
            counts[status] = counts.get(status, 0) + 1


class FormFlood:
    def __init__(self, port: int, addresses: int, wait: float):
        self.stop = threading.Event()
        self.counts: dict = {}
        self.lock = threading.Lock()
        self.threads = [
            threading.Thread(
                target=_flooder,
                args=(port, f"127.0.0.{n + 2}", self.stop, self.counts, self.lock, wait),
                daemon=True,
            )
            for n in range(addresses)
        ]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(35)


def questions_saved(env) -> int:
    out = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from questions.models import Question; print(Question.objects.count())",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(out.strip().splitlines()[-1])


class Nginx:
    """nginx with deploy/nginx/culture-portal.conf in front of one app server, as
    bench/local_cluster.py fills its placeholders."""

    def __init__(self, app_port: int, work: Path):
        self.port = free_port()
        self.work = work / "nginx"
        self.app_port = app_port

    def __enter__(self):
        self.work.mkdir(parents=True, exist_ok=True)
        values = {
            "listen": f"127.0.0.1:{self.port}",
            "upstreams": f"server 127.0.0.1:{self.app_port} max_fails=1 fail_timeout=5s;",
            "static_root": str(self.work.parent / "static"),
            "media_origin": "http://127.0.0.1:9/anh",
            "work": str(self.work),
        }
        lines = []
        for line in NGINX_TEMPLATE.read_text().splitlines():
            if not line.lstrip().startswith("#"):
                for key, value in values.items():
                    line = line.replace("{{ " + key + " }}", value)
            lines.append(line)
        path = self.work / "nginx.conf"
        path.write_text("\n".join(lines) + "\n")
        subprocess.run(["nginx", "-t", "-c", str(path)], check=True, capture_output=True)
        self.process = subprocess.Popen(
            ["nginx", "-c", str(path), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_up(f"http://127.0.0.1:{self.port}/healthz")
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def measure(env, args, work, label: str, extra_env: dict, *, through_nginx=False) -> dict:
    subprocess.run(["redis-cli", "-n", str(args.redis_db), "FLUSHDB"], capture_output=True)
    before = questions_saved(env)
    if through_nginx:
        extra_env = {**extra_env, "TRUSTED_PROXY_COUNT": "1"}
    with Server({**env, **extra_env}) as server:
        wait_until_up(server.base + "/healthz")
        with Nginx(server.port, work) if through_nginx else contextlib.nullcontext() as front:
            port = front.port if front else server.port
            base = f"http://127.0.0.1:{port}"
            urllib.request.urlopen(base + "/", timeout=30).read()
            wrk(base, ["/"], 2)  # warm up
            quiet = wrk(base, ["/"], args.duration)
            with FormFlood(port, args.addresses, wait=3.5) as flood:
                time.sleep(4)  # every flooder has its form and has waited the minimum
                with flood.lock:
                    flood.counts.clear()
                started = time.time()
                flooded = wrk(base, ["/"], args.duration)
                seconds = time.time() - started
                with flood.lock:
                    counts = dict(flood.counts)
    return {
        "label": label,
        "quiet": quiet,
        "flooded": flooded,
        "posts": counts,
        "seconds": seconds,
        "saved": questions_saved(env) - before,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per run")
    parser.add_argument("--addresses", type=int, default=20)
    parser.add_argument("--database", default="bench_form_flood")
    parser.add_argument("--redis-db", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("nginx"):
        raise SystemExit("wrk and nginx are needed: apt-get install -y wrk nginx-light")
    work = Path(tempfile.mkdtemp(prefix="bench-flood-"))
    work.chmod(0o755)  # nginx's workers (nobody) keep their cache and temp files there
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private"),
        "STATIC_ROOT": str(work / "static"),
        "SERVE_MEDIA": "0",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": f"redis://127.0.0.1:6379/{args.redis_db}",
    }
    print(f"Preparing PostgreSQL database {args.database} with the demo content…", flush=True)
    database(args.database)
    try:
        run([PYTHON, "manage.py", "migrate", "-v0"], env)
        run([PYTHON, "manage.py", "load_demo"], env, stdout=subprocess.DEVNULL)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        results = [
            measure(env, args, work, "through nginx", {}, through_nginx=True),
            measure(env, args, work, "gunicorn alone, default limits", {}),
            measure(
                env,
                args,
                work,
                "gunicorn alone, limits lifted",
                {
                    "PUBLIC_FORM_RATE_PER_ADDRESS": "1000000",
                    "PUBLIC_FORM_RATE_PER_CONTACT": "1000000",
                },
            ),
        ]
    finally:
        if not args.keep:
            database(args.database, drop_only=True)
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"\nHome page, wrk 16 connections, {args.duration} s; {args.addresses} loopback "
        f"addresses posting to {FORM} as fast as answered; gunicorn "
        f"(deploy/gunicorn.conf.py, {os.cpu_count()} cores), PostgreSQL, Redis."
    )
    for r in results:
        posts = sum(v for v in r["posts"].values())
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r["posts"].items(), key=str))
        print(
            f"  {r['label']}: home p99 {r['quiet']['p99']:.1f} ms ({r['quiet']['rps']:.0f} req/s) "
            f"quiet; {r['flooded']['p99']:.1f} ms ({r['flooded']['rps']:.0f} req/s) flooded, "
            f"{r['flooded']['errors']} home errors; flood {posts} posts "
            f"({posts / r['seconds']:.0f}/s: {statuses}), {r['saved']} questions saved"
        )


if __name__ == "__main__":
    main()
