"""Staff preview a survey as typed, in a new tab: the kiosk a child will tap and
the page an adult will fill in on a phone, with nothing saved or sent."""

from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import assert_accessible, read_stored, sign_in
from tests.browser.test_survey_editor import (
    SAFE_IN_THE_WAITING_ROOM,
    assert_page_passes,
    open_child_survey,
)


def preview(page, how: str):
    with page.context.expect_page() as opened:
        page.get_by_role("button", name=f"Preview on a {how}").click()
    tab = opened.value
    tab.wait_for_load_state()
    return tab


def test_staff_preview_the_typed_wording_on_a_kiosk_and_a_phone(staff_page, live_server):
    page = staff_page
    sign_in(page, live_server)
    open_child_survey(page, live_server)
    page.get_by_role("group", name="Question 1").get_by_label("Wording").fill(
        SAFE_IN_THE_WAITING_ROOM
    )
    assert_page_passes(page)

    kiosk = preview(page, "kiosk")
    expect(kiosk.get_by_text("Preview: nothing is sent")).to_be_visible()
    kiosk.get_by_role("button", name="Start").click()
    expect(kiosk.get_by_role("heading", level=1)).to_have_text(SAFE_IN_THE_WAITING_ROOM)
    assert_accessible(kiosk)
    for _ in range(4):
        kiosk.locator("[data-screen='question']:visible").get_by_role("button", name="Yes").click()
    kiosk.get_by_role("button", name="Send").click()
    expect(kiosk.get_by_role("heading", name="Thank you! You did it!")).to_be_visible()
    kiosk.close()

    phone = preview(page, "phone")
    phone.set_viewport_size({"width": 360, "height": 740})
    expect(phone.get_by_role("group", name=SAFE_IN_THE_WAITING_ROOM)).to_be_visible()
    expect(phone.get_by_text("Preview: nothing is sent from this page.")).to_be_visible()
    phone.get_by_role("group", name=SAFE_IN_THE_WAITING_ROOM).get_by_label("Yes").check()
    phone.get_by_role("button", name="Send").click()
    assert_accessible(phone)
    phone.close()

    # The form as typed is still open in its own tab; nothing was saved or sent.
    expect(page.get_by_role("group", name="Question 1").get_by_label("Wording")).to_have_value(
        SAFE_IN_THE_WAITING_ROOM
    )
    assert read_stored(live_server, storage.find_draft, "child-evaluation") is None
    assert 0 == read_stored(live_server, storage.count_submissions)
