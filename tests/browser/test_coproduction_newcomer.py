"""The issue's "done when", in one walk by a newcomer: start a group, answer the
readiness check, plan a piece of work, print the group agreement, run a meeting
with 3 children and then one with 4, and see the two together (7 responses)
while neither shows alone; a "You said, we did" entry tagged Choice then shows
under Choice on the principles page. axe checks each page on the way (each
tool's own tests walk its error states)."""

import datetime
import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_meetings import (
    answer_on_phones,
    close_answers,
    plan_a_meeting,
    start_a_group,
)
from tests.browser.test_posters_and_exports import pages_in

DID = "Meetings are now one hour, with a break in the middle."


def back_to_the_group(page):
    page.get_by_role("link", name="Co-production", exact=True).click()
    page.get_by_role("link", name="Young Voices").click()
    expect(page.get_by_role("heading", name="Young Voices", level=1)).to_be_visible()


def test_a_newcomer_runs_a_group_from_readiness_to_what_changed(
    staff_page, phone, live_server, today
):
    page = staff_page
    start_a_group(page, live_server)
    assert_accessible(page)

    page.get_by_role("link", name="Answer the four questions").click()
    for name, answer in (
        ("Working reciprocally", "Yes"),
        ("Equality", "Yes"),
        ("Diversity", "Partly"),
        ("Accessibility", "Yes"),
    ):
        page.get_by_role("group", name=re.compile(name)).get_by_label(answer).check()
    page.get_by_label("What needs to happen first for diversity").fill("Invite both schools.")
    page.get_by_role("button", name="Save these answers").click()
    summary = page.locator(".readiness-summary")
    expect(summary).to_contain_text("Diversity: Partly. What needs to happen first: Invite")

    page.get_by_role("link", name="Plan a piece of work").click()
    page.get_by_label("Title of the piece of work").fill("Making our meetings better")
    page.get_by_label("What am I aiming to find out?").fill("What makes meetings feel safe.")
    page.get_by_label("What are the intended changes?").fill(DID)
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("heading", name="Making our meetings better")).to_be_visible()
    assert_accessible(page)

    back_to_the_group(page)
    page.get_by_role("link", name="Print it for children and young people").click()
    assert_accessible(page)
    assert 1 == pages_in(page.pdf(format="A4", print_background=True))

    back_to_the_group(page)
    first = plan_a_meeting(page, today - datetime.timedelta(days=7))
    answer_on_phones(phone, live_server, first, 3)
    close_answers(page)
    results = page.locator("#meetings")
    expect(results.get_by_text("1 closed meeting is waiting for more answers")).to_be_visible()
    expect(results.locator("td")).to_have_count(0)

    second = plan_a_meeting(page, today)
    answer_on_phones(phone, live_server, second, 4)
    close_answers(page)
    expect(results.get_by_text("These 2 meetings together: 7 responses")).to_be_visible()
    # No number of responses but the two meetings' together ("at least 5" is the rule).
    expect(results.get_by_text(re.compile(r"(?<!least )\b[1-6] responses?\b"))).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="You said, we did", exact=True).click()
    page.get_by_label("You said").fill("The meetings were too long.")
    page.get_by_label("We did").fill(DID)
    page.get_by_role("checkbox", name="Choice", exact=True).check()
    page.get_by_role("button", name="Add the entry").click()
    expect(page.get_by_text("Entry added.")).to_be_visible()

    page.get_by_role("link", name="Co-production", exact=True).click()
    page.get_by_role("link", name=re.compile("six principles", re.I)).first.click()
    choice = page.locator("section", has=page.locator("#principle-choice"))
    expect(choice).to_contain_text(DID)
    safety = page.locator("section", has=page.locator("#principle-safety"))
    expect(safety).not_to_contain_text(DID)
    assert_accessible(page)
