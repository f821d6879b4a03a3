"""Real-browser fixtures: Debian's chromium driven by Playwright, against the app
served on a real socket with a fresh SQLite file per test."""

import contextlib
import json
import os
import threading

import pytest
from axe_playwright_python.base import AXE_SCRIPT, AxeResults
from playwright.sync_api import expect

from kiosk import create_app, storage
from kiosk.app.serving import serve
from tests.conftest import PASSWORD, make_account, make_config, tablet_token

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
# Every WCAG rule runs; only the violations come back whole. The passes, every
# element of them, had come back to Python too, and were never read.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
LAPTOP = {"width": 1366, "height": 768}
# True once the kiosk page has handed every answer it holds to the server.
QUEUE_EMPTY = "() => !localStorage.getItem('kiosk-submissions-waiting')"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        # Debian's chromium-headless-shell (`make test` installs it): the same
        # engine as the chromium package, at half the CPU a test.
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url():
    """Each test has its own server (live_server.url), so no shared base URL.
    Defined here so pytest-base-url's version, which pytest 9 warns about, is not used."""
    return None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A 10-inch tablet in landscape, touch on: the kiosk's home. Its service worker
    # (what opens the kiosk with no network) is blocked, as on a tablet using plain
    # http: tests of it allow it with
    # @pytest.mark.browser_context_args(service_workers="allow"). Elsewhere it would
    # only copy files in the background, still running when a test's server stops.
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 800},
        "has_touch": True,
        "service_workers": "block",
    }


class LiveServer:
    def __init__(self, app):
        self.app = app
        # One tablet set up for each site, as staff would: the token each holds.
        database = app.config["DATABASE"]
        self.tokens = {site: tablet_token(database, site) for site in app.config["SITES"]}
        self.server = serve(app, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        # Polled every 50 ms, not every 500: each test stops its server, and
        # shutdown() waits for the next poll.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def start_again(self):
        """The same app and database back on the same address, after stop()."""
        self.server = serve(self.app, "127.0.0.1", self.server.server_port)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()


@pytest.fixture
def config_overrides():
    """Tests override app settings by redefining this fixture or parametrizing it."""
    return {}


@pytest.fixture
def live_server(tmp_path, config_overrides):
    server = LiveServer(create_app(make_config(tmp_path, **config_overrides)))
    yield server
    server.stop()


@pytest.fixture(scope="class")
def class_live_server(tmp_path_factory):
    """One server for a class of tests that only read pages (a server starts in
    about 2 s on a busy machine). A class uses it by defining
    `live_server(self, class_live_server)`."""
    server = LiveServer(create_app(make_config(tmp_path_factory.mktemp("live"))))
    yield server
    server.stop()


# What Chromium logs, as errors, for a request the network could not carry: the
# page's own fetch, and the service worker's script asked for while offline.
BROWSER_NETWORK_NOTES = (
    "Failed to load resource",
    "An unknown error occurred when fetching the script",
)


def watch_for_problems(page) -> list:
    """Collect script errors and blocked resources (a Content-Security-Policy
    refusal shows up here); tests assert the list stays empty."""
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error"
            and not any(note in message.text for note in BROWSER_NETWORK_NOTES)
            else None
        ),
    )
    return problems


def submit_url(site: str) -> str:
    return f"/kiosk/{site}/submissions"


def hold_tablet_tokens(tokens: dict[str, str]) -> str:
    """An init script that gives the browser a set-up tablet's token for each
    site, as a tablet holds after staff set it up (kiosk/static/js/tablet.js),
    unless it holds one, or one it had to put aside, already."""
    held = {f"kiosk-tablet-token:{submit_url(site)}": token for site, token in tokens.items()}
    return f"""
    try {{
      for (const [key, token] of Object.entries({json.dumps(held)})) {{
        const aside = key.replace("kiosk-tablet-token:", "kiosk-tablet-previous:");
        if (localStorage.getItem(key) === null && localStorage.getItem(aside) === null) {{
          localStorage.setItem(key, token);
        }}
      }}
    }} catch {{}}
    """


def fake_speech(*languages: str, voices_late: bool = False) -> str:
    """An init script that replaces the browser's speech (Debian's chromium has
    no voices) with a fake one that has a voice for each language given. It
    records every utterance in window.fakeSpeech.spoken ({text, lang, voice,
    voiceLang}); fakeSpeech.queued() is what is still to be said,
    fakeSpeech.finishAll() ends it all, as an engine does once it has spoken.
    voices_late=True: no voices until fakeSpeech.loadVoices(), as a browser
    that loads them after the page."""
    return f"""
    (() => {{
      const voices = {json.dumps(list(languages))}.map((lang) => ({{
        name: "Fake " + lang, lang, voiceURI: "fake-" + lang, default: false, localService: true,
      }}));
      let loaded = {json.dumps(not voices_late)};
      let queue = [];
      const spoken = [];
      const fire = (utterance, type) => {{
        const event = new Event(type);
        utterance.dispatchEvent(event);
        if (typeof utterance["on" + type] === "function") utterance["on" + type](event);
      }};
      const synth = new EventTarget();
      synth.getVoices = () => (loaded ? voices.slice() : []);
      synth.speak = (utterance) => {{
        spoken.push({{
          text: utterance.text, lang: utterance.lang,
          voice: utterance.voice && utterance.voice.name,
          voiceLang: utterance.voice && utterance.voice.lang,
        }});
        queue.push(utterance);
      }};
      synth.cancel = () => {{
        const stopped = queue;
        queue = [];
        for (const utterance of stopped) fire(utterance, "error");
      }};
      synth.pause = () => {{}};
      synth.resume = () => {{}};
      Object.defineProperty(synth, "speaking", {{ get: () => queue.length > 0 }});
      class Utterance extends EventTarget {{
        constructor(text = "") {{
          super();
          Object.assign(this, {{ text, lang: "", voice: null, rate: 1, pitch: 1, volume: 1 }});
        }}
      }}
      Object.defineProperty(window, "speechSynthesis", {{ value: synth, configurable: true }});
      Object.defineProperty(window, "SpeechSynthesisUtterance", {{
        value: Utterance, configurable: true, writable: true,
      }});
      window.fakeSpeech = {{
        spoken,
        queued: () => queue.map((utterance) => utterance.text).join(" "),
        finishAll() {{
          const said = queue;
          queue = [];
          for (const utterance of said) fire(utterance, "end");
        }},
        loadVoices() {{
          loaded = true;
          synth.dispatchEvent(new Event("voiceschanged"));
        }},
      }};
    }})();
    """


# Browser storage apart from the tablet's own token: what a person left there.
LEFT_IN_BROWSER_STORAGE = """() => [
  ...Object.keys(localStorage).filter((key) => !key.startsWith("kiosk-tablet-token:")),
  ...Object.keys(sessionStorage),
]"""


@pytest.fixture
def tablet_set_up():
    """Whether the browser holds a set-up tablet's token for every site at the
    start. Tests of setting a tablet up redefine this fixture as False."""
    return True


@pytest.fixture
def page(page, live_server, tablet_set_up):
    """The tablet's page, failing the test on any script error or blocked resource."""
    if tablet_set_up:
        page.context.add_init_script(hold_tablet_tokens(live_server.tokens))
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
    """axe-core: zero WCAG 2.2 A and AA violations on what the page shows now.

    Only once the page has loaded: on a busy machine axe could run before the
    style sheet applied, and find links 17 px tall that are 44 px."""
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof axe === 'object'"):  # not already on this page
        page.evaluate(AXE_SCRIPT)
    results = AxeResults(page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS))
    assert 0 == results.violations_count, results.generate_report()


@contextlib.contextmanager
def live_database(live_server):
    """The live server's database file, on a connection of the test's own."""
    db = storage.open_database(live_server.app.config["DATABASE"])
    try:
        yield db
    finally:
        db.close()


def read_stored(live_server, read, *args):
    """What the live server has stored, as one kiosk.storage function reads it:
    read_stored(live_server, storage.count_submissions)."""
    with live_database(live_server) as db:
        return read(db, *args)


def go_offline(page):
    """The Wi-Fi goes, and the page knows it (navigator.onLine), as a tablet's
    page does at once. Chromium tells the page a moment after set_offline
    returns; on a busy machine a tap can come first, and Playwright's own
    routes would then still reach the server."""
    page.context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")


def wait_until_kept(page, url):
    """Until the service worker has this page, to open it with no network."""
    page.evaluate(
        """async (url) => {
          while (!(await caches.match(url))) await new Promise((done) => setTimeout(done, 50));
        }""",
        url,
    )


def answer_at_the_kiosk(
    page, words=("Yes", "Sometimes", "No", "Yes"), *, send=True, wait_until_sent=False
):
    """On the kiosk page already open: tap Start, then each answer word in turn,
    then Send. send=False stops before Send: on the review screen after four
    words, or on the next question after fewer. wait_until_sent=True returns
    only once the page has handed the answers to the server."""
    page.get_by_role("button", name="Start").click()
    for word in words:
        page.get_by_role("button", name=word, exact=True).click()
    if send:
        page.get_by_role("button", name="Send").click()
    if wait_until_sent:
        page.wait_for_function(QUEUE_EMPTY)


@pytest.fixture
def staff_page(page, live_server):
    """A staff member's laptop: their account exists; they have not signed in yet."""
    assert 0 == make_account(live_server.app).exit_code
    page.set_viewport_size(LAPTOP)
    return page


def sign_in(page, live_server):
    """Sign in through the form, checking the sign-in page with axe-core on the way."""
    page.goto(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your name").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
