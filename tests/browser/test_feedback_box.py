"""A young person with their own phone, and a child at the kiosk, leave words
and a drawing in the feedback box; the receipt code takes them back."""

import re

from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import (
    LEFT_IN_BROWSER_STORAGE,
    answer_at_the_kiosk,
    assert_accessible,
    go_offline,
    read_stored,
)

RECEIPT = re.compile(r"^[a-z]+-[a-z]+-[a-z]+$")


def draw_a_stroke(page):
    canvas = page.locator("[data-drawing-pad] canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.3)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(
            box["x"] + box["width"] * (0.2 + step * 0.05), box["y"] + box["height"] * 0.5
        )
    page.mouse.up()


def assert_nothing_in_browser_storage(page):
    assert [] == page.evaluate(LEFT_IN_BROWSER_STORAGE)


def test_a_phone_sends_words_and_a_drawing_then_takes_them_back(phone, live_server):
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    expect(phone.get_by_text("We don't know who you are.")).to_be_visible()
    phone.get_by_label("Our meetings").check()
    phone.get_by_label("Write your message").fill("The waiting room is too loud.")
    expect(phone.get_by_text("971 letters left")).to_be_visible()
    draw_a_stroke(phone)
    phone.get_by_role("button", name="Send").click()

    thanks = phone.get_by_role("status")
    expect(thanks).to_contain_text("Thank you for telling us")
    expect(thanks.get_by_role("link", name="0800 1111")).to_have_attribute("href", "tel:08001111")
    expect(thanks).to_contain_text("999")
    expect(thanks).to_contain_text("adult you trust")
    receipt_code = thanks.locator("[data-receipt-code]").inner_text()
    assert RECEIPT.match(receipt_code), receipt_code
    [comment] = read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert ("Our meetings", "The waiting room is too loud.", 1) == (
        comment["topic"],
        comment["text"],
        comment["has_drawing"],
    )
    assert_nothing_in_browser_storage(phone)

    phone.get_by_role("link", name="Take back a message").click()
    phone.get_by_label("Your receipt code").fill(receipt_code.replace("-", " ").upper())
    phone.get_by_role("button", name="Delete my message").click()
    expect(phone.get_by_role("status")).to_contain_text("Your message has been deleted")
    assert [] == read_stored(live_server, storage.comments_for_site, "waiting-room-a")


def test_a_drawing_alone_is_enough(phone, live_server):
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    draw_a_stroke(phone)
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("status")).to_contain_text("Thank you for telling us")
    [comment] = read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert (None, 1) == (comment["text"], comment["has_drawing"])


def test_an_empty_box_asks_for_words_or_a_drawing(phone, live_server):
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("alert")).to_have_text("Write something or draw something first.")
    assert [] == read_stored(live_server, storage.comments_for_site, "waiting-room-a")


def test_a_message_that_cannot_go_yet_waits_in_the_page(phone, live_server):
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    phone.get_by_label("Write your message").fill("Can we have more art things?")
    go_offline(phone)
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("alert")).to_contain_text("Not sent yet")
    assert_nothing_in_browser_storage(phone)
    assert [] == read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    phone.context.set_offline(False)
    expect(phone.get_by_role("status")).to_contain_text("Thank you for telling us", timeout=15_000)
    assert 1 == len(read_stored(live_server, storage.comments_for_site, "waiting-room-a"))


def test_every_feedback_page_passes_axe_on_a_phone(phone, live_server):
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    assert_accessible(phone)
    phone.get_by_label("Write your message").fill("More bean bags please")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("status")).to_be_visible()
    assert_accessible(phone)
    phone.goto(live_server.url + "/feedback/withdraw")
    assert_accessible(phone)
    phone.get_by_label("Your receipt code").fill("not a code")
    phone.get_by_role("button", name="Delete my message").click()
    expect(phone.get_by_role("alert")).to_contain_text("does not look like a receipt code")
    assert_accessible(phone)


def test_feedback_controls_are_big_enough_for_a_thumb(phone, live_server):
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, "nothing sticks out sideways on a 360 px phone"
    for control in [
        *phone.get_by_role("button").all(),
        *phone.locator(".topic").all(),
        phone.get_by_label("Write your message"),
    ]:
        box = control.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (control, box)


def finish_the_kiosk_questions(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Yes", "Yes", "Sometimes", "No"])
    # Loaded, its script too: a test taps faster than a child.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Tell us more").click()


def test_tell_us_more_from_the_kiosk_then_back_to_start(page, live_server):
    finish_the_kiosk_questions(page, live_server)
    page.get_by_role("button", name="Write it").click()
    page.get_by_label("Write your message").fill("I like the fish tank")
    page.get_by_role("button", name="Draw it").click()
    draw_a_stroke(page)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    page.get_by_role("link", name="Back to the start").click()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    [comment] = read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert "I like the fish tank" == comment["text"]


def test_the_kiosk_thank_you_stays_long_enough_to_read_the_help(page, live_server):
    # KIOSK_THANKS_SECONDS is 15 by default: too short for an adult to read the help out.
    page.clock.install()
    finish_the_kiosk_questions(page, live_server)
    page.get_by_role("button", name="Write it").click()
    page.get_by_label("Write your message").fill("The fish are nice")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    page.clock.run_for(29_000)
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    page.clock.run_for(2_000)
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()


def test_the_kiosk_box_clears_itself_when_left_alone(page, live_server):
    page.clock.install()
    finish_the_kiosk_questions(page, live_server)
    page.get_by_role("button", name="Write it").click()
    page.get_by_label("Write your message").fill("half a thought")
    page.get_by_role("button", name="Draw it").click()
    draw_a_stroke(page)
    page.clock.run_for(61_000)
    expect(page.get_by_role("dialog", name="Are you still there?")).to_be_visible()
    page.clock.run_for(31_000)
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    typed = page.evaluate("() => [...document.querySelectorAll('textarea')].map(t => t.value)")
    assert "half a thought" not in typed
    assert "half a thought" not in page.content()
    assert [] == read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert_nothing_in_browser_storage(page)


def test_the_kiosk_box_has_stop_at_the_top_and_no_way_to_the_withdraw_page(page, live_server):
    finish_the_kiosk_questions(page, live_server)
    expect(page.get_by_role("heading", name="Tell us anything")).to_be_visible()
    # The withdraw page has no idle reset: on the shared tablet, the next child would find it.
    expect(page.get_by_role("link", name="Take back a message")).to_have_count(0)
    stop = page.get_by_role("link", name="Stop", exact=True)
    expect(stop).to_be_in_viewport()
    box = stop.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    page.get_by_role("button", name="Write it").click()
    assert box["y"] < page.get_by_label("Write your message").bounding_box()["y"]
    assert_accessible(page)

    page.get_by_label("Write your message").fill("never mind")
    stop.click()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    typed = page.evaluate("() => [...document.querySelectorAll('textarea')].map(t => t.value)")
    assert "never mind" not in typed
    assert [] == read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert_nothing_in_browser_storage(page)
