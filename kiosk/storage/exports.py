"""What the staff exports read: counts over a date range, and comments and
drawings for a period. Never a receipt hash, never anything about a device."""

import datetime
import json

import sqlite_utils

from kiosk.storage.comments import narrowed
from kiosk.survey import ANSWER_KEYS, CHILD_SURVEY, QUESTION_KEYS, iso_week


def answer_counts_between(
    db: sqlite_utils.Database,
    first: datetime.date,
    last: datetime.date,
    site: str | None = None,
) -> dict:
    """Counts from `first` to `last` (both included), for one site or all:
    {"responses": n, "questions": {question: {answer: n}}}, as answer_counts gives a week."""
    sql = (
        "SELECT answers, count(*) FROM submissions"
        " WHERE survey = ? AND week BETWEEN ? AND ? AND date BETWEEN ? AND ?"
    )
    # The week bounds let SQLite use the (survey, week, ...) index; the dates trim the ends.
    params: list = [CHILD_SURVEY, iso_week(first), iso_week(last)]
    params += [first.isoformat(), last.isoformat()]
    if site is not None:
        sql += " AND site = ?"
        params.append(site)
    sql += " GROUP BY answers"
    questions = {question: dict.fromkeys(ANSWER_KEYS, 0) for question in QUESTION_KEYS}
    counts = {"responses": 0, "questions": questions}
    for answers, count in db.execute(sql, params).fetchall():
        counts["responses"] += count
        for question, answer in json.loads(answers).items():
            counts["questions"][question][answer] += count
    return counts


def comments_between(
    db: sqlite_utils.Database,
    first: datetime.date,
    last: datetime.date,
    site: str | None = None,
    include_hidden: bool = False,
) -> list[dict]:
    """Comments sent from `first` to `last`, by date then random id: never in order of arrival.
    No receipt hash and no drawing bytes (see drawings_between)."""
    narrower, params = narrowed(site, include_hidden)
    sql = (
        "SELECT id, site, topic, text, drawing IS NOT NULL AS has_drawing, status, hidden,"  # noqa: S608
        f" date, week FROM comments WHERE date BETWEEN ? AND ?{narrower}"
    )
    return list(db.query(sql + " ORDER BY date, site, id", [*span(first, last), *params]))


def drawings_between(
    db: sqlite_utils.Database,
    first: datetime.date,
    last: datetime.date,
    site: str | None = None,
    include_hidden: bool = False,
) -> list[dict]:
    """The drawings (PNG bytes) of comments sent from `first` to `last`, by date then id."""
    narrower, params = narrowed(site, include_hidden)
    sql = (
        "SELECT id, site, date, week, drawing FROM comments"  # noqa: S608 (constants)
        f" WHERE drawing IS NOT NULL AND date BETWEEN ? AND ?{narrower}"
    )
    return list(db.query(sql + " ORDER BY date, site, id", [*span(first, last), *params]))


def span(first: datetime.date, last: datetime.date) -> list[str]:
    return [first.isoformat(), last.isoformat()]
