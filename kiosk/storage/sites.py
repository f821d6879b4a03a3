"""The places that have a kiosk, and the rules for their addresses and names.

A site's slug is the part of its addresses (/kiosk/<slug>, /feedback/<slug>)
and never changes once made: the QR codes on printed posters point at it.
Its name is what people see, and staff may change it.
"""

import re
import sqlite3
import unicodedata

import sqlite_utils

from kiosk.storage.database import writing
from kiosk.storage.schema import LANGUAGES_AT_0012

SLUG_MAX = 40
NAME_MAX = 80
SITE_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")
# Words that are, or may become, other pages' addresses: /feedback/withdraw,
# /token, /static/... A site called one of these could never be reached.
RESERVED_SLUGS = frozenset(
    {"admin", "all", "api", "feedback", "kiosk", "new", "qr", "static", "token", "withdraw"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class InvalidSite(ValueError):
    """A slug or name that cannot be kept; the message is shown to staff."""


def slug_from_name(name: str) -> str:
    """The address part made from a name: "Youth Hub (Leek)" -> "youth-hub-leek"."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = folded.encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_only).strip("-")[:SLUG_MAX].rstrip("-")


def check_slug(slug: str) -> str:
    if not SITE_SLUG.fullmatch(slug or ""):
        raise InvalidSite(
            f"The web address part can use only small letters, digits and dashes,"
            f" 1 to {SLUG_MAX} of them, and must start and end with a letter or digit."
        )
    if slug in RESERVED_SLUGS:
        raise InvalidSite(f"“{slug}” is already used by another page. Please choose another.")
    return slug


def check_name(name: str | None) -> str:
    name = unicodedata.normalize("NFC", (name or "").strip())
    if not name:
        raise InvalidSite("Please give the site a name.")
    if len(name) > NAME_MAX or _CONTROL.search(name):
        raise InvalidSite(f"A site name is at most {NAME_MAX} letters on one line.")
    return name


def save_sites(db: sqlite_utils.Database, sites: dict[str, str], languages=None) -> None:
    """Create the sites named in config.toml that are not in the database yet,
    speaking `languages` (codes; None: the column's default, every language).

    A site that exists keeps its name: staff rename sites in the staff area,
    and config.toml must not undo that at the next start.
    """
    with writing(db):
        for slug, name in sites.items():
            db.execute(
                "INSERT INTO sites (slug, name, languages) VALUES (?, ?, ?)"
                " ON CONFLICT (slug) DO NOTHING",
                (slug, name, _codes(languages)),
            )


def add_site(db: sqlite_utils.Database, slug: str, name: str, languages=None) -> bool:
    """Add a site. False when the slug is taken; InvalidSite for a bad slug or name."""
    name = check_name(name)
    slug = check_slug(slug)
    try:
        with writing(db):
            db.execute(
                "INSERT INTO sites (slug, name, languages) VALUES (?, ?, ?)",
                (slug, name, _codes(languages)),
            )
    except sqlite3.IntegrityError:
        return False
    return True


def _codes(languages) -> str:
    return " ".join(languages) if languages else LANGUAGES_AT_0012


def set_site_languages(
    db: sqlite_utils.Database, slug: str, languages: list[str], default: str
) -> bool:
    """The languages a site's public pages offer, and the one they open in.
    The caller checks the codes (kiosk/app/languages.py knows them)."""
    if default not in languages:
        raise InvalidSite("The default language must be one of the site's languages.")
    with writing(db):
        cursor = db.execute(
            "UPDATE sites SET languages = ?, default_language = ? WHERE slug = ?",
            (" ".join(languages), default, slug),
        )
    return cursor.rowcount == 1


def rename_site(db: sqlite_utils.Database, slug: str, name: str) -> bool:
    """Give a site a new name. False when there is no such site."""
    name = check_name(name)
    with writing(db):
        cursor = db.execute("UPDATE sites SET name = ? WHERE slug = ?", (name, slug))
    return cursor.rowcount == 1


def set_site_retired(db: sqlite_utils.Database, slug: str, retired: bool) -> bool:
    """Retire a site (its kiosk and feedback box say they are resting), or open it
    again. False when there is no such site."""
    with writing(db):
        cursor = db.execute("UPDATE sites SET retired = ? WHERE slug = ?", (int(retired), slug))
    return cursor.rowcount == 1


def find_site(db: sqlite_utils.Database, slug: str) -> dict | None:
    # execute(), not query(): every submission asks, and query() wraps each
    # SELECT in a savepoint, which doubles the cost of this one.
    row = db.execute(f"SELECT {_COLUMNS} FROM sites WHERE slug = ?", [slug]).fetchone()  # noqa: S608
    return _site(row) if row else None


def list_sites(db: sqlite_utils.Database) -> list[dict]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM sites ORDER BY name, slug").fetchall()  # noqa: S608
    return [_site(row) for row in rows]


_NAMES = ("slug", "name", "retired", "kiosk_survey", "languages", "default_language")
_COLUMNS = ", ".join(_NAMES)


def _site(row) -> dict:
    site = dict(zip(_NAMES, row, strict=True))
    site["languages"] = site["languages"].split()
    return site
