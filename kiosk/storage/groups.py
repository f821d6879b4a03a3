"""Co-production groups: a name, a site, an audience and the surveys the group
uses after its meetings. A group's slug is its address and never changes."""

import datetime
import sqlite3

import sqlite_utils

from kiosk.storage.database import writing
from kiosk.storage.schema_coproduction import AUDIENCES
from kiosk.storage.sites import RESERVED_SLUGS, SITE_SLUG, check_name, find_site, slug_from_name
from kiosk.storage.surveys import published_slugs

GROUP_NAME_MAX = 80
# /admin/co-production/principles is a page of its own, not a group's.
GROUP_RESERVED = RESERVED_SLUGS | {"principles"}


class InvalidGroup(ValueError):
    """A group that cannot be kept as asked; the message is shown to staff."""


def _checked(db, name: str, site: str, audience: str, surveys) -> tuple[str, list[str]]:
    try:
        name = check_name(name)
    except ValueError:
        raise InvalidGroup(
            f"Please give the group a name, at most {GROUP_NAME_MAX} letters on one line."
        ) from None
    if find_site(db, site) is None:
        raise InvalidGroup("Please choose one of the sites.")
    if audience not in AUDIENCES:
        raise InvalidGroup("Please choose who the group is for.")
    chosen = sorted(set(surveys))
    if set(chosen) - set(published_slugs(db)):
        raise InvalidGroup("Please choose surveys from the list.")
    return name, chosen


def add_group(
    db: sqlite_utils.Database,
    name: str,
    site: str,
    audience: str,
    surveys,
    today: datetime.date,
) -> str:
    """Keep a new group and return its slug, made from its name (with a number
    added when another group has it). InvalidGroup when a field is wrong."""
    name, chosen = _checked(db, name, site, audience, surveys)
    base = slug_from_name(name) or "group"
    if base in GROUP_RESERVED or not SITE_SLUG.fullmatch(base):
        base = "group"
    with writing(db):
        slug, n = base, 1
        while next(db.query("SELECT 1 FROM coproduction_groups WHERE slug = ?", [slug]), None):
            n += 1
            slug = f"{base[:36]}-{n}"
        try:
            db.execute(
                "INSERT INTO coproduction_groups (slug, name, site, audience, created_on)"
                " VALUES (?, ?, ?, ?, ?)",
                [slug, name, site, audience, today.isoformat()],
            )
        except sqlite3.IntegrityError:  # pragma: no cover (checked just above, under the lock)
            raise InvalidGroup("There is already a group with that name.") from None
        db.conn.executemany(
            "INSERT INTO group_surveys (group_slug, survey) VALUES (?, ?)",
            [(slug, survey) for survey in chosen],
        )
    return slug


def change_group(
    db: sqlite_utils.Database, slug: str, name: str, site: str, audience: str, surveys
) -> None:
    """Rename a group, or change its site, audience or surveys, all at once."""
    name, chosen = _checked(db, name, site, audience, surveys)
    with writing(db):
        db.execute(
            "UPDATE coproduction_groups SET name = ?, site = ?, audience = ? WHERE slug = ?",
            [name, site, audience, slug],
        )
        db.execute("DELETE FROM group_surveys WHERE group_slug = ?", [slug])
        db.conn.executemany(
            "INSERT INTO group_surveys (group_slug, survey) VALUES (?, ?)",
            [(slug, survey) for survey in chosen],
        )


def _with_surveys(db: sqlite_utils.Database, row: dict) -> dict:
    row["surveys"] = [
        r["survey"]
        for r in db.query(
            "SELECT survey FROM group_surveys WHERE group_slug = ? ORDER BY survey", [row["slug"]]
        )
    ]
    row["agreement_public"] = bool(row["agreement_public"])
    return row


def find_group(db: sqlite_utils.Database, slug: str) -> dict | None:
    """A group, with the slugs of its surveys; None when there is none."""
    row = next(
        db.query(
            "SELECT slug, name, site, audience, agreement_public, created_on"
            " FROM coproduction_groups WHERE slug = ?",
            [slug],
        ),
        None,
    )
    return None if row is None else _with_surveys(db, row)


def list_groups(db: sqlite_utils.Database) -> list[dict]:
    """Every group, by name."""
    rows = db.query(
        "SELECT slug, name, site, audience, agreement_public, created_on"
        " FROM coproduction_groups ORDER BY name COLLATE NOCASE, slug"
    )
    return [_with_surveys(db, row) for row in rows]


def set_agreement_public(db: sqlite_utils.Database, slug: str, public: bool) -> None:
    with writing(db):
        db.execute(
            "UPDATE coproduction_groups SET agreement_public = ? WHERE slug = ?",
            [int(public), slug],
        )
