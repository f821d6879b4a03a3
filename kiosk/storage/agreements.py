"""A group agreement's versions: each save is a numbered version of both texts
(the adults' and the children's), kept with its date and the language it is
written in, never a time or an author (the audit log has who and when).

A text is {"intro": str, "points": [{"title": str, "text": str}, ...]}. A group
with no saved version has the starting text (version 0, never stored; see
kiosk/coproduction/agreement_texts.py). The limits (each field's, and
VERSION_MAX for all of a version) keep the poster on one A4 page in large type
(tests/browser/test_group_agreement.py prints the longest).
"""

import datetime
import json
import unicodedata

import sqlite_utils

from kiosk.storage.database import writing

VERSIONS = ("adults", "children")
INTRO_MAX = 200
TITLE_MAX = 50
TEXT_MAX = 250
POINTS_MAX = 10
# All the letters of one version: more would not print in large type on one page.
VERSION_MAX = 1500


class InvalidAgreement(ValueError):
    """A text that cannot be kept as sent; the message is shown to staff."""


def one_line(words) -> str:
    """The words with control characters taken out and spaces run together."""
    words = str(words or "")
    kept = "".join(c if unicodedata.category(c) != "Cc" else " " for c in words)
    return " ".join(kept.split())


def checked_text(text: dict, which: str) -> dict:
    """The text tidied, or InvalidAgreement saying what to fix."""
    name = "adults'" if which == "adults" else "children's"
    intro = one_line(text.get("intro"))
    if not intro or len(intro) > INTRO_MAX:
        raise InvalidAgreement(
            f"Please write the {name} introduction, at most {INTRO_MAX} letters."
        )
    points = [
        {"title": one_line(p.get("title")), "text": one_line(p.get("text"))}
        for p in text.get("points") or []
    ]
    if not 1 <= len(points) <= POINTS_MAX:
        raise InvalidAgreement(f"The {name} version needs from 1 to {POINTS_MAX} points.")
    for number, point in enumerate(points, 1):
        if not point["title"] or len(point["title"]) > TITLE_MAX:
            raise InvalidAgreement(
                f"Please give point {number} of the {name} version a title,"
                f" at most {TITLE_MAX} letters."
            )
        if not point["text"] or len(point["text"]) > TEXT_MAX:
            raise InvalidAgreement(
                f"Please write point {number} of the {name} version, at most {TEXT_MAX} letters."
            )
    letters = len(intro) + sum(len(p["title"]) + len(p["text"]) for p in points)
    if letters > VERSION_MAX:
        raise InvalidAgreement(
            f"The {name} version is {letters} letters long. To print in large type on one"
            f" page it can have at most {VERSION_MAX}: please make it shorter."
        )
    return {"intro": intro, "points": points}


def _version(row: dict) -> dict:
    return {
        "version": row["version"],
        "saved_on": datetime.date.fromisoformat(row["saved_on"]),
        "language": row["language"],
        "adults": json.loads(row["adults"]),
        "children": json.loads(row["children"]),
    }


def find_agreement(db: sqlite_utils.Database, group: str, version: int | None = None):
    """One saved version (the latest when `version` is None), or None."""
    sql = "SELECT * FROM agreements WHERE group_slug = ?"
    params: list = [group]
    if version is not None:
        sql += " AND version = ?"
        params.append(version)
    row = next(db.query(sql + " ORDER BY version DESC LIMIT 1", params), None)
    return None if row is None else _version(row)


def agreement_versions(db: sqlite_utils.Database, group: str) -> list[dict]:
    """Every saved version's number, date and language, newest first."""
    rows = db.query(
        "SELECT version, saved_on, language FROM agreements WHERE group_slug = ?"
        " ORDER BY version DESC",
        [group],
    )
    return [{**row, "saved_on": datetime.date.fromisoformat(row["saved_on"])} for row in rows]


def save_agreement(
    db: sqlite_utils.Database,
    group: str,
    language: str,
    adults: dict,
    children: dict,
    today: datetime.date,
) -> int | None:
    """Keep both texts as the group's next version and return its number; None
    when they are the same as the latest (nothing new is kept). The caller
    checks the language is one of the group's site's."""
    texts = {
        "adults": checked_text(adults, "adults"),
        "children": checked_text(children, "children"),
    }
    with writing(db):
        latest = find_agreement(db, group)
        if latest is not None and (latest["language"], latest["adults"], latest["children"]) == (
            language,
            texts["adults"],
            texts["children"],
        ):
            return None
        version = 1 if latest is None else latest["version"] + 1
        db.execute(
            "INSERT INTO agreements (group_slug, version, saved_on, language, adults, children)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                group,
                version,
                today.isoformat(),
                language,
                json.dumps(texts["adults"], ensure_ascii=False),
                json.dumps(texts["children"], ensure_ascii=False),
            ],
        )
    return version
