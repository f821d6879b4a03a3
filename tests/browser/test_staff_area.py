"""A staff member signs in on a laptop and reads the counts children gave at the kiosk."""

import re
import time

from playwright.sync_api import expect

from admin import accounts
from kiosk import storage
from tests.browser.conftest import (
    LAPTOP,
    answer_at_the_kiosk,
    assert_accessible,
    sign_in,
)
from tests.conftest import PASSWORD


def test_staff_see_exactly_the_counts_entered_at_the_kiosk(staff_page, live_server):
    page = staff_page
    for words in 3 * [["Yes", "Sometimes", "No", "Skip"]] + 2 * [["No", "Yes", "Yes", "Yes"]]:
        page.goto(live_server.url + "/kiosk/waiting-room-a")
        answer_at_the_kiosk(page, words, wait_until_sent=True)
    sign_in(page, live_server)
    expect(page.get_by_role("heading", name="Weekly summary")).to_be_visible()
    expect(page.get_by_role("heading", level=2).first).to_contain_text("5 responses")
    page.get_by_text("Show this week as a table").click()
    safe = page.get_by_role("row", name=re.compile("Do you feel safe"))
    expect(safe.get_by_role("cell")).to_have_text(["3", "0", "2", "0"])
    ideas = page.get_by_role("row", name=re.compile("Are your ideas"))
    expect(ideas.get_by_role("cell")).to_have_text(["2", "0", "0", "3"])
    assert_accessible(page)

    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("cell", name="signed in")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_have_text("You have signed out.")
    page.goto(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_a_small_week_shows_no_breakdown(staff_page, live_server):
    staff_page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(staff_page, ["No", "No", "No", "No"], wait_until_sent=True)
    sign_in(staff_page, live_server)
    expect(staff_page.get_by_text("No site had enough responses this week")).to_be_visible()
    expect(staff_page.get_by_role("table")).to_have_count(0)
    assert_accessible(staff_page)


def test_a_newcomer_makes_the_first_account_with_the_setup_link(page, live_server):
    token = accounts.new_setup_token()
    staff_file = storage.staff_path(live_server.app.config["DATABASE"])
    db = storage.open_staff_database(staff_file)
    storage.save_setup_link(db, accounts.hash_secret(token), time.time() + 3600)
    db.close()
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}/admin/setup/{token}")
    assert_accessible(page)
    page.get_by_label("Your name").fill("ali")
    page.get_by_label("Password (at least 10 characters)").fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_role("button", name="Create the account").click()
    expect(page.get_by_role("heading", name="Weekly summary")).to_be_visible()
    expect(page.get_by_text("Signed in as ali")).to_be_visible()
