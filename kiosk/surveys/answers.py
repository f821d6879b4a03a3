"""Answers to one version of a survey, checked against exactly that version.

A kiosk or a phone sends {question key: answer} for every question with
choices; the answer is a choice's key or "skip". Both the submit views and the
storage layer check answers against the version's own questions, so a value
the page did not offer can never reach the database.
"""

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.surveys.definitions import CHILD_EVALUATION, Survey

SUBMISSION_ID = re.compile(r"[0-9a-f]{32}")


class InvalidSubmission(ValueError):
    """A submission the kiosk would never send; the message is shown to the sender."""


@dataclass(frozen=True)
class Submission:
    id: str
    site: str
    survey: str
    answers: dict  # in the version's order of questions
    date: datetime.date
    version: int = 1

    @property
    def week(self) -> str:
        return iso_week(self.date)

    @property
    def answers_json(self) -> str:
        """Answers in one canonical spelling, so equal answers group together in SQL."""
        return json.dumps(self.answers, separators=(",", ":"))


def iso_week(day: datetime.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# A kiosk page loaded before surveys had versions sends no survey, or "child",
# and no version: what it showed was the child evaluation's first version.
OLD_NAMES = {None: CHILD_EVALUATION, "child": CHILD_EVALUATION}


def parse_submission(
    body: object,
    site: str,
    today: datetime.date,
    max_age_days: int,
    find_version: Callable[[str, int], Survey | None],
    not_before: datetime.date | None = None,
) -> Submission:
    """Turn a decoded JSON body into a Submission, or say plainly what is wrong.

    find_version(slug, version): the published version, or None.
    not_before: the day the sending tablet was set up; no earlier date is taken."""
    if not isinstance(body, dict):
        raise InvalidSubmission("Send one submission as a JSON object.")
    unknown_fields = set(body) - {"id", "survey", "version", "date", "answers"}
    if unknown_fields:
        raise InvalidSubmission(f"Unknown field: {sorted(unknown_fields)[0]}.")
    submission_id = body.get("id")
    if not isinstance(submission_id, str) or not SUBMISSION_ID.fullmatch(submission_id):
        raise InvalidSubmission("The submission id must be 32 lowercase hex characters.")
    survey = find_survey(body, find_version)
    return Submission(
        id=submission_id,
        site=site,
        survey=survey.slug,
        answers=check_answers(body.get("answers"), survey),
        date=check_date(body.get("date"), today, max_age_days, not_before),
        version=survey.version,
    )


def find_survey(body: dict, find_version: Callable[[str, int], Survey | None]) -> Survey:
    slug = body.get("survey")
    old = "survey" not in body or (isinstance(slug, str) and slug in OLD_NAMES)
    if old:
        slug = OLD_NAMES[slug]
    version = body.get("version", 1 if old else None)
    if not isinstance(slug, str) or len(slug) > 40:
        raise InvalidSubmission("Unknown survey.")
    if type(version) is not int or not 0 < version < 2**31:
        raise InvalidSubmission("Say which version of the survey these answers are for.")
    survey = find_version(slug, version)
    if survey is None:
        raise InvalidSubmission("Unknown survey, or unknown version of it.")
    return survey


def check_answers(answers: object, survey: Survey) -> dict:
    """An answer to every question with choices, each one it offers or skip,
    in the survey's own order."""
    if not isinstance(answers, dict):
        raise InvalidSubmission("Answers must be a JSON object.")
    questions = {q.key: q for q in survey.choice_questions}
    for key in answers:
        if key not in questions:
            raise InvalidSubmission(f"Unknown question: {str(key)[:40]}.")
    for key, question in questions.items():
        if key not in answers:
            raise InvalidSubmission(f"Missing an answer to {key} (use skip).")
        if not isinstance(answers[key], str) or answers[key] not in question.answer_keys:
            *choices, skip = question.answer_keys
            raise InvalidSubmission(f"The answer to {key} must be {', '.join(choices)} or {skip}.")
    return {key: answers[key] for key in questions}


def check_date(
    value: object,
    today: datetime.date,
    max_age_days: int,
    not_before: datetime.date | None = None,
) -> datetime.date:
    """The day the child pressed Send: a queued kiosk may send it days later.

    A date that is not a real day is refused; a day in the future is a wrong
    clock on the tablet, not the child's mistake, so it counts as today.
    """
    if value is None:
        return today
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise InvalidSubmission("The date must look like 2026-11-27.")
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise InvalidSubmission("The date is not a real day.") from None
    # One day of slack: the kiosk's clock may be a time zone ahead of the server's.
    # Further ahead, the tablet's clock is wrong; the child still answered, so
    # their answers count today rather than being refused and lost.
    if day > today + datetime.timedelta(days=1):
        return today
    if day < today - datetime.timedelta(days=max_age_days):
        raise InvalidSubmission("The date is too long ago to keep.")
    # A tablet set up today cannot have asked a child anything last week: without
    # this, a new tablet could add answers to a past week and, by subtracting,
    # show what one real child said then.
    if not_before is not None and day < not_before:
        raise InvalidSubmission("The date is before this tablet was set up.")
    return day
