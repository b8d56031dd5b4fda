"""The Content Security Policy allows the portal's own import map, and no other."""

import base64
import hashlib
import re

import pytest
from django.http import HttpResponse
from django.urls import path

from culture_portal.urls import urlpatterns as portal_urls

pytestmark = pytest.mark.django_db

IMPORTMAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)
INJECTED = '{"imports": {"django-prose-editor/editor": "data:text/javascript,alert(1)"}}'


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def script_src(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    return policy.split("script-src", 1)[1].split(";", 1)[0].split()


def page_with_an_injected_import_map(request):
    """What an injection that got past the escaping would make of a page: an import map of
    its own, and a script with the same text to reuse its hash."""
    return HttpResponse(
        f'<!doctype html><script type="importmap">{INJECTED}</script>'
        f"<script>{INJECTED}</script><p>Tin bài</p>"
    )


urlpatterns = [path("trang-bi-chen/", page_with_an_injected_import_map), *portal_urls]


def test_an_import_map_in_the_response_is_not_allowed_by_its_hash(client, settings):
    settings.ROOT_URLCONF = "tests.culture_portal.test_csp"
    response = client.get("/trang-bi-chen/")
    assert sha256(INJECTED) not in script_src(response)
    assert "'unsafe-inline'" not in script_src(response)


def test_the_editors_import_map_is_allowed_by_its_own_hash_only(client, editor):
    client.force_login(editor)
    response = client.get("/admin/news/article/add/")
    maps = IMPORTMAP.findall(response.content.decode())
    assert len(maps) == 1  # the body editor's, rendered inline by django-prose-editor
    allowed = [source for source in script_src(response) if source.startswith("'sha256-")]
    assert allowed == [sha256(maps[0])]


def test_pages_without_an_import_map_allow_no_hash(client):
    assert not [s for s in script_src(client.get("/")) if s.startswith("'sha256-")]
