"""The feedback box opened from the kiosk's shared tablet: no receipt code is made,
shown or kept, since the next child could read it and take the message back. "From
the kiosk" is only how the page looks and works: nothing stored tells it apart."""

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.test import encode_multipart

from kiosk.feedback.receipt_codes import RECEIPT_WORDS
from tests.conftest import feedback_page_fields

URL = "/feedback/waiting-room-a"
KIOSK_URL = URL + "?from=kiosk"
JSON = "application/json"
HTML = "text/html"
NO_TAKING_BACK = "You can't take this back from here. If you want to, ask a grown-up you trust."
OUT_OF_DATE = "This page is out of date. Please load it again."
# Three words from the receipt list joined by dashes: what a receipt code looks like.
A_RECEIPT_CODE = re.compile(
    r"\b({0})-({0})-({0})\b".format("|".join(sorted(RECEIPT_WORDS, key=len, reverse=True)))
)


def send(client, fields, url=KIOSK_URL, accept=JSON, **typed):
    boundary, body = encode_multipart({**fields, **typed})
    return client.post(
        url,
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        headers={"Accept": accept},
    )


def stored(db) -> list[dict]:
    return list(db.query("SELECT * FROM comments ORDER BY text"))


def test_the_kiosk_box_offers_no_receipt_code(client):
    page = client.get(KIOSK_URL).get_data(as_text=True)
    phone_page = client.get(URL).get_data(as_text=True)
    # So this could fail: the phone's page holds a code, and the pattern finds it.
    assert A_RECEIPT_CODE.search(phone_page)
    assert (None, False) == (A_RECEIPT_CODE.search(page), 'name="receipt_code"' in page)


def test_a_message_from_the_kiosk_is_thanked_without_a_code(client, db):
    response = send(client, feedback_page_fields(client, from_kiosk=True), text="I like the fish")
    assert (201, {"status": "stored"}) == (response.status_code, response.get_json())
    [comment] = stored(db)
    assert "I like the fish" == comment["text"]


def test_the_kiosk_thank_you_says_ask_a_grown_up_instead_of_giving_a_code(client, db):
    fields = feedback_page_fields(client, from_kiosk=True)
    response = send(client, fields, accept=HTML, text="The fish are nice")
    page = html.unescape(response.get_data(as_text=True))
    assert NO_TAKING_BACK in page
    assert ("Your receipt code is" in page, A_RECEIPT_CODE.search(page)) == (False, None)
    assert ["Talk to an adult you trust.", "0800 1111", "999"] == [
        words for words in ["Talk to an adult you trust.", "0800 1111", "999"] if words in page
    ]
    # The box page itself already says it, before sending, for a page without script.
    assert NO_TAKING_BACK in html.unescape(client.get(KIOSK_URL).get_data(as_text=True))


def test_the_phone_thank_you_still_gives_a_code_and_never_the_kiosk_words(client):
    fields = feedback_page_fields(client)
    response = send(client, fields, url=URL, accept=HTML, text="Hi")
    page = html.unescape(response.get_data(as_text=True))
    assert (True, False) == (fields["receipt_code"] in page, NO_TAKING_BACK in page)


def test_what_is_kept_from_the_kiosk_looks_the_same_as_from_a_phone(client, db):
    """Nothing marks a comment as the kiosk's: its stand-in for a receipt hash is
    random, shaped like a real one, and different for every comment."""
    send(client, feedback_page_fields(client, from_kiosk=True), text="a from the kiosk")
    send(client, feedback_page_fields(client, from_kiosk=True), text="b from the kiosk")
    send(client, feedback_page_fields(client), url=URL, text="c from a phone")
    kiosk_a, kiosk_b, phone = stored(db)
    hashes = [row["receipt_hash"] for row in (kiosk_a, kiosk_b, phone)]
    assert [True, True, True] == [bool(re.fullmatch(r"[0-9a-f]{64}", h)) for h in hashes]
    assert 3 == len(set(hashes))
    unlike = {"id", "text", "receipt_hash"}
    assert {k: v for k, v in kiosk_a.items() if k not in unlike} == {
        k: v for k, v in phone.items() if k not in unlike
    }


def test_the_same_kiosk_page_sent_again_is_kept_once(client, db):
    fields = feedback_page_fields(client, from_kiosk=True)
    first = send(client, fields, text="Sent twice")
    again = send(client, fields, text="Sent twice")
    assert (201, 200, {"status": "stored"}) == (
        first.status_code,
        again.status_code,
        again.get_json(),
    )
    assert 1 == len(stored(db))


@pytest.mark.parametrize(
    "forge",
    [
        # A phone's page sent as the kiosk's: its seal is for a code, not for none.
        lambda client: send(client, feedback_page_fields(client), text="Hi"),
        # The kiosk's page sent as a phone's, with a code of the sender's choosing.
        lambda client: send(
            client,
            {**feedback_page_fields(client, from_kiosk=True), "receipt_code": "apple-river-seven"},
            url=URL,
            text="Hi",
        ),
        lambda client: send(
            client, {**feedback_page_fields(client, from_kiosk=True), "receipt_seal": "0" * 64}
        ),
        lambda client: send(
            client, {**feedback_page_fields(client, from_kiosk=True), "submission_id": "0" * 32}
        ),
    ],
    ids=["phone-page-as-kiosk", "kiosk-page-as-phone", "made-up-seal", "made-up-id"],
)
def test_a_page_the_server_did_not_make_for_the_kiosk_is_refused(client, db, forge):
    response = forge(client)
    assert (422, OUT_OF_DATE, []) == (
        response.status_code,
        response.get_json()["message"],
        stored(db),
    )


def test_a_robot_at_the_kiosk_box_is_thanked_without_a_code_and_nothing_kept(client, db):
    fields = feedback_page_fields(client, from_kiosk=True)
    response = send(client, fields, text="Buy things", website="http://spam.example")
    assert (201, {"status": "stored"}, []) == (
        response.status_code,
        response.get_json(),
        stored(db),
    )


JUNK = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
junk_fields = st.dictionaries(
    st.sampled_from(["submission_id", "receipt_seal", "receipt_code", "text"]),
    st.text(max_size=80),
)


@pytest.fixture
def app_config():
    # Far above what the examples send: the junk test is about the input, not the limiter.
    return {"FEEDBACK_RATE_LIMIT": "100000 per minute"}


@JUNK
@given(junk=junk_fields)
def test_junk_sent_to_the_kiosk_box_is_never_a_500_and_kept_only_on_a_201(client, db, junk):
    before = len(stored(db))
    response = send(client, {**feedback_page_fields(client, from_kiosk=True), "text": "Hi", **junk})
    assert response.status_code < 500, response.get_data()[:300]
    assert before + (response.status_code == 201) == len(stored(db))
