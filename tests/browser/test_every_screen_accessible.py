"""Screens a review found with no accessibility check: each one passes axe-core
(WCAG 2.2 A and AA) and every button and link on it is at least 44 px, on the
device a person would really see it on."""

import re

import pytest
from playwright.sync_api import expect

from kiosk import create_app, storage
from tests.browser.conftest import (
    LAPTOP,
    LiveServer,
    assert_accessible,
    go_offline,
    read_stored,
    watch_for_problems,
)
from tests.browser.kiosk_checks import staff_notice
from tests.conftest import PASSWORD, make_account, make_config

PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
RECEIPT = re.compile(r"^[a-z]+-[a-z]+-[a-z]+$")
THANKS = "Thank you for telling us"


def too_small(targets, smallest=44):
    """(name, width, height) of each visible target under `smallest` CSS px either way."""
    small = []
    for target in targets:
        if not target.is_visible():
            continue
        box = target.bounding_box()
        if box["width"] < smallest or box["height"] < smallest:
            name = (target.inner_text() or target.get_attribute("aria-label") or "").strip()
            small.append((name, round(box["width"]), round(box["height"])))
    return small


def assert_targets_big_enough(page, smallest=44):
    """Every visible button and link is big enough to tap."""
    targets = page.get_by_role("button").all() + page.get_by_role("link").all()
    assert [] == too_small(targets, smallest), f"targets under {smallest} px (name, w, h)"


def assert_screen_passes(page):
    assert_accessible(page)
    assert_targets_big_enough(page)


def nothing_sticks_out_sideways(page):
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def assert_screen_passes_without_script(browser, page):
    """axe-core cannot finish in a page with JavaScript off (its timers never fire),
    so it runs on an exact copy of what that page shows: the same HTML at the same
    address and width, the same style sheets, and the page's own scripts refused.
    Target sizes are measured on the real page."""
    html, url = page.content(), page.url
    context = browser.new_context(**PHONE)
    try:
        copy = context.new_page()
        copy.route("**/*.js", lambda route: route.abort())
        copy.route(
            lambda address: address == url,
            lambda route: route.fulfill(content_type="text/html; charset=utf-8", body=html),
        )
        copy.goto(url)
        expect(copy).to_have_title(page.title())
        assert_accessible(copy)
    finally:
        context.close()
    assert_targets_big_enough(page)


@pytest.fixture
def phone_without_script(browser):
    """A 360 px phone with JavaScript switched off: the feedback box is a plain form."""
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    problems = watch_for_problems(page)
    yield page
    context.close()
    assert [] == problems


@pytest.fixture
def limited_server(tmp_path):
    """The app with a low feedback limit, so a person sees the 429 page quickly."""
    app = create_app(make_config(tmp_path, FEEDBACK_RATE_LIMIT="2 per 10 minutes"))
    server = LiveServer(app)
    yield server
    server.stop()


def stored_comments(live_server, site="waiting-room-a"):
    return read_stored(live_server, storage.comments_for_site, site)


# 1. Taking a message back: deleted, then not found (the code is used up).


def test_withdraw_deleted_and_not_found_pass_on_a_phone(phone, live_server):
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    phone.get_by_label("Write your message").fill("Please can the radio be quieter")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("status")).to_contain_text(THANKS)
    receipt_code = phone.locator("[data-receipt-code]").inner_text()
    assert RECEIPT.match(receipt_code), receipt_code

    phone.goto(live_server.url + "/feedback/withdraw")
    phone.get_by_label("Your receipt code").fill(receipt_code)
    phone.get_by_role("button", name="Delete my message").click()
    expect(phone.get_by_role("heading", name="Your message has been deleted")).to_be_visible()
    expect(phone.get_by_text("Nobody can read them now.")).to_be_visible()
    assert [] == stored_comments(live_server)
    nothing_sticks_out_sideways(phone)
    assert_screen_passes(phone)

    phone.goto(live_server.url + "/feedback/withdraw")
    phone.get_by_label("Your receipt code").fill(receipt_code)
    phone.get_by_role("button", name="Delete my message").click()
    expect(phone.get_by_role("alert")).to_contain_text("We could not find a message with that code")
    expect(phone.get_by_label("Your receipt code")).to_have_value(receipt_code)
    nothing_sticks_out_sideways(phone)
    assert_screen_passes(phone)


# 2. The feedback box without its script: a plain form and full pages.


def test_without_script_the_thank_you_page_passes(browser, phone_without_script, live_server):
    page = phone_without_script
    page.goto(live_server.url + "/feedback/waiting-room-a")
    expect(page.get_by_role("heading", name="Tell us anything")).to_be_visible()
    assert_screen_passes_without_script(browser, page)
    page.get_by_label("Write your message").fill("The toys are old")
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Send").click()
    assert 201 == sent.value.status
    thanks = page.get_by_role("status")
    expect(thanks).to_contain_text(THANKS)
    expect(thanks.get_by_role("link", name="0800 1111")).to_be_visible()
    assert RECEIPT.match(thanks.locator("[data-receipt-code]").inner_text())
    expect(page.get_by_role("link", name="Take back a message")).to_be_visible()
    assert ["The toys are old"] == [row["text"] for row in stored_comments(live_server)]
    nothing_sticks_out_sideways(page)
    assert_screen_passes_without_script(browser, page)


def test_without_script_the_form_comes_back_with_its_problem(
    browser, phone_without_script, live_server
):
    page = phone_without_script
    page.goto(live_server.url + "/feedback/waiting-room-a")
    page.get_by_label("Our meetings").check()
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Send").click()
    assert 422 == sent.value.status
    expect(page.get_by_role("alert")).to_have_text(
        "Write something or draw something, then press Send."
    )
    # What they chose is kept: this page is all they have.
    expect(page.get_by_label("Our meetings")).to_be_checked()
    expect(page.get_by_role("heading", name="Tell us anything")).to_be_visible()
    assert [] == stored_comments(live_server)
    nothing_sticks_out_sideways(page)
    assert_screen_passes_without_script(browser, page)


TOO_MANY = "You have sent a lot in a short time. Please wait a few minutes, then try again."


def test_without_script_the_too_many_page_is_kind_and_passes(
    browser, phone_without_script, limited_server
):
    page = phone_without_script
    for number in range(2):
        page.goto(limited_server.url + "/feedback/waiting-room-a")
        page.get_by_label("Write your message").fill(f"Message {number}")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_role("status")).to_contain_text(THANKS)
    page.goto(limited_server.url + "/feedback/waiting-room-a")
    page.get_by_label("Write your message").fill("One more")
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Send").click()
    assert 429 == sent.value.status
    expect(page.get_by_role("heading", level=1)).to_have_text(TOO_MANY)
    expect(page.get_by_text("Messages you sent before this one have arrived.")).to_be_visible()
    expect(page.get_by_role("link", name="0800 1111")).to_be_visible()
    expect(page.get_by_role("link", name="Go to the start")).to_be_visible()
    assert ["Message 0", "Message 1"] == sorted(
        row["text"] for row in stored_comments(limited_server)
    )
    nothing_sticks_out_sideways(page)
    assert_screen_passes_without_script(browser, page)


# 3. The kiosk's start screen with answers waiting for the Wi-Fi.


def test_kiosk_start_with_answers_waiting_passes(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    go_offline(page)
    page.get_by_role("button", name="Start").click()
    for word in ["Yes", "Sometimes", "No", "Yes"]:
        page.get_by_role("button", name=word, exact=True).click()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    # For staff only, after a long press on the site name.
    notice = staff_notice(page)
    expect(notice).to_contain_text("1 answer waiting to be sent")
    assert_screen_passes(page)
    page.context.set_offline(False)


# 4. A retired site's feedback box.


def test_a_retired_sites_feedback_box_passes_on_a_phone(phone, live_server):
    db = storage.open_database(live_server.app.config["DATABASE"])
    assert storage.set_site_retired(db, "youth-hub", True)
    db.close()
    response = phone.goto(live_server.url + "/feedback/youth-hub")
    assert 410 == response.status
    expect(phone.get_by_role("heading", name="This kiosk is resting")).to_be_visible()
    expect(phone.get_by_text("Youth hub")).to_be_visible()
    expect(phone.get_by_role("link", name="Take back a message")).to_be_visible()
    expect(phone.get_by_role("button", name="Send")).to_have_count(0)
    nothing_sticks_out_sideways(phone)
    assert_screen_passes(phone)


# 5. Staff sign-in after a wrong password.


def test_sign_in_after_a_wrong_password_passes(page, live_server):
    assert 0 == make_account(live_server.app).exit_code
    page.set_viewport_size(LAPTOP)
    page.goto(live_server.url + "/admin/sign-in")
    page.get_by_label("Your name").fill("sam")
    page.get_by_label("Password").fill(PASSWORD + " but wrong")
    with page.expect_navigation() as tried:
        page.get_by_role("button", name="Sign in").click()
    assert 401 == tried.value.status
    expect(page.get_by_role("alert")).to_have_text("That name and password do not match.")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_text("Signed in as")).to_have_count(0)
    assert_screen_passes(page)


# 6. "You said, we did" before anything is on it, and an unknown site on a phone.


def test_you_said_we_did_with_nothing_yet_passes_on_a_phone(phone, live_server):
    phone.goto(live_server.url + "/you-said-we-did/waiting-room-a")
    expect(phone.get_by_role("heading", name="You said, we did")).to_be_visible()
    expect(phone.get_by_text("Nothing here yet.")).to_be_visible()
    expect(phone.get_by_role("link", name="Tell us what you think")).to_be_visible()
    nothing_sticks_out_sideways(phone)
    assert_screen_passes(phone)


@pytest.mark.parametrize("path", ["/feedback/nowhere", "/you-said-we-did/nowhere"])
def test_an_unknown_site_on_a_phone_passes(phone, live_server, path):
    response = phone.goto(live_server.url + path)
    assert 404 == response.status
    expect(phone.get_by_role("heading", name="We could not find that page.")).to_be_visible()
    expect(phone.get_by_text("Please ask a grown-up to help you")).to_be_visible()
    expect(phone.get_by_role("link", name="Go to the start")).to_be_visible()
    nothing_sticks_out_sideways(phone)
    assert_screen_passes(phone)


# The small links: the help box, on every page a child can write or draw and every
# thank-you, and the way to take a message back.


def test_the_small_links_are_big_enough_to_tap(phone, page, live_server):
    """The help box's phone numbers (Childline, 999) sit inside sentences, and axe
    passes inline links of any height (WCAG 2.5.8); but they are what a child in
    trouble most needs to tap, so they get 44 px like every other target. So does
    "Take back a message you sent". (They were 21 px tall until this test.)
    The kiosk's tablet cannot call: there the numbers are words to read, not links."""
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    help_box = phone.locator(".signposting").first
    expect(help_box).to_contain_text("Childline")
    links = [
        help_box.get_by_role("link", name="0800 1111"),
        help_box.get_by_role("link", name="999"),
        phone.get_by_role("link", name="Take back a message you sent"),
    ]
    for link in links:
        expect(link).to_be_visible()
    assert [] == too_small(links)

    page.goto(live_server.url + "/feedback/waiting-room-a?from=kiosk")
    expect(page.locator(".help-short")).to_contain_text("0800 1111")
    expect(page.locator("a[href^='tel:'], a[href^='sms:']")).to_have_count(0)
