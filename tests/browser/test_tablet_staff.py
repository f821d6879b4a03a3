"""Staff set up a tablet from the Sites page, see it listed with its date, and stop it."""

import datetime
import re

from playwright.sync_api import expect

from admin import dates
from kiosk import storage
from tests.browser.conftest import answer_at_the_kiosk, assert_accessible, read_stored, sign_in


def test_staff_set_up_a_tablet_then_stop_it(staff_page, live_server, browser):
    page = staff_page
    sign_in(page, live_server)
    page.get_by_role("link", name="Sites").click()
    page.get_by_label("Name for the new tablet").first.fill("Tablet by the door")
    page.get_by_role("button", name="Set up a tablet for Waiting room A").click()
    expect(page.get_by_role("heading", name="Set up a tablet for Waiting room A")).to_be_visible()
    expect(page.get_by_role("img", name="QR code that sets up a tablet")).to_be_visible()
    code = page.locator("[data-setup-code]").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    link = page.get_by_role("link", name=re.compile("#enrol=")).get_attribute("href")
    assert link.endswith(f"/kiosk/waiting-room-a#enrol={code}")
    assert_accessible(page)

    tablet_context = browser.new_context(has_touch=True)
    tablet = tablet_context.new_page()
    tablet.goto(link.replace("http://127.0.0.1:5000", live_server.url))
    expect(tablet.get_by_role("button", name="Start")).to_be_visible()

    page.goto(live_server.url + "/admin/sites")
    today = dates.day_in_words(datetime.date.today())
    row = page.get_by_role("row", name="Tablet by the door")
    expect(row.get_by_role("cell", name=today, exact=True)).to_be_visible()
    expect(row.get_by_role("cell", name="No answers from a tablet yet", exact=True)).to_be_visible()
    assert_accessible(page)
    row.get_by_role("button", name=re.compile("Stop this tablet")).click()
    expect(page.get_by_role("status")).to_have_text(
        f"Stopped Tablet by the door set up on {today}."
    )
    expect(page.get_by_role("row", name="Tablet by the door")).to_have_count(0)
    page.get_by_role("link", name="Audit log").click()
    for action in ("made a tablet setup code", "stopped a tablet"):
        expect(page.get_by_role("cell", name=action, exact=True)).to_be_visible()

    answer_at_the_kiosk(tablet)
    tablet.get_by_role("button", name="Finish").click()
    expect(tablet.get_by_text("This tablet needs setting up again.")).to_be_visible()
    assert 0 == read_stored(live_server, storage.count_submissions)
    tablet_context.close()
