"""Storing, finding and taking back comments: from the feedback box, and words
written in a survey (with the survey, version and question they answer)."""

import datetime
import sqlite3

import sqlite_utils

from kiosk.feedback.comments import Comment
from kiosk.storage.database import empty_the_wal, writing

_COLUMNS = (
    "comments (id, site, topic, text, drawing, concern, receipt_hash, date, week,"
    " survey, version, question) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT = "INSERT INTO " + _COLUMNS
_INSERT_ONCE = "INSERT OR IGNORE INTO " + _COLUMNS


def _row(comment: Comment) -> tuple:
    return (
        comment.id,
        comment.site,
        comment.topic,
        comment.text,
        comment.drawing,
        int(comment.concern),
        comment.receipt_hash,
        comment.date.isoformat(),
        comment.week,
        comment.survey,
        comment.version,
        comment.question,
    )


def record_comment(db: sqlite_utils.Database, comment: Comment) -> bool:
    """Store a comment once. Returns False when its id was already stored."""
    try:
        with writing(db):
            db.execute(_INSERT, _row(comment))
    except sqlite3.IntegrityError:
        return False
    return True


def record_comments(db: sqlite_utils.Database, comments: list[Comment]) -> int:
    """Store the comments one page sent together (a survey's words, one per
    question), all or none. Each id is stored once: a page sent again after its
    reply was lost adds nothing. Returns how many were new."""
    added = 0
    with writing(db):
        for comment in comments:
            cursor = db.execute(_INSERT_ONCE, _row(comment))
            added += cursor.rowcount
    return added


def comment_with_receipt(db: sqlite_utils.Database, submission_id: str, receipt_hash: str) -> bool:
    """Whether this id was stored with this receipt: a resend of the same page."""
    rows = db.query(
        "SELECT 1 FROM comments WHERE id = ? AND receipt_hash = ?", [submission_id, receipt_hash]
    )
    return next(rows, None) is not None


def receipt_in_use(db: sqlite_utils.Database, receipt_hash: str) -> bool:
    """Whether a kept comment has this receipt already: a new page must get another."""
    rows = db.query("SELECT 1 FROM comments WHERE receipt_hash = ?", [receipt_hash])
    return next(rows, None) is not None


def withdraw_comment(
    db: sqlite_utils.Database,
    receipt_hash: str,
    oldest: datetime.date,
    today: datetime.date | None = None,
) -> bool:
    """Delete every comment and drawing with this receipt sent on or after `oldest`:
    one from the feedback box, or all the words one survey page sent together.
    secure_delete overwrites them in the file, and emptying the -wal file
    removes the copies of the page written before."""
    today = today or datetime.date.today()
    with writing(db):
        rows = list(
            db.query(
                "SELECT id, date, concern FROM comments WHERE receipt_hash = ? AND date >= ?",
                [receipt_hash, oldest.isoformat()],
            )
        )
        if not rows:
            return False
        for row in rows:
            db.execute("DELETE FROM comments WHERE id = ?", [row["id"]])
            # A message that needed attention leaves a trace with no content, so the
            # safeguarding lead hears of it in the next alert (alerted = 0).
            db.execute(
                "INSERT OR IGNORE INTO withdrawn (id, date, concern, taken_back_on, alerted)"
                " VALUES (?, ?, ?, ?, ?)",
                (row["id"], row["date"], row["concern"], today.isoformat(), 1 - row["concern"]),
            )
    empty_the_wal(db)
    return True


def was_withdrawn(db: sqlite_utils.Database, *comment_ids: str) -> bool:
    """Whether any of these comments was taken back by its writer."""
    marks = ", ".join("?" * len(comment_ids))
    rows = db.query(f"SELECT 1 FROM withdrawn WHERE id IN ({marks})", list(comment_ids))  # noqa: S608
    return next(rows, None) is not None


def comments_for_site(db: sqlite_utils.Database, site: str) -> list[dict]:
    """A site's comments, concerns first, then by date; never in order of arrival."""
    return list(
        db.query(
            "SELECT id, site, topic, text, drawing IS NOT NULL AS has_drawing, concern, status,"
            " hidden, date, week, survey, version, question FROM comments WHERE site = ?"
            " ORDER BY concern DESC, date, id",
            [site],
        )
    )


def any_comment(db: sqlite_utils.Database) -> bool:
    """Whether any comment is stored, for any site: one row looked at, not all read."""
    return next(db.query("SELECT EXISTS (SELECT 1 FROM comments) AS found"))["found"] == 1


def drawing_for(db: sqlite_utils.Database, comment_id: str) -> bytes | None:
    row = next(db.query("SELECT drawing FROM comments WHERE id = ?", [comment_id]), None)
    return row["drawing"] if row else None


# What staff have done about a comment. The staff form offers these and
# set_comment_status refuses anything else.
STATUSES = ("new", "seen", "actioned")
# survey, version, question: set for words written in a survey, so staff see the question.
_LISTED = (
    "id, site, topic, text, drawing IS NOT NULL AS has_drawing, concern, status, hidden, date,"
    " survey, version, question, principles"
)


def comments_for_week(
    db: sqlite_utils.Database, week: str, site: str | None = None, include_hidden: bool = False
) -> list[dict]:
    """A week's comments for one site or all: those needing attention first, then
    by date and random id, never in order of arrival."""
    narrower, params = narrowed(site, include_hidden)
    sql = f"SELECT {_LISTED} FROM comments WHERE week = ?{narrower}"  # noqa: S608 (constants)
    return list(db.query(sql + " ORDER BY concern DESC, date, id", [week, *params]))


def narrowed(site: str | None, include_hidden: bool) -> tuple[str, list]:
    """The SQL that keeps one site's comments (or all) and leaves out hidden ones
    unless asked, with its parameters: the same rule for every staff list."""
    sql, params = "", []
    if site is not None:
        sql += " AND site = ?"
        params.append(site)
    if not include_hidden:
        sql += " AND hidden = 0"
    return sql, params


def find_comment(db: sqlite_utils.Database, comment_id: str) -> dict | None:
    """One comment without its drawing's bytes, or None."""
    sql = f"SELECT {_LISTED}, week FROM comments WHERE id = ?"  # noqa: S608 (a constant)
    return next(db.query(sql, [comment_id]), None)


def set_comment_status(db: sqlite_utils.Database, comment_id: str, status: str) -> bool:
    """Mark a comment new, seen or actioned. False when there is no such comment."""
    if status not in STATUSES:
        raise ValueError(f"not a comment status: {status!r}")
    with writing(db):
        cursor = db.execute("UPDATE comments SET status = ? WHERE id = ?", (status, comment_id))
    return cursor.rowcount == 1


def set_comment_hidden(db: sqlite_utils.Database, comment_id: str, hidden: bool) -> bool:
    """Hide a comment from the usual list (it is kept), or show it again."""
    with writing(db):
        cursor = db.execute(
            "UPDATE comments SET hidden = ? WHERE id = ?", (int(bool(hidden)), comment_id)
        )
    return cursor.rowcount == 1


def delete_comment(db: sqlite_utils.Database, comment_id: str) -> bool:
    """Remove a comment and its drawing; secure_delete overwrites them in the file,
    and emptying the -wal file removes the copies of the page written before."""
    with writing(db):
        cursor = db.execute("DELETE FROM comments WHERE id = ?", [comment_id])
    empty_the_wal(db)
    return cursor.rowcount == 1


def count_comments(db: sqlite_utils.Database, week: str) -> int:
    """How many comments and drawings of a week are kept, hidden ones too."""
    return db.execute("SELECT count(*) FROM comments WHERE week = ?", [week]).fetchone()[0]


def unreviewed_concerns_by_week(db: sqlite_utils.Database) -> dict[str, int]:
    """How many comments marked "needs attention" nobody has reviewed yet, by week,
    oldest first; hidden ones count too. The index comments_unreviewed answers it
    without reading the rows, so never through the drawings."""
    rows = db.execute(
        "SELECT week, count(*) FROM comments WHERE concern = 1 AND status = 'new'"
        " GROUP BY week ORDER BY week"
    ).fetchall()
    return dict(rows)
