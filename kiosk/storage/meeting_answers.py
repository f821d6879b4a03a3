"""A co-production meeting's answers: kept apart from the site's submissions,
so no weekly or site figure ever counts them (schema_coproduction.py), and
read back only as counts, by meeting and version (admin/meeting_figures.py)."""

import json

import sqlite_utils

from kiosk.storage.submissions import check_against_version, insert_once
from kiosk.surveys import Submission, Survey


def record_meeting_answers(
    db: sqlite_utils.Database, meeting: str, submission: Submission, survey: Survey | None = None
) -> bool:
    """Keep one person's answers to a meeting's survey once (its site is not
    kept: the meeting says where). False when its id was already kept.
    InvalidSubmission when the answers do not fit the version they name."""
    check_against_version(db, submission, survey)
    return insert_once(db, "meeting_answers", meeting, submission)


def meeting_answer_counts(db: sqlite_utils.Database, meetings: list[str], survey: str) -> dict:
    """{meeting: {version: {"responses": n, "questions": {question: {answer: n}}}}}
    for one survey; a meeting with no answers is left out. Only
    admin/meeting_figures.py may turn these into figures a person sees."""
    counts: dict = {}
    if not meetings:
        return counts
    placeholders = ",".join("?" * len(meetings))  # only question marks go into the SQL
    rows = db.execute(
        "SELECT meeting, version, answers, count(*) FROM meeting_answers"  # noqa: S608
        f" WHERE survey = ? AND meeting IN ({placeholders})"
        " GROUP BY meeting, version, answers",
        [survey, *meetings],
    ).fetchall()
    for meeting, version, answers, n in rows:
        part = counts.setdefault(meeting, {}).setdefault(version, {"responses": 0, "questions": {}})
        part["responses"] += n
        for question, answer in json.loads(answers).items():
            tally = part["questions"].setdefault(question, {})
            tally[answer] = tally.get(answer, 0) + n
    return counts
