"""Who is owed which week's digest, in the staff file (admin/digest_job.py).

A row is made for each account that asks for the digest when a week's digest
falls due, and marked sent once the mail server has taken it; a row for a week
already there is never made again, so each week's digest goes once."""

import sqlite_utils

from kiosk.storage.database import writing

# An account the digest may go to: it asked, it can sign in, it has an email.
_WANTS_IT = "weekly_digest AND NOT disabled AND email != ''"


def owe_digests(db: sqlite_utils.Database, week: str) -> None:
    """Every account that asks for the digest is owed `week`'s, unless it had
    it already; rows of digests sent for earlier weeks are forgotten."""
    with writing(db):
        db.execute("DELETE FROM digests WHERE sent AND week < ?", [week])
        db.execute(
            "INSERT OR IGNORE INTO digests (staff, week)"  # noqa: S608 (a constant)
            f" SELECT name, ? FROM staff WHERE {_WANTS_IT}",
            [week],
        )


def digests_owed(db: sqlite_utils.Database) -> list[dict]:
    """The digests not sent yet, with where each goes, oldest week first. One
    owed to an account that no longer asks for it (or is disabled, or has no
    email) is dropped."""
    with writing(db):
        db.execute(
            "DELETE FROM digests WHERE NOT sent"  # noqa: S608 (a constant)
            f" AND staff NOT IN (SELECT name FROM staff WHERE {_WANTS_IT})"
        )
    return list(
        db.query(
            "SELECT digests.staff, digests.week, staff.email FROM digests"
            " JOIN staff ON staff.name = digests.staff WHERE NOT digests.sent"
            " ORDER BY digests.week, digests.staff"
        )
    )


def any_digest_owed(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM digests WHERE NOT sent)").fetchone()[0] == 1


def note_digest_sent(db: sqlite_utils.Database, staff: str, week: str) -> None:
    with writing(db):
        db.execute(
            "UPDATE digests SET sent = 1, failing_since = NULL, problem = ''"
            " WHERE staff = ? AND week = ?",
            (staff, week),
        )


def note_digest_failed(
    db: sqlite_utils.Database, staff: str, week: str, now: float, problem: str
) -> None:
    """Keep since when (the first failure) and why; it is tried again."""
    with writing(db):
        db.execute(
            "UPDATE digests SET failing_since = coalesce(failing_since, ?), problem = ?"
            " WHERE staff = ? AND week = ?",
            (now, problem, staff, week),
        )
