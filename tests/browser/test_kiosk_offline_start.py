"""The tablet reboots while the Wi-Fi is down: the kiosk still opens, takes
answers, and they arrive once the network is back. A new version of the kiosk
takes over between two children, never during one's answers."""

import contextlib
import threading

import pytest
from playwright.sync_api import expect

from kiosk import storage
from kiosk.app.serving import serve
from kiosk.surveys.offline_start import VERSION_HEADER
from tests.browser.conftest import (
    QUEUE_EMPTY,
    answer_at_the_kiosk,
    hold_tablet_tokens,
    read_stored,
    sign_in,
    wait_until_kept,
    watch_for_problems,
)

# The service worker is what these tests are about (blocked elsewhere: conftest.py).
pytestmark = pytest.mark.browser_context_args(service_workers="allow")

KIOSK = "/kiosk/waiting-room-a"
# The service worker running this page, and the caches it keeps.
WORKER_STATE = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return {
    controlled: navigator.serviceWorker.controller !== null,
    waiting: Boolean(registration && registration.waiting),
    caches: await caches.keys(),
  };
}"""


def worker_state(page) -> dict:
    return page.evaluate(WORKER_STATE)


@contextlib.contextmanager
def tablet(browser_type, launch_args, profile, tokens):
    """A tablet's browser, its storage kept in profile between switch-offs."""
    context = browser_type.launch_persistent_context(
        profile,
        **launch_args,
        viewport={"width": 1280, "height": 800},
        has_touch=True,
    )
    context.add_init_script(hold_tablet_tokens(tokens))
    page = context.pages[0] if context.pages else context.new_page()
    problems = watch_for_problems(page)
    try:
        yield page
    finally:
        context.close()
    # Chromium says "Failed to fetch" once for the answers it could not send yet.
    assert [] == [problem for problem in problems if "fetch" not in problem]


def serve_again(live_server, port):
    """The server back on the same address, with the same database."""
    live_server.server = serve(live_server.app, "127.0.0.1", port)
    live_server.thread = threading.Thread(target=live_server.server.serve_forever, daemon=True)
    live_server.thread.start()


def test_a_tablet_switched_off_in_a_wifi_cut_starts_the_kiosk_and_sends_later(
    browser_type, browser_type_launch_args, live_server, tmp_path
):
    profile = tmp_path / "tablet"
    kiosk = live_server.url + KIOSK
    with tablet(browser_type, browser_type_launch_args, profile, live_server.tokens) as page:
        page.goto(kiosk)
        expect(page.get_by_role("button", name="Start")).to_be_visible()
        wait_until_kept(page, kiosk)

    # The Wi-Fi goes, the tablet is switched off and on again.
    port = live_server.server.server_port
    live_server.stop()
    with tablet(browser_type, browser_type_launch_args, profile, live_server.tokens) as page:
        page.goto(kiosk)
        expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
        answer_at_the_kiosk(page, ["No", "No", "Sometimes", "Yes"])
        expect(page.get_by_role("status")).to_contain_text("Thank you")
        assert 0 == read_stored(live_server, storage.count_submissions)

        serve_again(live_server, port)
        page.wait_for_function(QUEUE_EMPTY, timeout=30_000)
    [stored] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    assert '{"safe":"no","talk":"no","team":"sometimes","ideas":"yes"}' == stored["answers"]


def test_with_nothing_kept_the_tablet_says_it_needs_the_internet_once(
    browser_type, browser_type_launch_args, live_server, tmp_path
):
    """A site never opened on this tablet cannot open offline: a plain page says why."""
    profile = tmp_path / "tablet"
    with tablet(browser_type, browser_type_launch_args, profile, live_server.tokens) as page:
        page.goto(live_server.url + KIOSK)
        wait_until_kept(page, live_server.url + KIOSK)
    port = live_server.server.server_port
    live_server.stop()
    with tablet(browser_type, browser_type_launch_args, profile, live_server.tokens) as page:
        page.goto(live_server.url + "/kiosk/youth-hub")
        expect(page.get_by_role("heading", name="No internet")).to_be_visible()
        expect(page.get_by_text("needs the internet the first time")).to_be_visible()
    serve_again(live_server, port)


def test_a_new_version_waits_for_the_next_start(page, live_server):
    page.goto(live_server.url + KIOSK)
    wait_until_kept(page, live_server.url + KIOSK)
    old = worker_state(page)["caches"]
    page.evaluate("window.sameVisit = true")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Yes", exact=True).click()

    # A new version of the app is put on the server while a child answers.
    live_server.app.extensions["kiosk_version"] = "a-new-version-0001"
    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    page.evaluate(
        """async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          while (!registration.waiting) await new Promise((done) => setTimeout(done, 50));
        }"""
    )

    # Nothing moves under the child's finger: same page, same answers.
    assert page.evaluate("window.sameVisit === true")
    expect(page.get_by_role("heading", name="Do you get a chance to talk?")).to_be_visible()
    for word in ["Sometimes", "No", "Yes"]:
        page.get_by_role("button", name=word, exact=True).click()
    page.get_by_role("button", name="Send").click()
    page.get_by_role("button", name="Finish").click()

    # At the start screen the new version takes over, and the old one's files go.
    page.wait_for_function("() => window.sameVisit === undefined")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    page.wait_for_function(QUEUE_EMPTY)
    state = worker_state(page)
    assert (True, ["kiosk-a-new-version-0001"]) == (state["controlled"], state["caches"])
    assert ["kiosk-a-new-version-0001"] != old
    assert 1 == read_stored(live_server, storage.count_submissions)


def test_a_new_version_on_a_resting_kiosk_takes_over_at_once(page, live_server):
    page.goto(live_server.url + KIOSK)
    wait_until_kept(page, live_server.url + KIOSK)
    page.evaluate("window.sameVisit = true")
    live_server.app.extensions["kiosk_version"] = "a-new-version-0002"
    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    page.wait_for_function("() => window.sameVisit === undefined")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    assert ["kiosk-a-new-version-0002"] == worker_state(page)["caches"]


def test_staff_pages_and_the_feedback_box_never_pass_through_it(page, live_server):
    page.goto(live_server.url + KIOSK)
    wait_until_kept(page, live_server.url + KIOSK)
    assert worker_state(page)["controlled"]
    for address in ["/feedback/waiting-room-a", "/admin/", "/you-said-we-did/waiting-room-a"]:
        page.goto(live_server.url + address)
        assert not worker_state(page)["controlled"], address


def test_a_retired_site_rests_as_before_and_is_no_longer_kept(page, live_server):
    kiosk = live_server.url + "/kiosk/youth-hub"
    page.goto(kiosk)
    wait_until_kept(page, kiosk)
    with contextlib.closing(storage.open_database(live_server.app.config["DATABASE"])) as db:
        storage.set_site_retired(db, "youth-hub", True)
    response = page.goto(kiosk)
    assert (410, None) == (response.status, response.headers.get(VERSION_HEADER.lower()))
    expect(page.get_by_role("button", name="Start")).to_have_count(0)
    assert not page.evaluate("async (url) => Boolean(await caches.match(url))", kiosk)


def test_the_screen_is_kept_awake_while_the_kiosk_is_open(page, live_server):
    page.add_init_script(
        """
        window.wakeLocks = [];
        Object.defineProperty(navigator, "wakeLock", { value: {
          request: async (kind) => {
            window.wakeLocks.push(kind);
            return { release: async () => {} };
          },
        } });
        """
    )
    page.goto(live_server.url + KIOSK)
    page.wait_for_function("() => window.wakeLocks.length === 1")
    assert ["screen"] == page.evaluate("window.wakeLocks")


def test_the_staff_area_can_still_be_used_after_the_kiosk(staff_page, live_server):
    staff_page.goto(live_server.url + KIOSK)
    wait_until_kept(staff_page, live_server.url + KIOSK)
    sign_in(staff_page, live_server)
    expect(staff_page.get_by_role("heading", level=1)).to_be_visible()
    assert not worker_state(staff_page)["controlled"]
