"""/healthz, and what a sender is told when an answer cannot be stored just now:
a 503 with Retry-After, never a 500, and what they typed kept to send again.

Here the file is locked (another writer holds it longer than a write waits) or
made read-only; tests/test_storage_full.py fills the disk of a real server."""

import contextlib
import logging
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION
from tests.conftest import all_answers, feedback_page_fields, immutable, new_submission_id

NOT_SAVED = "We could not save this just now. Please try again in a minute."


@contextlib.contextmanager
def locked(path):
    """Another writer (the daily tidy of a big file, say) holds the file's write lock."""
    other = storage.open_database(path) if "staff" not in str(path) else None
    other = other or storage.open_staff_database(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def read_only(path):
    """The database and its -wal file made read-only, in a way root cannot ignore."""
    return immutable(path, f"{path}-wal")


def test_healthz_says_ok_to_anyone_and_is_never_kept(client, db):
    response = client.get("/healthz")
    assert (200, {"status": "ok"}) == (response.status_code, response.get_json())
    assert "no-store" == response.headers["Cache-Control"]
    # It writes nothing anyone keeps.
    assert 0 == storage.count_submissions(db)


def test_healthz_logs_nothing_even_when_it_fails(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    assert 200 == client.get("/healthz").status_code
    with locked(app.config["DATABASE"]):
        assert 503 == client.get("/healthz").status_code
    assert [] == caplog.records


@pytest.mark.parametrize("which", ["answers", "staff"])
def test_healthz_says_locked_when_another_writer_holds_a_file_too_long(app, client, which):
    answers = Path(app.config["DATABASE"])
    path = answers if which == "answers" else storage.staff_path(answers)
    with locked(path):
        response = client.get("/healthz")
    assert 503 == response.status_code
    assert ("unavailable", "locked too long") == (
        response.get_json()["status"],
        response.get_json()["reason"],
    )
    assert 200 == client.get("/healthz").status_code


def test_healthz_says_read_only_when_the_file_cannot_be_written(app, client):
    assert 200 == client.get("/healthz").status_code
    with read_only(app.config["DATABASE"]):
        response = client.get("/healthz")
    assert (503, "read-only") == (response.status_code, response.get_json()["reason"])
    assert 200 == client.get("/healthz").status_code


def test_a_kiosk_send_to_a_read_only_file_is_a_503_to_send_again(app, kiosk_client, db):
    body = {"id": new_submission_id(), "answers": all_answers()}
    assert 201 == kiosk_client.submit().status_code
    with read_only(app.config["DATABASE"]):
        refused = kiosk_client.submit(body=body)
    assert 503 == refused.status_code
    assert "30" == refused.headers["Retry-After"]
    assert {"status": "error", "reason": "busy", "message": NOT_SAVED} == refused.get_json()
    assert 1 == storage.count_submissions(db)
    assert 201 == kiosk_client.submit(body=body).status_code
    assert 2 == storage.count_submissions(db)


class Form(HTMLParser):
    """The first form on a page as a browser would send it: hidden fields,
    the first radio of each group, and each text box."""

    def __init__(self, typed=""):
        super().__init__()
        self.fields, self.action, self.typed = {}, None, typed

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = attributes.get("action")
        if tag == "input" and attributes.get("type") == "hidden":
            self.fields[attributes["name"]] = attributes.get("value") or ""
        if tag == "input" and attributes.get("type") == "radio":
            self.fields.setdefault(attributes["name"], attributes["value"])
        if tag == "textarea":
            self.fields[attributes["name"]] = self.typed


def form_on(page: str, typed="") -> Form:
    form = Form(typed)
    form.feed(page)
    return form


def comments(db) -> int:
    return db.execute("SELECT count(*) FROM comments").fetchone()[0]


def the_feedback_box(client, db):
    """The feedback box without a script, as an old phone sends it."""
    fields = {**feedback_page_fields(client), "text": "The chairs are too hard\nand cold"}
    return "/feedback/waiting-room-a", fields, lambda: comments(db)


def a_phone_survey(client, db):
    storage.set_offered_surveys(db, "waiting-room-a", [ADULT_EVALUATION])
    url = f"/survey/waiting-room-a/{ADULT_EVALUATION}"
    fields = form_on(client.get(url).get_data(as_text=True), "More snacks please").fields
    return url, fields, lambda: storage.count_submissions(db)


def taking_a_message_back(client, db):
    sent = client.post(
        "/feedback/waiting-room-a",
        data={**feedback_page_fields(client), "text": "Please take this back"},
        headers={"Accept": "application/json"},
    )
    code = sent.get_json()["receipt_code"]
    fields = {**form_on(client.get("/feedback/withdraw").get_data(as_text=True)).fields}
    fields["receipt_code"] = code
    return "/feedback/withdraw", fields, lambda: -comments(db)


@pytest.mark.parametrize("form", [the_feedback_box, a_phone_survey, taking_a_message_back])
def test_a_form_that_cannot_be_saved_keeps_what_was_typed_to_send_again(app, client, db, form):
    url, fields, kept = form(client, db)
    before = kept()
    with locked(app.config["DATABASE"]):
        refused = client.post(url, data=fields, headers={"Accept": "text/html"})
    page = refused.get_data(as_text=True)

    assert (503, "30") == (refused.status_code, refused.headers["Retry-After"])
    assert NOT_SAVED in page
    assert before == kept()
    again = form_on(page)
    assert url == again.action
    assert fields == again.fields
    for typed in ("The chairs are too hard\nand cold", "More snacks please"):
        if typed in fields.values():
            assert typed in page

    # A minute later, Try again sends the same form: kept once.
    sent = client.post(again.action, data=again.fields, headers={"Accept": "text/html"})
    assert sent.status_code in {200, 201}
    assert before + 1 == kept()


def test_storage_trouble_is_logged_once_not_once_a_request(app, kiosk_client, caplog):
    """A line per refused send would show when each person sent something."""
    assert 201 == kiosk_client.submit().status_code  # the file and its -wal exist
    caplog.set_level(logging.DEBUG)
    with read_only(app.config["DATABASE"]):
        for _ in range(3):
            assert 503 == kiosk_client.submit().status_code
    assert 201 == kiosk_client.submit().status_code
    messages = [record.getMessage() for record in caplog.records]
    assert [
        "Nothing can be stored (read-only): sends get 503 until it clears",
        "Storing works again",
    ] == messages
