"""A tablet nobody has set up shows staff how to set it up, never the questions;
a code (typed, or in the QR code's link) sets it up; a tablet that was stopped
keeps its answers and sends them, once, after it is set up again."""

import datetime
import re
import time

import pytest
from playwright.sync_api import expect

from kiosk import storage
from kiosk.surveys import tablets
from tests.browser.conftest import (
    QUEUE_EMPTY,
    answer_at_the_kiosk,
    assert_accessible,
    read_stored,
)

KIOSK = "/kiosk/waiting-room-a"


@pytest.fixture
def tablet_set_up():
    """These tablets start as they come out of the box: no token."""
    return False


def new_code(live_server, site="waiting-room-a") -> str:
    """A code as staff make one on the Sites page."""
    path = storage.staff_path(live_server.app.config["DATABASE"])
    staff_db = storage.open_staff_database(path)
    try:
        secret = live_server.app.config["SECRET_KEY"]
        return tablets.make_pairing_code(staff_db, site, "", secret, time.time())
    finally:
        staff_db.close()


def stop_every_tablet(live_server) -> None:
    """What staff do with "Stop this tablet" on the Sites page."""
    path = storage.staff_path(live_server.app.config["DATABASE"])
    staff_db = storage.open_staff_database(path)
    try:
        for tablet in storage.working_tablets(staff_db):
            storage.revoke_tablet(staff_db, tablet["id"], datetime.date.today())
    finally:
        staff_db.close()


def expect_setup_screen(page) -> None:
    expect(page.get_by_role("heading", name="Set up this tablet")).to_be_visible()
    expect(page.get_by_role("button", name="Start")).to_be_hidden()
    expect(page.get_by_role("button", name="Yes", exact=True)).to_be_hidden()
    expect(page.get_by_text("Do you feel safe during our meetings?")).to_have_count(2)
    for question in page.get_by_text("Do you feel safe during our meetings?").all():
        expect(question).to_be_hidden()


def test_a_tablet_not_set_up_shows_the_setup_screen_and_no_questions(page, live_server):
    page.goto(live_server.url + KIOSK)
    expect_setup_screen(page)
    expect(page.get_by_label("Setup code")).to_be_visible()
    assert_accessible(page)
    for target in [page.get_by_label("Setup code"), page.get_by_role("button", name="Set up")]:
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44


def test_without_script_the_setup_screen_is_what_shows(browser, live_server):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + KIOSK)
    expect(page.get_by_role("heading", name="Set up this tablet")).to_be_visible()
    expect(page.get_by_role("button", name="Start")).to_be_hidden()
    context.close()


def test_a_typed_code_sets_the_tablet_up(page, live_server):
    page.goto(live_server.url + KIOSK)
    page.get_by_label("Setup code").fill("not-a-code")
    page.get_by_role("button", name="Set up").click()
    expect(page.get_by_text("That code did not work.")).to_be_visible()

    code = tablets.shown_code(new_code(live_server))
    page.get_by_label("Setup code").fill(code.lower())
    page.get_by_role("button", name="Set up").click()
    answer_at_the_kiosk(page, wait_until_sent=True)
    assert 1 == read_stored(live_server, storage.count_submissions)


def test_the_link_in_the_qr_code_sets_the_tablet_up_and_leaves_no_code_behind(page, live_server):
    code = tablets.shown_code(new_code(live_server))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}{KIOSK}#enrol={code}")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    assert "#enrol" not in page.url
    assert [] == [url for url in requested if code in url or code.replace("-", "") in url]
    answer_at_the_kiosk(page, wait_until_sent=True)
    assert 1 == read_stored(live_server, storage.count_submissions)


def test_a_stopped_tablet_keeps_its_answers_and_sends_them_once_when_set_up_again(
    page, live_server
):
    sends = []
    page.on(
        "request",
        lambda request: (
            sends.append(request.post_data_json["id"])
            if request.url.endswith("/submissions")
            else None
        ),
    )
    page.clock.install()
    page.goto(f"{live_server.url}{KIOSK}#enrol={new_code(live_server)}")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    stop_every_tablet(live_server)

    answer_at_the_kiosk(page)
    expect(page.get_by_role("status").first).to_contain_text("Thank you")
    page.get_by_role("button", name="Finish").click()
    expect_setup_screen(page)
    notice = "This tablet needs setting up again. 1 answer is waiting on it."
    expect(page.get_by_text(notice)).to_be_visible()
    assert_accessible(page)
    # It does not keep knocking: no tries while it waits to be set up.
    page.clock.run_for("05:00")
    assert 1 == len(sends)
    assert 0 == read_stored(live_server, storage.count_submissions)

    page.get_by_label("Setup code").fill(new_code(live_server))
    page.get_by_role("button", name="Set up").click()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    page.wait_for_function(QUEUE_EMPTY)
    assert 1 == read_stored(live_server, storage.count_submissions)
    assert [sends[0], sends[0]] == sends
    expect(page.get_by_text(re.compile("needs setting up again"))).to_be_hidden()
