"""Arabic and Urdu read right to left. Their pages say so (dir="rtl") and the
layout mirrors: a child reading from the right finds the Yes face first, on the
right, and Back on the side they came from; in English (and in Punjabi, read
left to right) it is the other way round. The drawing pad still puts a line
under the finger: its canvas is never mirrored."""

import json

import pytest
from playwright.sync_api import expect

from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION
from tests.browser.conftest import QUEUE_EMPTY, assert_accessible, live_database, read_stored
from tests.browser.test_drawing_pad import Pad

KIOSK = "/kiosk/waiting-room-a"
# Where a reader of each language starts a line.
STARTS_ON = {"en": "left", "pa": "left", "ar": "right", "ur": "right"}


def visible_screen(page):
    return page.locator("[data-screen]:visible")


def middle(locator) -> float:
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2


def in_reading_order(code: str, *locators) -> bool:
    """Each locator comes after the one before, for a reader of that language."""
    xs = [middle(locator) for locator in locators]
    if STARTS_ON[code] == "right":
        xs = [-x for x in xs]
    return xs == sorted(xs) and len(set(xs)) == len(xs)


def test_a_child_taps_arabic_and_answers_with_the_faces_mirrored(page, live_server):
    page.goto(live_server.url + KIOSK)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.get_by_role("link", name="العربية").click()
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", name="قل لنا رأيك")).to_be_visible()
    # axe checks each of these screens in Arabic in test_languages.py (every screen).

    page.get_by_role("button", name="ابدأ").click()
    expect(page.get_by_text("1 من 4")).to_be_visible()
    screen = visible_screen(page)
    yes, sometimes, no = (screen.locator(f".face-{key}") for key in ("yes", "sometimes", "no"))
    # Yes, where a reader of Arabic starts: on the right.
    assert middle(yes) > middle(sometimes) > middle(no)
    yes.click()

    expect(page.get_by_text("2 من 4")).to_be_visible()
    nav = visible_screen(page).locator(".question-nav")
    # Back points the way the child came: to the right, before Skip.
    assert middle(nav.locator("[data-action='back']")) > middle(nav.locator("[data-answer='skip']"))
    for _ in range(3):
        visible_screen(page).locator(".face-yes").click()

    expect(page.get_by_role("heading", name="هذه أجوبتك")).to_be_visible()
    page.get_by_role("button", name="أرسل").click()
    status = page.get_by_role("status")
    expect(status).to_contain_text("شكرًا!")
    expect(status).to_contain_text("0800 1111")
    expect(status).to_contain_text("999")
    page.wait_for_function(QUEUE_EMPTY)
    [stored] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    assert {"yes"} == set(json.loads(stored["answers"]).values())
    assert "ar" not in stored.values()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_adult_scales_start_at_the_top_and_back_on_the_readers_side(page, live_server, code):
    """A scale is a list, top to bottom: the most positive word is first to read
    in every language. Its words line up where the reader starts."""
    with live_database(live_server) as db:
        storage.set_kiosk_survey(db, "waiting-room-a", ADULT_EVALUATION)
    page.goto(live_server.url + KIOSK + f"?lang={code}")
    page.locator("[data-action='start']").click()
    options = visible_screen(page).locator(".scale-option")
    first, last = options.first.bounding_box(), options.last.bounding_box()
    assert first["y"] < last["y"]
    assert abs(first["x"] - last["x"]) < 1, "one column, not mirrored sideways"
    assert_accessible(page)
    options.first.click()
    nav = visible_screen(page).locator(".question-nav")
    assert in_reading_order(
        code, nav.locator("[data-action='back']"), nav.locator("[data-answer='skip']")
    )


class TestWhereEachReaderStarts:
    """These only read pages: they share one server."""

    @pytest.fixture
    def live_server(self, class_live_server):
        return class_live_server

    @pytest.mark.parametrize("code", ["en", "ar", "ur", "pa"])
    def test_the_faces_and_back_start_where_the_reader_starts(self, page, live_server, code):
        page.goto(live_server.url + KIOSK + f"?lang={code}")
        reads = "ltr" if code in ("en", "pa") else "rtl"
        expect(page.locator("html")).to_have_attribute("dir", reads)
        # The faces on the start screen too.
        start_faces = page.locator(".start-faces img")
        assert in_reading_order(code, *(start_faces.nth(i) for i in range(3)))

        page.locator("[data-action='start']").click()
        screen = visible_screen(page)
        faces = [screen.locator(f".face-{key}") for key in ("yes", "sometimes", "no")]
        assert in_reading_order(code, *faces)
        faces[0].click()
        nav = visible_screen(page).locator(".question-nav")
        assert in_reading_order(
            code, nav.locator("[data-action='back']"), nav.locator("[data-answer='skip']")
        )

    @pytest.mark.parametrize("code", ["ar", "ur"])
    def test_the_drawing_pad_is_not_mirrored(self, page, live_server, code):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(live_server.url + f"/feedback/waiting-room-a?lang={code}")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        pad = Pad(page)
        pad.draw((0.2, 0.25), (0.6, 0.75))
        ink = pad.ink()
        slack = pad.width / 100 / 2 + 3
        assert abs(ink["left"] - 0.2 * pad.width) <= slack, ink
        assert abs(ink["right"] - 0.6 * pad.width) <= slack, ink
        assert abs(ink["top"] - 0.25 * pad.height) <= slack, ink
        assert [255, 255, 255, 255] == pad.pixel_at(0.8, 0.2), "nothing drawn on the mirrored side"
        assert_accessible(page)


def test_left_alone_in_urdu_the_kiosk_asks_in_urdu_then_goes_back(page, live_server):
    page.clock.install()
    page.goto(live_server.url + KIOSK + "?lang=ur")
    expect(page.get_by_role("heading", name="ہمیں بتائیں آپ کیا سوچتے ہیں")).to_be_visible()
    page.clock.run_for(61_000)
    dialog = page.get_by_role("dialog", name="کیا آپ ابھی یہیں ہیں؟")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="میں ابھی یہیں ہوں")).to_be_visible()
    assert_accessible(page)
    page.clock.run_for(31_000)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
