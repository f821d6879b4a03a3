"""The issue's last "done when", end to end in one browser: staff adapt the
child survey to the waiting room and publish it; the kiosk asks the new
wording; last week's answers stay under the old wording in the summary, and
this week's are counted under the new."""

import datetime

from playwright.sync_api import expect

from admin.periods import Period
from tests.browser.conftest import answer_at_the_kiosk, live_database, sign_in
from tests.test_summary import add

OLD = "Do you feel safe during our meetings?"
NEW = "Do you feel safe in our waiting room?"
CHILD_TITLE = "Co-production evaluation for children"


def test_adapted_wording_reaches_the_kiosk_and_last_weeks_answers_keep_theirs(
    staff_page, live_server, today
):
    page = staff_page
    with live_database(live_server) as db:
        add(db, ["yes", "no", "yes", "yes"], day=today - datetime.timedelta(weeks=1), times=6)
    sign_in(page, live_server)
    page.get_by_role("link", name="Surveys", exact=True).click()
    page.get_by_role("link", name=f"Change {CHILD_TITLE}").click()
    page.get_by_role("group", name="Question 1").get_by_label("Wording").fill(NEW)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text("Published version 2")

    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW)
    page.get_by_role("button", name="Stop").first.click()
    for _ in range(5):
        answer_at_the_kiosk(page, ("Sometimes", "Yes", "Yes", "No"), wait_until_sent=True)
        page.get_by_role("button", name="Finish").click()

    page.goto(live_server.url + "/admin/")
    this_week = page.locator("main")
    expect(this_week).to_contain_text(NEW)
    expect(this_week).to_contain_text("version 2")
    page.locator("figure.question-chart").filter(has_text=NEW).get_by_text(
        "Show as a table"
    ).click()
    safe_now = page.locator("figure.question-chart").filter(has_text=NEW).get_by_role("table")
    expect(safe_now.locator("tbody tr").first.locator("td").first).to_have_text("0")
    expect(safe_now.locator("tbody tr").nth(1).locator("td").first).to_have_text("5")

    page.goto(f"{live_server.url}/admin/?week={Period.week_of(today).shifted(-1).key}")
    last_week = page.locator("main")
    expect(last_week).to_contain_text(OLD)
    page.locator("figure.question-chart").filter(has_text=OLD).get_by_text(
        "Show as a table"
    ).click()
    safe_then = page.locator("figure.question-chart").filter(has_text=OLD).get_by_role("table")
    expect(safe_then.locator("tbody tr").first.locator("td").first).to_have_text("6")
    expect(page.locator("figure.question-chart").filter(has_text=NEW)).to_have_count(0)
