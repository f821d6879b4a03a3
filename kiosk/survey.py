"""The child evaluation from the co-production guide, defined once.

Both the submit view and the storage layer check answers against these names,
so a value the kiosk does not offer can never reach the database.
"""

import datetime
import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    key: str
    text: str


@dataclass(frozen=True)
class Answer:
    key: str
    word: str


CHILD_SURVEY = "child"

QUESTIONS = (
    Question("safe", "Do you feel safe during our meetings?"),
    Question("talk", "Do you get a chance to talk?"),
    Question("team", "Do you feel part of the team?"),
    Question("ideas", "Are your ideas helping to change things?"),
)
QUESTION_KEYS = tuple(question.key for question in QUESTIONS)

FACES = (Answer("yes", "Yes"), Answer("sometimes", "Sometimes"), Answer("no", "No"))
SKIP = "skip"
ANSWER_KEYS = (*(face.key for face in FACES), SKIP)

SUBMISSION_ID = re.compile(r"[0-9a-f]{32}")


class InvalidSubmission(ValueError):
    """A submission the kiosk would never send; the message is shown to the sender."""


@dataclass(frozen=True)
class Submission:
    id: str
    site: str
    survey: str
    answers: dict
    date: datetime.date

    @property
    def week(self) -> str:
        return iso_week(self.date)

    @property
    def answers_json(self) -> str:
        """Answers in one canonical spelling, so equal answers group together in SQL."""
        return json.dumps({key: self.answers[key] for key in QUESTION_KEYS}, separators=(",", ":"))


def iso_week(day: datetime.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_submission(
    body: object,
    site: str,
    today: datetime.date,
    max_age_days: int,
    not_before: datetime.date | None = None,
) -> Submission:
    """Turn a decoded JSON body into a Submission, or say plainly what is wrong.

    not_before: the day the sending tablet was set up; no earlier date is taken."""
    if not isinstance(body, dict):
        raise InvalidSubmission("Send one submission as a JSON object.")
    unknown_fields = set(body) - {"id", "survey", "date", "answers"}
    if unknown_fields:
        raise InvalidSubmission(f"Unknown field: {sorted(unknown_fields)[0]}.")
    submission_id = body.get("id")
    if not isinstance(submission_id, str) or not SUBMISSION_ID.fullmatch(submission_id):
        raise InvalidSubmission("The submission id must be 32 lowercase hex characters.")
    if body.get("survey", CHILD_SURVEY) != CHILD_SURVEY:
        raise InvalidSubmission("Unknown survey.")
    return Submission(
        id=submission_id,
        site=site,
        survey=CHILD_SURVEY,
        answers=check_answers(body.get("answers")),
        date=check_date(body.get("date"), today, max_age_days, not_before),
    )


def check_answers(answers: object) -> dict:
    if not isinstance(answers, dict):
        raise InvalidSubmission("Answers must be a JSON object.")
    for key in answers:
        if key not in QUESTION_KEYS:
            raise InvalidSubmission(f"Unknown question: {str(key)[:40]}.")
    for key in QUESTION_KEYS:
        if key not in answers:
            raise InvalidSubmission(f"Missing an answer to {key} (use skip).")
        if answers[key] not in ANSWER_KEYS:
            raise InvalidSubmission(f"The answer to {key} must be yes, sometimes, no or skip.")
    return {key: answers[key] for key in QUESTION_KEYS}


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
