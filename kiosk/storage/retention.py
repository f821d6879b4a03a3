"""Deleting what is older than the retention period (RETENTION_DAYS).

Only dates are stored, so "older than N days" means a date before today
minus N days: with 365, on 2026-11-27 a row dated 2025-11-27 is kept and one
dated 2025-11-26 is deleted. PRAGMA secure_delete (set in open_database)
overwrites the deleted words and drawings in the file.
"""

import datetime
from dataclasses import dataclass

import sqlite_utils

from kiosk.storage.database import writing


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


def purge_old(db: sqlite_utils.Database, today: datetime.date, retention_days: int) -> Purged:
    """Delete submissions, comments (with their drawings) and the ids of taken-back
    comments dated before today minus retention_days, in one transaction."""
    if retention_days < 1:
        raise ValueError("RETENTION_DAYS must be at least 1.")
    kept_from = oldest_kept(today, retention_days)
    cutoff = kept_from.isoformat()
    with writing(db):
        counts = [
            db.execute(f"DELETE FROM {table} WHERE date < ?", [cutoff]).rowcount  # noqa: S608
            for table in ("submissions", "comments", "withdrawn")  # fixed names, not input
        ]
    return Purged(*counts, kept_from=kept_from)
