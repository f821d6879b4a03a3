"""Staff accounts, first-account setup links and the audit log, in the staff file."""

import datetime
import sqlite3

import sqlite_utils

from kiosk.storage.database import writing


def count_staff(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM staff").fetchone()[0]


def create_staff(db: sqlite_utils.Database, name: str, password_hash: str) -> bool:
    """Add an account. False when the name is taken."""
    try:
        with writing(db):
            db.execute(
                "INSERT INTO staff (name, password_hash) VALUES (?, ?)", (name, password_hash)
            )
    except sqlite3.IntegrityError:
        return False
    return True


def find_staff(db: sqlite_utils.Database, name: str) -> dict | None:
    row = db.execute("SELECT name, password_hash FROM staff WHERE name = ?", [name]).fetchone()
    return dict(zip(("name", "password_hash"), row, strict=True)) if row else None


def set_password_hash(db: sqlite_utils.Database, name: str, password_hash: str) -> bool:
    """Give an account a new password and end every session it has open.
    False when there is no such account."""
    with writing(db):
        cursor = db.execute(
            "UPDATE staff SET password_hash = ? WHERE name = ?", (password_hash, name)
        )
        db.execute("DELETE FROM sessions WHERE staff = ?", [name])
    return cursor.rowcount == 1


def save_setup_link(db: sqlite_utils.Database, token_hash: str, expires_at: float) -> None:
    with writing(db):
        db.execute("DELETE FROM setup_links")
        db.execute(
            "INSERT INTO setup_links (token_hash, expires_at) VALUES (?, ?)",
            (token_hash, expires_at),
        )


def use_setup_link(db: sqlite_utils.Database, token_hash: str, now: float) -> bool:
    """Spend a setup link: True once, for a link that exists and has not expired."""
    with writing(db):
        cursor = db.execute(
            "DELETE FROM setup_links WHERE token_hash = ? AND expires_at > ?", (token_hash, now)
        )
    return cursor.rowcount == 1


def setup_link_is_valid(db: sqlite_utils.Database, token_hash: str, now: float) -> bool:
    row = db.execute(
        "SELECT 1 FROM setup_links WHERE token_hash = ? AND expires_at > ?", (token_hash, now)
    ).fetchone()
    return row is not None


def audit(db: sqlite_utils.Database, staff: str, action: str, detail: str = "") -> None:
    """Write down what a staff member did. Never pass what a child said."""
    at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    with writing(db):
        db.execute(
            "INSERT INTO audit_log (at, staff, action, detail) VALUES (?, ?, ?, ?)",
            (at, staff, action, detail),
        )


def audit_entries(db: sqlite_utils.Database, limit: int = 200) -> list[dict]:
    return list(
        db.query(
            "SELECT at, staff, action, detail FROM audit_log ORDER BY at DESC, rowid DESC LIMIT ?",
            [limit],
        )
    )
