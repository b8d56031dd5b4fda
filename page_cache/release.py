"""The release: what this deployment renders pages with.

Pages and fragments kept in Redis outlive a deployment. After one, the templates, the code
that fills them and the static files' fingerprinted names may differ, so a page kept by the
previous release (its old stylesheet's address, its old markup) must not be served. Every
key in the shared cache carries the release: a deployment starts with keys of its own.
"""

import functools
import hashlib
import os
from pathlib import Path

import django
from django.conf import settings

SKIPPED = {
    "node_modules",
    "media",
    "private_media",
    "var",
    "static",
    "staticfiles",
    "tests",
    "docs",
    "bench",
    "test-artifacts",
    "__pycache__",
}
SUFFIXES = {".py", ".html", ".xml", ".txt", ".mo"}


@functools.cache
def release() -> str:
    """settings.RELEASE when the deployment names one (a commit id), else a digest of the
    project's code, templates and translations and of the static files' manifest."""
    if getattr(settings, "RELEASE", ""):
        return settings.RELEASE
    digest = hashlib.sha256(django.get_version().encode())
    base = Path(settings.BASE_DIR)
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED)
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in SUFFIXES:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT or "", "staticfiles.json")
    if settings.STATIC_ROOT and manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]
