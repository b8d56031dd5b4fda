"""The public path under crowds, shared links and attackers: the runs bench/http_load.py
adds to its page types (issue 19). Each returns figures; http_load prints them."""

import http.client
import os
import random
import re
import statistics
import string
import threading
import time
import urllib.parse
import urllib.request

WORDS = (
    "van hoa the thao du lich thu vien bao tang chieu phim luu dong le hoi dong thap hoa binh "
    "mai chau cai luong nha truyen thong hoc tap cong dong tinh huyen xa trung tam nghe thuat "
    "giai dau bong da tap huan trien lam"
).split()


def click_id_script(paths: list[str]) -> str:
    """Each request with a click id of its own, as links shared on Facebook and Zalo."""
    quoted = ", ".join(f'"{p}"' for p in paths)
    return (
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        "  local id = math.random(1, 1000000000)\n"
        "  if i % 2 == 0 then\n"
        "    return wrk.format('GET', paths[i] .. '?fbclid=IwAR' .. id .. 'x' .. i)\n"
        "  end\n"
        "  return wrk.format('GET', paths[i] .. '?zarsrc=30&utm_source=zalo&utm_medium=zalo'"
        " .. '&utm_campaign=' .. id)\nend\n"
    )


def made_up_cookie_script(paths: list[str]) -> str:
    quoted = ", ".join(f'"{p}"' for p in paths)
    return (
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        "  local cookie = 'sessionid=' .. math.random(1, 1000000000) .. 'abc'"
        " .. math.random(1, 1000000000)\n"
        "  return wrk.format('GET', paths[i], {['Cookie'] = cookie})\nend\n"
    )


def random_search_script() -> str:
    words = ", ".join(f'"{w}"' for w in WORDS)
    return (
        f"local words = {{{words}}}\n"
        "request = function()\n"
        "  local q = words[math.random(#words)] .. '+' .. words[math.random(#words)]\n"
        "  if math.random(3) == 1 then q = q .. '+' .. math.random(1, 100000) end\n"
        "  return wrk.format('GET', '/tim-kiem/?q=' .. q)\nend\n"
    )


def flood_script(article: str) -> str:
    """Unique query strings: ignored tracking tags on cached pages, page numbers, and search
    words (read by the page: bounded per page)."""
    return (
        "local counter = 1\n"
        "function setup(thread)\n  thread:set('id', counter)\n  counter = counter + 1\nend\n"
        "local i = 0\n"
        "request = function()\n  i = i + 1\n  local n = id * 10000000 + i\n"
        "  local k = i % 10\n"
        "  if k == 0 then return wrk.format('GET', '/tim-kiem/?q=tu+' .. n) end\n"
        "  if k < 4 then return wrk.format('GET', '/?utm_source=flood' .. n) end\n"
        f"  if k < 7 then return wrk.format('GET', '{article}?fbclid=' .. n) end\n"
        "  return wrk.format('GET', '/tin-tuc/?page=' .. (n % 40 + 1) .. '&utm_term=' .. n)\n"
        "end\n"
    )


def redis_memory(db: int) -> dict:
    """Keys and bytes of one Redis database (the server is shared: its total says nothing)."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=db)
    keys = list(client.scan_iter(count=1000))
    pipe = client.pipeline()
    for key in keys:
        pipe.memory_usage(key)
    sizes = [size or 0 for size in pipe.execute()] if keys else []
    return {"keys": len(keys), "mb": sum(sizes) / 1e6}


def _attacker(port: int, address: str, stop: threading.Event, counts: dict, lock) -> None:
    def connect():
        return http.client.HTTPConnection(
            "127.0.0.1", port, timeout=30, source_address=(address, 0)
        )

    connection = connect()
    connection.request("GET", "/admin/login/")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie[1] if cookie else ''}",
    }
    while not stop.is_set():
        name = "".join(random.choices(string.ascii_lowercase, k=10))
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token[1] if token else "",
                "username": name,
                "password": "mat-khau-doan-" + name,
                "next": "/admin/",
            }
        )
        try:
            connection.request("POST", "/admin/login/", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = connect()
            status = "error"
        with lock:
            counts[status] = counts.get(status, 0) + 1


class SignInAttack:
    """Sign-in POSTs with random names, as fast as each of `addresses` loopback addresses
    gets answers (127.0.0.2, 127.0.0.3…: the app reads them as the client's address)."""

    def __init__(self, port: int, addresses: int = 20):
        self.stop = threading.Event()
        self.counts: dict = {}
        self.lock = threading.Lock()
        self.threads = [
            threading.Thread(
                target=_attacker,
                args=(port, f"127.0.0.{n + 2}", self.stop, self.counts, self.lock),
                daemon=True,
            )
            for n in range(addresses)
        ]

    def __enter__(self):
        self.started = time.time()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(35)
        self.seconds = time.time() - self.started


def first_requests_after_publish(base: str, pages: dict, env: dict, publishes: int = 3) -> dict:
    """For each page type, the time of the first request right after a publish (an edit of
    an article: every page is renewed), the median of `publishes` runs, in ms."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "culture_portal.settings"
    import django

    django.setup()
    from news.models import Article

    timings: dict[str, list[float]] = {page: [] for page in pages}
    articles = list(Article.objects.published().order_by("-published_at")[:publishes])
    for article in articles:
        article.title = article.title.rstrip(" ·") + " ·"
        article.save()
        for page, paths in pages.items():
            started = time.perf_counter()
            urllib.request.urlopen(base + paths[0], timeout=60).read()
            timings[page].append((time.perf_counter() - started) * 1000)
    return {page: statistics.median(values) for page, values in timings.items()}
