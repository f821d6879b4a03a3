"""Staff sessions and wrong-password counts, in the staff file.

A session is a row here as well as a cookie: signing out deletes the row, so a
copy of the cookie taken before opens nothing after. Wrong passwords are
counted under keyed hashes (see staff_schema.py), checked and counted in one
write transaction, so twelve tries sent at once cannot all be checked.
"""

import sqlite_utils

from kiosk.storage.database import writing

# A sender's or a name's wrong passwords count for a day after the last one.
FORGET_AFTER_SECONDS = 24 * 3600


def open_session(db: sqlite_utils.Database, id_hash: str, staff: str, now: float) -> None:
    with writing(db):
        db.execute(
            "INSERT INTO sessions (id_hash, staff, signed_in_at, seen_at) VALUES (?, ?, ?, ?)",
            (id_hash, staff, now, now),
        )


def find_session(db: sqlite_utils.Database, id_hash: str) -> dict | None:
    """An open session with its account's roles; None when there is none, or
    its account is disabled or gone."""
    row = db.execute(
        "SELECT sessions.staff, signed_in_at, seen_at, roles FROM sessions"
        " JOIN staff ON staff.name = sessions.staff"
        " WHERE id_hash = ? AND NOT staff.disabled",
        [id_hash],
    ).fetchone()
    if row is None:
        return None
    keys = ("staff", "signed_in_at", "seen_at", "roles")
    session = dict(zip(keys, row, strict=True))
    session["roles"] = tuple(session["roles"].split())
    return session


def touch_session(db: sqlite_utils.Database, id_hash: str, now: float) -> None:
    with writing(db):
        db.execute("UPDATE sessions SET seen_at = ? WHERE id_hash = ?", (now, id_hash))


def end_session(db: sqlite_utils.Database, id_hash: str) -> None:
    with writing(db):
        db.execute("DELETE FROM sessions WHERE id_hash = ?", [id_hash])


def end_sessions_of(db: sqlite_utils.Database, staff: str) -> int:
    """End every session of one account (a new password, an account disabled)."""
    with writing(db):
        return db.execute("DELETE FROM sessions WHERE staff = ?", [staff]).rowcount


def forget_old_sign_ins(db: sqlite_utils.Database, now: float) -> None:
    """Delete what the daily tidy no longer needs: sessions unused for a day (they
    ended long before) and wrong-password counts with no new failure for a day."""
    before = now - FORGET_AFTER_SECONDS
    with writing(db):
        db.execute("DELETE FROM sessions WHERE seen_at < ?", [before])
        db.execute("DELETE FROM sign_in_failures WHERE last_failed_at < ?", [before])
        db.execute("DELETE FROM setup_links WHERE expires_at < ?", [now])
        db.execute("DELETE FROM password_links WHERE expires_at < ?", [now])


def failures(db: sqlite_utils.Database, key: str) -> tuple[int, float]:
    """How many wrong passwords are counted under this key, and when the last was."""
    row = db.execute(
        "SELECT failures, last_failed_at FROM sign_in_failures WHERE key = ?", [key]
    ).fetchone()
    return (row[0], row[1]) if row else (0, 0.0)


def claim_a_try(db: sqlite_utils.Database, name_key: str, sender_key: str, now: float, wait_for):
    """Check whether a sign-in may be tried now and, if it may, count it as a
    failure at once, in one write transaction: a try sent beside it then sees
    the count and waits. A right password takes the count back afterwards.

    wait_for((failures, last_failed_at) of the name, the same of the sender)
    gives the seconds still to wait. Returns them (0: go ahead, and counted).
    """
    with writing(db):
        wait = wait_for(failures(db, name_key), failures(db, sender_key))
        if wait:
            return wait
        for key in (name_key, sender_key):
            db.execute(
                "INSERT INTO sign_in_failures (key, failures, last_failed_at) VALUES (?, 1, ?)"
                " ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_failed_at = ?",
                (key, now, now),
            )
    return 0


def take_back_a_try(db: sqlite_utils.Database, name_key: str, sender_key: str) -> None:
    """The password was right: the name starts afresh, and the sender's count
    loses the one claim_a_try added (its earlier failures stay)."""
    with writing(db):
        db.execute("DELETE FROM sign_in_failures WHERE key = ?", [name_key])
        db.execute(
            "UPDATE sign_in_failures SET failures = failures - 1 WHERE key = ?", [sender_key]
        )
        db.execute("DELETE FROM sign_in_failures WHERE key = ? AND failures < 1", [sender_key])
