"""Content Security Policy helpers (the policy itself is in settings, served by django-csp)."""

import base64
import hashlib
import re

IMPORTMAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


class ImportMapHashMiddleware:
    """Allow the body editor's inline import map by its hash, not by 'unsafe-inline'.

    django-prose-editor renders its import map inline (browsers accept import maps only
    inline). Its hash is added to script-src of the page that carries it. Must come after
    csp.middleware.CSPMiddleware in MIDDLEWARE, so it runs before the header is written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or "html" not in response.get("Content-Type", ""):
            return response
        hashes = [
            f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
            for body in IMPORTMAP.findall(response.content)
        ]
        if hashes:
            update = getattr(response, "_csp_update", None) or {}
            update["script-src"] = [*update.get("script-src", []), *hashes]
            response._csp_update = update
        return response
