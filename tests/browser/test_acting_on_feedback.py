"""A staff member acts on what children said: reads the counts entered at the kiosk,
marks a concern sent through the feedback box as seen, writes a "You said, we did"
entry and finds it on the kiosk thank-you and on the site's own page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import answer_at_the_kiosk, assert_accessible, live_database, sign_in

HEARD = "The waiting room is boring."
DID = "We put new games and books in the waiting room."


def send_a_concern(page, live_server):
    page.goto(live_server.url + "/feedback/waiting-room-a")
    page.get_by_label("Write your message").fill("someone hits me at home")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")


@pytest.mark.slow
def test_staff_mark_a_concern_seen_and_tell_children_what_changed(staff_page, live_server):
    page = staff_page
    for words in 3 * [["Yes", "Sometimes", "No", "Skip"]] + 2 * [["No", "Yes", "Yes", "Yes"]]:
        page.goto(live_server.url + "/kiosk/waiting-room-a")
        answer_at_the_kiosk(page, words, wait_until_sent=True)
    send_a_concern(page, live_server)

    sign_in(page, live_server)
    expect(page.get_by_role("heading", level=1)).to_have_text("Weekly summary")
    expect(page.get_by_role("heading", level=2).first).to_contain_text("5 responses")
    # The numbers are in the chart; the table is behind its disclosure.
    page.get_by_text("Show this week as a table").click()
    safe = page.get_by_role("row", name=re.compile("Do you feel safe")).first
    expect(safe.get_by_role("cell")).to_have_text(["3", "0", "2", "0"])
    banner = page.locator(".concern-banner")
    expect(banner).to_contain_text("1 message needs attention")

    page.get_by_role("link", name="Comments", exact=True).click()
    concern = page.get_by_role("article").filter(has_text="someone hits me at home")
    expect(concern).to_contain_text("Needs attention")
    expect(concern).to_contain_text("New")
    assert_accessible(page)
    concern.get_by_role("button", name=re.compile("^Mark seen")).click()
    expect(page.get_by_text("Comment marked seen.")).to_be_visible()
    expect(page.get_by_role("article").filter(has_text="someone hits me")).to_contain_text("Seen")
    expect(banner).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("article").get_by_role("link", name="Delete…").click()
    expect(page.get_by_role("heading", name="Delete this comment for good?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="No, keep it").click()
    expect(page.get_by_role("article")).to_have_count(1)

    page.get_by_role("link", name="You said, we did", exact=True).click()
    assert_accessible(page)
    page.get_by_label("Site").select_option("waiting-room-a")
    page.get_by_label("You said (what children told us)").fill(HEARD)
    page.get_by_label("We did (what we changed)").fill(DID)
    page.get_by_role("button", name="Add the entry").click()
    expect(page.get_by_role("cell", name=HEARD)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Delete the entry of")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Delete this")
    assert_accessible(page)
    page.get_by_role("link", name="No, keep it").click()
    expect(page.get_by_role("cell", name=HEARD)).to_be_visible()

    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("cell", name="marked a comment seen")).to_be_visible()
    expect(page.get_by_role("cell", name="added a You said, we did entry")).to_be_visible()
    expect(page.get_by_text("someone hits me")).to_have_count(0)

    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Yes", "Yes", "Yes", "Yes"])
    expect(page.get_by_role("status")).to_contain_text("0800 1111")
    you_said = page.get_by_role("region", name="You said, we did")
    expect(you_said).to_contain_text(f"You said: {HEARD}")
    expect(you_said).to_contain_text(f"We did: {DID}")
    assert_accessible(page)


def test_the_public_page_reads_well_on_a_phone(phone, live_server):
    with live_database(live_server) as db:
        storage.add_you_said(db, "youth-hub", HEARD, DID, datetime.date(2026, 11, 20))
    phone.goto(live_server.url + "/you-said-we-did/youth-hub")
    expect(phone.get_by_role("heading", level=1)).to_have_text("You said, we did")
    expect(phone.get_by_role("listitem").filter(has_text=HEARD)).to_contain_text(DID)
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360
    link = phone.get_by_role("link", name="Tell us what you think")
    assert link.bounding_box()["height"] >= 44
    assert_accessible(phone)


def test_an_unknown_sites_page_is_a_kind_not_found(phone, live_server):
    response = phone.goto(live_server.url + "/you-said-we-did/nowhere")
    assert 404 == response.status
    expect(phone.get_by_role("heading", level=1)).to_have_text("We could not find that page.")
    assert_accessible(phone)
