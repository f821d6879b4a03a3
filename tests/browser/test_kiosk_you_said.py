"""Where children see "You said, we did": the latest entry on the idle start
screen, short, and on the 15-second thank-you without scrolling, even when
staff used every letter the form allows."""

import datetime

import pytest
from playwright.sync_api import expect

from kiosk import storage
from kiosk.storage.you_said import DID_MAX_CHARS, HEARD_MAX_CHARS
from tests.browser.conftest import answer_at_the_kiosk, live_database
from tests.browser.kiosk_checks import VIEWPORTS, assert_nothing_spills

KIOSK = "/kiosk/waiting-room-a"
HEARD = ("The chairs in the waiting room are too hard to sit on for long. " * 4)[:HEARD_MAX_CHARS]
DID = ("We bought soft cushions for every chair, and a beanbag for the corner. " * 5)[
    :DID_MAX_CHARS
]


@pytest.fixture
def entries(live_server):
    with live_database(live_server) as db:
        storage.add_you_said(db, "waiting-room-a", HEARD, DID, datetime.date(2026, 11, 20))
        for day in (10, 11):
            older = datetime.date(2026, 11, day)
            storage.add_you_said(db, "waiting-room-a", f"Older {day}.", "Something.", older)


def assert_on_screen(page, locator):
    box = locator.bounding_box()
    size = page.viewport_size
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (box, size)
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (box, size)


@pytest.mark.parametrize("size", ["1024x768", "768x1024"])
def test_the_start_screen_shows_the_latest_entry_short(page, live_server, entries, size):
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(live_server.url + KIOSK)
    latest = page.get_by_role("region", name="You said, we did")
    expect(latest).to_contain_text("You said: The chairs in the waiting room")
    expect(latest).to_contain_text("We did: We bought soft cushions")
    expect(latest).not_to_contain_text("Older")
    assert len(latest.inner_text()) < 260, "short: the start screen is for Start"
    assert_on_screen(page, latest)
    assert_on_screen(page, page.get_by_role("button", name="Start"))
    assert_nothing_spills(page, f"start, {size}")


@pytest.mark.parametrize("size", ["1024x768", "768x1024"])
def test_the_thank_you_shows_the_latest_entry_without_scrolling(page, live_server, entries, size):
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(live_server.url + KIOSK)
    answer_at_the_kiosk(page)
    you_said = page.get_by_role("region", name="You said, we did")
    latest = you_said.get_by_role("listitem").first
    expect(latest).to_contain_text(f"You said: {HEARD}")
    expect(latest).to_contain_text(f"We did: {DID}")
    assert 0 == page.evaluate("() => scrollY")
    assert_on_screen(page, you_said.get_by_role("heading"))
    assert_on_screen(page, latest)
    assert_on_screen(page, page.get_by_role("button", name="Finish"))
    assert_on_screen(page, page.get_by_text("0800 1111"))
    assert_nothing_spills(page, f"thanks, {size}")


def test_no_entries_no_box_on_the_start_screen(page, live_server):
    page.goto(live_server.url + KIOSK)
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(page.get_by_role("region", name="You said, we did")).to_have_count(0)
