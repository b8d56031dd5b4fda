"""Fault drill: the production server while its parts fail, and after they come back.

    make fault-drill        (or, as root: .venv/bin/python bench/fault_drill.py)

Builds, in a temporary folder, a PostgreSQL 15 cluster and a Redis of its own (free loopback
ports: the machine's shared ones are never touched), a media folder on a 64 MB tmpfs, and
gunicorn with deploy/gunicorn.conf.py. Then, with the server left running throughout:
  - Redis stopped: pages, sign-in and /healthz; Redis back;
  - PostgreSQL stopped: a page not in the cache, a staff page, /healthz, a page in the cache;
    PostgreSQL back: the same requests, with no restart of the app server;
  - PostgreSQL restarted while the server keeps its connections;
  - the media disk full during an upload in the admin, then room again.
Prints what each request got; exits non-zero if one is not what it should be.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.local_cluster import (  # noqa: E402
    PG_BIN,
    VENV,
    as_postgres,
    form_fields,
    free_port,
    give_demo_password,
    redis_command,
    wait_for_port,
)


class Drill:
    def __init__(self):
        self.work = Path(tempfile.mkdtemp(prefix="culture-faults-"))
        os.chmod(self.work, 0o755)
        self.ports = {name: free_port() for name in ("pg", "redis", "app")}
        self.processes: dict[str, subprocess.Popen] = {}
        self.media = self.work / "media"
        self.failures: list[str] = []
        self.pg_data = self.work / "pg" / "data"  # in a folder of the postgres user

    # Parts -------------------------------------------------------------------------------

    def pg(self, action: str):
        as_postgres(
            [
                PG_BIN / "pg_ctl",
                "-D",
                self.pg_data,
                "-l",
                self.pg_data.parent / "log",
                "-w",
                "-m",
                "fast",
                action,
            ],
            check=True,
            capture_output=True,
        )

    def start(self):
        self.pg_data.parent.mkdir()
        shutil.chown(self.pg_data.parent, "postgres", "postgres")
        as_postgres(
            [PG_BIN / "initdb", "-D", self.pg_data, "-U", "postgres", "--auth=trust"],
            check=True,
            capture_output=True,
        )
        with open(self.pg_data / "postgresql.conf", "a") as conf:
            conf.write(
                f"port = {self.ports['pg']}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.pg_data}'\nfsync = off\n"
            )
        self.pg("start")
        as_postgres(
            [PG_BIN / "createdb", "-h", "127.0.0.1", "-p", self.ports["pg"], "portal"], check=True
        )
        self.redis_start()
        self.media.mkdir()
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(self.media)], check=True
        )
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/root"),
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "HTTPS": "0",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.ports['pg']}/portal",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "MEDIA_ROOT": str(self.media),
            "PRIVATE_MEDIA_ROOT": str(self.work / "private"),
            "STATIC_ROOT": str(self.work / "static"),
            "SERVE_MEDIA": "1",
            "WEB_CONCURRENCY": "2",
            "PORT": str(self.ports["app"]),
            "LOG_LEVEL": "CRITICAL",
        }
        python = str(VENV / "python")
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"], ["load_demo"]):
            subprocess.run(
                [python, "manage.py", *command],
                env=self.env,
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        self.login = {
            "username": "bientap",
            "password": give_demo_password("bientap", self.env, ROOT),
        }
        self.spawn(
            "app",
            [str(VENV / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "culture_portal.wsgi"],
        )
        wait_for_port(self.ports["app"])
        print(
            f"PostgreSQL on {self.ports['pg']}, Redis on {self.ports['redis']}, media on a 64 MB "
            f"tmpfs, gunicorn on {self.ports['app']}; demo content loaded",
            flush=True,
        )

    def redis_start(self):
        self.spawn("redis", redis_command(self.ports["redis"]))
        wait_for_port(self.ports["redis"])

    def spawn(self, name, command):
        log = open(self.work / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command,
            env=getattr(self, "env", None),
            cwd=ROOT,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )

    def stop(self, name):
        process = self.processes.pop(name)
        process.terminate()
        process.wait(timeout=30)

    def teardown(self):
        for name in list(self.processes):
            self.stop(name)
        if self.pg_data.exists():
            as_postgres(
                [PG_BIN / "pg_ctl", "-D", self.pg_data, "-m", "immediate", "stop"],
                capture_output=True,
            )
        subprocess.run(["umount", str(self.media)], capture_output=True)
        shutil.rmtree(self.work, ignore_errors=True)

    # Requests ----------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.ports['app']}{path}"

    def expect(self, label: str, response, status: int, text: str = ""):
        ok = response.status_code == status and (not text or text in response.text)
        seen = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S)
        shown = re.sub(r"\s+", " ", re.sub("<[^>]+>", "", seen.group(1))).strip() if seen else ""
        detail = f"{response.status_code} {shown[:70]}".strip()
        print(f"  [{'ok' if ok else 'FAILED'}] {label}: {detail}", flush=True)
        if not ok:
            self.failures.append(label)

    def sign_in(self):
        import requests

        session = requests.Session()
        page = session.get(self.url("/admin/login/"))
        token = form_fields(page.text, "login-form")["csrfmiddlewaretoken"]
        session.post(
            self.url("/admin/login/?next=/admin/"),
            data={"csrfmiddlewaretoken": token, **self.login},
            headers={"Referer": page.url},
        )
        return session

    # The drill ---------------------------------------------------------------------------

    def run(self):
        import requests

        get = lambda path, **kw: requests.get(self.url(path), timeout=30, **kw)  # noqa: E731
        staff = self.sign_in()
        article = re.search(r'href="(/tin-tuc/[^"?#]+/)"', get("/tin-tuc/").text).group(1)
        self.expect("baseline: home", get("/"), 200)
        self.expect("baseline: /healthz", get("/healthz"), 200)

        print("\nRedis stopped", flush=True)
        self.stop("redis")
        self.expect("home", get("/"), 200)
        self.expect("an article", get(article), 200)
        self.expect("/healthz (the cache down, still in service)", get("/healthz"), 200)
        self.expect("staff: admin index", staff.get(self.url("/admin/")), 200)
        fresh = self.sign_in()
        self.expect("sign in while Redis is down", fresh.get(self.url("/admin/")), 200, "logout")
        self.redis_start()
        self.expect("Redis back: home", get("/"), 200)

        print("\nPostgreSQL stopped", flush=True)
        get("/")  # now in the page cache
        self.pg("stop")
        uncached = f"/tin-tuc/?q={secrets.token_hex(3)}"
        self.expect("a page not in the cache", get(uncached), 503, "tạm thời gián đoạn")
        self.expect("staff: admin index", staff.get(self.url("/admin/")), 503, "tạm thời")
        self.expect("/healthz", get("/healthz"), 503)
        self.expect("home, from the page cache", get("/"), 200)
        self.pg("start")
        print("PostgreSQL back (the app server was not restarted)", flush=True)
        self.expect("the page not in the cache", get(uncached), 200)
        self.expect("staff: admin index, same session", staff.get(self.url("/admin/")), 200)
        self.expect("/healthz", get("/healthz"), 200)

        print("\nPostgreSQL restarted under the server's open connections", flush=True)
        self.pg("restart")
        answers = [get(f"/tin-tuc/?q=x{i}").status_code for i in range(6)]
        print(f"  six requests right after: {answers}", flush=True)
        self.expect("a page after the restart", get(f"/tin-tuc/?q={secrets.token_hex(3)}"), 200)
        self.failures += [] if set(answers) <= {200, 503} else ["restart: an answer not 200/503"]

        print("\nMedia disk full during an upload", flush=True)
        stored = lambda: {str(p) for p in self.media.rglob("*") if p.is_file()}  # noqa: E731
        before = stored()
        with open(self.media / "filler", "wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError:
                pass
        photo = ROOT / "tests" / "browser" / "files" / "doan-bieu-dien.jpg"
        title = f"Tin thử đĩa đầy {secrets.token_hex(2)}"
        saved = self.upload(staff, title, photo)
        self.expect("the admin form, with the message", saved, 200, "hết chỗ lưu tệp")
        self.expect("what was typed is still there", saved, 200, title)
        rows = self.count_articles(title)
        print(f"  [{'ok' if rows == 0 else 'FAILED'}] no article saved: {rows} row(s)")
        self.failures += [] if rows == 0 else ["disk full: a row saved"]
        left = sorted(stored() - before - {str(self.media / "filler")})
        print(f"  [{'ok' if not left else 'FAILED'}] files left behind: {left}", flush=True)
        self.failures += [] if not left else ["disk full: files left"]
        (self.media / "filler").unlink()
        saved = self.upload(staff, title, photo)
        self.expect("room again: the same upload saves", saved, 200, "thành công")

    def count_articles(self, title: str) -> int:
        import psycopg2

        dsn = f"postgres://postgres@127.0.0.1:{self.ports['pg']}/portal"
        with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM news_article WHERE title = %s", [title])
            return cursor.fetchone()[0]

    def upload(self, staff, title, photo):
        add = staff.get(self.url("/admin/news/article/add/"))
        fields = form_fields(add.text, "article_form")
        for name in [n for n in fields if n.startswith("_")]:
            fields.pop(name)
        fields.update(title=title, _save="Lưu")
        fields.update(
            {"photos-TOTAL_FORMS": "1", "photos-0-caption": "Ảnh thử", "photos-0-order": "0"}
        )
        files = {"photos-0-image": (photo.name, photo.read_bytes(), "image/jpeg")}
        return staff.post(add.url, data=fields, files=files, headers={"Referer": add.url})


def main():
    if os.geteuid() != 0:
        raise SystemExit("run as root (a PostgreSQL cluster of its own, a tmpfs for media)")
    for tool in ("redis-server", "runuser"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (apt-get install -y redis-server)")
    drill = Drill()
    try:
        drill.start()
        drill.run()
    finally:
        drill.teardown()
    if drill.failures:
        print(f"\n{len(drill.failures)} check(s) failed: " + "; ".join(drill.failures))
        raise SystemExit(1)
    print("\nAll checks passed.")


if __name__ == "__main__":
    main()
