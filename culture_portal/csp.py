"""Content Security Policy helpers (the policy itself is in settings, served by django-csp)."""

import base64
import functools
import hashlib
import re

from django.core.signals import setting_changed
from django.dispatch import receiver

IMPORTMAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)
IMPORTMAP_TAG = b'<script type="importmap"'


@functools.cache
def portal_import_map_hashes() -> tuple[str, ...]:
    """The script-src hashes of the import maps the portal's own pages carry: the body
    editor's, rendered from django-prose-editor's widgets as the admin renders it. Made once
    per process, on the first page that needs it (the static files' addresses in it are
    known only once the app serves)."""
    from django_prose_editor.widgets import AdminProseEditorWidget, ProseEditorWidget

    bodies = {
        body
        for widget in (ProseEditorWidget(), AdminProseEditorWidget())
        for tag in widget.media.render_importmap()
        for body in IMPORTMAP.findall(str(tag))
    }
    return tuple(
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in sorted(bodies)
    )


@receiver(setting_changed)
def _static_settings_changed(setting, **kwargs):
    if setting in ("STATIC_URL", "STORAGES"):
        portal_import_map_hashes.cache_clear()


class ImportMapHashMiddleware:
    """Allow the body editor's inline import map by its hash, not by 'unsafe-inline'.

    django-prose-editor renders its import map inline (browsers accept import maps only
    inline). The hash allowed is that of the portal's own import map, never one read from
    the response: an import map injected into a page (and a script of the same text) stays
    refused. Must come after csp.middleware.CSPMiddleware in MIDDLEWARE, so it runs before
    the header is written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or "html" not in response.get("Content-Type", ""):
            return response
        if IMPORTMAP_TAG in response.content:
            update = getattr(response, "_csp_update", None) or {}
            update["script-src"] = [*update.get("script-src", []), *portal_import_map_hashes()]
            response._csp_update = update
        return response
