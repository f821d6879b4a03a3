"""A newcomer runs a group's meetings: plans one, opens its QR address on a
phone, three children answer; the meeting closes and nothing shows but "1
waiting"; a second meeting, four answers, closed: the two show together as 7
responses, and neither alone. axe checks every page and state on the way."""

import csv
import datetime
import io
import re

from playwright.sync_api import expect

from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION, CHILD_EVALUATION
from tests.browser.conftest import assert_accessible, live_database, sign_in
from tests.browser.test_posters_and_exports import pages_in

QUESTIONS = (
    "Do you feel safe during our meetings?",
    "Do you get a chance to talk?",
    "Do you feel part of the team?",
    "Are your ideas helping to change things?",
)


def start_a_group(page, live_server):
    sign_in(page, live_server)
    page.get_by_role("link", name="Co-production", exact=True).click()
    page.get_by_label("Name of the group").fill("Young Voices")
    page.get_by_role("button", name="Start the group").click()
    expect(page.get_by_role("heading", name="Young Voices", level=1)).to_be_visible()


def plan_a_meeting(page, day: datetime.date) -> str:
    """Plan a meeting on the group's page; return its QR code's address."""
    page.get_by_label("Date of the meeting").fill(day.strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Plan the meeting").click()
    expect(page.get_by_role("heading", name=re.compile("^Meeting on"))).to_be_visible()
    assert_accessible(page)
    address = page.locator(".meeting-address").first.inner_text()
    assert re.fullmatch(r"http://127\.0\.0\.1:5000/meeting/[\w-]+/child-evaluation", address)
    return address


def answer_on_phones(phone, live_server, address: str, children: int):
    url = live_server.url + address.removeprefix("http://127.0.0.1:5000")
    for child in range(children):
        phone.goto(url)
        expect(
            phone.get_by_role("heading", name="Co-production evaluation for children")
        ).to_be_visible()
        if child == 0:
            assert_accessible(phone)
        for question in QUESTIONS:
            phone.get_by_role("group", name=question).get_by_text("Yes", exact=True).click()
        phone.get_by_role("button", name="Send").click()
        expect(phone.get_by_role("heading", name="Thank you for telling us")).to_be_visible()
    return url


def close_answers(page):
    page.get_by_role("link", name="Close answers now").click()
    expect(page.get_by_role("heading", name=re.compile("^Close answers for"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, close answers now").click()
    expect(page.get_by_text("Answers closed.")).to_be_visible()


def test_two_small_meetings_show_only_together(staff_page, phone, live_server, today):
    page = staff_page
    start_a_group(page, live_server)
    assert_accessible(page)
    first = plan_a_meeting(page, today - datetime.timedelta(days=2))

    # The sheet of QR codes prints on one A4 page.
    page.get_by_role("link", name="Print the QR codes on one A4 page").click()
    expect(
        page.get_by_role("heading", name=re.compile("tell us how the meeting went"))
    ).to_be_visible()
    assert_accessible(page)
    assert 1 == pages_in(page.pdf(format="A4", print_background=True))
    page.get_by_role("link", name="Back to the meeting").click()

    first_url = answer_on_phones(phone, live_server, first, 3)
    close_answers(page)
    results = page.locator("#meetings")
    expect(results.get_by_text("1 closed meeting is waiting for more answers")).to_be_visible()
    expect(results.locator("td")).to_have_count(0)
    expect(results.get_by_text(re.compile(r"\b3 responses"))).to_have_count(0)
    assert_accessible(page)

    # The closed meeting's address now says so, and keeps nothing.
    phone.goto(first_url)
    expect(
        phone.get_by_role("heading", name="This meeting's survey has closed.", exact=False)
    ).to_be_visible()
    assert_accessible(phone)

    second = plan_a_meeting(page, today)
    answer_on_phones(phone, live_server, second, 4)
    close_answers(page)
    expect(results.get_by_text("These 2 meetings together: 7 responses")).to_be_visible()
    for question in QUESTIONS:
        table = results.get_by_role("table", name=question)
        expect(table.get_by_role("row", name="Yes 7")).to_be_visible()
    expect(results.get_by_text(re.compile(r"\b[34] responses"))).to_have_count(0)
    expect(results.get_by_text("waiting")).to_have_count(0)
    assert_accessible(page)

    # The same figures as a spreadsheet file, for a report.
    with page.expect_download() as download:
        results.get_by_role("link", name=re.compile("^Download these results")).click()
    assert "meeting-results-young-voices.csv" == download.value.suggested_filename
    rows = list(csv.DictReader(io.StringIO(read_download(download.value))))
    assert {("2", "7")} == {(row["meetings"], row["responses"]) for row in rows}
    safe = [row for row in rows if row["question"] == QUESTIONS[0]]
    assert [("Yes", "7"), ("Sometimes", "0"), ("No", "0"), ("Skipped", "0")] == [
        (row["answer"], row["count"]) for row in safe
    ]


def read_download(download) -> str:
    with open(download.path(), encoding="utf-8-sig") as file:
        return file.read()


def test_a_meeting_not_begun_and_one_in_arabic_are_plain_and_accessible(
    staff_page, phone, live_server, today
):
    with live_database(live_server) as db:
        storage.set_site_languages(db, "waiting-room-a", ["en", "ar"], "ar")
        group = storage.add_group(
            db, "Young Voices", "waiting-room-a", "children", [CHILD_EVALUATION], today
        )
        later = storage.add_meeting(
            db, group, today + datetime.timedelta(days=3), [CHILD_EVALUATION]
        )
        now = storage.add_meeting(db, group, today, [CHILD_EVALUATION])
        codes = [storage.find_meeting(db, m)["code"] for m in (later, now)]
    phone.goto(f"{live_server.url}/meeting/{codes[0]}/{CHILD_EVALUATION}?lang=en")
    expect(phone.get_by_role("heading", name=re.compile("^This survey opens on"))).to_be_visible()
    assert_accessible(phone)
    phone.goto(f"{live_server.url}/meeting/{codes[1]}/{CHILD_EVALUATION}?lang=ar")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(phone)

    # Words written after the meeting closed still reach staff, and the page says so.
    with live_database(live_server) as db:
        late = storage.add_meeting(db, group, today, [ADULT_EVALUATION])
        code = storage.find_meeting(db, late)["code"]
    phone.goto(f"{live_server.url}/meeting/{code}/{ADULT_EVALUATION}?lang=en")
    phone.get_by_label("Comments").first.fill("The room was too cold")
    with live_database(live_server) as db:
        storage.close_meeting(db, late, today)
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_text("We did send what you wrote to the staff.")).to_be_visible()
    expect(phone.get_by_text("Your receipt code is")).to_be_visible()
    assert_accessible(phone)

    page = staff_page
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/co-production/{group}/meetings/{later}")
    page.get_by_role("link", name="Delete this meeting").click()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_text("Meeting deleted.")).to_be_visible()
    assert_accessible(page)

    # The site is retired: the group's page says why no meeting can be planned,
    # and the meeting's code shows the calm resting page.
    with live_database(live_server) as db:
        storage.set_site_retired(db, "waiting-room-a", True)
    page.reload()
    expect(page.get_by_text(re.compile("site is retired, so a meeting"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="The group's settings", exact=True).click()
    expect(page.get_by_label("Site")).to_have_value("waiting-room-a")
    phone.goto(f"{live_server.url}/meeting/{codes[1]}/{CHILD_EVALUATION}?lang=en")
    expect(phone.get_by_role("heading", name="This kiosk is resting")).to_be_visible()
    assert_accessible(phone)
