"""Nobody has touched the tablet for a while: ask kindly, then forget everything.
The browser's clock is fast-forwarded, so no test waits a real minute."""

from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import answer_at_the_kiosk, read_stored

STILL_THERE = "Are you still there?"


def open_kiosk(page, live_server):
    page.clock.install()
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Yes"], send=False)
    expect(page.get_by_text("2 of 4")).to_be_visible()


def test_idle_asks_then_clears_the_answers(page, live_server):
    open_kiosk(page, live_server)
    page.clock.run_for(59_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()
    page.clock.run_for(2_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_visible()
    # The question stays for at least 20 seconds.
    page.clock.run_for(19_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_visible()
    page.clock.run_for(12_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    assert 0 == read_stored(live_server, storage.count_submissions)


def test_im_still_here_keeps_the_answers(page, live_server):
    open_kiosk(page, live_server)
    page.clock.run_for(61_000)
    page.get_by_role("button", name="I'm still here").click()
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()
    expect(page.get_by_text("2 of 4")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )


def test_a_child_who_keeps_tapping_is_never_interrupted(page, live_server):
    open_kiosk(page, live_server)
    for _ in range(3):
        page.clock.run_for(50_000)
        page.get_by_role("button", name="Back").click()
        page.get_by_role("button", name="Yes", exact=True).click()
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()


def test_the_start_screen_never_asks(page, live_server):
    page.clock.install()
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.clock.run_for(300_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()


def test_thank_you_returns_to_start_by_itself(page, live_server):
    open_kiosk(page, live_server)
    for word in ["Yes", "Yes", "Yes"]:
        page.get_by_role("button", name=word, exact=True).click()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    page.clock.run_for(16_000)
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
