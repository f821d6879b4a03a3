"""The week box of the weekly summary: a date, a week number or an ISO week,
and a plain message, never this week in silence, for anything else."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from admin.periods import WEEK_NOT_UNDERSTOOD, Period, asked_period, read_week

TODAY = datetime.date(2026, 12, 2)  # a Wednesday of 2026-W49


@pytest.mark.parametrize(
    "typed",
    [
        "2026-W49",
        "2026-w49",
        "2026 w49",
        "2026 W 49",
        "2026-W 49",
        "49",
        "week 49",
        "Week  49",
        "w49",
        "30/11/2026",
        "6/12/2026",
        "30.11.2026",
        "30-11-2026",
        "2026-11-30",
        "2026-12-06",
        "30 Nov 2026",
        "30 November 2026",
        "1 dec 2026",
        "1 Dec, 2026",
        " 2 December 2026 ",
    ],
)
def test_a_date_a_week_number_or_an_iso_week_name_the_week(typed):
    assert Period("week", "2026-W49") == read_week(typed, TODAY)


@pytest.mark.parametrize(
    ("typed", "week"),
    [
        ("1", "2026-W01"),
        ("week 53", "2026-W53"),
        ("2025-W01", "2025-W01"),
        ("1/1/2027", "2026-W53"),
    ],
)
def test_a_week_number_is_of_this_year(typed, week):
    assert week == read_week(typed, TODAY).key


@pytest.mark.parametrize(
    "typed",
    ["", "nonsense", "0", "54", "week 0", "2026-W54", "2025-W53", "31/02/2026", "30/13/2026",
     "30 Novx 2026", "2026", "11/2026", "30/11/26", "٤٩", "１２", "1899-12-31", "2026-W4 9"],
)  # fmt: skip
def test_anything_else_names_no_week(typed):
    assert read_week(typed, TODAY) is None


def test_a_week_not_understood_is_said_so_and_kept_in_the_box():
    asked = asked_period({"week": "30th of Nov"}, TODAY)
    assert (False, WEEK_NOT_UNDERSTOOD, "30th of Nov") == (
        asked.understood,
        asked.problem,
        asked.typed,
    )
    assert "Try a date like 30/11/2026 or a week number like 49." in WEEK_NOT_UNDERSTOOD


@pytest.mark.parametrize("typed", ["2026-W50", "50", "7/12/2026", "9999-W52", "1 Jan 9999"])
def test_a_week_not_begun_shows_this_week_and_says_so(typed):
    asked = asked_period({"week": typed}, TODAY)
    assert asked.understood
    assert "2026-W49" == asked.period.key
    assert "That week has not happened yet, so this shows week 2026-W49 instead." == asked.problem


def test_the_month_of_this_week_has_begun_the_next_has_not():
    assert asked_period({"month": "2026-12"}, TODAY).problem is None  # W49's Thursday is 3 Dec
    assert "2026-12" == asked_period({"month": "9999-12"}, TODAY).period.key
    later = asked_period({"month": "2027-01"}, TODAY)
    assert ("2026-12", True) == (later.period.key, "not happened yet" in later.problem)


def test_nothing_typed_is_this_week_without_a_message():
    asked = asked_period({"week": " "}, TODAY)
    assert (Period("week", "2026-W49"), None, True) == (
        asked.period,
        asked.problem,
        asked.understood,
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.dates())
def test_junk_is_a_week_or_nothing_never_an_error(typed, today):
    week = read_week(typed, today)
    assert week is None or week.shifted(0) == week


# Reading the page changes nothing, so one signed-in client serves every example.
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=30),
        st.from_regex(r"[0-9]{1,4}[ /.-]{0,2}[wW]?[0-9]{1,4}([/.-][0-9]{1,4})?", fullmatch=True),
    ),
    st.sampled_from(["week", "month"]),
)
def test_junk_in_the_box_is_never_a_server_error(staff, typed, box):
    response = staff.get("/admin/", query_string={box: typed})
    assert response.status_code in (200, 400)
    page = response.get_data(as_text=True)
    if response.status_code == 400:
        assert f"We did not understand that {box}." in page
