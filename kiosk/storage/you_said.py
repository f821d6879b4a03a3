"""'You said, we did': what staff heard from children and what they changed."""

import datetime
import secrets

import sqlite_utils

from kiosk.storage.database import writing
from kiosk.storage.principles import principles_text

# Long enough for two plain sentences; a child reads these on a kiosk.
HEARD_MAX_CHARS = 200
DID_MAX_CHARS = 300


def add_you_said(
    db: sqlite_utils.Database,
    site: str,
    heard: str,
    did: str,
    date: datetime.date,
    principles=(),
) -> str:
    """Keep a new entry, tagged with the guide's principles it touches, and
    return its random id. ValueError (UnknownPrinciple for a slug that is not a
    principle) and nothing kept when a field is wrong."""
    tags = principles_text(principles)
    heard, did = heard.strip(), did.strip()
    if not heard or not did:
        raise ValueError("both what we heard and what we did are needed")
    if len(heard) > HEARD_MAX_CHARS or len(did) > DID_MAX_CHARS:
        raise ValueError("too long for children to read on the kiosk")
    entry_id = secrets.token_hex(16)
    with writing(db):
        db.execute(
            "INSERT INTO you_said_we_did (id, site, heard, did, date, principles)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (entry_id, site, heard, did, date.isoformat(), tags),
        )
    return entry_id


def you_said_entries(
    db: sqlite_utils.Database, site: str | None = None, limit: int = 200
) -> list[dict]:
    """The latest entries, for one site or all, newest date first."""
    sql = "SELECT id, site, heard, did, date, principles FROM you_said_we_did"
    params: list = []
    if site is not None:
        sql += " WHERE site = ?"
        params.append(site)
    sql += " ORDER BY date DESC, id LIMIT ?"
    params.append(limit)
    return list(db.query(sql, params))


def find_you_said(db: sqlite_utils.Database, entry_id: str) -> dict | None:
    rows = db.query(
        "SELECT id, site, heard, did, date, principles FROM you_said_we_did WHERE id = ?",
        [entry_id],
    )
    return next(rows, None)


def delete_you_said(db: sqlite_utils.Database, entry_id: str) -> bool:
    with writing(db):
        cursor = db.execute("DELETE FROM you_said_we_did WHERE id = ?", [entry_id])
    return cursor.rowcount == 1
