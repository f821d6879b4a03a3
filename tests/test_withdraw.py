"""Taking a message back: the receipt code deletes the words and the drawing for good,
for WITHDRAW_DAYS; any other code deletes nothing and says so plainly."""

import datetime
import re

import pytest

from kiosk import create_app, storage
from kiosk.feedback.comments import Comment
from kiosk.feedback.receipt_codes import RECEIPT_WORDS, hash_receipt_code, new_receipt_code
from tests.conftest import feedback_page_fields, make_config, new_submission_id
from tests.test_feedback import (
    JSON,
    SIGNPOSTING,
    TOO_MANY,
    a_drawing,
    drawing_part,
    page_text,
    send,
    stored,
    the_file,
)

URL = "/feedback/withdraw"
DELETED = "Your message has been deleted"
NOT_FOUND = (
    "We could not find a message with that code. It may be more than 30 days old,"
    " or it may have been taken back already."
)
NOT_A_CODE = "That does not look like a receipt code. It is three words, like apple-river-seven."


def withdraw_page_token(client) -> str:
    page = client.get(URL)
    assert 200 == page.status_code
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page_text(page))[1]


def take_back(client, code: str, environ_base=None):
    """Type the code into the withdraw page and press Delete, as a person does."""
    data = {"csrf_token": withdraw_page_token(client), "receipt_code": code}
    return client.post(URL, data=data, environ_base=environ_base or {})


def a_sent_comment(client, text="Please take this back", drawing=True) -> str:
    """Send a comment from the feedback page; return its receipt code."""
    extra = {"drawing": drawing_part(a_drawing())} if drawing else {}
    response = send(client, text=text, **extra)
    assert 201 == response.status_code
    return response.get_json()["receipt_code"]


def assert_problem(response, status: int, message: str) -> None:
    page = page_text(response)
    assert (status, True, False) == (response.status_code, message in page, DELETED in page)


def test_the_withdraw_page_says_how_long_a_code_works_and_where_to_get_help(client):
    page = page_text(client.get(URL))
    assert "in the last 30 days" in page
    assert [] == [words for words in SIGNPOSTING if words not in page]


def test_the_kiosk_pages_never_lead_to_the_withdraw_page(client):
    """The withdraw page has no idle reset: on the shared tablet the next child would
    find it, or find "Your message has been deleted". Phones still get the link."""
    assert URL in page_text(client.get("/feedback/waiting-room-a"))
    kiosk_box = "/feedback/waiting-room-a?from=kiosk"
    page = page_text(client.get(kiosk_box))
    assert (False, True) == (URL in page, 'href="/kiosk/waiting-room-a" data-stop' in page)
    fields = feedback_page_fields(client, from_kiosk=True)
    refused = client.post(kiosk_box, data={**fields, "text": ""})
    assert (422, False) == (refused.status_code, URL in page_text(refused))
    thanks = client.post(kiosk_box, data={**fields, "text": "Hello"})
    assert (201, False) == (thanks.status_code, URL in page_text(thanks))


def test_the_right_code_deletes_the_words_and_the_drawing_and_nothing_else(client, db):
    kept = a_sent_comment(client, "Someone else's message")
    code = a_sent_comment(client, "Please take this back")
    response = take_back(client, code)
    assert (200, True) == (response.status_code, DELETED in page_text(response))
    assert ["Someone else's message"] == [row["text"] for row in stored(db)]
    assert kept != code


@pytest.mark.parametrize(
    "retype",
    [
        lambda code: code.upper().replace("-", " "),
        lambda code: "  " + code.title().replace("-", "   ") + " ",
        lambda code: code.replace("-", ", "),
    ],
    ids=["CAPITALS SPACED", "Title  Spaced", "commas"],
)
def test_a_code_typed_with_capitals_or_spaces_still_works(client, db, retype):
    code = a_sent_comment(client)
    typed = retype(code)
    assert code not in typed
    assert (200, []) == (take_back(client, typed).status_code, stored(db))


def test_deleted_words_and_drawing_are_gone_from_the_file_itself(app, client, db):
    code = a_sent_comment(client, "Secret words ZQXJ only I know")
    [row] = stored(db)
    drawn = row["drawing"][41:141]  # the start of the compressed pixels: this drawing only
    assert (True, True) == (b"ZQXJ" in the_file(app), drawn in the_file(app))
    assert 200 == take_back(client, code).status_code
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert 0 == busy
    assert (False, False) == (b"ZQXJ" in the_file(app), drawn in the_file(app))


def test_a_code_that_was_never_given_deletes_nothing(client, db):
    a_sent_comment(client)
    assert_problem(take_back(client, new_receipt_code()), 404, NOT_FOUND)
    assert 1 == len(stored(db))


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "hello",
        "12345",
        "zzzz-qqqq-xxxx",
        "-".join(RECEIPT_WORDS[:2]),
        "-".join(RECEIPT_WORDS[:4]),
        "x" * 500,
        "'; DROP TABLE comments; --",
    ],
    ids=[
        "empty",
        "spaces",
        "one-word",
        "digits",
        "not-words",
        "two-words",
        "four-words",
        "long",
        "sql",
    ],
)
def test_something_that_is_not_a_code_is_told_so_and_deletes_nothing(client, db, typed):
    a_sent_comment(client)
    assert_problem(take_back(client, typed), 422, NOT_A_CODE)
    assert 1 == len(stored(db))


def comment_dated(days_ago: int, secret: str) -> tuple[Comment, str]:
    code = new_receipt_code()
    date = datetime.date.today() - datetime.timedelta(days=days_ago)
    comment = Comment(
        id=new_submission_id(),
        site="waiting-room-a",
        topic=None,
        text=f"Sent {days_ago} days ago",
        drawing=None,
        concern=False,
        receipt_hash=hash_receipt_code(code, secret),
        date=date,
    )
    return comment, code


def test_a_code_older_than_the_withdraw_days_no_longer_works(app, client, db):
    comment, code = comment_dated(31, app.config["SECRET_KEY"])
    assert storage.record_comment(db, comment)
    assert_problem(take_back(client, code), 404, NOT_FOUND)
    assert ["Sent 31 days ago"] == [row["text"] for row in stored(db)]


def test_a_code_works_on_the_last_of_the_withdraw_days(app, client, db):
    comment, code = comment_dated(30, app.config["SECRET_KEY"])
    assert storage.record_comment(db, comment)
    assert 200 == take_back(client, code).status_code
    assert [] == stored(db)


def test_a_code_works_once(client, db):
    code = a_sent_comment(client)
    assert 200 == take_back(client, code).status_code
    assert_problem(take_back(client, code), 404, NOT_FOUND)


def test_taking_back_without_the_pages_form_token_deletes_nothing(client, db):
    code = a_sent_comment(client)
    response = client.post(URL, data={"receipt_code": code})
    assert (400, True) == (response.status_code, "open too long" in page_text(response))
    assert 1 == len(stored(db))


@pytest.mark.parametrize(
    ("body", "content_type"),
    [("5", "application/json"), ("[1, 2]", "application/json"), ("[" * 3000, "application/json"),
     ('{"receipt_code": "CODE"}', "application/json"), ("receipt_code=CODE", "text/plain")],
    ids=["number", "list", "deep", "object", "text"],
)  # fmt: skip
def test_a_body_that_is_not_the_withdraw_form_is_refused_and_deletes_nothing(
    client, db, body, content_type
):
    code = a_sent_comment(client)
    response = client.post(
        URL,
        data=body.replace("CODE", code),
        content_type=content_type,
        headers={"X-CSRFToken": withdraw_page_token(client), "Accept": JSON},
    )
    assert (415, "Please type your receipt code into the box on the page.") == (
        response.status_code,
        response.get_json()["message"],
    )
    assert 1 == len(stored(db))


def test_guessing_codes_is_held_back_by_the_withdraw_limit(tmp_path):
    app = create_app(make_config(tmp_path, WITHDRAW_RATE_LIMIT="3 per 10 minutes"))
    client = app.test_client()
    code = a_sent_comment(client)
    guesses = [take_back(client, new_receipt_code()).status_code for _ in range(3)]
    refused = take_back(client, code)
    assert ([404, 404, 404], 429) == (guesses, refused.status_code)
    assert TOO_MANY in page_text(refused)
    assert [] == [words for words in SIGNPOSTING if words not in page_text(refused)]
    # Looking at the page is not trying a code; someone else can still take theirs back.
    assert 200 == client.get(URL).status_code
    db = storage.open_database(app.config["DATABASE"])
    assert 1 == len(stored(db))
    other = take_back(client, code, environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert (200, []) == (other.status_code, stored(db))
    db.close()


def test_the_withdraw_limit_does_not_count_messages_sent(tmp_path):
    app = create_app(make_config(tmp_path, WITHDRAW_RATE_LIMIT="1 per 10 minutes"))
    client = app.test_client()
    codes = [a_sent_comment(client, f"Message {n}") for n in range(3)]
    assert 200 == take_back(client, codes[0]).status_code
    assert 429 == take_back(client, codes[1]).status_code
    assert 201 == send(client, text="Still allowed to send").status_code


def test_a_page_sent_again_after_its_message_was_taken_back_stays_taken_back(client, db):
    """Refreshing the thank-you page re-sends its form: the message must not come back."""
    fields = feedback_page_fields(client)
    first = send(client, fields=fields, text="Please take this back")
    assert 201 == first.status_code
    assert DELETED in page_text(take_back(client, first.get_json()["receipt_code"]))
    again = send(client, fields=fields, text="Please take this back")
    assert (410, []) == (again.status_code, stored(db))
    assert "You took this message back" in again.get_json()["message"]
