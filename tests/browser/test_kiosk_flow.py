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
