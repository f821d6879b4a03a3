"""The feedback box: words, a drawing or both are kept once, with a receipt code and
where to get help; anything else gets a plain 4xx and nothing is kept."""

import base64
import datetime
import io
import logging
import re
import secrets
import sqlite3
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from kiosk import create_app, storage
from kiosk.app.factory import DEFAULTS
from kiosk.feedback.drawings import TOO_BIG, UNREADABLE
from kiosk.feedback.receipt_codes import RECEIPT_WORDS, hash_receipt_code, new_receipt_code
from kiosk.surveys import iso_week
from tests.conftest import feedback_page_fields, make_config
from tests.test_anonymity import database_bytes
from tests.test_drawings import RED, chunk_types, drawn_canvas, other_format, pixel_flood, png_bytes

URL = "/feedback/waiting-room-a"
JSON = "application/json"
HTML = "text/html"
WIDTH, HEIGHT = DEFAULTS["DRAWING_WIDTH"], DEFAULTS["DRAWING_HEIGHT"]
NOTHING_SENT = "Write something or draw something, then press Send."
OUT_OF_DATE = "This page is out of date. Please load it again."
# What every thank-you shows, whatever was written.
SIGNPOSTING = [
    'href="tel:08001111"',
    "0800 1111",
    'href="tel:999"',
    "adult you trust",
    "staff cannot find you or contact you",
]


def drawing_part(png: bytes, content_type="image/png", filename="drawing.png") -> FileStorage:
    """A file part as the page's script sends the canvas."""
    return FileStorage(io.BytesIO(png), filename=filename, content_type=content_type)


def send(client, url=URL, accept=JSON, fields=None, environ_base=None, **typed):
    """Send the feedback page's form: its hidden fields and what was typed or drawn."""
    form = {**(fields if fields is not None else feedback_page_fields(client)), **typed}
    # Encoded here, in memory: the test client spools a big body to a temporary
    # file that it never closes.
    boundary, body = encode_multipart(form)
    return client.post(
        url,
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        headers={"Accept": accept},
        environ_base=environ_base or {},
    )


def stored(db) -> list[dict]:
    return list(db.query("SELECT * FROM comments"))


def the_file(app) -> bytes:
    return database_bytes(Path(app.config["DATABASE"]))


def page_text(response) -> str:
    return response.get_data(as_text=True)


def assert_thank_you_page(response, receipt_code: str) -> None:
    assert response.status_code in {200, 201}
    page = page_text(response)
    assert "Thank you for telling us" in page
    assert receipt_code in page
    assert [] == [words for words in SIGNPOSTING if words not in page]


def assert_refused(response, status: int, message: str, db) -> None:
    assert (status, {"status": "error", "message": message}) == (
        response.status_code,
        response.get_json(),
    )
    assert [] == stored(db)


def a_drawing(size=(300, 200), **save_options) -> bytes:
    return png_bytes(drawn_canvas(size), **save_options)


# Sending


def test_words_alone_are_kept_with_the_site_topic_date_and_week(app, client, db):
    fields = feedback_page_fields(client, "youth-hub")
    before = datetime.date.today()
    response = send(
        client, "/feedback/youth-hub", fields=fields, topic="Our meetings", text="More snacks"
    )
    assert (201, {"status": "stored", "receipt_code": fields["receipt_code"]}) == (
        response.status_code,
        response.get_json(),
    )
    [row] = stored(db)
    assert row["date"] in {before.isoformat(), datetime.date.today().isoformat()}
    day = datetime.date.fromisoformat(row["date"])
    assert {
        "id": fields["submission_id"],
        "site": "youth-hub",
        "topic": "Our meetings",
        "text": "More snacks",
        "drawing": None,
        "concern": 0,
        "status": "new",
        "hidden": 0,
        "alerted": 0,
        "acknowledged_by": None,
        "acknowledged_on": None,
        "acknowledgement": None,
        "principles": "",
        "survey": None,
        "version": None,
        "question": None,
        "receipt_hash": hash_receipt_code(fields["receipt_code"], app.config["SECRET_KEY"]),
        "date": day.isoformat(),
        "week": iso_week(day),
    } == row
    # Only its keyed hash is kept: the code itself is nowhere in the file.
    assert fields["receipt_code"].encode() not in the_file(app)


def test_a_drawing_alone_is_kept_as_a_clean_png_without_what_was_hidden_in_it(app, client, db):
    hidden = PngImagePlugin.PngInfo()
    hidden.add_text("Author", "Sam from class 4")
    sent = a_drawing((WIDTH, HEIGHT), pnginfo=hidden)
    assert b"Sam from class 4" in sent
    response = send(client, drawing=drawing_part(sent))
    assert 201 == response.status_code
    [row] = stored(db)
    assert (None, None) == (row["text"], row["topic"])
    assert {b"IHDR", b"IDAT", b"IEND"} == set(chunk_types(row["drawing"]))
    with Image.open(io.BytesIO(row["drawing"])) as kept:
        assert ((WIDTH, HEIGHT), RED) == (kept.size, kept.getpixel((WIDTH // 2, HEIGHT // 2)))
    assert b"Sam from class 4" not in the_file(app)


def test_words_and_a_drawing_are_kept_together(client, db):
    response = send(client, text="This is our room", drawing=drawing_part(a_drawing()))
    assert 201 == response.status_code
    [row] = stored(db)
    assert "This is our room" == row["text"]
    assert chunk_types(row["drawing"])[0] == b"IHDR"


def test_only_a_png_file_part_is_a_drawing_never_a_data_url_in_a_text_field(client, db):
    # Without JavaScript the box has no file field, so a plain form sends no drawing.
    assert 'type="file"' not in page_text(client.get(URL))
    data_url = "data:image/png;base64," + base64.b64encode(a_drawing()).decode()
    response = send(client, text="Words", drawing=data_url)
    assert 201 == response.status_code
    assert [("Words", None)] == [(row["text"], row["drawing"]) for row in stored(db)]


def test_a_form_sent_without_multipart_is_kept_too(client, db):
    data = {**feedback_page_fields(client), "text": "Sent by an old phone"}
    response = client.post(URL, data=data, headers={"Accept": JSON})
    assert 201 == response.status_code
    assert ["Sent by an old phone"] == [row["text"] for row in stored(db)]


def test_a_plain_form_gets_a_thank_you_page_with_the_code_and_where_to_get_help(client, db):
    fields = feedback_page_fields(client)
    response = send(client, accept=HTML, fields=fields, text="Hello")
    assert_thank_you_page(response, fields["receipt_code"])
    assert 1 == len(stored(db))


@pytest.mark.parametrize(
    "typed",
    [
        {},
        {"text": "   \n\t  "},
        {"drawing": "blank"},
        {"drawing": "blank", "text": " "},
    ],
    ids=["nothing", "only-spaces", "blank-canvas", "blank-canvas-and-spaces"],
)
def test_a_blank_canvas_and_empty_words_count_as_nothing(client, db, typed):
    if typed.get("drawing") == "blank":
        blank = png_bytes(Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0)))
        typed = {**typed, "drawing": drawing_part(blank)}
    assert_refused(send(client, **typed), 422, NOTHING_SENT, db)


def test_a_blank_canvas_with_words_keeps_only_the_words(client, db):
    blank = png_bytes(Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0)))
    assert 201 == send(client, text="Just words", drawing=drawing_part(blank)).status_code
    [row] = stored(db)
    assert ("Just words", None) == (row["text"], row["drawing"])


def test_a_topic_is_optional_but_must_be_one_on_the_page(client, db):
    response = send(client, topic="The head teacher", text="Hello")
    assert_refused(response, 422, "Please choose one of the topics on the page.", db)
    assert 201 == send(client, text="Hello").status_code
    assert [None] == [row["topic"] for row in stored(db)]


# Concerns


@pytest.mark.parametrize(
    ("text", "concern"),
    [("he hit me", 1), ("I want to kill myself", 1), ("I like the new shirt", 0)],
)
def test_words_that_may_be_a_disclosure_are_marked_for_the_safeguarding_lead(
    client, db, text, concern
):
    assert 201 == send(client, text=text).status_code
    assert [(text, concern)] == [(row["text"], row["concern"]) for row in stored(db)]


@pytest.mark.parametrize("accept", [HTML, JSON])
def test_a_disclosure_gets_the_same_thank_you_as_anything_else(client, db, accept):
    replies = []
    for text in ["he hit me", "I like the new shirt"]:
        fields = feedback_page_fields(client)
        response = send(client, accept=accept, fields=fields, text=text)
        replies.append(
            (response.status_code, page_text(response).replace(fields["receipt_code"], ""))
        )
    assert replies[0] == replies[1]
    assert {("he hit me", 1), ("I like the new shirt", 0)} == {
        (row["text"], row["concern"]) for row in stored(db)
    }


# Sending the same page again


def test_the_same_page_sent_twice_is_kept_once_with_the_same_receipt(client, db):
    fields = feedback_page_fields(client)
    first = send(client, fields=fields, text="Sent twice")
    again = send(client, fields=fields, text="Sent twice")
    assert (201, 200) == (first.status_code, again.status_code)
    assert first.get_json() == again.get_json()
    assert fields["receipt_code"] == again.get_json()["receipt_code"]
    assert 1 == len(stored(db))


def test_the_same_page_sent_again_as_a_plain_form_shows_the_same_receipt(client, db):
    fields = feedback_page_fields(client)
    assert 201 == send(client, accept=HTML, fields=fields, text="Sent twice").status_code
    assert_thank_you_page(
        send(client, accept=HTML, fields=fields, text="Sent twice"), fields["receipt_code"]
    )
    assert 1 == len(stored(db))


def test_sending_a_page_again_with_other_words_keeps_the_first_words(client, db):
    fields = feedback_page_fields(client)
    assert 201 == send(client, fields=fields, text="The first words").status_code
    assert 200 == send(client, fields=fields, text="Something else entirely").status_code
    assert ["The first words"] == [row["text"] for row in stored(db)]


def test_a_page_sent_again_with_a_tampered_seal_is_refused(client, db):
    fields = feedback_page_fields(client)
    assert 201 == send(client, fields=fields, text="The first words").status_code
    tampered = {**fields, "receipt_seal": fields["receipt_seal"][::-1]}
    response = send(client, fields=tampered, text="Other words")
    assert (422, OUT_OF_DATE) == (response.status_code, response.get_json()["message"])
    assert ["The first words"] == [row["text"] for row in stored(db)]


def seal_from_another_page(client, fields):
    return {**fields, "receipt_seal": feedback_page_fields(client)["receipt_seal"]}


@pytest.mark.parametrize(
    "forge",
    [
        lambda client, fields: {**fields, "receipt_code": new_receipt_code()},
        lambda client, fields: {**fields, "receipt_seal": "0" * 64},
        lambda client, fields: {**fields, "receipt_seal": ""},
        lambda client, fields: {**fields, "receipt_seal": fields["receipt_seal"][:-1] + "é"},
        seal_from_another_page,
        lambda client, fields: {**fields, "submission_id": "f" * 32},
        lambda client, fields: {**fields, "submission_id": "not-an-id"},
        lambda client, fields: {**fields, "receipt_code": "my-own-code"},
        lambda client, fields: {k: v for k, v in fields.items() if k != "receipt_code"},
    ],
    ids=[
        "code-not-made-here",
        "zero-seal",
        "empty-seal",
        "accented-seal",
        "seal-of-another-page",
        "other-id",
        "not-an-id",
        "not-a-code",
        "no-code",
    ],
)
def test_a_receipt_the_server_did_not_make_is_refused_and_nothing_kept(client, db, forge):
    fields = forge(client, feedback_page_fields(client))
    assert_refused(send(client, fields=fields, text="Hello"), 422, OUT_OF_DATE, db)


def test_a_seal_made_with_another_servers_secret_is_refused(tmp_path, client, db):
    other = create_app(make_config(tmp_path / "other", SECRET_KEY="another-secret"))
    fields = feedback_page_fields(other.test_client())
    fields["csrf_token"] = feedback_page_fields(client)["csrf_token"]
    assert_refused(send(client, fields=fields, text="Hello"), 422, OUT_OF_DATE, db)


def test_a_new_page_never_gets_the_receipt_code_of_a_kept_comment(client, db, monkeypatch):
    kept = feedback_page_fields(client)
    assert 201 == send(client, fields=kept, text="The first message").status_code
    free = [word for word in RECEIPT_WORDS if word not in kept["receipt_code"].split("-")][:3]
    # The next page's first draw of three words repeats the kept comment's code.
    draws = iter(kept["receipt_code"].split("-") + free)
    monkeypatch.setattr(secrets, "choice", lambda words: next(draws))
    page = feedback_page_fields(client)
    monkeypatch.undo()
    assert "-".join(free) == page["receipt_code"]
    assert 201 == send(client, fields=page, text="The second message").status_code
    assert 2 == len(stored(db))


# The hidden field only a robot fills in


@pytest.mark.parametrize("accept", [HTML, JSON])
def test_a_robot_that_fills_in_the_hidden_field_is_thanked_and_nothing_kept(client, db, accept):
    response = send(client, accept=accept, website="https://spam.example", text="Buy now")
    assert 201 == response.status_code
    if accept == JSON:
        assert "stored" == response.get_json()["status"]
    else:
        assert "Thank you for telling us" in page_text(response)
    assert [] == stored(db)


# Too many in a short time


@pytest.fixture
def limited_app(tmp_path):
    return create_app(make_config(tmp_path, FEEDBACK_RATE_LIMIT="3 per 10 minutes"))


TOO_MANY = "You have sent a lot in a short time. Please wait a few minutes, then try again."


def test_the_fourth_message_in_ten_minutes_is_kindly_refused(limited_app):
    client = limited_app.test_client()
    assert [201, 201, 201] == [send(client, text=f"Message {n}").status_code for n in range(3)]
    refused = send(client, text="Message 4")
    assert (429, {"status": "error", "message": TOO_MANY}) == (
        refused.status_code,
        refused.get_json(),
    )
    page = send(client, accept=HTML, text="Message 5")
    assert (429, True) == (page.status_code, TOO_MANY in page_text(page))
    assert [] == [words for words in SIGNPOSTING if words not in page_text(page)]
    db = storage.open_database(limited_app.config["DATABASE"])
    assert ["Message 0", "Message 1", "Message 2"] == sorted(row["text"] for row in stored(db))
    db.close()


def test_someone_else_is_not_held_back_by_another_senders_messages(limited_app):
    client = limited_app.test_client()
    for n in range(4):
        send(client, text=f"Message {n}")
    assert 429 == send(client, text="Again").status_code
    other = send(client, text="Someone else", environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert 201 == other.status_code


MARKER_ADDRESS = "10.77.66.55"


def test_the_limit_writes_down_no_address_in_the_logs_or_the_file(limited_app, caplog):
    caplog.set_level(logging.DEBUG)
    # Even with flask-limiter's own lines switched on, it logs only a keyed hash.
    caplog.set_level(logging.DEBUG, logger="flask-limiter")
    client = limited_app.test_client()
    marker = {"REMOTE_ADDR": MARKER_ADDRESS}
    statuses = [send(client, text=f"Hello {n}", environ_base=marker).status_code for n in range(4)]
    assert [201, 201, 201, 429] == statuses
    assert "exceeded" in caplog.text
    assert MARKER_ADDRESS not in caplog.text
    assert MARKER_ADDRESS.encode() not in the_file(limited_app)


# Input that is not a message from the page


@pytest.mark.parametrize(
    ("body", "content_type"),
    [('{"text": "hello"}', "application/json"), ("text=hello", "text/plain")],
    ids=["json", "text"],
)
def test_a_body_that_is_not_a_form_is_refused(client, db, body, content_type):
    token = feedback_page_fields(client)["csrf_token"]
    response = client.post(
        URL,
        data=body,
        content_type=content_type,
        headers={"X-CSRFToken": token, "Accept": JSON},
    )
    assert_refused(response, 415, "Please send your message from the feedback page.", db)


def test_a_body_bigger_than_the_request_limit_is_refused(app, client, db):
    huge = b"\x89PNG\r\n\x1a\n" + b"\0" * app.config["MAX_CONTENT_LENGTH"]
    response = send(client, text="Hello", drawing=drawing_part(huge))
    assert_refused(response, 413, "That was too big to send.", db)


def test_a_form_field_bigger_than_the_form_limit_is_refused(client, db):
    assert_refused(send(client, text="a" * 600_000), 413, "That was too big to send.", db)


def test_words_up_to_the_limit_are_kept_and_one_more_letter_is_refused(client, db):
    response = send(client, text="a" * 1001)
    assert_refused(
        response, 422, "Your message is too long. Please keep it under 1000 letters.", db
    )
    assert 201 == send(client, text="🙂" * 1000).status_code
    assert 201 == send(client, text="  " + "a" * 1000 + "\n").status_code
    assert 2 == len(stored(db))


@pytest.mark.parametrize(
    "text",
    ["nul\x00here", "\x1b[31mred\x1b[0m", "delete\x7f", "bell\x07", "form\x0cfeed", "next\x85line"],
)
def test_control_characters_are_refused(client, db, text):
    response = send(client, text=text)
    assert_refused(
        response, 422, "Your message has a character we cannot keep. Please take it out.", db
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("line one\nline two", "line one\nline two"),
        ("line one\r\nline two", "line one\nline two"),
        ("name:\tnobody", "name:\tnobody"),
        ("I feel 🙂 today 🌈👍🏽", "I feel 🙂 today 🌈👍🏽"),
        ("شكرا لكم على الاستماع", "شكرا لكم على الاستماع"),
        ("Дякую, що слухаєте", "Дякую, що слухаєте"),
        ("谢谢你们听我说", "谢谢你们听我说"),
        ("Diolch yn fawr", "Diolch yn fawr"),
    ],
)
def test_newlines_tabs_emoji_and_every_script_are_kept(client, db, text, kept):
    assert 201 == send(client, text=text).status_code
    assert [kept] == [row["text"] for row in stored(db)]


def jpeg() -> bytes:
    return other_format("JPEG")


@pytest.mark.parametrize(
    ("drawing", "message"),
    [
        (lambda: drawing_part(jpeg()), UNREADABLE),
        (lambda: drawing_part(bytes(range(256)) * 8), UNREADABLE),
        (
            lambda: drawing_part(b"Dear diary, this is not a picture", filename="notes.txt"),
            UNREADABLE,
        ),
        (lambda: drawing_part(pixel_flood()), TOO_BIG),
        (lambda: drawing_part(a_drawing((WIDTH + 1, HEIGHT))), TOO_BIG),
        (lambda: drawing_part(a_drawing((WIDTH, HEIGHT + 1))), TOO_BIG),
        (lambda: drawing_part(b"\x89PNG\r\n\x1a\n" + b"\0" * 1_000_000), TOO_BIG),
        (lambda: drawing_part(a_drawing(), content_type="image/jpeg"), UNREADABLE),
        (lambda: drawing_part(a_drawing(), content_type="application/octet-stream"), UNREADABLE),
        (lambda: drawing_part(a_drawing(), content_type="image/svg+xml"), UNREADABLE),
    ],
    ids=[
        "jpeg",
        "random-bytes",
        "text-file-called-png",
        "pixel-flood",
        "wider-than-the-canvas",
        "taller-than-the-canvas",
        "over-the-byte-limit",
        "png-sent-as-jpeg",
        "png-sent-as-bytes",
        "png-sent-as-svg",
    ],
)
def test_a_drawing_that_is_not_a_small_png_is_refused_with_the_words(client, db, drawing, message):
    response = send(client, text="My words", drawing=drawing())
    assert_refused(response, 422, message, db)


def test_the_canvas_and_the_size_check_both_follow_the_config(tmp_path):
    app = create_app(make_config(tmp_path, DRAWING_WIDTH=640, DRAWING_HEIGHT=480))
    client = app.test_client()
    try:
        assert 'width="640" height="480"' in page_text(client.get(URL))
        kept = send(client, drawing=drawing_part(a_drawing((640, 480))))
        refused = send(client, drawing=drawing_part(a_drawing((641, 480))))
    finally:
        storage.close_thread_connections()
    assert (201, 422, TOO_BIG) == (
        kept.status_code,
        refused.status_code,
        refused.get_json()["message"],
    )


def test_a_refused_drawing_on_a_plain_form_shows_the_box_again_with_the_words_kept(client, db):
    response = send(client, accept=HTML, text="My words", drawing=drawing_part(jpeg()))
    page = page_text(response)
    assert (422, True, True) == (
        response.status_code,
        UNREADABLE in page,
        "My words</textarea>" in page,
    )
    assert [] == [words for words in SIGNPOSTING if words not in page]
    assert [] == stored(db)


def test_a_refused_plain_form_keeps_the_chosen_topic(client, db):
    response = send(
        client, accept=HTML, topic="Our meetings", text="My words", drawing=drawing_part(jpeg())
    )
    page = page_text(response)
    checked = re.findall(r'<input checked[^>]* name="topic" type="radio" value="([^"]*)"', page)
    assert (422, ["Our meetings"]) == (response.status_code, checked)
    assert [] == stored(db)


@pytest.mark.parametrize(
    ("configured", "thanks", "still_there"),
    [
        ({}, 30, 30),
        ({"KIOSK_THANKS_SECONDS": 5, "KIOSK_STILL_THERE_SECONDS": 5}, 30, 20),
        ({"KIOSK_THANKS_SECONDS": 45, "KIOSK_STILL_THERE_SECONDS": 40}, 45, 40),
    ],
    ids=["defaults", "too-short", "longer"],
)
def test_the_kiosk_pages_wait_long_enough_to_read_the_receipt_and_tap(
    tmp_path, configured, thanks, still_there
):
    """The kiosk's scripts read these waits from the page: never shorter than the floors."""
    client = create_app(make_config(tmp_path, **configured)).test_client()
    try:
        box = page_text(client.get(URL + "?from=kiosk"))
        fields = feedback_page_fields(client, from_kiosk=True)
        sent = client.post(URL + "?from=kiosk", data={**fields, "text": "Hi"})
        assert 201 == sent.status_code
        sent = page_text(sent)
        kiosk = page_text(client.get("/kiosk/waiting-room-a"))
    finally:
        storage.close_thread_connections()
    assert f'data-thanks-seconds="{thanks}"' in box
    assert f'data-still-there-seconds="{still_there}"' in box
    # The kiosk itself asks "Are you still there?" with the same wait.
    assert f'data-still-there-seconds="{still_there}"' in kiosk
    assert f'data-thanks-seconds="{thanks}"' in sent


@pytest.mark.parametrize(
    ("days", "promise"),
    [
        (365, "We keep messages for 365 days, then delete them."),
        (30, "We keep messages for 30 days, then delete them."),
        (1, "We keep messages for 1 day, then delete them."),
    ],
)
def test_the_box_says_how_long_messages_are_kept(tmp_path, days, promise):
    client = create_app(make_config(tmp_path, RETENTION_DAYS=days)).test_client()
    try:
        pages = [page_text(client.get(URL + query)) for query in ("", "?from=kiosk")]
    finally:
        storage.close_thread_connections()
    assert [True, True] == [promise in page for page in pages]


def test_an_unknown_site_is_not_found_and_nothing_kept(client, db):
    assert 404 == client.get("/feedback/nowhere").status_code
    response = send(client, "/feedback/nowhere", text="Hello")
    assert_refused(response, 404, "We could not find that page.", db)


@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_a_send_without_the_pages_form_token_is_refused(client, db, token):
    fields = feedback_page_fields(client)
    if token is None:
        del fields["csrf_token"]
    else:
        fields["csrf_token"] = token
    response = send(client, fields=fields, text="Hello")
    assert (400, "This page was open too long. Please try again.") == (
        response.status_code,
        response.get_json()["message"],
    )
    assert [] == stored(db)


# Anonymity


def test_a_comment_keeps_only_the_allowed_columns_and_no_order_of_arrival(db):
    columns = [row[1] for row in db.execute("PRAGMA table_info(comments)")]
    assert {
        "id", "site", "topic", "text", "drawing", "concern", "status", "hidden",
        "receipt_hash", "date", "week",
        # What staff did about it: dates and staff's words, never a time.
        "alerted", "acknowledged_by", "acknowledged_on", "acknowledgement",
        # Words written in a survey's comments box: which survey and question.
        "survey", "version", "question",
        # The six principles staff tagged it with.
        "principles",
    } == set(columns)  # fmt: skip
    assert 19 == len(columns)
    with pytest.raises(sqlite3.OperationalError, match="no such column: rowid"):
        db.execute("SELECT rowid FROM comments")


def test_a_comment_keeps_no_address_or_browser_name(app, client, db, caplog):
    caplog.set_level(logging.DEBUG)
    agent = "MarkerAgent/9.9 ZQXJ"
    fields = feedback_page_fields(client)
    boundary, body = encode_multipart(
        {**fields, "text": "Hello", "drawing": drawing_part(a_drawing())}
    )
    response = client.post(
        URL,
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        headers={"Accept": JSON, "User-Agent": agent, "Referer": "https://zqxj.example/"},
        environ_base={"REMOTE_ADDR": MARKER_ADDRESS},
    )
    assert 201 == response.status_code
    assert 1 == len(stored(db))
    for marker in [agent, "ZQXJ", "zqxj.example", MARKER_ADDRESS]:
        assert marker.encode() not in the_file(app)
        assert marker not in caplog.text


def test_the_box_and_its_send_set_only_the_form_token_cookie(client):
    fields = feedback_page_fields(client)
    sent = send(client, fields=fields, text="Hello")
    cookies = client.get(URL).headers.getlist("Set-Cookie") + sent.headers.getlist("Set-Cookie")
    assert {"session"} >= {cookie.split("=")[0] for cookie in cookies}
    with client.session_transaction() as session:
        assert {"csrf_token"} == set(session)


def test_after_send_the_help_comes_first_then_the_receipt_code(client):
    """Issue 9: the same help for everyone, before the code; never a promise of secrecy."""
    fields = feedback_page_fields(client)
    page = send(client, accept="text/html", fields=fields, text="the chairs are comfy").get_data(
        as_text=True
    )
    for help_line in ("0800 1111", "childline.org.uk", "SHOUT", "85258", "999"):
        assert help_line in page
    assert page.index("SHOUT") < page.index(fields["receipt_code"])
    assert "secret" not in page.lower()


def test_the_box_says_who_reads_a_worrying_message_first(client):
    page = " ".join(client.get(URL).get_data(as_text=True).split())
    assert "the person here whose job is to keep children safe reads it first" in page
