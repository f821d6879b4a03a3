"""Staff pages say dates and times in words: the audit log in the server's
local time, the delete pages with the site's name, and date fields that take
the day first whatever the browser's language (admin/dates.py)."""

import datetime
import os
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from admin import dates
from kiosk import storage
from tests.test_comments_admin import MONDAY, WEEK, add_comment
from tests.test_posters import words


@pytest.fixture
def london():
    """The server's clock in London, as an ordinary UK server's is."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize(
    ("kept", "shown"),
    [
        ("2026-11-30T14:05:09+00:00", "Monday 30 November 2026, 2:05pm"),
        ("2026-07-01T11:30:00+00:00", "Wednesday 1 July 2026, 12:30pm"),  # summer time
        ("2026-12-31T23:59:00+00:00", "Thursday 31 December 2026, 11:59pm"),
        ("2027-01-01T00:00:00+00:00", "Friday 1 January 2027, 12:00am"),
    ],
)
def test_audit_times_are_local_and_in_words(london, kept, shown):
    assert shown == dates.time_in_words(kept)


def test_the_audit_log_shows_when_in_words_not_utc(london, staff, staff_db):
    page = staff.get("/admin/audit").get_data(as_text=True)
    kept = staff_db.execute("SELECT at FROM audit_log").fetchone()[0]
    assert kept not in words(page) and "UTC" not in words(page)
    assert f'<time datetime="{kept}">{dates.time_in_words(kept)}</time>' in page


def test_a_day_in_words_has_its_year_only_when_not_this_year():
    today = datetime.date(2026, 11, 30)
    assert "Monday 30 November" == dates.day_in_words("2026-11-30", today)
    assert "Thursday 31 December 2026" == dates.day_in_words(
        "2026-12-31", datetime.date(2027, 1, 3)
    )


def test_the_delete_page_names_the_site_not_its_address(staff, db):
    comment_id = add_comment(db, "Please delete me", site="youth-hub")
    page = delete_page(staff, comment_id)
    day = dates.day_in_words(MONDAY)
    assert f"<dt>Site</dt><dd>Youth hub</dd>\n  <dt>Date</dt><dd>{day}</dd>" in page
    assert "youth-hub" not in words(page)


def test_the_delete_page_of_a_renamed_site_has_its_new_name(staff, db):
    comment_id = add_comment(db, "Please delete me", site="youth-hub")
    storage.rename_site(db, "youth-hub", "The Hub, Leek")
    assert "<dt>Site</dt><dd>The Hub, Leek</dd>" in delete_page(staff, comment_id)


def delete_page(staff, comment_id) -> str:
    return staff.get(f"/admin/comments/{comment_id}/delete?week={WEEK}").get_data(as_text=True)


@pytest.mark.parametrize(
    "typed",
    ["30/11/2026", "30/11/2026 ", "30-11-2026", "30.11.2026", "30 11 2026", "2026-11-30"],
)
def test_a_date_is_read_day_first(typed):
    assert datetime.date(2026, 11, 30) == dates.typed_date(typed)


@pytest.mark.parametrize(
    "typed", ["11/30/2026", "31/02/2026", "30/11/26", "30/11", "", "٣٠/١١/٢٠٢٦", "2026-W48"]
)
def test_a_date_that_is_not_one_is_not_guessed(typed):
    assert dates.typed_date(typed) is None


@given(day=st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)))
def test_every_date_shown_in_a_field_reads_back_as_itself(day):
    assert day == dates.typed_date(dates.shown_date(day))


def test_the_export_page_asks_for_dates_day_first(staff):
    page = staff.get("/admin/export").get_data(as_text=True)
    assert 'type="date"' not in page
    today = datetime.date.today()
    assert f'value="{today:%d/%m/%Y}"' in page and f'value="01/{today:%m/%Y}"' in page
    assert "First day Day, month, year, for example 01/11/2026" in words(page)


def test_dates_typed_day_first_export_the_same_as_before(staff):
    day_first = staff.get("/admin/export/comments.csv?from=22/11/2026&to=25/11/2026")
    year_first = staff.get("/admin/export/comments.csv?from=2026-11-22&to=2026-11-25")
    assert (200, 200) == (day_first.status_code, year_first.status_code)
    assert day_first.data == year_first.data


def test_a_date_the_wrong_way_round_gets_a_plain_400(staff):
    response = staff.get("/admin/export/comments.csv?from=11/30/2026&to=12/01/2026")
    assert 400 == response.status_code
    assert "a first and last date like 27/11/2026" in response.get_data(as_text=True)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.text(max_size=60))
@example(junk="99/99/9999")
@example(junk="00/00/0000")
@example(junk="31/12/9999")
@example(junk="1" * 50)
def test_junk_in_a_date_field_is_never_a_500(staff, junk):
    response = staff.get(
        "/admin/export/counts.csv", query_string={"from": junk, "to": "30/11/2026"}
    )
    assert response.status_code in {200, 400}


@given(junk=st.text(max_size=50))
@example(junk="29/02/2025")
@example(junk="1/1/0000")
def test_anything_typed_is_a_date_or_nothing(junk):
    day = dates.typed_date(junk)
    assert day is None or dates.typed_date(dates.shown_date(day)) == day
