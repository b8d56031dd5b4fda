"""A database made by the portal before its shared code moved into apps of their own upgrades
with `migrate`, every row intact.

The code of that commit is taken from git, fills a fresh database of the suite's kind
(SQLite, or PostgreSQL when DATABASE_URL says so) with articles, photos, versions, an
institution, a plan and its reports, the audit trail, the site identity and the search
index; today's code then migrates it. Every table that existed is compared row by row.
"""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
# The last commit before the layout of apps below the project package.
BEFORE = "badabbb4003dcda27962be944e937396f5f41608"
# Columns that held what the search index now holds (derived; dropped by the upgrade).
DROPPED = {
    "news_article": {"search_text"},
    "institutions_institution": {"search_text"},
    "institutions_administrativeunit": {"search_name"},
    # A photo's "after paragraph N": the upgrade writes the photo into the body instead.
    "news_articlephoto": {"after_paragraph"},
    "news_historicalarticlephoto": {"after_paragraph"},
}
# Columns the upgrade rewrites on purpose (checked by READ): bodies gain their photos; the
# search's tsvectors, generated from its tokens (which are compared), lose their word
# positions (search 0003).
REWRITTEN = {
    "news_article": {"body"},
    "culture_portal_searchentry": {"vector", "title_vector"},
}
MOVED = {"auditevent": "audit", "siteidentity": "identity", "searchentry": "search"}

FILL = """
from django.core.files.base import ContentFile
from django.utils import timezone
from culture_portal.models import SiteIdentity
from institutions import reviewing
from news import publishing
from news.models import Article
from tests.factories import (
    ArticleFactory, ArticlePhotoFactory, CommitmentFactory, InstitutionFactory,
    ProgressReportFactory, WorkPlanFactory,
)
from institutions.models import Assessment, InstitutionPhoto
from django.contrib.auth.models import Group, User

leader = User.objects.create_user("lanhdao", password="x" * 16, is_staff=True)
leader.groups.add(Group.objects.get(name="Lãnh đạo"))
staff = User.objects.create_user("canbo", password="x" * 16, is_staff=True)
SiteIdentity(name="Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp", phone="0277 3851 234").save()
photo = ArticlePhotoFactory(caption="Quang cảnh hội nghị", article__title="Hội nghị thiết chế")
article = photo.article
article.title = "Hội nghị chuyên đề thiết chế văn hóa"
article.save()
draft = ArticleFactory(title="Bản nháp về Hoà Bình", status="draft", published_at=None)
publishing.publish_article(draft, by=leader)
ArticleFactory(title="Tin chờ duyệt", status="review", published_at=None)
institution = InstitutionFactory(name="Trung tâm Văn hóa Nghệ thuật tỉnh")
institution.editors.add(staff)
InstitutionPhoto.objects.create(
    institution=institution, image=ContentFile(photo.image.read(), name="a.jpg"), caption="Mặt tiền"
)
change = reviewing.submit_profile_change(institution, {"phone": "0277 1111 111"}, by=staff)
reviewing.approve_profile_change(change, by=leader)
Assessment.objects.create(institution=institution, year=2025, rating="good", assessed_by=leader)
plan = WorkPlanFactory(institution=institution, year=2026)
ProgressReportFactory(commitment=CommitmentFactory(plan=plan), quantity=12)
ProgressReportFactory(commitment=CommitmentFactory(plan=plan, target=None), status="returned")
"""

READ = """
import json
from audit.models import AuditEvent
from identity.models import SiteIdentity
from news.models import Article
from search.matching import Query
from search.models import SearchEntry
from search.results import Results
found = [e.title for e in Results(Query.parse("hoi nghi chuyen de")).ranked()]
print(json.dumps({
    "site": SiteIdentity.load().name,
    "audit": sorted(AuditEvent.objects.values_list("action", flat=True)),
    "history": Article.history.count(),
    "found": found,
    "drafts_indexed": SearchEntry.objects.filter(kind="news", public=False).count(),
    "photo_ok": all(
        p.image.storage.exists(p.image.name) for a in Article.objects.all() for p in a.photos.all()
    ),
    "placed": {
        a.title: [item["photo"].caption for item in a.body_with_photos() if "photo" in item]
        for a in Article.objects.all()
    },
}))
"""


@pytest.fixture
def database(tmp_path):
    """A fresh, empty database of the suite's kind, and the environment that reaches it."""
    if connection.vendor == "postgresql":
        import psycopg2

        name = f"upgrade_{uuid.uuid4().hex[:8]}"
        params = connection.get_connection_params()
        admin = psycopg2.connect(**{**params, "dbname": "postgres"})
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        user, host, port = params.get("user", ""), params.get("host", ""), params.get("port", "")
        url = f"postgres://{user}@{host}:{port or 5432}/{name}"
        yield url
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    else:
        yield f"sqlite:///{tmp_path / 'portal.sqlite3'}"


def old_code(tmp_path) -> Path:
    archive = tmp_path / "before.tar"
    result = subprocess.run(
        ["git", "archive", "--format=tar", "-o", str(archive), BEFORE],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"the commit before the change is not in this clone: {result.stderr}")
    folder = tmp_path / "before"
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder


def manage(code: Path, url: str, media: Path, *args) -> str:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/root"),
        "DATABASE_URL": url,
        "DEBUG": "1",
        "SECRET_KEY": "upgrade-test-only",
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(media.parent / "private"),
        "PYTHONPATH": str(code),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def tables(url: str) -> dict[str, list[dict]]:
    """Every table's rows as dicts, in primary key order (django_migrations left out)."""
    if url.startswith("sqlite"):
        import sqlite3

        db = sqlite3.connect(url.removeprefix("sqlite:///"))
        names = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not row[0].startswith("sqlite_")
        ]
    else:
        import psycopg2

        db = psycopg2.connect(url)
        with db.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            names = [row[0] for row in cursor.fetchall()]
    found = {}
    for name in sorted(set(names) - {"django_migrations"}):
        cursor = db.cursor()
        cursor.execute(f'SELECT * FROM "{name}"')
        columns = [c[0] for c in cursor.description]
        rows = [dict(zip(columns, map(_plain, row), strict=True)) for row in cursor.fetchall()]
        key = "id" if "id" in columns else ("history_id" if "history_id" in columns else None)
        found[name] = sorted(rows, key=lambda r: json.dumps(r[key] if key else r, default=str))
    db.close()
    return found


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def test_a_database_made_before_upgrades_with_every_row(tmp_path, database):
    before_code = old_code(tmp_path)
    media = tmp_path / "media"
    manage(before_code, database, media, "migrate", "-v0")
    manage(before_code, database, media, "shell", "-c", FILL)
    before = tables(database)
    assert len(before["news_article"]) == 3 and before["culture_portal_searchentry"]

    manage(ROOT, database, media, "migrate", "-v0")
    after = tables(database)

    for name, rows in before.items():
        assert name in after, f"table {name} is gone"
        dropped = DROPPED.get(name, set()) | REWRITTEN.get(name, set())
        kept = [{k: v for k, v in row.items() if k not in dropped} for row in rows]
        now = (
            [{k: v for k, v in row.items() if k in kept[0]} for row in after[name]] if kept else []
        )
        if name == "django_content_type":
            moved = [
                {**row, "app_label": MOVED.get(row["model"], row["app_label"])}
                if row["app_label"] == "culture_portal"
                else row
                for row in kept
            ]
            # Kept as they were; new apps add theirs (whose ids sort among them as text).
            assert all(row in now for row in moved), "content types (and their permissions) kept"
        elif name in (
            "culture_portal_searchentry",
            "auth_permission",
            "auth_group",
            "auth_group_permissions",
        ):
            # The index gains drafts and units; new apps may add permissions and roles.
            assert all(row in now for row in kept), name
        else:
            assert now == kept, f"rows of {name} changed"

    facts = json.loads(manage(ROOT, database, media, "shell", "-c", READ).strip().splitlines()[-1])
    assert facts["site"] == "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp"
    assert {"published", "approved"} <= set(facts["audit"])
    assert facts["history"] >= 5
    assert facts["found"] == ["Hội nghị chuyên đề thiết chế văn hóa"]
    assert facts["drafts_indexed"] == 1
    assert facts["photo_ok"]
    # The photo placed "at the end" (no paragraph number) is the body's last block.
    assert facts["placed"]["Hội nghị chuyên đề thiết chế văn hóa"] == ["Quang cảnh hội nghị"]
