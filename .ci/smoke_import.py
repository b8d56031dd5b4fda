"""CI smoke run: import ../shared/seeds into a fresh SQLite database and read the public pages.

Run from the repository root: `python .ci/smoke_import.py`. Exits non-zero, saying why, when
an imported article is missing from /tin-tuc/ or its page, or a draft leaks to the public.
The seed files are the department's real exports and live beside the repository, not in it:
where there is no ../shared/seeds (a fresh clone) the step says it skipped and exits 0; the
importer's own tests use the exports in tests/news/exports/.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> int:
    if not SEEDS.is_dir():
        print(f"Skipped: no seed folder at {SEEDS} (only the department's checkout has it).")
        return 0
    with tempfile.TemporaryDirectory(prefix="smoke-import-") as workdir:
        return smoke(Path(workdir))


def smoke(workdir: Path) -> int:
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'db.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "culture_portal.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils.html import escape

    from news.models import Article

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("import_news", str(SEEDS), status="published")

    problems = []
    articles = list(Article.objects.order_by("pk"))
    if len(articles) != len(list(SEEDS.glob("*.txt"))):
        problems.append(f"{len(articles)} articles for {len(list(SEEDS.glob('*.txt')))} files")
    public = [a for a in articles if a.is_public]
    drafts = [a for a in articles if not a.is_public]
    if not public:
        problems.append("no imported article is public")

    client = Client()
    listing = client.get("/tin-tuc/")
    if listing.status_code != 200:
        problems.append(f"/tin-tuc/ answered {listing.status_code}")
    listing_html = listing.content.decode()
    for article in public:
        page = client.get(article.get_absolute_url())
        html = page.content.decode()
        if escape(article.title) not in listing_html:
            problems.append(f"not on /tin-tuc/: {article.title}")
        if page.status_code != 200 or escape(article.title) not in html:
            problems.append(f"{article.get_absolute_url()} answered {page.status_code}")
        else:
            print(f"public: {article.get_absolute_url()}")
    for article in drafts:
        if client.get(article.get_absolute_url()).status_code != 404:
            problems.append(f"draft shown to the public: {article.title}")

    # Drafts marked for review are what an editor sees in preview.
    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("smoke", password=None))
    for article in drafts:
        page = staff.get(article.get_absolute_url())
        if page.status_code != 200 or escape(article.title) not in page.content.decode():
            problems.append(f"staff preview failed: {article.get_absolute_url()}")
        else:
            print(f"draft for review (staff preview): {article.get_absolute_url()}")

    for problem in problems:
        print(f"SMOKE FAILED: {problem}")
    from django.db import connections

    connections.close_all()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
