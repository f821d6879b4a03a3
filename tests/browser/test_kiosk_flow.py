"""A child at the tablet: tap through the four questions, as a child would."""

import json

from playwright.sync_api import expect

from kiosk import storage


def rows(live_server):
    db = storage.open_database(live_server.app.config["DATABASE"])
    found = storage.submissions_for_site(db, "waiting-room-a")
    db.close()
    return found


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
    assert [] == rows(live_server), "nothing is stored before Send"
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("0800 1111")
    expect(page.get_by_role("status")).to_contain_text("999")
    expect(page.get_by_role("status")).to_contain_text("grown-up you trust")
    page.wait_for_function("() => !localStorage.getItem('kiosk-submissions-waiting')")
    [stored] = rows(live_server)
    assert {"safe": "yes", "talk": "sometimes", "team": "skip", "ideas": "no"} == json.loads(
        stored["answers"]
    )


def answer_all(page, words):
    page.get_by_role("button", name="Start").click()
    for word in words:
        page.get_by_role("button", name=word, exact=True).click()


def test_skipping_every_question_still_counts_as_a_visit(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_all(page, ["Skip"] * 4)
    expect(page.locator("[data-review] [data-answer-word]")).to_have_text(["Skipped"] * 4)
    page.get_by_role("button", name="Send").click()
    page.wait_for_function("() => !localStorage.getItem('kiosk-submissions-waiting')")
    [stored] = rows(live_server)
    assert {"safe": "skip", "talk": "skip", "team": "skip", "ideas": "skip"} == json.loads(
        stored["answers"]
    )


def test_stop_keeps_nothing_and_goes_back_to_start(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_all(page, ["Yes", "No"])
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    expect(page.get_by_role("button", name="Stop")).to_be_hidden()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    assert [] == rows(live_server)
    assert page.evaluate("() => localStorage.length") == 0


def test_a_child_can_change_an_answer_before_sending(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_all(page, ["Yes", "Yes", "Yes", "Yes"])
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
    page.wait_for_function("() => !localStorage.getItem('kiosk-submissions-waiting')")
    [stored] = rows(live_server)
    assert "no" == json.loads(stored["answers"])["talk"]


def test_back_goes_to_the_previous_question(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_all(page, ["Sometimes"])
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_text("1 of 4")).to_be_visible()
    expect(page.get_by_role("button", name="Sometimes", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )


def test_browser_history_shows_no_earlier_answers(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_all(page, ["No", "No"])
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
