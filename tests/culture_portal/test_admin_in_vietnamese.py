"""No English in the admin: each role signs in and opens every admin page it may (home, each
list and search, add and change forms, the same forms sent back with an error, histories
and deletion confirmations), and no English word is read or heard on any of them (text,
titles, labels for screen readers, image descriptions, buttons).

The editor's menus and the admin's scripts (calendar, two-list chooser) are built in the
browser: tests/browser/test_admin_in_vietnamese.py looks at those.
"""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from tests.browser.conftest import PASSWORD
from tests.culture_portal.form_data import admin_form_data
from tests.factories import staff_world

pytestmark = pytest.mark.django_db

# Words of Django's and the packages' English interface. None is a Vietnamese word written
# without marks ("to", "do", "in", "no", "an" are, and are left out).
ENGLISH = set(
    """
    about action actions add added address all and another available axes below bold by
    calendar cancel change changed changes chars choose chosen clear click clock close comment
    content correct currently date delete deleted documentation edit entries entry error errors
    false file filter for forgotten from heading hide history home insert italic link list log
    logout main midnight model name navigation none noon not now object objects of or page
    paragraph password please raw reason redo remove reset results save search select selected
    show sidebar site skip stored table the theme this time today toggle tomorrow total true
    undo unknown user username view welcome with yes yesterday your
    """.split()
)
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "aria-description")


class Reader(HTMLParser):
    """What a person reads or a screen reader says on a page: text and labelling attributes,
    not the values typed in fields (those are the content)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "textarea"):
            self.skip += 1
        self.parts.extend(attrs[name] for name in READ_ATTRIBUTES if attrs.get(name))
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "textarea") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def english_words(html: str) -> set[str]:
    reader = Reader()
    reader.feed(html)
    words = re.findall(r"[^\W\d_]+", " ".join(reader.parts))
    return {word for word in words if word.isascii() and word.lower() in ENGLISH}


def required_text_field(data: dict, response) -> str | None:
    form = response.context["adminform"].form
    for bound in form:
        typed = isinstance(data.get(bound.html_name), str)
        if bound.field.required and not bound.is_hidden and typed:
            return bound.html_name
    return None


class Crawl:
    def __init__(self, client: Client):
        self.client = client
        self.found: dict[str, set[str]] = {}

    def read(self, url, response):
        assert response.status_code in (200, 302), f"{url} answered {response.status_code}"
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            words = english_words(response.content.decode())
            if words:
                self.found[url] = words
        return response

    def get(self, url):
        return self.read(url, self.client.get(url))

    def form_with_an_error(self, url, response):
        """Send the form back as shown, with one required field emptied."""
        data = admin_form_data(response)
        name = required_text_field(data, response)
        if name:
            data[name] = ""
            self.read(f"{url} (sent with an error)", self.client.post(url, data))

    def model(self, model_admin, request):
        opts = model_admin.model._meta
        base = f"admin:{opts.app_label}_{opts.model_name}"
        changelist = self.get(reverse(f"{base}_changelist"))
        self.get(reverse(f"{base}_changelist") + "?q=không-có-gì")
        if model_admin.has_add_permission(request):
            url = reverse(f"{base}_add")
            self.form_with_an_error(url, self.get(url))
        results = getattr(changelist.context_data.get("cl"), "result_list", [])
        for obj in list(results)[:1]:
            url = reverse(f"{base}_change", args=[obj.pk])
            response = self.get(url)
            if response.status_code == 200 and model_admin.has_change_permission(request, obj):
                self.form_with_an_error(url, response)
            may_read_history = getattr(
                model_admin,
                "has_view_history_or_change_history_permission",
                model_admin.has_view_or_change_permission,
            )
            if may_read_history(request, obj):
                self.get(reverse(f"{base}_history", args=[obj.pk]))
            if model_admin.has_delete_permission(request, obj):
                self.get(reverse(f"{base}_delete", args=[obj.pk]))
        may_recover = getattr(model_admin, "has_recover_permission", None)
        if may_recover and may_recover(request):
            self.get(reverse(f"{base}_deleted"))


@pytest.mark.parametrize("username", ["bientap", "duyettin", "canbo", "lanhdao", "quantri"])
def test_no_english_on_any_admin_page_a_role_may_open(username, rf):
    from django.contrib import admin

    user = staff_world()["users"][username]
    # Signed in through the form, from a browser, as staff do (the sign-in records show it).
    client = Client(
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0", HTTP_ACCEPT="text/html"
    )
    client.post(reverse("admin:login"), {"username": username, "password": PASSWORD})
    crawl = Crawl(client)
    request = rf.get("/admin/")
    request.user = user

    crawl.get(reverse("admin:index"))
    crawl.get(reverse("admin:password_change"))
    for model_admin in admin.site._registry.values():
        if model_admin.has_view_or_change_permission(request) or model_admin.has_add_permission(
            request
        ):
            crawl.model(model_admin, request)

    assert crawl.found == {}
