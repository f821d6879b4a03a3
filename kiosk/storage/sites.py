"""The places that have a kiosk."""

import sqlite_utils

from kiosk.storage.database import writing


def save_sites(db: sqlite_utils.Database, sites: dict[str, str]) -> None:
    """Create the sites named in config.toml; a name changed there is renamed here."""
    with writing(db):
        for slug, name in sites.items():
            db.execute(
                "INSERT INTO sites (slug, name) VALUES (?, ?)"
                " ON CONFLICT (slug) DO UPDATE SET name = excluded.name",
                (slug, name),
            )


def find_site(db: sqlite_utils.Database, slug: str) -> dict | None:
    # execute(), not query(): every submission asks, and query() wraps each
    # SELECT in a savepoint, which doubles the cost of this one.
    row = db.execute("SELECT slug, name, retired FROM sites WHERE slug = ?", [slug]).fetchone()
    return dict(zip(("slug", "name", "retired"), row, strict=True)) if row else None


def list_sites(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT slug, name, retired FROM sites ORDER BY name"))
