"""Invisible direction controls (U+202A to U+202E, U+2066 to U+2069) never
reach staff: not on a page, not in an export, and new comments are kept without them."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.test import encode_multipart

from kiosk import create_app, storage
from kiosk.feedback.comments import InvalidComment, clean_text
from kiosk.surveys import iso_week
from tests.conftest import feedback_page_fields, make_config, store_comment

DIRECTION_CONTROLS = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
# Reads "txt.exe" as "exe.txt" on screen; in a spreadsheet cell, hides the "=".
REVERSED = "\u202etxt.exe\u202c and \u2066=1+1\u2069"
SITE_NAME = "Waiting\u202e room A"
WEEK_DAY = datetime.date(2026, 11, 23)  # ISO week 2026-W48


@pytest.fixture
def app(tmp_path):
    sites = {"waiting-room-a": SITE_NAME, "youth-hub": "Youth hub"}
    yield create_app(make_config(tmp_path, SITES=sites))
    storage.close_thread_connections()


def found_controls(text: str) -> list[str]:
    return [hex(ord(c)) for c in DIRECTION_CONTROLS if c in text]


def test_staff_pages_show_words_and_names_without_direction_controls(staff, db):
    store_comment(db, REVERSED)
    page = staff.get("/admin/comments?week=2026-W48&site=waiting-room-a").get_data(as_text=True)
    # The words and the name are there (so this could fail), without the controls.
    assert "txt.exe and =1+1" in page and "Waiting room A" in page
    assert [] == found_controls(page)


def test_exports_have_no_direction_controls_and_no_hidden_formula(staff, db):
    store_comment(db, "\u202e=1+1")
    text = staff.get("/admin/export/comments.csv?week=2026-W48").get_data(as_text=True)
    assert '"Waiting room A","2026-W48","","","","\'=1+1"' in text
    assert [] == found_controls(text)


def test_a_new_comment_is_kept_without_direction_controls(client, db):
    boundary, body = encode_multipart({**feedback_page_fields(client), "text": REVERSED})
    response = client.post(
        "/feedback/waiting-room-a",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code in {200, 201}
    [comment] = storage.comments_for_week(db, iso_week(datetime.date.today()), None)
    assert "txt.exe and =1+1" == comment["text"]


@given(st.text(alphabet=st.sampled_from([*DIRECTION_CONTROLS, "a", " ", "\u05d0", "\n"])))
def test_no_comment_is_ever_kept_with_a_direction_control(text):
    try:
        kept = clean_text(text, 1000)
    except InvalidComment:
        return
    assert [] == found_controls(kept or "")
