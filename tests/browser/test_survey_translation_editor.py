"""A member of staff opens the adult evaluation's Arabic translation from the
survey editor: the boxes are written right to left, in Arabic, and the page
passes axe-core with and without a problem showing."""

from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import assert_accessible, read_stored, sign_in

ADULT_TITLE = "Co-production evaluation for adults"


def small_targets(page) -> list:
    """Buttons and links under 44 px high, text boxes under 44 px high."""
    main = page.locator("main")
    found = []
    for target in [
        *main.get_by_role("button").all(),
        *main.get_by_role("link").all(),
        *main.locator("textarea, input[type=text]").all(),
    ]:
        if target.is_visible() and target.bounding_box()["height"] < 44:
            found.append(target.get_attribute("name") or target.inner_text())
    return found


def test_the_arabic_translation_is_edited_right_to_left_and_passes_axe(staff_page, live_server):
    page = staff_page
    sign_in(page, live_server)
    page.goto(live_server.url + "/admin/surveys/adult-evaluation/edit")
    expect(page.locator(".survey-translations")).to_contain_text(
        "العربية (Arabic): complete, 5 of 5 questions."
    )
    page.locator(".survey-translations").get_by_role("link", name="العربية (Arabic)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("(Arabic) translation of")
    wording = page.get_by_label("Wording of question 1")
    expect(wording).to_have_value("بشكل عام، ما مدى رضاك عن اجتماعاتنا؟")
    for box in page.locator("main textarea, main input[type=text]").all():
        expect(box).to_have_attribute("dir", "rtl")
        expect(box).to_have_attribute("lang", "ar")
    # The text really runs right to left: it starts at the box's right edge.
    assert "rtl" == wording.evaluate("(el) => getComputedStyle(el).direction")
    assert_accessible(page)
    assert [] == small_targets(page)

    options = page.get_by_label("Options, one per line, question 1")
    options.fill("راضٍ جدًا\nمحايد")
    page.get_by_role("button", name="Save draft").last.click()
    expect(page.get_by_role("alert")).to_contain_text("Please write all 5 options")
    expect(page.get_by_label("Options, one per line, question 1")).to_have_value("راضٍ جدًا\nمحايد")
    assert_accessible(page)

    page.get_by_label("Options, one per line, question 1").fill(
        "راضٍ جدًا\nراضٍ\nمحايد\nغير راضٍ\nغير راضٍ أبدًا"
    )
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text("Published version 2")
    latest = read_stored(live_server, storage.latest_version, "adult-evaluation")
    assert 2 == latest.version
    assert "غير راضٍ أبدًا" == latest.in_language("ar").questions[0].options[4]
