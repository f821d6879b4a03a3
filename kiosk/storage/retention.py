"""Deleting what is older than the retention period (RETENTION_DAYS).

Only dates are stored, so "older than N days" means a date before today
minus N days: with 365, on 2026-11-27 a row dated 2025-11-27 is kept and one
dated 2025-11-26 is deleted. PRAGMA secure_delete (set in open_database)
overwrites the deleted words and drawings in the file.
"""

import datetime
import json
from dataclasses import dataclass

import sqlite_utils

from kiosk.storage.database import empty_the_wal, writing


@dataclass(frozen=True)
class Purged:
    """How many rows one purge deleted, and the oldest date it kept."""

    submissions: int
    comments: int
    withdrawn: int
    kept_from: datetime.date

    @property
    def anything(self) -> bool:
        return bool(self.submissions or self.comments or self.withdrawn)

    def __add__(self, other: "Purged") -> "Purged":
        return Purged(
            self.submissions + other.submissions,
            self.comments + other.comments,
            self.withdrawn + other.withdrawn,
            max(self.kept_from, other.kept_from),
        )


def oldest_kept(today: datetime.date, retention_days: int) -> datetime.date:
    return today - datetime.timedelta(days=retention_days)


def purge_old(
    db: sqlite_utils.Database, today: datetime.date, retention_days: int, batch: int = 2000
) -> Purged:
    """Delete submissions, comments (with their drawings) and the ids of taken-back
    comments dated before today minus retention_days.

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
    if any(counts):
        # The deleted words' pages were overwritten, but older copies of them
        # stay in the -wal file until it is emptied.
        empty_the_wal(db)
    return Purged(*counts, kept_from=kept_from)


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
