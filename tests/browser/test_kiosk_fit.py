"""The kiosk fits the tablet it is on: every word inside its card at any size
and zoom, in English and in a language of long words; the chosen face plain
to see in high-contrast mode; nothing looking chosen that was not; Stop gone
once the answers are sent."""

import pytest
from playwright.sync_api import expect

from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION, BUILT_IN_BY_SLUG
from tests.browser.conftest import (
    answer_at_the_kiosk,
    fake_speech,
    hold_tablet_tokens,
    live_database,
)
from tests.browser.kiosk_checks import VIEWPORTS, assert_nothing_spills

KIOSK = "/kiosk/waiting-room-a"
ADULTS = BUILT_IN_BY_SLUG[ADULT_EVALUATION]
# Start, Read to me, Stop and Change in each language (the survey's own words
# are English in both: their translations are a later step).
WORDS = {
    "en": {
        "start": "Start",
        "read": "Read to me",
        "stop": "Stop",
        "change": "Change",
        "send": "Send",
        "finish": "Finish",
    },
    "pl": {
        "start": "Zacznij",
        "read": "Przeczytaj mi",
        "stop": "Przerwij",
        "change": "Zmień",
        "send": "Wyślij",
        "finish": "Koniec",
    },
}


def assert_tools_readable(page, where):
    """Stop and Read to me keep their words and an icon a child can see."""
    for tool in page.locator(".kiosk-bar .tool:visible").all():
        label = tool.locator("span")
        expect(label).to_be_visible()
        assert label.bounding_box()["width"] > 10, where
        icon = tool.locator("img").bounding_box()
        assert icon["width"] >= 24 and icon["height"] >= 24, (where, icon)


@pytest.mark.parametrize("language", ["en", "pl"])
@pytest.mark.parametrize("size", VIEWPORTS)
def test_every_word_stays_in_its_box(page, live_server, size, language):
    page.add_init_script(fake_speech("en-GB", "pl-PL"))
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(live_server.url + KIOSK + f"?lang={language}")
    words = WORDS[language]
    assert_nothing_spills(page, f"start, {size}, {language}")
    page.get_by_role("button", name=words["start"]).click()
    expect(page.get_by_role("button", name="Sometimes", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name=words["read"])).to_be_visible()
    expect(page.get_by_role("button", name=words["stop"])).to_be_visible()
    assert_tools_readable(page, f"question, {size}, {language}")
    assert_nothing_spills(page, f"question, {size}, {language}")
    for word in ("Sometimes", "Sometimes", "Sometimes", "Sometimes"):
        page.get_by_role("button", name=word, exact=True).click()
    expect(page.get_by_role("button", name=words["change"]).first).to_be_visible()
    assert_nothing_spills(page, f"review, {size}, {language}")
    page.get_by_role("button", name=words["send"]).click()
    expect(page.get_by_role("button", name=words["finish"])).to_be_visible()
    assert_nothing_spills(page, f"thanks, {size}, {language}")


# How a face or option looks: what sets it apart from the others.
LOOK = """(e) => {
  const s = getComputedStyle(e);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.borderTopStyle, s.borderTopWidth,
          s.borderTopColor, s.backgroundColor, s.boxShadow].join(" ");
}"""


def looks(locator) -> str:
    return locator.evaluate(LOOK)


def test_the_chosen_face_stands_out_in_high_contrast_mode(page, live_server):
    page.emulate_media(forced_colors="active", reduced_motion="reduce")
    page.goto(live_server.url + KIOSK)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="No", exact=True).click()
    page.get_by_role("button", name="Back").click()
    faces = page.locator("[data-screen='question']:visible .face")
    chosen = faces.and_(page.locator("[aria-pressed='true']"))
    expect(chosen).to_have_attribute("data-answer", "no")
    others = faces.and_(page.locator("[aria-pressed='false']"))
    assert looks(others.first) == looks(others.last)
    assert looks(chosen) != looks(others.first)
    outline = chosen.evaluate("(e) => getComputedStyle(e).outlineStyle")
    assert "none" != outline, "an outline: forced colours keep it, and its system colour"


@pytest.fixture
def laptop(browser, live_server):
    """A set-up kiosk on a screen with a mouse and no touch: hover is real here."""
    context = browser.new_context(viewport=VIEWPORTS["1024x768"], reduced_motion="reduce")
    context.add_init_script(hold_tablet_tokens(live_server.tokens))
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("tablet_or_laptop", ["page", "laptop"])
def test_after_start_with_a_mouse_no_face_looks_chosen(request, live_server, tablet_or_laptop):
    page = request.getfixturevalue(tablet_or_laptop)
    page.emulate_media(reduced_motion="reduce")
    page.goto(live_server.url + KIOSK)
    page.get_by_role("button", name="Start").click()
    faces = page.locator("[data-screen='question']:visible .face")
    expect(faces).to_have_count(3)
    # The mouse is still where Start was: over one of the faces.
    assert 1 == len({looks(face) for face in faces.all()})


def test_a_focused_face_does_not_look_chosen(page, live_server):
    page.emulate_media(reduced_motion="reduce")
    page.goto(live_server.url + KIOSK)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Yes", exact=True).click()
    page.get_by_role("button", name="Back").click()
    faces = page.locator("[data-screen='question']:visible .face")
    chosen_look = looks(faces.first)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(faces.nth(1)).to_be_focused()
    focused, resting = looks(faces.nth(1)).split(), looks(faces.last).split()
    assert chosen_look.split()[6:] != focused[6:], "background and shadow are the chosen face's own"
    assert resting[6:] == focused[6:]


def test_the_start_screens_faces_are_only_decoration(page, live_server):
    """Small, with no button look: they only say "faces are coming"; Start starts."""
    page.goto(live_server.url + KIOSK)
    start = page.get_by_role("button", name="Start").bounding_box()
    for face in page.locator(".start-faces img").all():
        box = face.bounding_box()
        assert box["height"] < start["height"], box
        assert "pointer" != face.evaluate("(e) => getComputedStyle(e).cursor")


def test_the_thank_you_offers_finish_but_not_stop(page, live_server):
    page.goto(live_server.url + KIOSK)
    answer_at_the_kiosk(page)
    expect(page.get_by_role("button", name="Finish")).to_be_visible()
    expect(page.get_by_role("button", name="Stop")).to_be_hidden()


def test_a_mouse_moving_over_a_face_marks_it_less_than_chosen(laptop, live_server):
    page = laptop
    page.goto(live_server.url + KIOSK)
    assert page.evaluate("() => matchMedia('(hover: hover)').matches"), "a mouse here"
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Yes", exact=True).click()
    page.get_by_role("button", name="Back").click()
    faces = page.locator("[data-screen='question']:visible .face")
    chosen, resting = looks(faces.first), looks(faces.last)
    faces.nth(1).hover()
    hovered = looks(faces.nth(1))
    assert resting != hovered, "the card under the mouse answers it"
    assert chosen.split()[6:] != hovered.split()[6:], "but not with the chosen fill and ring"


@pytest.mark.parametrize("size", VIEWPORTS)
def test_are_you_still_there_fits(page, live_server, size):
    page.clock.install()
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(live_server.url + KIOSK)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(61_000)
    expect(page.get_by_role("dialog", name="Are you still there?")).to_be_visible()
    assert_nothing_spills(page, f"still there, {size}")


@pytest.fixture
def adults(live_server):
    """The site runs the adult evaluation: scales, and a question answered in words."""
    with live_database(live_server) as db:
        storage.set_kiosk_survey(db, "waiting-room-a", ADULT_EVALUATION)


@pytest.mark.parametrize("size", VIEWPORTS)
def test_every_scale_word_stays_in_its_box(page, live_server, adults, size):
    page.set_viewport_size(VIEWPORTS[size])
    page.goto(live_server.url + KIOSK)
    page.get_by_role("button", name="Start").click()
    for number in range(1, len(ADULTS.questions) + 1):
        expect(page.get_by_text(f"{number} of {len(ADULTS.questions)}")).to_be_visible()
        assert_nothing_spills(page, f"question {number}, {size}")
        page.locator("[data-screen='question']:visible [data-answer='skip']").click()
    expect(page.get_by_role("button", name="Send")).to_be_visible()
    assert_nothing_spills(page, f"review, {size}")


def test_the_chosen_scale_option_stands_out_in_high_contrast_mode(page, live_server, adults):
    page.emulate_media(forced_colors="active", reduced_motion="reduce")
    page.goto(live_server.url + KIOSK)
    page.get_by_role("button", name="Start").click()
    options = page.locator("[data-screen='question']:visible .scale-option")
    options.nth(1).click()
    page.get_by_role("button", name="Back").click()
    # Away from the options: forced colours give the one under a mouse a border of their own.
    page.mouse.move(1, 1)
    chosen = options.and_(page.locator("[aria-pressed='true']"))
    expect(chosen).to_have_count(1)
    others = options.and_(page.locator("[aria-pressed='false']"))
    assert looks(others.first) == looks(others.last)
    assert looks(chosen) != looks(others.first)
