"""What waits to be sent is for staff, not for the children: nothing about it
on the start screen; a long press on the site name (or Shift+F10, or Enter
held down) shows a small notice in English, which closes itself."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import answer_at_the_kiosk, assert_accessible, go_offline
from tests.browser.kiosk_checks import STAFF_NOTICE, staff_notice, staff_see_waiting

KIOSK = "/kiosk/waiting-room-a"
WAITING = "answers? waiting|waiting to be sent|internet"


def leave_answers_waiting(page, live_server, how_many=1):
    page.goto(live_server.url + KIOSK)
    go_offline(page)
    for _ in range(how_many):
        answer_at_the_kiosk(page)
        page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("button", name="Start")).to_be_visible()


def test_the_start_screen_says_nothing_of_answers_waiting(page, live_server):
    leave_answers_waiting(page, live_server)
    expect(page.get_by_text(re.compile(WAITING))).to_have_count(0)
    assert not re.search(WAITING, page.locator("body").inner_text())


def test_a_long_press_on_the_site_name_shows_staff_the_count(page, live_server):
    leave_answers_waiting(page, live_server, how_many=3)
    notice = staff_notice(page)
    expect(notice).to_have_text(
        re.compile("3 answers waiting to be sent. They will go when the internet is back.")
    )
    assert_accessible(page)
    notice.get_by_role("button", name="Close").click()
    expect(notice).to_be_hidden()
    expect(page.get_by_role("button", name="Start")).to_be_visible()


def test_one_answer_and_then_none(page, live_server, context):
    leave_answers_waiting(page, live_server)
    staff_see_waiting(page, "1 answer waiting to be sent. It will go when the internet is back.")
    context.set_offline(False)
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    page.wait_for_function("() => !localStorage.getItem('kiosk-submissions-waiting')")
    staff_see_waiting(page, "Nothing waiting to be sent.")


def test_a_tap_on_the_site_name_does_nothing(page, live_server):
    leave_answers_waiting(page, live_server)
    page.locator(".kiosk-bar .site-name").tap()
    page.locator(".kiosk-bar .site-name").click(delay=600)
    page.wait_for_timeout(2_000)
    expect(page.get_by_role("dialog", name=STAFF_NOTICE)).to_be_hidden()


def test_from_the_keyboard_shift_f10_or_enter_held_down(page, live_server):
    leave_answers_waiting(page, live_server)
    site_name = page.locator(".kiosk-bar .site-name")
    notice = page.get_by_role("dialog", name=STAFF_NOTICE)
    site_name.focus()
    page.keyboard.press("Shift+F10")
    expect(notice).to_contain_text("1 answer waiting to be sent")
    expect(notice.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Enter")
    expect(notice).to_be_hidden()
    expect(site_name).to_be_focused()

    page.keyboard.down("Enter")
    page.wait_for_timeout(2_300)
    page.keyboard.up("Enter")
    expect(notice).to_contain_text("1 answer waiting to be sent")
    page.keyboard.press("Escape")
    expect(notice).to_be_hidden()


def test_the_notice_closes_itself_after_20_seconds(page, live_server):
    page.clock.install()
    page.goto(live_server.url + KIOSK)
    site_name = page.locator(".kiosk-bar .site-name").bounding_box()
    page.mouse.move(site_name["x"] + 5, site_name["y"] + 5)
    page.mouse.down()
    page.clock.run_for(2_100)
    page.mouse.up()
    notice = page.get_by_role("dialog", name=STAFF_NOTICE)
    expect(notice).to_have_text(re.compile("Nothing waiting to be sent."))
    page.clock.run_for(19_000)
    expect(notice).to_be_visible()
    page.clock.run_for(2_000)
    expect(notice).to_be_hidden()


def test_a_finger_held_on_the_site_name_shows_it(page, live_server):
    """A real touch, held 2 s (Chromium's own touch events, through the DevTools protocol)."""
    leave_answers_waiting(page, live_server)
    box = page.locator(".kiosk-bar .site-name").bounding_box()
    finger = [{"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}]
    touch = page.context.new_cdp_session(page)
    touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": finger})
    page.wait_for_timeout(2_300)
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    notice = page.get_by_role("dialog", name=STAFF_NOTICE)
    expect(notice).to_contain_text("1 answer waiting to be sent")
