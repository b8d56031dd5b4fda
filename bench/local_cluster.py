"""The portal on more than one server, built on loopback, proven, and torn down.

    make cluster        (or: .venv/bin/python bench/local_cluster.py [--duration 8])

Builds, in a temporary folder, with nothing home-made:
  - a PostgreSQL 15 primary and a streaming replica made with pg_basebackup (two clusters on
    free ports, every statement logged);
  - Redis (the shared cache and the content version), on a free port;
  - moto's S3-compatible server, with a public bucket for photos and a private one for
    evidence;
  - two app servers, started from deploy/systemd/culture-portal@.service (its ExecStart,
    WorkingDirectory and Environment, with %i the port) after the steps of
    deploy/systemd/culture-portal-migrate.service, with an EnvironmentFile written here;
  - nginx with deploy/nginx/culture-portal.conf in front of both.
Then checks what issue 11 asks (sessions, publishing, uploads, replica routing, fail-over
under load) and prints requests per second for one and two app servers, with nginx's page
cache, and for a static file of the same size. Exits non-zero if a check fails.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
SYSTEMD = ROOT / "deploy" / "systemd"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "culture-portal.conf"
REDIS_CONFIG = ROOT / "deploy" / "redis" / "culture-portal.conf"

sys.path.insert(0, str(ROOT))
from bench.http_load import wrk  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"nothing answers on port {port}")


def as_postgres(args, **kwargs):
    return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, args)], **kwargs)


def unit_commands(unit: Path, instance: str = "") -> tuple[list[list[str]], dict, Path]:
    """ExecStart lines, Environment= values and WorkingDirectory of a systemd unit, with
    /srv/culture-portal read as this checkout and %i as `instance`."""
    commands, environment, workdir = [], {}, ROOT
    for line in unit.read_text().splitlines():
        line = line.strip().replace("%i", instance).replace("/srv/culture-portal", str(ROOT))
        key, _, value = line.partition("=")
        if key == "ExecStart":
            commands.append(value.split())
        elif key == "Environment":
            name, _, val = value.partition("=")
            environment[name] = val
        elif key == "WorkingDirectory":
            workdir = Path(value)
    return commands, environment, workdir


def redis_command(port: int) -> list[str]:
    """A Redis of its own on a loopback port, configured as deploy/redis/culture-portal.conf
    says (a memory limit that never evicts the content version, nothing on disk)."""
    return [
        "redis-server",
        str(REDIS_CONFIG),
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        tempfile.gettempdir(),
    ]


def read_env_file(path: Path) -> dict:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs}


class FormFields(HTMLParser):
    """The fields of a form as a browser would submit them (inputs, selects, textareas)."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.options: dict[str, list[str]] = {}
        self._select = self._textarea = None
        self._selected = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "file", "button", "image"):
                self.fields.append([a["name"], a.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "select" and a.get("name"):
            self._select, self._selected = a["name"], False
        elif tag == "option" and self._select:
            self.options.setdefault(self._select, []).append(a.get("value", ""))
            if "selected" in a:
                self.fields.append([self._select, a.get("value", "")])
                self._selected = True
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
            self.fields.append(self._textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def give_demo_password(username: str, env: dict, cwd: Path) -> str:
    """A random password for a demo account, for this run's checks: load_demo gives none
    with DEBUG off, as in production."""
    password = secrets.token_urlsafe(16)
    code = (
        "import os; from django.contrib.auth import get_user_model; "
        f"user = get_user_model().objects.get(username={username!r}); "
        "user.set_password(os.environ['DEMO_PASSWORD']); user.save(update_fields=['password'])"
    )
    subprocess.run(
        [str(VENV / "python"), "manage.py", "shell", "-c", code],
        env={**env, "DEMO_PASSWORD": password},
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return password


def form_fields(html: str, form_id: str, with_options: bool = False):
    parser = FormFields(form_id)
    parser.feed(html)
    return (dict(parser.fields), parser.options) if with_options else dict(parser.fields)


class Cluster:
    def __init__(self, args):
        self.args = args
        self.work = Path(tempfile.mkdtemp(prefix="culture-cluster-"))
        os.chmod(self.work, 0o755)
        self.processes: dict[str, subprocess.Popen] = {}
        self.clusters: list[Path] = []
        self.ports = {
            name: free_port()
            for name in ("primary", "replica", "redis", "s3", "app1", "app2", "nginx")
        }
        self.failures: list[str] = []

    # Building ------------------------------------------------------------------------------

    def start(self):
        self.postgres()
        self.redis()
        self.s3()
        self.write_env()
        self.migrate_and_load()
        for name in ("app1", "app2"):
            self.app_server(name)
        self.nginx(["app1", "app2"])

    def postgres(self):
        pg = self.work / "pg"
        pg.mkdir()
        shutil.chown(pg, "postgres", "postgres")
        primary, replica = pg / "primary", pg / "replica"
        as_postgres(
            [PG_BIN / "initdb", "-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
        )
        with open(primary / "postgresql.conf", "a") as conf:
            conf.write(
                f"port = {self.ports['primary']}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{pg}'\nwal_level = replica\n"
                "max_wal_senders = 5\nhot_standby = on\nlog_statement = 'all'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                f"include '{ROOT / 'deploy' / 'postgresql' / 'culture-portal.conf'}'\n"
            )
        self.pg_start(primary)
        as_postgres(
            [PG_BIN / "createdb", "-h", "127.0.0.1", "-p", self.ports["primary"], "portal"],
            check=True,
        )
        as_postgres(
            [
                PG_BIN / "pg_basebackup",
                "-h",
                "127.0.0.1",
                "-p",
                self.ports["primary"],
                "-U",
                "postgres",
                "-D",
                replica,
                "-R",
                "-X",
                "stream",
                "--checkpoint=fast",
            ],
            check=True,
        )
        with open(replica / "postgresql.auto.conf", "a") as conf:
            conf.write(f"port = {self.ports['replica']}\n")
        self.pg_start(replica)
        print(
            f"PostgreSQL primary on {self.ports['primary']}, streaming replica on "
            f"{self.ports['replica']} (pg_basebackup)",
            flush=True,
        )

    def pg_start(self, data: Path):
        as_postgres(
            [PG_BIN / "pg_ctl", "-D", data, "-l", data.parent / f"{data.name}.log", "-w", "start"],
            check=True,
            capture_output=True,
        )
        self.clusters.append(data)

    def redis(self):
        self.spawn("redis", redis_command(self.ports["redis"]))
        wait_for_port(self.ports["redis"])

    def s3(self):
        self.spawn(
            "s3", [str(VENV / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports["s3"])]
        )
        wait_for_port(self.ports["s3"])
        import boto3

        self.s3_client = boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.ports['s3']}",
            aws_access_key_id="cluster",
            aws_secret_access_key="cluster",
            region_name="us-east-1",
        )
        for bucket in ("anh", "minh-chung"):
            self.s3_client.create_bucket(Bucket=bucket)
        # Photos are public (read through nginx's /media/); evidence stays private.
        public_read = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::anh/*",
                }
            ],
        }
        self.s3_client.put_bucket_policy(Bucket="anh", Policy=json.dumps(public_read))
        print(f"moto S3 server on {self.ports['s3']}: buckets anh, minh-chung", flush=True)

    def write_env(self):
        """The EnvironmentFile the systemd units read (/etc/culture-portal/env on a server)."""
        self.env_file = self.work / "env"
        settings = {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "HTTPS": "0",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.ports['primary']}/portal",
            "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{self.ports['replica']}/portal",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "S3_BUCKET": "anh",
            "S3_PRIVATE_BUCKET": "minh-chung",
            "S3_ENDPOINT_URL": f"http://127.0.0.1:{self.ports['s3']}",
            "S3_ACCESS_KEY_ID": "cluster",
            "S3_SECRET_ACCESS_KEY": "cluster",
            "S3_PUBLIC_URL": f"http://127.0.0.1:{self.ports['nginx']}/media",
            "STATIC_ROOT": str(self.work / "static"),
            "SERVE_MEDIA": "0",
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
        }
        self.env_file.write_text("".join(f"{k}={v}\n" for k, v in settings.items()))

    def app_env(self, extra=None) -> dict:
        return {
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/root"),
            **read_env_file(self.env_file),
            **(extra or {}),
        }

    def migrate_and_load(self):
        commands, environment, workdir = unit_commands(SYSTEMD / "culture-portal-migrate.service")
        env = self.app_env(environment)
        for command in commands:
            subprocess.run([*command, "-v0"], env=env, cwd=workdir, check=True)
        subprocess.run(
            [str(VENV / "python"), "manage.py", "load_demo"],
            env=env,
            cwd=workdir,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.publisher_password = give_demo_password("duyettin", env, workdir)
        print("Migrated, static files collected, demo content loaded", flush=True)

    def app_server(self, name: str):
        port = str(self.ports[name])
        commands, environment, workdir = unit_commands(
            SYSTEMD / "culture-portal@.service", instance=port
        )
        self.spawn(name, commands[0], env=self.app_env(environment), cwd=workdir)
        wait_for_port(self.ports[name])
        self.get(f"{self.url(name)}/healthz")
        print(f"App server {name} on {port} (culture-portal@{port}.service)", flush=True)

    def nginx(self, servers: list[str], cache: bool = True):
        if "nginx" in self.processes:
            self.stop("nginx")
        config = NGINX_TEMPLATE.read_text()
        upstreams = "\n        ".join(
            f"server 127.0.0.1:{self.ports[s]} max_fails=1 fail_timeout=5s;" for s in servers
        )
        values = {
            "listen": f"127.0.0.1:{self.ports['nginx']}",
            "upstreams": upstreams,
            "static_root": str(self.work / "static"),
            "media_origin": f"http://127.0.0.1:{self.ports['s3']}/anh",
            "work": str(self.work / "nginx"),
        }
        lines = []
        for line in config.splitlines():
            if not line.lstrip().startswith("#"):
                for key, value in values.items():
                    line = line.replace("{{ " + key + " }}", value)
            lines.append(line)
        config = "\n".join(lines) + "\n"
        if not cache:
            config = config.replace("proxy_cache pages;", "proxy_cache off;")
        (self.work / "nginx").mkdir(exist_ok=True)
        path = self.work / "nginx.conf"
        path.write_text(config)
        subprocess.run(["nginx", "-t", "-c", str(path)], check=True, capture_output=True)
        self.spawn("nginx", ["nginx", "-c", str(path), "-g", "daemon off;"])
        wait_for_port(self.ports["nginx"])

    def spawn(self, name, command, env=None, cwd=None):
        log = open(self.work / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=log, stderr=log, start_new_session=True
        )

    def stop(self, name: str):
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)

    def teardown(self):
        for name in list(self.processes):
            try:
                self.stop(name)
            except ProcessLookupError:
                pass
        for data in reversed(self.clusters):
            as_postgres(
                [PG_BIN / "pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True
            )
        if self.args.keep:
            print(f"Kept {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)

    # Talking to it -------------------------------------------------------------------------

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def get(self, url, session=None, **kwargs):
        import requests

        response = (session or requests).get(url, timeout=30, **kwargs)
        return response

    def check(self, label: str, ok: bool, detail: str = ""):
        print(
            f"  [{'ok' if ok else 'FAILED'}] {label}{': ' + detail if detail else ''}", flush=True
        )
        if not ok:
            self.failures.append(label)

    def statements(self, cluster: str) -> str:
        return (self.work / "pg" / f"{cluster}.log").read_text(errors="replace")

    # The checks ----------------------------------------------------------------------------

    def run_checks(self):
        import requests

        print("\nChecks", flush=True)
        staff = requests.Session()
        login = staff.get(f"{self.url('app1')}/admin/login/")
        token = form_fields(login.text, "login-form")["csrfmiddlewaretoken"]
        done = staff.post(
            f"{self.url('app1')}/admin/login/?next=/admin/",
            data={
                "csrfmiddlewaretoken": token,
                "username": "duyettin",
                "password": self.publisher_password,
            },
            headers={"Referer": f"{self.url('app1')}/admin/login/"},
        )
        on_b = staff.get(f"{self.url('app2')}/admin/", allow_redirects=False)
        self.check(
            "sign in through app server 1, keep working through app server 2",
            done.url.endswith("/admin/")
            and on_b.status_code == 200
            and 'id="logout-form"' in on_b.text,
            f"app 2 answered {on_b.status_code}",
        )

        # A draft, written and published through app server 1 with a photo.
        add = staff.get(f"{self.url('app1')}/admin/news/article/add/")
        fields, options = form_fields(add.text, "article_form", with_options=True)
        title = f"Tin thử cụm máy chủ {secrets.token_hex(3)}"
        now = time.localtime(time.time() - 60)
        fields.update(
            title=title,
            lead="Tin được viết qua máy chủ thứ nhất.",
            body="<p>Nội dung thử nghiệm trên hai máy chủ ứng dụng.</p>",
            byline="Văn phòng Sở",
            category=next(v for v in options["category"] if v),
            status="published",
            published_at_0=time.strftime("%d/%m/%Y", now),
            published_at_1=time.strftime("%H:%M:%S", now),
        )
        for name in [n for n in fields if n.startswith("_")]:
            fields.pop(name)
        fields["_save"] = "Lưu"
        prefix = next(n[: -len("-TOTAL_FORMS")] for n in fields if n.endswith("-TOTAL_FORMS"))
        fields[f"{prefix}-TOTAL_FORMS"] = "1"
        fields[f"{prefix}-0-caption"] = "Ảnh thử nghiệm"
        fields[f"{prefix}-0-alt_text"] = "Ảnh thử nghiệm trên hai máy chủ"
        fields[f"{prefix}-0-order"] = "0"
        fields[f"{prefix}-0-is_cover"] = "on"
        photo = (ROOT / "tests" / "browser" / "files").glob("*.jpg")
        photo_path = next(photo, None)
        files = {}
        if photo_path is not None:
            files[f"{prefix}-0-image"] = (photo_path.name, photo_path.read_bytes(), "image/jpeg")
        saved = staff.post(
            f"{self.url('app1')}/admin/news/article/add/",
            data=fields,
            files=files,
            headers={"Referer": add.url},
        )
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', saved.text, re.S)
        self.check(
            "publish with a photo through app server 1",
            "/add/" not in saved.url and not errors,
            "; ".join(re.sub("<[^>]+>", " ", e).strip() for e in errors)[:300],
        )

        listing_b = self.get(f"{self.url('app2')}/tin-tuc/")
        self.check("the news list of app server 2 shows it at once", title in listing_b.text)
        slug = re.search(r'href="(/tin-tuc/[^"/]+/)"[^>]*>\s*' + re.escape(title), listing_b.text)
        article_url = slug[1] if slug else "/tin-tuc/"
        page_b = self.get(self.url("app2") + article_url)
        page_n = self.get(self.url("nginx") + article_url)
        self.check(
            "its page through app server 2 and through nginx",
            page_b.status_code == 200 and page_n.status_code == 200 and title in page_n.text,
            f"{page_b.status_code}, {page_n.status_code}",
        )
        started = time.time()
        while title not in self.get(self.url("nginx") + "/tin-tuc/").text:
            if time.time() - started > 3:
                break
            time.sleep(0.1)
        lag = time.time() - started
        self.check(
            "nginx's news list shows it within its 1 s page cache",
            lag < 1.5,
            f"after {lag:.2f} s",
        )

        image = re.search(r'<img[^>]+src="([^"]+/media/[^"]+)"', page_b.text)
        if image:
            served = self.get(image[1])
            keys = [o["Key"] for o in self.s3_client.list_objects_v2(Bucket="anh")["Contents"]]
            self.check(
                "the photo uploaded through app 1 is served, from object storage",
                served.status_code == 200
                and served.headers.get("Content-Type") == "image/jpeg"
                and any(image[1].endswith(k) for k in keys),
                f"{image[1]} → {served.status_code}, {len(keys)} objects in the bucket",
            )
        else:
            self.check("the photo uploaded through app 1 is served", False, "no photo on page")

        marker = secrets.token_hex(4)
        replica_before = self.statements("replica")
        self.get(f"{self.url('app2')}/tim-kiem/", params={"q": f"kiemtra{marker}"})
        replica_after = self.statements("replica")[len(replica_before) :]
        self.check(
            "an anonymous page read reaches the replica",
            f"kiemtra{marker}" in replica_after,
        )
        primary_before = self.statements("primary")
        edit = staff.get(f"{self.url('app2')}/admin/news/article/")
        self.check("staff pages are served (app 2)", edit.status_code == 200)
        logout_token = form_fields(edit.text, "logout-form").get("csrfmiddlewaretoken")
        primary_after = self.statements("primary")[len(primary_before) :]
        replica_now = self.statements("replica")[len(replica_before) + len(replica_after) :]
        self.check(
            "a signed-in staff request reaches the primary, not the replica",
            "news_article" in primary_after and "news_article" not in replica_now,
        )
        saved_primary = self.statements("primary")
        staff.post(
            f"{self.url('app2')}/admin/logout/",
            data={"csrfmiddlewaretoken": logout_token or ""},
            headers={"Referer": f"{self.url('app2')}/admin/"},
        )
        self.check(
            "a staff save (sign-out) reaches the primary",
            'DELETE FROM "django_session"' in self.statements("primary")[len(saved_primary) :],
        )

    def failover(self):
        print(
            "\nFail-over: wrk through nginx (no page cache), app server 1 stops at 1/3", flush=True
        )
        self.nginx(["app1", "app2"], cache=False)
        import threading

        result = {}
        paths = ["/tin-tuc/", "/", "/thiet-che/"]
        runner = threading.Thread(
            target=lambda: result.update(
                wrk(self.url("nginx"), paths, self.args.duration, connections=8)
            )
        )
        runner.start()
        time.sleep(self.args.duration / 3)
        self.stop("app1")
        runner.join()
        socket_errors = result.get("socket_errors", 0)
        self.check(
            "load finishes with no failed request after one app server stops",
            result["errors"] == 0 and socket_errors <= 8,
            f"{result['requests']} requests, {result['errors']} non-2xx/3xx, "
            f"{socket_errors} socket errors (8 connections in flight)",
        )
        self.app_server("app1")

    def figures(self):
        print("\nFigures (wrk, 16 connections, through nginx, anonymous pages)", flush=True)
        paths = ["/tin-tuc/", "/", "/thiet-che/"]
        rows = []
        for label, servers, cache in (
            ("one app server", ["app1"], False),
            ("two app servers", ["app1", "app2"], False),
            ("two + nginx page cache", ["app1", "app2"], True),
        ):
            self.nginx(servers, cache=cache)
            for path in paths:
                self.get(self.url("nginx") + path)
            wrk(self.url("nginx"), paths, 2)
            rows.append((label, wrk(self.url("nginx"), paths, self.args.duration)))
        page = self.get(self.url("nginx") + "/tin-tuc/").content
        static_file = self.work / "static" / "same-size.html"
        static_file.write_bytes(page)
        wrk(self.url("nginx"), ["/static/same-size.html"], 2)
        static = wrk(self.url("nginx"), ["/static/same-size.html"], self.args.duration)
        rows.append((f"static file, {len(page) // 1024} KB", static))
        print(f"  {'':<26}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for label, r in rows:
            print(f"  {label:<26}{r['rps']:>9.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}{r['errors']:>8}")
        share = rows[2][1]["rps"] / static["rps"]
        self.check(
            "nginx-cached pages reach half of the same-size static file's requests per second",
            share >= 0.5,
            f"{share:.0%}",
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds of each wrk run")
    parser.add_argument("--keep", action="store_true", help="keep the folder (logs)")
    args = parser.parse_args()
    for tool in ("nginx", "wrk", "redis-server", "runuser"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (apt-get install -y nginx-light wrk redis-server)")
    if not (VENV / "moto_server").exists():
        raise SystemExit(
            "moto's server is needed: .venv/bin/pip install -r requirements-cluster.txt"
        )
    cluster = Cluster(args)
    try:
        cluster.start()
        cluster.run_checks()
        cluster.failover()
        cluster.figures()
    finally:
        cluster.teardown()
    if cluster.failures:
        print(f"\n{len(cluster.failures)} check(s) failed: " + "; ".join(cluster.failures))
        raise SystemExit(1)
    print("\nAll checks passed.")


if __name__ == "__main__":
    main()
