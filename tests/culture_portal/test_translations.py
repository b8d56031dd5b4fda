"""Every message the admin can show staff has a Vietnamese translation.

The admin's message ids are read from their sources: the English catalogs Django ships for
the admin, auth and the form and validation messages of core; the templates and Python of
django-simple-history and django-axes; the editor's own `gettext` calls (its source map).
Each must be in the Vietnamese catalog staff get (the packages' `vi` catalogs merged with
the project's `locale/`). The test lists the ones missing.
"""

import ast
import json
import re
from pathlib import Path

import django
import django_prose_editor
import simple_history
from django.conf import settings
from django.utils.translation import trans_real

DJANGO = Path(django.__file__).parent
SITE_PACKAGES = DJANGO.parent

# Core messages staff meet: forms, validation, file sizes and durations, the CSRF failure
# page. Not the language names, the welcome and debug pages, nor 404 texts shown only with
# DEBUG on.
CORE_SOURCES = (
    "core/validators.py",
    "db/models/",
    "forms/",
    "template/defaultfilters.py",
    "utils/dateformat.py",
    "utils/dates.py",
    "utils/text.py",
    "utils/timesince.py",
    "utils/ipv6.py",
    "views/csrf.py",
)


def read_po(path: Path) -> list[tuple[str | None, str, str | None, list[str]]]:
    """(context, msgid, plural, source files) of each live entry of a .po file."""
    entries, current, key = [], {}, None

    def flush():
        if current.get("msgid"):
            entries.append(
                (
                    current.get("msgctxt"),
                    current["msgid"],
                    current.get("msgid_plural"),
                    current.get("refs", []),
                )
            )
        current.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#~"):
            continue
        if not line.strip():
            flush()
            key = None
        elif line.startswith("#:"):
            current.setdefault("refs", []).extend(ref.rsplit(":", 1)[0] for ref in line[2:].split())
        elif line.startswith("#"):
            continue
        elif match := re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line):
            key = match[1]
            current[key] = ast.literal_eval(match[2])
        elif key and line.startswith('"'):
            current[key] += ast.literal_eval(line)
    flush()
    return entries


def english_catalog(path: str, *, sources=None) -> list[tuple[str | None, str, str | None]]:
    entries = read_po(DJANGO / path)
    if sources is not None:
        entries = [e for e in entries if any(ref.startswith(sources) for ref in e[3])]
    return [entry[:3] for entry in entries]


MESSAGE_CALL = re.compile(
    r"""\b(?:_|gettext|gettext_lazy|gettext_noop)\(\s*(?P<q>["'])(?P<text>.+?)(?P=q)\s*\)"""
)
TEMPLATE_TAG = re.compile(r"""{%\s*(?:trans|translate)\s+(?P<q>["'])(?P<text>.+?)(?P=q)""")


def messages_in_source(package: Path) -> list[tuple[None, str, None]]:
    found = set()
    for path in package.rglob("*"):
        if path.suffix == ".py" and "migrations" not in path.parts and "tests" not in path.parts:
            found.update(m["text"] for m in MESSAGE_CALL.finditer(path.read_text()))
        elif path.suffix == ".html":
            found.update(m["text"] for m in TEMPLATE_TAG.finditer(path.read_text()))
    # f-strings and concatenations are not message ids (axes has one, never translatable).
    return [(None, text, None) for text in sorted(found) if "{" not in text]


def prose_editor_messages() -> list[tuple[None, str, None]]:
    """The editor's gettext calls, from the package's own sources in its source map."""
    static = Path(django_prose_editor.__file__).parent / "static" / "django_prose_editor"
    source_map = json.loads((static / "editor.js.map").read_text())
    found = set()
    for name, text in zip(source_map["sources"], source_map["sourcesContent"], strict=True):
        if name.startswith("src/"):
            found.update(re.findall(r'gettext\("([^"]+)"\)', text))
    return [(None, text, None) for text in sorted(found)]


def project_script_messages() -> list[tuple[None, str, None]]:
    """The English words our scripts pass through gettext: the editor's labels, which the
    package writes in English (news/static/news/prose/editor-vi.js). Our own messages are
    written in Vietnamese and need no catalog."""
    root = Path(settings.BASE_DIR)
    found = set()
    for path in [*root.glob("*/static/**/*.js"), *root.glob("static/**/*.js")]:
        found.update(re.findall(r'gettext\("([^"]+)"\)', path.read_text(encoding="utf-8")))
    return [(None, text, None) for text in sorted(found) if text.isascii()]


def vietnamese(domain: str, localedirs=None):
    if domain == "django":
        return trans_real.translation("vi")._catalog
    return trans_real.DjangoTranslation("vi", domain=domain, localedirs=localedirs)._catalog


def missing(catalog, messages) -> list[str]:
    absent = []
    for context, msgid, plural in messages:
        key = f"{context}\x04{msgid}" if context else msgid
        if plural:
            if not catalog.get((key, 0)):
                absent.append(msgid)
        elif not catalog.get(key):
            absent.append(f"{context} | {msgid}" if context else msgid)
    return absent


def test_admin_messages_are_all_translated():
    catalog = vietnamese("django")
    messages = [
        *english_catalog("contrib/admin/locale/en/LC_MESSAGES/django.po"),
        *english_catalog("contrib/auth/locale/en/LC_MESSAGES/django.po"),
        *english_catalog("contrib/contenttypes/locale/en/LC_MESSAGES/django.po"),
        *english_catalog("conf/locale/en/LC_MESSAGES/django.po", sources=CORE_SOURCES),
        *messages_in_source(Path(simple_history.__file__).parent),
        *messages_in_source(SITE_PACKAGES / "axes"),
    ]

    assert missing(catalog, messages) == []


def test_admin_and_editor_script_messages_are_all_translated():
    admin_locale = DJANGO / "contrib" / "admin" / "locale"
    catalog = vietnamese("djangojs", [admin_locale, *settings.LOCALE_PATHS])
    messages = [
        *english_catalog("contrib/admin/locale/en/LC_MESSAGES/djangojs.po"),
        *prose_editor_messages(),
        *project_script_messages(),
    ]

    assert missing(catalog, messages) == []
