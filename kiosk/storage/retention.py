"""Deleting what is older than the retention period (RETENTION_DAYS).

Only dates are stored, so "older than N days" means a date before today
minus N days: with 365, on 2026-11-27 a row dated 2025-11-27 is kept and one
dated 2025-11-26 is deleted. PRAGMA secure_delete (set in open_database)
overwrites the deleted words and drawings in the file.

A co-production meeting's answers go only in whole blocks, as
admin/meeting_figures.py cuts them, and never later than the period: a block
goes whole as soon as its first meeting is older than the period (no answer
is dated before its meeting), and so do the closed meetings still waiting to
make a block. Taking a whole block out leaves every other block cut exactly
as before (the cut starts again after each block), so a block once shown
never changes. So some of a meeting's answers may go a little before the
period is over, never after: what the public pages promise holds.
"""

import datetime
import json
from dataclasses import dataclass

import sqlite_utils

from kiosk.storage.database import empty_the_wal, writing
from kiosk.storage.meeting_answers import meeting_answer_counts
from kiosk.storage.meetings import asked_during, cut_into_blocks, is_closed, meetings_of_group
from kiosk.storage.surveys import survey_versions

# The small-number rule's default (kiosk/app/factory.py): the app passes its own.
MIN_GROUP_SIZE = 5


@dataclass(frozen=True)
class Purged:
    """How many rows one purge deleted, and the oldest date it kept."""

    submissions: int
    comments: int
    withdrawn: int
    kept_from: datetime.date
    meeting_answers: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.submissions or self.comments or self.withdrawn or self.meeting_answers)

    def __add__(self, other: "Purged") -> "Purged":
        return Purged(
            self.submissions + other.submissions,
            self.comments + other.comments,
            self.withdrawn + other.withdrawn,
            max(self.kept_from, other.kept_from),
            self.meeting_answers + other.meeting_answers,
        )


def oldest_kept(today: datetime.date, retention_days: int) -> datetime.date:
    return today - datetime.timedelta(days=retention_days)


def purge_old(
    db: sqlite_utils.Database,
    today: datetime.date,
    retention_days: int,
    batch: int = 2000,
    minimum: int = MIN_GROUP_SIZE,
) -> Purged:
    """Delete submissions, comments (with their drawings) and the ids of taken-back
    comments dated before today minus retention_days; and meetings' answers in
    whole blocks of `minimum` responses (the module's docstring says which).

    In batches, each its own short transaction: deleting 87,000 of 1,000,000
    rows at once held the write lock for 3.5 s, and a kiosk's Send waits at
    most 5 s for it. A batch of 2,000 held it for about 80 ms (measured on
    1,000,000 submissions, 8.7 % of them old).
    """
    if retention_days < 1:
        raise ValueError("RETENTION_DAYS must be at least 1.")
    kept_from = oldest_kept(today, retention_days)
    counts = [
        _delete_before(db, table, kept_from.isoformat(), batch)
        for table in ("submissions", "comments", "withdrawn")
    ]
    meeting_answers = _purge_old_meetings(db, today, kept_from, minimum)
    if any(counts) or meeting_answers:
        # The deleted words' pages were overwritten, but older copies of them
        # stay in the -wal file until it is emptied.
        empty_the_wal(db)
    return Purged(*counts, kept_from=kept_from, meeting_answers=meeting_answers)


def _delete_before(db: sqlite_utils.Database, table: str, cutoff: str, batch: int) -> int:
    """Find old rows with a plain read, then delete them by id under the write lock.

    No index has the date first, so finding them scans the table (about 80 to
    180 ms at 1,000,000 rows). Read outside the write transaction, that scan
    never makes a kiosk's Send wait, and a purge with nothing old to delete,
    as at most starts, never takes the write lock at all.
    """
    # The table name is one of three fixed names above, never input.
    find = f"SELECT id FROM {table} WHERE date < ? LIMIT ?"  # noqa: S608
    delete = f"DELETE FROM {table} WHERE id IN (SELECT value FROM json_each(?))"  # noqa: S608
    deleted = 0
    while True:
        ids = [row[0] for row in db.execute(find, [cutoff, batch])]
        if not ids:
            return deleted
        with writing(db):
            deleted += db.execute(delete, [json.dumps(ids)]).rowcount
        if len(ids) < batch:
            return deleted


def _purge_old_meetings(
    db: sqlite_utils.Database, today: datetime.date, kept_from: datetime.date, minimum: int
) -> int:
    """Delete old meetings' answers, a group and survey at a time, each in one
    transaction, so a crash never leaves a block half gone."""
    deleted = 0
    # Only a group with a meeting older than the period can have a piece to go
    # (a piece goes when its first meeting is old): at most starts, none has.
    old_groups = db.execute(
        "SELECT DISTINCT group_slug FROM meetings WHERE date < ?", [kept_from.isoformat()]
    ).fetchall()
    for (group,) in old_groups:
        meetings = meetings_of_group(db, group)
        for survey in sorted({slug for meeting in meetings for slug in meeting["surveys"]}):
            old = _old_whole_blocks(db, meetings, survey, today, kept_from, minimum)
            if old:
                deleted += _forget(db, old, survey)
    # A meeting still open is in no block yet (only with a period shorter than
    # the week a meeting stays open can one hold old answers): they go by date.
    # Found with a plain read first: a purge with nothing old never takes the lock.
    still_open = (
        " FROM meeting_answers WHERE date < ? AND meeting IN"
        " (SELECT id FROM meetings WHERE closed_early_on IS NULL AND closes_on >= ?)"
    )
    dates = [kept_from.isoformat(), today.isoformat()]
    if db.execute("SELECT 1" + still_open + " LIMIT 1", dates).fetchone():
        with writing(db):
            deleted += db.execute("DELETE" + still_open, dates).rowcount
    return deleted


def _old_whole_blocks(db, meetings, survey, today, kept_from, minimum) -> set[str]:
    """The meetings whose answers to `survey` go now: every piece (a block, or
    the waiting meetings) whose first meeting is older than the period, in any
    version's list, and every piece that shares a meeting with one going (a
    meeting asked in two versions goes from both at once)."""
    offering = [m for m in meetings if survey in m["surveys"]]
    closed = [m for m in offering if is_closed(m, today)]
    versions = survey_versions(db, survey)
    counts = meeting_answer_counts(db, [m["id"] for m in closed], survey)
    pieces = []
    for index, version in enumerate(versions):
        during = asked_during(versions, index, closed)
        responses = [
            counts.get(m["id"], {}).get(version.version, {}).get("responses", 0) for m in during
        ]
        blocks, waiting = cut_into_blocks(responses, minimum)
        pieces += [[during[i] for i in span] for span in [*blocks, waiting] if span]
    going = {m["id"] for piece in pieces if piece[0]["date"] < kept_from.isoformat() for m in piece}
    while True:
        grown = going | {m["id"] for piece in pieces if going & _ids(piece) for m in piece}
        if grown == going:
            return going
        going = grown


def _ids(piece: list[dict]) -> set[str]:
    return {m["id"] for m in piece}


def _forget(db: sqlite_utils.Database, meetings: set[str], survey: str) -> int:
    """Delete these meetings' answers to `survey` and take the survey off them;
    a meeting with no survey left goes too."""
    ids = json.dumps(sorted(meetings))
    with writing(db):
        deleted = db.execute(
            "DELETE FROM meeting_answers WHERE survey = ?"
            " AND meeting IN (SELECT value FROM json_each(?))",
            [survey, ids],
        ).rowcount
        db.execute(
            "DELETE FROM meeting_surveys WHERE survey = ?"
            " AND meeting IN (SELECT value FROM json_each(?))",
            [survey, ids],
        )
        db.execute(
            "DELETE FROM meetings WHERE id IN (SELECT value FROM json_each(?))"
            " AND id NOT IN (SELECT meeting FROM meeting_surveys)",
            [ids],
        )
    return deleted
