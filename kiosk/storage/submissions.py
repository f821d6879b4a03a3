"""Storing and reading the children's answers."""

import sqlite3

import sqlite_utils

from kiosk.storage.database import writing
from kiosk.storage.surveys import survey_version
from kiosk.surveys import InvalidSubmission, Submission, Survey, check_answers


def record_submission(
    db: sqlite_utils.Database, submission: Submission, survey: Survey | None = None
) -> bool:
    """Store a submission once. Returns False when its id was already stored.

    InvalidSubmission when its answers do not fit the version it names.
    survey: that version, when the caller has just read it (it never changes),
    so the kiosk's submit reads it once, not twice."""
    check_against_version(db, submission, survey)
    return insert_once(db, "submissions", submission.site, submission)


# The two tables of answers: a site's (submissions) and a meeting's (meeting_answers).
WHERE_COLUMNS = {"submissions": "site", "meeting_answers": "meeting"}


def insert_once(db: sqlite_utils.Database, table: str, where: str, submission: Submission) -> bool:
    """One row of answers, with its site or meeting; False when its id is there already."""
    where_column = WHERE_COLUMNS[table]  # both names fixed here, never from input
    try:
        with writing(db):
            db.execute(
                f"INSERT INTO {table} (id, {where_column}, survey, version, answers, date, week)"  # noqa: S608
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    submission.id,
                    where,
                    submission.survey,
                    submission.version,
                    submission.answers_json,
                    submission.date.isoformat(),
                    submission.week,
                ),
            )
    except sqlite3.IntegrityError:
        return False
    return True


def check_against_version(
    db: sqlite_utils.Database, submission: Submission, survey: Survey | None = None
) -> None:
    """InvalidSubmission unless the answers fit the exact version they name.
    survey: that version, when the caller has just read it (it never changes)."""
    if survey is None or (survey.slug, survey.version) != (submission.survey, submission.version):
        survey = survey_version(db, submission.survey, submission.version)
    if survey is None:
        raise InvalidSubmission("Unknown survey, or unknown version of it.")
    check_answers(submission.answers, survey)


def count_submissions(db: sqlite_utils.Database, site: str | None = None) -> int:
    if site is None:
        return next(db.query("SELECT count(*) AS n FROM submissions"))["n"]
    return next(db.query("SELECT count(*) AS n FROM submissions WHERE site = ?", [site]))["n"]


def submissions_for_site(db: sqlite_utils.Database, site: str) -> list[dict]:
    """Every stored submission of a site, grouped by date, never by arrival."""
    return list(
        db.query(
            "SELECT id, site, survey, version, answers, date, week FROM submissions"
            " WHERE site = ? ORDER BY date, id",
            [site],
        )
    )
