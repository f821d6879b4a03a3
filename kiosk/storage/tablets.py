"""Tablets that staff have set up, and their one-time pairing codes, in the staff file.

Only hashes are kept: of a pairing code (keyed, it is short) and of a
tablet's token. Dates only, never a time of day: nothing here can be lined
up against when a child answered, and none of it is in the answers file.
"""

import datetime

import sqlite_utils

from kiosk.storage.database import writing

TABLET_FIELDS = ("id", "site", "name", "enrolled_on")


def save_pairing_code(
    db: sqlite_utils.Database,
    code_hash: str,
    site: str,
    tablet_name: str,
    expires_at: float,
    now: float,
) -> None:
    """Keep a new pairing code (and forget the ones that have run out)."""
    with writing(db):
        db.execute("DELETE FROM pairing_codes WHERE expires_at <= ?", [now])
        db.execute(
            "INSERT INTO pairing_codes (code_hash, site, tablet_name, expires_at)"
            " VALUES (?, ?, ?, ?)",
            (code_hash, site, tablet_name, expires_at),
        )


def pair_tablet(
    db: sqlite_utils.Database,
    code_hash: str,
    site: str,
    token_hash: str,
    tablet_id: str,
    previous_hash: str | None,
    today: datetime.date,
    now: float,
) -> dict | None:
    """Spend a pairing code for `site` on a new tablet token, in one transaction.

    None when the code is unknown, spent, run out or for another site. When the
    tablet shows the token it held before for the same site, the new one keeps
    that one's enrolment date (so answers it queued earlier are still taken)
    and the day its answers last arrived, and the old token stops working.
    """
    with writing(db):
        row = db.execute(
            "DELETE FROM pairing_codes WHERE code_hash = ? AND site = ? AND expires_at > ?"
            " RETURNING tablet_name",
            (code_hash, site, now),
        ).fetchone()
        if row is None:
            return None
        enrolled_on, last_answers_on = today.isoformat(), None
        if previous_hash:
            earlier = db.execute(
                "SELECT enrolled_on, last_answers_on FROM tablets"
                " WHERE token_hash = ? AND site = ?",
                (previous_hash, site),
            ).fetchone()
            if earlier:
                enrolled_on = min(earlier[0], enrolled_on)
                last_answers_on = earlier[1]
                db.execute(
                    "UPDATE tablets SET revoked_on = ? WHERE token_hash = ? AND revoked_on IS NULL",
                    (today.isoformat(), previous_hash),
                )
        _insert(db, token_hash, tablet_id, site, row[0], enrolled_on, last_answers_on)
    return {"id": tablet_id, "site": site, "name": row[0], "enrolled_on": enrolled_on}


def enrol_tablet(
    db: sqlite_utils.Database,
    token_hash: str,
    tablet_id: str,
    site: str,
    name: str,
    today: datetime.date,
) -> None:
    """Set up a tablet with no pairing code (the command line, `make run`)."""
    with writing(db):
        _insert(db, token_hash, tablet_id, site, name, today.isoformat())


def _insert(db, token_hash, tablet_id, site, name, enrolled_on, last_answers_on=None) -> None:
    db.execute(
        "INSERT INTO tablets (token_hash, id, site, name, enrolled_on, last_answers_on)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (token_hash, tablet_id, site, name, enrolled_on, last_answers_on),
    )


def find_tablet(db: sqlite_utils.Database, token_hash: str) -> tuple[str, str, bool] | None:
    """(site, enrolled_on, revoked) of the tablet holding this token: on every
    submission, so one primary-key lookup through execute() (no savepoint)."""
    row = db.execute(
        "SELECT site, enrolled_on, revoked_on FROM tablets WHERE token_hash = ?", [token_hash]
    ).fetchone()
    return (row[0], row[1], row[2] is not None) if row else None


def note_answers_arrived(db: sqlite_utils.Database, token_hash: str, today: datetime.date) -> None:
    """Answers from the tablet holding this token arrived today: keep the date
    only (never later than it was, never a time), and nothing about the answers."""
    with writing(db):
        db.execute(
            "UPDATE tablets SET last_answers_on = ? WHERE token_hash = ?"
            " AND (last_answers_on IS NULL OR last_answers_on < ?)",
            (today.isoformat(), token_hash, today.isoformat()),
        )


def last_answers_by_site(db: sqlite_utils.Database) -> dict[str, str]:
    """The day answers last arrived from any of a site's tablets, stopped ones
    too, by site slug. The staff file's few tablet rows, not the answers file:
    finding each site's latest date there reads every answer (300,000 rows:
    130 to 570 ms), or costs every submission one more index."""
    return dict(
        db.execute(
            "SELECT site, max(last_answers_on) FROM tablets"
            " WHERE last_answers_on IS NOT NULL GROUP BY site"
        ).fetchall()
    )


def working_tablets(db: sqlite_utils.Database) -> list[dict]:
    """Every tablet that may send answers now, by site, then by date set up,
    with the day its answers last arrived (None before any did)."""
    return list(
        db.query(
            "SELECT id, site, name, enrolled_on, last_answers_on FROM tablets"
            " WHERE revoked_on IS NULL ORDER BY site, enrolled_on, name, id"
        )
    )


def revoke_tablet(db: sqlite_utils.Database, tablet_id: str, today: datetime.date) -> dict | None:
    """Stop a tablet's token working. The tablet, or None when there is no such
    working tablet."""
    with writing(db):
        row = db.execute(
            "UPDATE tablets SET revoked_on = ? WHERE id = ? AND revoked_on IS NULL"
            " RETURNING id, site, name, enrolled_on",
            (today.isoformat(), tablet_id),
        ).fetchone()
    return dict(zip(TABLET_FIELDS, row, strict=True)) if row else None
