"""On a laptop: an administrator adds a colleague, who chooses their own password
from the link; the safeguarding lead acknowledges a concern in the queue. Each
page passes axe-core."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import LAPTOP, assert_accessible, sign_in
from tests.conftest import send_feedback

NEW_PASSWORD = "robin's own long password"


def test_an_administrator_adds_a_colleague_who_chooses_their_password(
    staff_page, live_server, browser
):
    page = staff_page
    sign_in(page, live_server)
    page.get_by_role("link", name="Accounts").click()
    expect(page.get_by_role("heading", name="Staff accounts")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Name they sign in with").fill("robin")
    page.get_by_label("Staff: summaries, comments, You said we did").check()
    page.get_by_role("button", name="Add the account").click()
    link = page.locator("code.link").inner_text()
    assert re.fullmatch(r"https?://[^ ]+/admin/password/[\w-]+", link)
    assert_accessible(page)

    # Robin, on their own computer, opens the link.
    context = browser.new_context(viewport=LAPTOP)
    robin = context.new_page()
    robin.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))
    expect(robin.get_by_role("heading", name="Choose your password")).to_be_visible()
    assert_accessible(robin)
    robin.get_by_label("Password (at least 10 characters)").fill(NEW_PASSWORD)
    robin.get_by_label("The same password again").fill(NEW_PASSWORD)
    robin.get_by_role("button", name="Save my password").click()
    expect(robin.get_by_role("heading", name="Weekly summary")).to_be_visible()
    expect(robin.get_by_text("Signed in as robin")).to_be_visible()
    # Staff do not see the administrator's pages.
    expect(robin.get_by_role("link", name="Accounts")).to_have_count(0)
    robin.get_by_role("link", name="Your account").click()
    assert_accessible(robin)
    context.close()


def test_the_lead_acknowledges_a_concern_in_the_queue(staff_page, live_server):
    send_feedback(live_server.app.test_client(), text="my step dad hits me")
    page = staff_page
    sign_in(page, live_server)
    banner = page.get_by_text("1 message needs attention")
    expect(banner).to_be_visible()
    page.get_by_role("link", name="Read it").click()
    expect(page.get_by_role("heading", name="Messages that need attention")).to_be_visible()
    expect(page.get_by_text("my step dad hits me")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What was done (a private note for staff)").fill(
        "Discussed with the designated safeguarding lead, referral made"
    )
    page.get_by_role("button", name=re.compile("^Acknowledge")).click()
    expect(page.get_by_role("status").first).to_have_text("Acknowledged. Thank you.")
    expect(page.get_by_text(re.compile("Acknowledged by sam on"))).to_be_visible()
    expect(page.get_by_text("1 message needs attention")).to_have_count(0)
    assert_accessible(page)
