"""The kiosk fits the tablet it is on: every word inside its card at any size
and zoom, in English and in a language of long words; the chosen face plain
to see in high-contrast mode; nothing looking chosen that was not; Stop gone
once the answers are sent."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import fake_speech
from tests.browser.kiosk_checks import VIEWPORTS, assert_nothing_spills

KIOSK = "/kiosk/waiting-room-a"
# Start, Read to me, Stop and Change in each language (the survey's own words
# are English in both: their translations are a later step).
WORDS = {
    "en": {"start": "Start", "read": "Read to me", "stop": "Stop", "change": "Change"},
    "pl": {"start": "Zacznij", "read": "Przeczytaj mi", "stop": "Przerwij", "change": "Zmień"},
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
