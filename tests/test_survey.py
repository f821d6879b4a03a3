"""The child evaluation's rules: what a kiosk may send, and the week it counts in."""

import dataclasses
import datetime

import pytest

from kiosk.surveys import BUILT_IN_BY_SLUG, InvalidSubmission, iso_week, parse_submission
from tests.conftest import all_answers

TODAY = datetime.date(2026, 11, 27)
MAX_AGE_DAYS = 365
GOOD_ID = "0123456789abcdef0123456789abcdef"


def parse(body):
    return parse_submission(
        body, site="youth-hub", today=TODAY, max_age_days=MAX_AGE_DAYS, find_version=built_in
    )


def built_in(slug: str, version: int):
    """The built-in surveys as first published, as a fresh database holds them."""
    survey = BUILT_IN_BY_SLUG.get(slug)
    return None if survey is None or version != 1 else dataclasses.replace(survey, version=1)


def days_ago(days: int) -> str:
    return (TODAY - datetime.timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("extra", "expected_date"),
    [
        ({}, TODAY),
        ({"date": "2026-11-27"}, TODAY),
        # A kiosk whose clock is a time zone ahead of the server's.
        ({"date": "2026-11-28"}, datetime.date(2026, 11, 28)),
        # A tablet whose clock is wrong, days or years ahead: the child did
        # answer, so the answers count today rather than being lost.
        ({"date": "2026-11-29"}, TODAY),
        ({"date": "2031-01-01"}, TODAY),
        # A kiosk that was offline for the longest time we keep.
        ({"date": days_ago(MAX_AGE_DAYS)}, TODAY - datetime.timedelta(days=MAX_AGE_DAYS)),
        # A kiosk page loaded before surveys had versions.
        ({"survey": "child"}, TODAY),
        ({"survey": "child-evaluation", "version": 1}, TODAY),
    ],
)
def test_a_good_body_becomes_a_submission(extra, expected_date):
    submission = parse({"id": GOOD_ID, "answers": all_answers(), **extra})
    assert (GOOD_ID, "youth-hub", "child-evaluation") == (
        submission.id,
        submission.site,
        submission.survey,
    )
    assert expected_date == submission.date
    assert iso_week(expected_date) == submission.week


@pytest.mark.parametrize("answer", ["yes", "sometimes", "no", "skip"])
def test_every_offered_answer_is_accepted(answer):
    assert all_answers(answer) == parse({"id": GOOD_ID, "answers": all_answers(answer)}).answers


def test_answers_are_stored_in_one_spelling_whatever_order_they_came_in():
    answers = {"ideas": "no", "team": "skip", "talk": "sometimes", "safe": "yes"}
    submission = parse({"id": GOOD_ID, "answers": answers})
    assert '{"safe":"yes","talk":"sometimes","team":"skip","ideas":"no"}' == (
        submission.answers_json
    )


def with_answer(key, value):
    return {**all_answers(), key: value}


def without(key):
    return {k: v for k, v in all_answers().items() if k != key}


GOOD = {"id": GOOD_ID, "answers": all_answers()}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([GOOD], "Send one submission as a JSON object."),
        ("answers", "Send one submission as a JSON object."),
        (None, "Send one submission as a JSON object."),
        ({**GOOD, "ip": "10.0.0.1"}, "Unknown field: ip."),
        ({**GOOD, "time": "10:40"}, "Unknown field: time."),
        ({"answers": all_answers()}, "The submission id must be 32 lowercase hex characters."),
        ({**GOOD, "id": GOOD_ID.upper()}, "The submission id must be 32 lowercase hex characters."),
        ({**GOOD, "id": GOOD_ID[:-1]}, "The submission id must be 32 lowercase hex characters."),
        ({**GOOD, "id": GOOD_ID + "0"}, "The submission id must be 32 lowercase hex characters."),
        ({**GOOD, "id": 12345}, "The submission id must be 32 lowercase hex characters."),
        ({**GOOD, "survey": "adult", "version": 1}, "Unknown survey, or unknown version of it."),
        (
            {**GOOD, "survey": "child-evaluation", "version": 2},
            "Unknown survey, or unknown version of it.",
        ),
        (
            {**GOOD, "survey": "adult-evaluation"},
            "Say which version of the survey these answers are for.",
        ),
        (
            {**GOOD, "survey": "child-evaluation", "version": "1"},
            "Say which version of the survey these answers are for.",
        ),
        (
            {**GOOD, "survey": "child-evaluation", "version": True},
            "Say which version of the survey these answers are for.",
        ),
        ({**GOOD, "survey": None}, "Unknown survey."),
        ({"id": GOOD_ID}, "Answers must be a JSON object."),
        ({**GOOD, "answers": ["yes"] * 4}, "Answers must be a JSON object."),
        ({**GOOD, "answers": {**all_answers(), "fun": "yes"}}, "Unknown question: fun."),
        ({**GOOD, "answers": without("team")}, "Missing an answer to team (use skip)."),
        ({**GOOD, "answers": {}}, "Missing an answer to safe (use skip)."),
        (
            {**GOOD, "answers": with_answer("safe", "maybe")},
            "The answer to safe must be yes, sometimes, no or skip.",
        ),
        (
            {**GOOD, "answers": with_answer("talk", "Yes")},
            "The answer to talk must be yes, sometimes, no or skip.",
        ),
        (
            {**GOOD, "answers": with_answer("ideas", None)},
            "The answer to ideas must be yes, sometimes, no or skip.",
        ),
        (
            {**GOOD, "answers": with_answer("ideas", ["yes"])},
            "The answer to ideas must be yes, sometimes, no or skip.",
        ),
        ({**GOOD, "date": "27/11/2026"}, "The date must look like 2026-11-27."),
        ({**GOOD, "date": "2026-11-27T10:40:00"}, "The date must look like 2026-11-27."),
        ({**GOOD, "date": 20261127}, "The date must look like 2026-11-27."),
        ({**GOOD, "date": "2026-02-30"}, "The date is not a real day."),
        ({**GOOD, "date": "2026-13-01"}, "The date is not a real day."),
        ({**GOOD, "date": days_ago(MAX_AGE_DAYS + 1)}, "The date is too long ago to keep."),
    ],
)
def test_a_body_the_kiosk_would_never_send_is_refused_plainly(body, message):
    with pytest.raises(InvalidSubmission) as refused:
        parse(body)
    assert message == str(refused.value)


def test_the_long_question_key_in_a_message_is_cut_short():
    with pytest.raises(InvalidSubmission) as refused:
        parse({**GOOD, "answers": {**all_answers(), "x" * 500: "yes"}})
    assert f"Unknown question: {'x' * 40}." == str(refused.value)


def test_the_questions_are_the_guides_four():
    child = BUILT_IN_BY_SLUG["child-evaluation"]
    assert ("safe", "talk", "team", "ideas") == tuple(q.key for q in child.questions)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 1, 1), "2026-W01"),
        (datetime.date(2027, 1, 1), "2026-W53"),
        (datetime.date(2024, 12, 30), "2025-W01"),
        (datetime.date(2021, 1, 3), "2020-W53"),
        (datetime.date(2026, 11, 27), "2026-W48"),
        (datetime.date(2026, 3, 2), "2026-W10"),
    ],
)
def test_iso_week_at_year_boundaries(day, expected):
    year, week, _ = day.isocalendar()
    assert f"{year}-W{week:02d}" == expected
    assert expected == iso_week(day)
