"""Colour contrast on every feedback box screen in every state: from the kiosk
and from a phone, at 1024x768 and 390x844, and the phone's take-back page."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import WCAG_TAGS, fake_speech

BOX = "/feedback/waiting-room-a"
TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}


def send_button(page):
    return page.get_by_role("button", name="Send")


# Colour contrast on every box screen in every state. axe-core checks text
# contrast, but once passed a button whose words were the colour of its
# background (#2f5d8a on #2f5d8a), so each visible button and link is also
# measured here: its text colour against the first background behind it that
# is not transparent, at least 3:1 (the floor for large text and controls).

TOO_FAINT = """() => {
  const rgba = (colour) => {
    const parts = colour.match(/[\\d.]+/g).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const luminance = ({ r, g, b }) => {
    const linear = (c) =>
      c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const behind = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const colour = rgba(getComputedStyle(e).backgroundColor);
      if (colour.a > 0) return colour;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const faint = [];
  for (const element of document.querySelectorAll("a, button")) {
    const box = element.getBoundingClientRect();
    const shows = element.checkVisibility({ visibilityProperty: true });
    if (!shows || !box.width || !box.height || !element.innerText.trim()) continue;
    const text = luminance(rgba(getComputedStyle(element).color));
    const [light, dark] = [text, luminance(behind(element))].sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    if (ratio < 3) faint.push(`${element.innerText.trim()}: ${ratio.toFixed(2)}`);
  }
  return faint;
}"""


def assert_readable(page):
    """axe-core, with its colour-contrast rule run on what shows, and every
    visible button and link measured."""
    assert [] == page.evaluate(TOO_FAINT)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert 0 == results.violations_count, results.generate_report()
    checked = {rule["id"] for key in ("passes", "incomplete") for rule in results.response[key]}
    assert "color-contrast" in checked


def states_of_the_box(page, start: str):
    """Each state of the box opened at `start`, one after another, named."""
    page.goto(start)
    page.wait_for_load_state("load")
    yield "opened"
    from_kiosk = page.get_by_role("button", name="Draw it").count() > 0
    if from_kiosk:
        page.get_by_role("button", name="Draw it").click()
        yield "drawing"
        page.get_by_role("button", name="Write it").click()
        yield "writing"
    send_button(page).click()
    expect(page.get_by_role("alert").filter(has_text="first")).to_be_visible()
    yield "nothing to send"
    page.get_by_label("Write your message").fill("The garden is nice")
    send_button(page).click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    yield "thank-you"


@pytest.mark.parametrize("window", [TABLET, PHONE], ids=["tablet", "phone-size"])
@pytest.mark.parametrize("opened", ["from the kiosk", "from a phone"])
def test_every_box_screen_is_readable_in_every_state(page, live_server, window, opened):
    page.set_viewport_size(window)
    # A voice, so "Read to me" shows and is checked too.
    page.add_init_script(fake_speech("en-GB"))
    start = live_server.url + BOX + ("?from=kiosk" if opened == "from the kiosk" else "")
    seen = []
    for state in states_of_the_box(page, start):
        seen.append(state)
        expect(page.get_by_role("button", name="Read to me").first).to_be_visible()
        assert_readable(page)
    expected = ["opened", "nothing to send", "thank-you"]
    if opened == "from the kiosk":
        expected[1:1] = ["drawing", "writing"]
    assert expected == seen


@pytest.mark.parametrize("window", [TABLET, PHONE], ids=["tablet", "phone-size"])
def test_the_take_back_page_is_readable_in_every_state(page, live_server, window):
    """Only from a phone: the kiosk never leads here (test_withdraw.py)."""
    page.set_viewport_size(window)
    page.goto(live_server.url + BOX)
    page.get_by_label("Write your message").fill("I changed my mind")
    send_button(page).click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    code = page.locator("[data-receipt-code]").inner_text()
    page.get_by_role("link", name="Take back a message").click()
    expect(page.get_by_label("Your receipt code")).to_be_visible()
    assert_readable(page)
    for typed, problem in [("not a code", "does not look like"), ("ant-ant-ant", "could not find")]:
        page.get_by_label("Your receipt code").fill(typed)
        page.get_by_role("button", name="Delete my message").click()
        expect(page.get_by_role("alert")).to_contain_text(problem)
        assert_readable(page)
    page.get_by_label("Your receipt code").fill(code)
    page.get_by_role("button", name="Delete my message").click()
    expect(page.get_by_role("status")).to_contain_text("Your message has been deleted")
    assert_readable(page)
