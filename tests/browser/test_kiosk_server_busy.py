"""The server cannot store answers for a while (its file held by the daily tidy,
its disk full): it answers 503 with Retry-After. The kiosk keeps the answers and
waits at least that long before it tries again; a phone's form keeps what was
typed, to send again. Either way the answers are stored exactly once."""

import contextlib

from playwright.sync_api import expect

from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION
from tests.browser.conftest import (
    QUEUE_EMPTY,
    answer_at_the_kiosk,
    assert_accessible,
    live_database,
    read_stored,
)

NOT_SAVED = "We could not save this just now. Please try again in a minute."


@contextlib.contextmanager
def file_held(live_server):
    """Another writer holds the answers file longer than a write waits (5 s)."""
    with live_database(live_server) as other:
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")


def submissions_sent(page) -> list[str]:
    sent = []
    page.on(
        "request",
        lambda request: (
            sent.append(request.post_data_json["id"])
            if request.method == "POST" and request.url.endswith("/submissions")
            else None
        ),
    )
    return sent


def test_the_kiosk_waits_as_long_as_a_busy_server_asks_then_sends_once(page, live_server):
    sent = submissions_sent(page)
    page.clock.install()
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    with file_held(live_server):
        with page.expect_response(lambda reply: reply.url.endswith("/submissions")) as busy:
            answer_at_the_kiosk(page)
        assert (503, "30") == (busy.value.status, busy.value.headers["retry-after"])

    # Without Retry-After the queue would try again after 3 s, and again at 10 s.
    page.clock.run_for(25_000)
    # The Wi-Fi coming back does not send sooner either.
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    page.clock.run_for(3_000)
    assert 1 == len(sent)
    assert page.evaluate("() => !!localStorage.getItem('kiosk-submissions-waiting')")

    page.clock.run_for(3_000)
    page.wait_for_function(QUEUE_EMPTY)
    assert 2 == len(sent)
    assert sent[0] == sent[1]
    [row] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    assert sent[0] == row["id"]


def test_a_phone_survey_that_cannot_be_saved_keeps_the_words_to_send_again(phone, live_server):
    with live_database(live_server) as db:
        storage.set_offered_surveys(db, "waiting-room-a", [ADULT_EVALUATION])
    phone.goto(f"{live_server.url}/survey/waiting-room-a/{ADULT_EVALUATION}")
    phone.get_by_role("textbox").first.fill("More comfy chairs please")

    with file_held(live_server):
        phone.get_by_role("button", name="Send").click()
        expect(phone.get_by_role("heading", name=NOT_SAVED)).to_be_visible()
    expect(phone.get_by_text("More comfy chairs please")).to_be_visible()
    assert_accessible(phone)
    again = phone.get_by_role("button", name="Try again")
    assert again.bounding_box()["height"] >= 44
    assert 0 == read_stored(live_server, storage.count_submissions)

    again.click()
    expect(phone.get_by_role("heading", name="Thank you for telling us")).to_be_visible()
    assert 1 == read_stored(live_server, storage.count_submissions)
    with live_database(live_server) as db:
        [words] = [row[0] for row in db.execute("SELECT text FROM comments")]
    assert "More comfy chairs please" == words
