"""The drawing pad of the feedback box, in a real browser on a phone and on the
kiosk tablet: a line lands where the finger or mouse drew it, Undo and Clear do
what they say, colours and thickness show, a tap leaves a dot, every control is
big and named, the keyboard passes by, and nothing reaches browser storage."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LEFT_IN_BROWSER_STORAGE, assert_accessible

PHONE = {"width": 360, "height": 740}
TABLET = {"width": 1280, "height": 800}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["phone", "tablet"])

# The smallest box around every pixel that is not white, in canvas pixels.
INK_BOUNDS = """canvas => {
  const { width, height } = canvas;
  const pixels = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  let box = null;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      if (pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255) continue;
      if (!box) box = { left: x, top: y, right: x, bottom: y };
      box.left = Math.min(box.left, x); box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y); box.bottom = Math.max(box.bottom, y);
    }
  }
  return box;
}"""

PIXEL = """(canvas, [x, y]) =>
  Array.from(canvas.getContext("2d").getImageData(Math.round(x), Math.round(y), 1, 1).data)"""

# How many pixels in one canvas column are not white: the thickness of a flat line.
INK_IN_COLUMN = """(canvas, x) => {
  const pixels = canvas.getContext("2d").getImageData(Math.round(x), 0, 1, canvas.height).data;
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 700) count += 1;
  }
  return count;
}"""


class Pad:
    """The pad on the feedback page, and where a point of it is in CSS and canvas pixels."""

    def __init__(self, page):
        self.page = page
        self.fieldset = page.locator("[data-drawing-pad]")
        self.canvas = self.fieldset.locator("canvas")
        self.canvas.scroll_into_view_if_needed()
        self.box = self.canvas.bounding_box()
        self.width = int(self.canvas.get_attribute("width"))
        self.height = int(self.canvas.get_attribute("height"))

    def css(self, fx, fy):
        """The viewport position at a fraction of the canvas's width and height."""
        return self.box["x"] + fx * self.box["width"], self.box["y"] + fy * self.box["height"]

    def pixel_at(self, fx, fy):
        return self.canvas.evaluate(PIXEL, [fx * self.width, fy * self.height])

    def draw(self, start, end):
        """A stroke with the mouse from one fraction of the canvas to another."""
        self.page.mouse.move(*self.css(*start))
        self.page.mouse.down()
        self.page.mouse.move(*self.css(*end), steps=12)
        self.page.mouse.up()

    def ink(self):
        return self.canvas.evaluate(INK_BOUNDS)

    def choose(self, name):
        self.fieldset.get_by_role("radio", name=name, exact=True).check()

    def press(self, name):
        self.fieldset.get_by_role("button", name=name, exact=True).click()

    def is_blank(self):
        """What a screen reader tells: the canvas's name, and whether Clear can be pressed."""
        clear = self.fieldset.get_by_role("button", name="Clear", exact=True)
        named_empty = "Drawing space, empty" == self.canvas.get_attribute("aria-label")
        assert named_empty == ("true" == clear.get_attribute("aria-disabled"))
        return named_empty


@pytest.fixture
def pad(page, live_server, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/feedback/waiting-room-a")
    return Pad(page)


def hex_to_rgba(colour):
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)] + [255]


@VIEWPORTS
def test_a_stroke_lands_where_it_was_drawn(pad, live_server):
    assert (live_server.app.config["DRAWING_WIDTH"], live_server.app.config["DRAWING_HEIGHT"]) == (
        pad.width,
        pad.height,
    )
    assert None is pad.ink()
    expect(pad.canvas).to_have_accessible_name("Drawing space, empty")

    pad.draw((0.2, 0.25), (0.6, 0.75))

    # The canvas is shown smaller than its pixels: the line must still start and
    # end under the pointer, give or take half a line and a pixel of rounding.
    ink = pad.ink()
    slack = pad.width / 100 / 2 + 3
    assert abs(ink["left"] - 0.2 * pad.width) <= slack, ink
    assert abs(ink["right"] - 0.6 * pad.width) <= slack, ink
    assert abs(ink["top"] - 0.25 * pad.height) <= slack, ink
    assert abs(ink["bottom"] - 0.75 * pad.height) <= slack, ink
    assert [255, 255, 255, 255] == pad.pixel_at(0.8, 0.2), "the rest stays white paper"
    assert not pad.is_blank()
    expect(pad.canvas).to_have_accessible_name("Your drawing, 1 line")


@VIEWPORTS
def test_the_canvas_fits_the_screen_and_keeps_its_shape(pad, viewport):
    assert pad.box["x"] >= 0 and pad.box["x"] + pad.box["width"] <= viewport["width"]
    assert pad.box["width"] / pad.box["height"] == pytest.approx(pad.width / pad.height, rel=0.01)
    assert viewport["width"] >= pad.page.evaluate("() => document.documentElement.scrollWidth")


@VIEWPORTS
def test_undo_takes_away_the_last_line_and_clear_empties_the_pad(pad):
    pad.draw((0.1, 0.2), (0.4, 0.2))
    pad.draw((0.1, 0.8), (0.4, 0.8))
    assert [255, 255, 255, 255] != pad.pixel_at(0.25, 0.8)

    pad.press("Undo")
    assert [255, 255, 255, 255] == pad.pixel_at(0.25, 0.8), "the last line is gone"
    assert [255, 255, 255, 255] != pad.pixel_at(0.25, 0.2), "the first line stays"
    assert not pad.is_blank()

    pad.press("Clear")
    assert None is pad.ink()
    assert pad.is_blank()
    expect(pad.canvas).to_have_accessible_name("Drawing space, empty")

    # A Clear tapped by mistake can be taken back too.
    pad.press("Undo")
    assert [255, 255, 255, 255] != pad.pixel_at(0.25, 0.2)
    assert not pad.is_blank()


@VIEWPORTS
def test_colour_and_thickness_change_what_is_drawn(pad):
    pad.draw((0.1, 0.3), (0.5, 0.3))
    thin = pad.canvas.evaluate(INK_IN_COLUMN, 0.3 * pad.width)
    assert hex_to_rgba("#1f2d3a") == pad.pixel_at(0.3, 0.3), "dark until another colour is chosen"

    blue = pad.fieldset.get_by_role("radio", name="Blue", exact=True).get_attribute("value")
    pad.choose("Blue")
    pad.choose("Thick")
    pad.draw((0.1, 0.7), (0.5, 0.7))
    thick = pad.canvas.evaluate(INK_IN_COLUMN, 0.3 * pad.width)

    assert hex_to_rgba(blue) == pad.pixel_at(0.3, 0.7)
    assert thick >= 2.5 * thin > 0, (thin, thick)


@VIEWPORTS
def test_a_tap_with_a_finger_leaves_a_dot(pad):
    pad.page.touchscreen.tap(*pad.css(0.5, 0.5))

    ink = pad.ink()
    assert ink is not None
    centre = ((ink["left"] + ink["right"]) / 2, (ink["top"] + ink["bottom"]) / 2)
    assert centre == pytest.approx((0.5 * pad.width, 0.5 * pad.height), abs=3)
    assert 4 <= ink["right"] - ink["left"] <= 16, ink
    assert not pad.is_blank()


@VIEWPORTS
def test_every_control_is_big_enough_and_named(pad):
    names = ["Black", "Blue", "Green", "Purple", "Orange", "Thin", "Thick"]
    controls = [pad.fieldset.get_by_role("radio", name=n, exact=True) for n in names]
    controls += [pad.fieldset.get_by_role("button", name=n, exact=True) for n in ["Undo", "Clear"]]
    for control in controls:
        box = control.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (control, box)
    for name in ["Undo", "Clear"]:
        button = pad.fieldset.get_by_role("button", name=name, exact=True)
        assert "button" == button.get_attribute("type"), "never sends the form"
    expect(pad.fieldset).to_have_accessible_name("Draw something (if you want to)")
    expect(pad.fieldset.get_by_role("group", name="Colour")).to_be_visible()
    expect(pad.fieldset.get_by_role("group", name="Line")).to_be_visible()


@VIEWPORTS
def test_axe_finds_nothing_with_the_pad_in_use(pad):
    assert_accessible(pad.page)
    pad.choose("Green")
    pad.draw((0.2, 0.2), (0.7, 0.6))
    pad.press("Undo")
    assert_accessible(pad.page)


# Where focus is: inside the pad (and what), or before or after it in the page.
FOCUS_PLACE = """pad => {
  const here = document.activeElement;
  if (pad.contains(here)) return (here.labels?.[0] ?? here).textContent.trim();
  return pad.compareDocumentPosition(here) & Node.DOCUMENT_POSITION_FOLLOWING ? "after" : "before";
}"""


@VIEWPORTS
def test_the_keyboard_tabs_past_the_pad_in_both_directions(pad):
    page = pad.page
    pad.fieldset.get_by_role("radio", name="Black").focus()
    page.keyboard.press("Shift+Tab")
    assert "before" == pad.fieldset.evaluate(FOCUS_PLACE)

    stops = []
    for _ in range(10):
        page.keyboard.press("Tab")
        place = pad.fieldset.evaluate(FOCUS_PLACE)
        if place == "after":
            break
        stops.append(place)
    # One stop per choice (arrow keys move within it), the two buttons, and on:
    # the canvas never takes focus, so it can never hold it.
    assert ["Black", "Thin", "Undo", "Clear"] == stops
    assert "after" == pad.fieldset.evaluate(FOCUS_PLACE)

    for _ in range(5):
        page.keyboard.press("Shift+Tab")
    assert "before" == pad.fieldset.evaluate(FOCUS_PLACE)


@VIEWPORTS
def test_the_drawing_never_reaches_browser_storage(pad):
    pad.choose("Purple")
    pad.draw((0.2, 0.2), (0.8, 0.8))
    pad.page.touchscreen.tap(*pad.css(0.3, 0.7))
    stored = pad.page.evaluate(
        """async () => ({
            kept: ("""
        + LEFT_IN_BROWSER_STORAGE
        + """)(),
            databases: (await indexedDB.databases()).length,
        })"""
    )
    assert {"kept": [], "databases": 0} == stored
