"""When each scheduled job last ran, in the staff file (kiosk/app/schedule.py)."""

import sqlite_utils

from kiosk.storage.database import writing


def claim_job(db: sqlite_utils.Database, name: str, due: float, now: float) -> bool:
    """Claim a job whose time `due` has come: True for exactly one caller, the
    first to ask since it was last run before `due`."""
    with writing(db):
        row = db.execute("SELECT last_run_at FROM scheduled_jobs WHERE name = ?", [name]).fetchone()
        if row is not None and row[0] >= due:
            return False
        db.execute(
            "INSERT INTO scheduled_jobs (name, last_run_at) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at",
            (name, now),
        )
    return True
