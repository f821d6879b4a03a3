"""What the staff exports read besides the summary's counts (answer_counts):
comments and drawings for a period. Never a receipt hash, never anything about a device."""

import datetime

import sqlite_utils

from kiosk.storage.comments import narrowed


def comments_between(
    db: sqlite_utils.Database,
    first: datetime.date,
    last: datetime.date,
    site: str | None = None,
    include_hidden: bool = False,
) -> list[dict]:
    """Comments sent from `first` to `last`, by week, site, then random id: never in
    order of arrival, and never by a day the export may hide (a small week's comment
    placed between dated ones would give its day away). No receipt hash and no drawing
    bytes (see drawings_between)."""
    narrower, params = narrowed(site, include_hidden)
    sql = (
        "SELECT id, site, topic, text, drawing IS NOT NULL AS has_drawing, concern, status, hidden,"  # noqa: S608
        f" date, week, survey, version, question FROM comments WHERE date BETWEEN ? AND ?{narrower}"
    )
    return list(db.query(sql + " ORDER BY week, site, id", [*span(first, last), *params]))


def drawings_between(
    db: sqlite_utils.Database,
    first: datetime.date,
    last: datetime.date,
    site: str | None = None,
    include_hidden: bool = False,
) -> list[dict]:
    """The drawings (PNG bytes) of comments sent from `first` to `last`, by week, site,
    then random id, like comments_between."""
    narrower, params = narrowed(site, include_hidden)
    sql = (
        "SELECT id, site, date, week, drawing FROM comments"  # noqa: S608 (constants)
        f" WHERE drawing IS NOT NULL AND date BETWEEN ? AND ?{narrower}"
    )
    return list(db.query(sql + " ORDER BY week, site, id", [*span(first, last), *params]))


def span(first: datetime.date, last: datetime.date) -> list[str]:
    return [first.isoformat(), last.isoformat()]
