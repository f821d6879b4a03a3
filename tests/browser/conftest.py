"""Real-browser fixtures: Debian's chromium driven by Playwright, against the app
served on a real socket with a fresh SQLite file per test."""

import os
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe

from kiosk import create_app
from kiosk.serving import serve
from tests.conftest import make_config

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url():
    """Each test has its own server (live_server.url), so no shared base URL.
    Defined here so pytest-base-url's version, which pytest 9 warns about, is not used."""
    return None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A 10-inch tablet in landscape, touch on: the kiosk's home.
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}, "has_touch": True}


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = serve(app, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def config_overrides():
    """Tests override app settings by redefining this fixture or parametrizing it."""
    return {}


@pytest.fixture
def live_server(tmp_path, config_overrides):
    server = LiveServer(create_app(make_config(tmp_path, **config_overrides)))
    yield server
    server.stop()


def watch_for_problems(page) -> list:
    """Collect script errors and blocked resources (a Content-Security-Policy
    refusal shows up here); tests assert the list stays empty."""
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and "Failed to load resource" not in message.text
            else None
        ),
    )
    return problems


@pytest.fixture
def page(page):
    """The tablet's page, failing the test on any script error or blocked resource."""
    problems = watch_for_problems(page)
    yield page
    assert [] == problems


@pytest.fixture
def phone(browser):
    """A young person's phone: 360 px wide, touch."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    problems = watch_for_problems(page)
    yield page
    context.close()
    assert [] == problems


def assert_accessible(page):
    """axe-core: zero WCAG 2.2 A and AA violations on what the page shows now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert 0 == results.violations_count, results.generate_report()
