"""Real-browser tests: Playwright driving Debian's Chromium against a live test server.

Locally they run when Chromium and axe-core are present and are skipped with a plain reason
when not; CI sets BROWSER_TESTS=required, so there a missing browser fails the run.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# (factories, assertions on saved rows) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(settings.BASE_DIR) / "test-artifacts"))
PASSWORD = "a-long-test-passphrase"


def _missing() -> list[str]:
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"Chromium ({CHROMIUM}; apt-get install chromium)")
    if not AXE.exists():
        missing.append("axe-core (npm ci)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -r requirements-dev.txt)")
    return missing


@pytest.fixture(scope="session")
def browser():
    missing = _missing()
    if missing:
        message = "browser tests need " + ", ".join(missing)
        if os.environ.get("BROWSER_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


class Tab:
    """A browser page that records console errors and failed requests."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def __getattr__(self, name):
        return getattr(self.page, name)

    def open(self, path, status=200):
        """Load a page and check its status; an expected error status is not a console error."""
        before = len(self.errors)
        response = self.page.goto(self.base_url + path)
        assert response.status == status, f"{path} answered {response.status}, not {status}"
        if status >= 400:
            del self.errors[before:]
        return response

    def login(self, username, password=PASSWORD):
        self.page.context.clear_cookies()
        self.open("/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.page.click("input[type=submit]")
        self.page.wait_for_load_state()

    def screenshot_as(self, name):
        folder = ARTIFACTS / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        width = self.page.viewport_size["width"]
        self.page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)

    def axe_violations(self):
        """Serious and critical WCAG 2.1 A/AA violations on the current page."""
        # Evaluated through the DevTools protocol: the page's CSP (enforced in these tests)
        # does not apply to it, unlike an injected <script>.
        self.page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
        result = self.page.evaluate(
            # Icon buttons show a ligature of an icon font: until the font has loaded, the
            # ligature reads as words ("format_list_bulleted") and axe would judge those.
            """async () => { await document.fonts.ready; return await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                resultTypes: ['violations'],
            }); }"""
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:5])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]


def _tab(browser, live_server, settings, **context_options):
    settings.SERVE_MEDIA = True
    # The Content Security Policy is enforced: a violation is a console error, and fails.
    context = browser.new_context(locale="vi-VN", **context_options)
    tab = Tab(context.new_page(), live_server.url)
    yield tab
    context.close()
    assert not tab.errors, f"JavaScript or loading errors in the browser: {tab.errors}"


@pytest.fixture
def desktop(browser, live_server, settings):
    yield from _tab(browser, live_server, settings, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(browser, live_server, settings):
    yield from _tab(
        browser,
        live_server,
        settings,
        viewport={"width": 360, "height": 800},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
