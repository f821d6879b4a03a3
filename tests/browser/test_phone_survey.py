"""An adult on their own phone fills in the guide's adult evaluation from the
link a site offers; staff choose which surveys a site offers and print its poster."""

import json
import re

from playwright.sync_api import expect

from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION
from tests.browser.conftest import assert_accessible, live_database, read_stored, sign_in

RECEIPT = re.compile(r"^[a-z]+-[a-z]+-[a-z]+$")
GUIDE = {
    "Overall, how satisfied are you with our co-production meetings?": [
        "Very Satisfied",
        "Somewhat Satisfied",
        "Neutral",
        "Somewhat Dissatisfied",
        "Very Dissatisfied",
    ],
    "Do you feel that the meetings are well-organised and productive?": ["Yes", "No", "Sometimes"],
    "Do you have adequate opportunities to contribute and share your ideas?": [
        "Always",
        "Often",
        "Sometimes",
        "Rarely",
        "Never",
    ],
    "How included do you feel in the decision-making process?": [
        "Very Included",
        "Somewhat Included",
        "Neutral",
        "Somewhat Excluded",
        "Very Excluded",
    ],
    "Do you have suggestions for improvements we could make to the meetings?": [],
}
SATISFIED, ORGANISED, CONTRIBUTE, INCLUDED, SUGGESTIONS = GUIDE


def offer_the_adult_evaluation(live_server, site="waiting-room-a"):
    with live_database(live_server) as db:
        storage.set_offered_surveys(db, site, [ADULT_EVALUATION])


def test_an_adult_fills_in_the_adult_evaluation_on_a_phone(phone, live_server):
    offer_the_adult_evaluation(live_server)
    phone.goto(f"{live_server.url}/survey/waiting-room-a/{ADULT_EVALUATION}")
    expect(phone.get_by_role("heading", name="Co-production evaluation for adults")).to_be_visible()

    groups = phone.get_by_role("group")
    expect(groups).to_have_count(5)
    for question, options in GUIDE.items():
        group = phone.get_by_role("group", name=question, exact=True)
        radios = group.get_by_role("radio")
        expect(radios).to_have_count(len(options))
        names = radios.evaluate_all("(radios) => radios.map((r) => r.labels[0].innerText.trim())")
        assert options == names, question
        for option in options:
            expect(group.get_by_role("radio", name=option, exact=True)).not_to_be_checked()
        expect(group.get_by_role("textbox", name="Comments", exact=True)).to_be_editable()
    expect(phone.get_by_role("button")).to_have_text(["Send"])
    assert_accessible(phone)
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360
    for target in [
        *phone.locator("label.option").all(),
        *phone.get_by_role("textbox").all(),
        phone.get_by_role("button", name="Send"),
    ]:
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (target, box)

    phone.get_by_role("group", name=SATISFIED).get_by_role(
        "radio", name="Somewhat Satisfied"
    ).check()
    phone.get_by_role("group", name=SATISFIED).get_by_label("Comments").fill("Good biscuits.")
    phone.get_by_role("group", name=CONTRIBUTE).get_by_text("Often", exact=True).click()
    phone.get_by_role("group", name=SUGGESTIONS).get_by_label("Comments").fill("Start on time.")

    # The page was opened before the survey changed: the answers are refused, and kept.
    phone.locator("input[name=version]").evaluate("(field) => { field.value = '7'; }")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("alert")).to_contain_text("This survey has changed")
    satisfied = phone.get_by_role("group", name=SATISFIED)
    expect(satisfied.get_by_role("radio", name="Somewhat Satisfied")).to_be_checked()
    expect(satisfied.get_by_label("Comments")).to_have_value("Good biscuits.")
    assert_accessible(phone)
    assert 0 == read_stored(live_server, storage.count_submissions)

    phone.get_by_role("button", name="Send").click()
    thanks = phone.get_by_role("status")
    expect(thanks).to_contain_text("Thank you for telling us")
    expect(thanks).to_contain_text("We are committed to continuously improving")
    expect(thanks.get_by_role("link", name="0800 1111")).to_have_attribute("href", "tel:08001111")
    receipt_code = thanks.locator("[data-receipt-code]").inner_text()
    assert RECEIPT.match(receipt_code), receipt_code
    assert_accessible(phone)

    [submission] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    assert (ADULT_EVALUATION, 1) == (submission["survey"], submission["version"])
    assert {
        "satisfied": "2",
        "organised": "skip",
        "contribute": "2",
        "included": "skip",
    } == json.loads(submission["answers"])
    stored = read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert {("satisfied", "Good biscuits."), ("suggestions", "Start on time.")} == {
        (comment["question"], comment["text"]) for comment in stored
    }
    assert [] == phone.evaluate(
        "() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"
    )


def test_staff_offer_a_survey_at_a_site_and_print_its_poster(staff_page, live_server):
    page = staff_page
    sign_in(page, live_server)
    page.get_by_role("link", name="Sites").click()
    surveys = page.get_by_role("region", name="Youth hub").filter(
        has=page.get_by_role("button", name="Save surveys for Youth hub")
    )
    expect(surveys.get_by_label("Survey on the kiosk")).to_have_value("child-evaluation")
    surveys.get_by_role("group", name="Offered on phones by QR code").get_by_label(
        "Co-production evaluation for adults"
    ).check()
    surveys.get_by_role("button", name="Save surveys for Youth hub").click()
    expect(page.get_by_role("status")).to_have_text("Saved the surveys for Youth hub.")
    expect(page.get_by_role("link", name=f"/survey/youth-hub/{ADULT_EVALUATION}")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Posters").first.click()
    page.get_by_role(
        "link", name="Poster for Co-production evaluation for adults at Youth hub"
    ).click()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    address = f"http://127.0.0.1:5000/survey/youth-hub/{ADULT_EVALUATION}"
    expect(page.get_by_role("article").get_by_text(address, exact=True)).to_be_visible()
    assert_accessible(page)


def test_a_choice_made_by_mistake_can_be_cleared_so_the_question_is_skipped(phone, live_server):
    offer_the_adult_evaluation(live_server)
    phone.goto(f"{live_server.url}/survey/waiting-room-a/{ADULT_EVALUATION}")
    group = phone.get_by_role("group", name=ORGANISED)
    clear = group.get_by_role("button", name="Clear my answer")
    expect(clear).to_be_hidden()
    group.get_by_role("radio", name="No", exact=True).check()
    expect(clear).to_be_visible()
    box = clear.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert_accessible(phone)
    clear.click()
    expect(group.get_by_role("radio")).to_have_count(3)
    for radio in group.get_by_role("radio").all():
        expect(radio).not_to_be_checked()
    expect(clear).to_be_hidden()
    phone.get_by_role("group", name=INCLUDED).get_by_role("radio", name="Neutral").check()
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Thank you")
    [row] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    assert {"satisfied": "skip", "organised": "skip", "contribute": "skip", "included": "3"} == (
        json.loads(row["answers"])
    )
