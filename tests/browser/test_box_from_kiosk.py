"""The feedback box as a child meets it after "Tell us more" on the kiosk: one
tablet screen with the kiosk's header and read-aloud, writing or drawing, no
receipt code. (Its colour contrast, in every state: test_box_contrast.py.)"""

import re

import pytest
from playwright.sync_api import expect

from kiosk import storage
from kiosk.feedback.receipt_codes import RECEIPT_WORDS
from tests.browser.conftest import (
    LEFT_IN_BROWSER_STORAGE,
    answer_at_the_kiosk,
    fake_speech,
    read_stored,
)

KIOSK = "/kiosk/waiting-room-a"
BOX = "/feedback/waiting-room-a"
TABLETS = [{"width": 1024, "height": 768}, {"width": 768, "height": 1024}]
PHONE = {"width": 390, "height": 844}
NO_TAKING_BACK = "You can't take this back from here. If you want to, ask a grown-up you trust."
A_RECEIPT_CODE = re.compile(r"\b({0})-({0})-({0})\b".format("|".join(RECEIPT_WORDS)))


def open_the_box_from_the_kiosk(page, live_server):
    page.goto(live_server.url + KIOSK)
    answer_at_the_kiosk(page)
    # Loaded, its script too: a test taps faster than a child.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Tell us more").click()


def assert_on_screen(page, *locators):
    """Each is shown whole, inside the window, with no scrolling."""
    window = page.viewport_size
    assert 0 == page.evaluate("() => window.scrollY")
    for locator in locators:
        box = locator.bounding_box()
        assert box is not None, locator
        inside = (
            box["x"] >= 0
            and box["y"] >= 0
            and box["x"] + box["width"] <= window["width"] + 0.5
            and box["y"] + box["height"] <= window["height"] + 0.5
        )
        assert inside, (locator, box, window)


def assert_no_scrolling(page):
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height <= page.viewport_size["height"], height


def draw_a_stroke(page):
    box = page.locator("[data-drawing-pad] canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.3)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(
            box["x"] + box["width"] * (0.2 + step * 0.05), box["y"] + box["height"] * 0.5
        )
    page.mouse.up()


def send_button(page):
    return page.get_by_role("button", name="Send")


def back_to_start(page):
    return page.get_by_role("link", name="Back to the start")


@pytest.mark.parametrize("window", TABLETS, ids=["landscape", "portrait"])
def test_the_box_from_the_kiosk_fits_the_tablet_without_scrolling(page, live_server, window):
    page.set_viewport_size(window)
    open_the_box_from_the_kiosk(page, live_server)
    write_it = page.get_by_role("button", name="Write it")
    draw_it = page.get_by_role("button", name="Draw it")
    stop = page.get_by_role("link", name="Stop", exact=True)
    assert_no_scrolling(page)
    assert_on_screen(page, page.get_by_text("Waiting room A"), stop, write_it, draw_it)
    assert_on_screen(page, back_to_start(page))

    draw_it.click()
    canvas = page.locator("[data-drawing-pad] canvas")
    assert_no_scrolling(page)
    assert_on_screen(page, canvas, send_button(page), back_to_start(page), stop)
    assert_on_screen(page, page.get_by_role("radio", name="Orange"))
    assert_on_screen(page, page.get_by_role("button", name="Undo"))
    size = canvas.bounding_box()
    # Room to draw: about a third of the screen's width at least, in the pad's shape.
    assert size["width"] >= 0.4 * window["width"] and size["height"] >= 300, size
    draw_a_stroke(page)
    expect(page.get_by_role("img", name="Your drawing, 1 line")).to_be_visible()

    write_it.click()
    assert_no_scrolling(page)
    message = page.get_by_label("Write your message")
    expect(message).to_be_focused()
    assert_on_screen(page, message, send_button(page), back_to_start(page))
    message.fill("The fish tank is nice")
    send_button(page).click()

    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    assert_no_scrolling(page)
    assert_on_screen(page, back_to_start(page))
    expect(stop).to_have_count(0)
    [comment] = read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert ("The fish tank is nice", 1) == (comment["text"], comment["has_drawing"])


def test_no_receipt_code_from_the_kiosk_and_none_sent_back(page, live_server):
    open_the_box_from_the_kiosk(page, live_server)
    page.get_by_role("button", name="Write it").click()
    page.get_by_label("Write your message").fill("Please get more bean bags")
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        send_button(page).click()
    assert {"status": "stored"} == sent.value.json()
    thanks = page.get_by_role("status")
    expect(thanks).to_contain_text(NO_TAKING_BACK)
    expect(thanks).not_to_contain_text("receipt code")
    assert A_RECEIPT_CODE.search(page.locator("body").inner_text()) is None
    expect(page.get_by_role("link", name="Take back a message")).to_have_count(0)
    [comment] = read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert "Please get more bean bags" == comment["text"]

    back_to_start(page).click()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()


def test_the_phone_box_still_gives_a_code_that_takes_the_message_back(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + BOX)
    page.get_by_label("Write your message").fill("The toilets are cold")
    send_button(page).click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    code = page.locator("[data-receipt-code]").inner_text()
    assert A_RECEIPT_CODE.fullmatch(code), code
    expect(page.get_by_role("status")).not_to_contain_text(NO_TAKING_BACK)
    assert 1 == len(read_stored(live_server, storage.comments_for_site, "waiting-room-a"))
    page.get_by_role("link", name="Take back a message").click()
    page.get_by_label("Your receipt code").fill(code)
    page.get_by_role("button", name="Delete my message").click()
    expect(page.get_by_role("status")).to_contain_text("Your message has been deleted")
    assert [] == read_stored(live_server, storage.comments_for_site, "waiting-room-a")


def still_to_say(page) -> str:
    return page.evaluate("() => fakeSpeech.queued()")


def test_the_kiosk_header_reads_the_box_aloud(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    open_the_box_from_the_kiosk(page, live_server)
    read_to_me = page.locator(".kiosk-bar").get_by_role("button", name="Read to me")
    assert_on_screen(page, read_to_me)
    read_to_me.click()
    said = still_to_say(page)
    assert said.startswith("Tell us anything.")
    assert ["Write it.", "Draw it.", "0 8 0 0, 1 1 1 1", "9 9 9"] == [
        words for words in ["Write it.", "Draw it.", "0 8 0 0, 1 1 1 1", "9 9 9"] if words in said
    ]

    page.get_by_role("button", name="Draw it").click()
    read_to_me.click()
    said = still_to_say(page)
    assert "Draw something (if you want to)." in said and "We don't know who you are" not in said

    page.get_by_role("button", name="Write it").click()
    page.get_by_label("Write your message").fill("Nice fish")
    send_button(page).click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    read_to_me.click()
    said = still_to_say(page)
    assert said.startswith("Thank you for telling us.")
    assert NO_TAKING_BACK in said and "receipt" not in said


def test_read_everything_at_the_kiosk_goes_on_in_the_box_and_is_left_nowhere(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.goto(live_server.url + KIOSK)
    page.get_by_role("button", name="Read everything to me").click()
    answer_at_the_kiosk(page)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Tell us more").click()
    # Read out as the box opens, with no tap.
    page.wait_for_function("() => fakeSpeech.queued().startsWith('Tell us anything.')")
    assert [] == page.evaluate(LEFT_IN_BROWSER_STORAGE)
    page.get_by_role("button", name="Write it").click()
    assert "Write your message" in still_to_say(page)

    # Opened again afterwards (a new child, say), nothing is read without a tap.
    page.goto(live_server.url + BOX + "?from=kiosk")
    page.wait_for_load_state("load")
    assert "" == still_to_say(page)


def test_without_read_everything_the_box_stays_quiet(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    open_the_box_from_the_kiosk(page, live_server)
    page.get_by_role("button", name="Draw it").click()
    assert "" == still_to_say(page)
