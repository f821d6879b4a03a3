"""The guide's six principles as tags: staff mark what children raised (a comment
or a drawing) and what was done (a "You said, we did" entry) with the principles
each touches, and the principles page reads them back, principle by principle.

A row keeps its tags as slugs of PRINCIPLES separated by spaces, always in the
guide's order ('' for none), so a tag is found by its slug between spaces.
"""

import datetime

import sqlite_utils

from kiosk.storage.database import writing
from kiosk.storage.schema_coproduction import PRINCIPLES

# What can carry tags, by the word a form and the audit log use: its table.
TAGGED_TABLES = {"comment": "comments", "you-said": "you_said_we_did"}


class UnknownPrinciple(ValueError):
    """A slug that is not one of the guide's six principles."""


def principles_text(slugs) -> str:
    """The column's text for these slugs: each once, in the guide's order.
    UnknownPrinciple for anything else, so nothing odd is ever stored."""
    chosen = set(slugs)
    unknown = chosen - set(PRINCIPLES)
    if unknown:
        raise UnknownPrinciple("Please choose principles from the list.")
    return " ".join(p for p in PRINCIPLES if p in chosen)


def principles_of(text: str | None) -> list[str]:
    """The slugs kept in a row's principles column, in the guide's order."""
    return (text or "").split()


def set_principles(db: sqlite_utils.Database, kind: str, row_id: str, slugs) -> str | None:
    """Replace the principles of a comment or an entry (none: untag it) and
    return the text kept. None when there is no such row; UnknownPrinciple
    (nothing stored) for a slug that is not a principle."""
    table = TAGGED_TABLES[kind]
    text = principles_text(slugs)
    with writing(db):
        cursor = db.execute(
            f"UPDATE {table} SET principles = ? WHERE id = ?",  # noqa: S608 (a constant)
            [text, row_id],
        )
    return text if cursor.rowcount == 1 else None


# A comment as the principles page shows it: the words, whether there is a
# drawing (not its bytes), and the survey question the words answer.
_COMMENT_COLUMNS = (
    "id, site, topic, text, drawing IS NOT NULL AS has_drawing, date, survey, version,"
    " question, principles"
)


def _between(first: datetime.date | None, last: datetime.date, site: str | None):
    sql, params = " AND date <= ?", [last.isoformat()]
    if first is not None:
        sql += " AND date >= ?"
        params.append(first.isoformat())
    if site is not None:
        sql += " AND site = ?"
        params.append(site)
    return sql, params


def tagged_comments(
    db: sqlite_utils.Database,
    first: datetime.date | None,
    last: datetime.date,
    site: str | None = None,
) -> list[dict]:
    """Comments and drawings tagged with any principle, dated first to last
    (first None: from the start), newest first; hidden ones left out. The
    partial index comments_tagged finds them without reading any other row
    (a row is read past its drawing to reach its principles)."""
    narrower, params = _between(first, last, site)
    sql = f"SELECT {_COMMENT_COLUMNS} FROM comments WHERE principles != '' AND hidden = 0"  # noqa: S608
    return list(db.query(sql + narrower + " ORDER BY date DESC, id", params))


def tagged_you_said(
    db: sqlite_utils.Database,
    first: datetime.date | None,
    last: datetime.date,
    site: str | None = None,
) -> list[dict]:
    """The "You said, we did" entries tagged with any principle, dated first to last,
    newest first."""
    narrower, params = _between(first, last, site)
    sql = "SELECT id, site, heard, did, date, principles FROM you_said_we_did"
    sql += " WHERE principles != ''"
    return list(db.query(sql + narrower + " ORDER BY date DESC, id", params))
