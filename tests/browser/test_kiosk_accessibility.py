"""Every kiosk screen: axe-core finds nothing, targets are big enough for small
fingers, and every control has a name. Read-aloud uses the browser's own voice."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, fake_speech

TABLET_PORTRAIT = {"width": 800, "height": 1280}
TABLET_LANDSCAPE = {"width": 1280, "height": 800}


def visible_targets(page):
    """Everything a child can tap: buttons and links."""
    targets = page.get_by_role("button").all() + page.get_by_role("link").all()
    return [target for target in targets if target.is_visible()]


def assert_targets_big_enough(page):
    for target in visible_targets(page):
        box = target.bounding_box()
        name = target.inner_text() or target.get_attribute("aria-label")
        smallest = 96 if "face" in (target.get_attribute("class") or "") else 44
        assert box["width"] >= smallest and box["height"] >= smallest, (name, box)
        assert name.strip(), "every control has a visible name"


def walk_every_screen(page, live_server):
    """Yield at each screen a child can see, in order."""
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    yield "start"
    page.get_by_role("button", name="Start").click()
    for number, word in enumerate(["Yes", "Sometimes", "No", "Skip"], start=1):
        expect(page.get_by_text(f"{number} of 4")).to_be_visible()
        yield f"question {number}"
        page.get_by_role("button", name=word, exact=True).click()
    expect(page.get_by_role("heading", name="Here are your answers")).to_be_visible()
    yield "review"
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_be_visible()
    # Shown once the answers are sent; it is a target too.
    expect(page.get_by_role("link", name="Tell us more")).to_be_visible()
    yield "thanks"


@pytest.mark.parametrize(
    "viewport", [TABLET_LANDSCAPE, TABLET_PORTRAIT], ids=["landscape", "portrait"]
)
def test_every_screen_passes_axe_and_target_sizes(page, live_server, viewport):
    page.set_viewport_size(viewport)
    seen = []
    for screen in walk_every_screen(page, live_server):
        assert_accessible(page)
        assert_targets_big_enough(page)
        seen.append(screen)
    assert 7 == len(seen)


def test_faces_are_at_least_96_px_and_named_exactly(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.get_by_role("button", name="Start").click()
    for word in ["Yes", "Sometimes", "No"]:
        face = page.get_by_role("button", name=word, exact=True)
        box = face.bounding_box()
        assert box["width"] >= 96 and box["height"] >= 96
        assert word == face.inner_text().strip()


def test_the_still_there_question_passes_axe(page, live_server):
    page.clock.install()
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(61_000)
    expect(page.get_by_role("dialog", name="Are you still there?")).to_be_visible()
    assert_accessible(page)
    assert_targets_big_enough(page)


def test_the_not_found_page_passes_axe(page, live_server):
    page.goto(live_server.url + "/kiosk/nowhere")
    assert_accessible(page)
    expect(page.get_by_role("link", name="Go to the start")).to_be_visible()
    assert_targets_big_enough(page)


def test_read_aloud_says_the_question_and_the_choices(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Read to me").click()
    said = page.evaluate("() => fakeSpeech.queued()")
    assert "Do you feel safe during our meetings?" in said
    for word in ["Yes", "Sometimes", "No"]:
        assert word in said


def test_read_aloud_is_hidden_without_speech(page, live_server):
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    expect(page.get_by_role("button", name="Read to me")).to_be_hidden()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
