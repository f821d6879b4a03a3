"""A child at the tablet: tap through the four questions, as a child would."""

import json

from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import QUEUE_EMPTY, answer_at_the_kiosk, read_stored


def the_one_stored_answers(live_server) -> dict:
    """The answers of the only submission stored for the site."""
    [stored] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    return json.loads(stored["answers"])


def test_a_child_answers_four_questions_and_sees_thank_you(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("1 of 4")).to_be_visible()
    page.get_by_role("button", name="Yes", exact=True).click()
    expect(page.get_by_text("2 of 4")).to_be_visible()
    page.get_by_role("button", name="Sometimes", exact=True).click()
    page.get_by_role("button", name="Skip", exact=True).click()
    page.get_by_role("button", name="No", exact=True).click()
    expect(page.get_by_role("heading", name="Here are your answers")).to_be_visible()
    assert [] == read_stored(live_server, storage.submissions_for_site, "waiting-room-a"), (
        "nothing is stored before Send"
    )
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("0800 1111")
    expect(page.get_by_role("status")).to_contain_text("999")
    expect(page.get_by_role("status")).to_contain_text("grown-up you trust")
    page.wait_for_function(QUEUE_EMPTY)
    answers = the_one_stored_answers(live_server)
    assert {"safe": "yes", "talk": "sometimes", "team": "skip", "ideas": "no"} == answers


def test_skipping_every_question_still_counts_as_a_visit(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Skip"] * 4, send=False)
    expect(page.locator("[data-review] [data-answer-word]")).to_have_text(["Skipped"] * 4)
    page.get_by_role("button", name="Send").click()
    page.wait_for_function(QUEUE_EMPTY)
    answers = the_one_stored_answers(live_server)
    assert {"safe": "skip", "talk": "skip", "team": "skip", "ideas": "skip"} == answers


def test_stop_keeps_nothing_and_goes_back_to_start(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Yes", "No"], send=False)
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    expect(page.get_by_role("button", name="Stop")).to_be_hidden()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    assert [] == read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    # Nothing of the child's: only the tablet's own token stays.
    kept = page.evaluate("() => Object.keys(localStorage)")
    assert [] == [key for key in kept if not key.startswith("kiosk-tablet-token:")]


def test_a_child_can_change_an_answer_before_sending(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Yes", "Yes", "Yes", "Yes"], send=False)
    page.get_by_role("button", name="Change answer 2").click()
    expect(page.get_by_text("2 of 4")).to_be_visible()
    expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    page.get_by_role("button", name="No", exact=True).click()
    expect(page.locator("[data-review] [data-answer-word]")).to_have_text(
        ["Yes", "No", "Yes", "Yes"]
    )
    page.get_by_role("button", name="Send").click()
    page.wait_for_function(QUEUE_EMPTY)
    assert "no" == the_one_stored_answers(live_server)["talk"]


def test_back_goes_to_the_previous_question(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Sometimes"], send=False)
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_text("1 of 4")).to_be_visible()
    expect(page.get_by_role("button", name="Sometimes", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )


def test_browser_history_shows_no_earlier_answers(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["No", "No"], send=False)
    page.goto(live_server.url + "/kiosk/youth-hub")
    page.go_back()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="No", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )


def test_an_unknown_site_gets_a_friendly_page(page, live_server):
    response = page.goto(live_server.url + "/kiosk/nowhere")
    assert 404 == response.status
    expect(page.get_by_role("heading", name="We could not find that page.")).to_be_visible()
    expect(page.get_by_role("link", name="Go to the start")).to_be_visible()
