"""The service's logo, shown on every poster: one PNG, or none.

The staff area re-encodes it from its pixels alone before it is kept
(admin/logo.py), so no name, device or time rides in with the file.
"""

import sqlite_utils

from kiosk.storage.database import writing


def service_logo(db: sqlite_utils.Database) -> bytes | None:
    row = db.execute("SELECT png FROM service_logo WHERE one = 1").fetchone()
    return row[0] if row else None


def save_logo(db: sqlite_utils.Database, png: bytes) -> None:
    """Keep this logo in place of any before it."""
    with writing(db):
        db.execute("INSERT OR REPLACE INTO service_logo (one, png) VALUES (1, ?)", [png])


def remove_logo(db: sqlite_utils.Database) -> bool:
    """Take the logo off every poster. False when there was none."""
    with writing(db):
        return db.execute("DELETE FROM service_logo WHERE one = 1").rowcount > 0
