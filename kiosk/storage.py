"""The only module that speaks SQL.

Every function takes the database first, so it runs in tests without Flask.
Anonymity is built into the schema: a submission keeps its site, survey,
answers, date and ISO week, and nothing else. Ids are random and the tables
are WITHOUT ROWID, so not even the order of arrival survives.
"""

import contextlib
import datetime
import fcntl
import sqlite3
import threading
import time
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from kiosk.comments import Comment
from kiosk.survey import Submission, check_answers

migrations = Migrations("kiosk")


@migrations(name="0001_submissions")
def _create_submissions(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE submissions (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            survey TEXT NOT NULL,
            answers TEXT NOT NULL,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    # The weekly summary reads (survey, week, site) and groups by answers:
    # a covering index answers it without touching the table.
    db.execute("CREATE INDEX submissions_by_week ON submissions (survey, week, site, answers)")


@migrations(name="0002_sites")
def _create_sites(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE sites (
            slug TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """
    )


@migrations(name="0003_comments")
def _create_comments(db: sqlite_utils.Database) -> None:
    # A comment keeps its date and week, never a time; its receipt code is kept
    # only as a keyed hash, so the code itself is never in the file.
    db.execute(
        """
        CREATE TABLE comments (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            topic TEXT,
            text TEXT,
            drawing BLOB,
            concern INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'new',
            hidden INTEGER NOT NULL DEFAULT 0,
            receipt_hash TEXT NOT NULL UNIQUE,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX comments_by_week ON comments (week, site, concern)")


@migrations(name="0004_withdrawn")
def _create_withdrawn(db: sqlite_utils.Database) -> None:
    # The random id of each comment taken back, and nothing else: a page sent
    # again after its message was taken back must not bring it back.
    db.execute("CREATE TABLE withdrawn (id TEXT PRIMARY KEY, date TEXT NOT NULL) WITHOUT ROWID")


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database file, with every safety setting on."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    # FULL: a submission the server acknowledged survives a power cut.
    db.execute("PRAGMA synchronous=FULL")
    # Deleted text is overwritten, not left readable in the file.
    db.execute("PRAGMA secure_delete=ON")
    db.execute("PRAGMA busy_timeout=5000")
    # gunicorn's workers boot together: on a new database each would find the
    # tables missing and create them at once, and all but one would fail.
    with open(f"{path}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        db.enable_wal()
        migrations.apply(db)
    # From here on every write goes through writing(), which waits for the
    # other worker in short steps instead of SQLite's 1, 2, 5, 10 ms sleeps.
    db.execute("PRAGMA busy_timeout=0")
    return db


@contextlib.contextmanager
def writing(db: sqlite_utils.Database, patience: float = 5.0):
    """A write transaction that takes the write lock at once (BEGIN IMMEDIATE).

    The lock is held for a commit's fsync, a fraction of a millisecond, so a
    worker that finds it taken tries again after 50 microseconds, doubling
    up to 2 ms: SQLite's own busy handler would sleep a whole millisecond
    first, and under load a third of both cores sat idle in those sleeps.
    """
    deadline = time.monotonic() + patience
    pause = 0.00005
    while True:
        try:
            db.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.002)
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


_connections = threading.local()


def connection_for_thread(path: str | Path) -> sqlite_utils.Database:
    """One connection per thread and file, kept open: a connection per request
    costs about half the submit rate (see bench/README.md)."""
    key = str(path)
    cache = _connections.__dict__.setdefault("by_path", {})
    if key not in cache:
        cache[key] = open_database(path)
    return cache[key]


def close_thread_connections() -> None:
    """Close this thread's kept connections (tests, and a worker shutting down)."""
    for db in _connections.__dict__.pop("by_path", {}).values():
        db.close()


def record_submission(db: sqlite_utils.Database, submission: Submission) -> bool:
    """Store a submission once. Returns False when its id was already stored."""
    check_answers(submission.answers)
    try:
        with writing(db):
            db.execute(
                "INSERT INTO submissions (id, site, survey, answers, date, week)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    submission.id,
                    submission.site,
                    submission.survey,
                    submission.answers_json,
                    submission.date.isoformat(),
                    submission.week,
                ),
            )
    except sqlite3.IntegrityError:
        return False
    return True


def count_submissions(db: sqlite_utils.Database, site: str | None = None) -> int:
    if site is None:
        return next(db.query("SELECT count(*) AS n FROM submissions"))["n"]
    return next(db.query("SELECT count(*) AS n FROM submissions WHERE site = ?", [site]))["n"]


def submissions_for_site(db: sqlite_utils.Database, site: str) -> list[dict]:
    """Every stored submission of a site, grouped by date, never by arrival."""
    return list(
        db.query(
            "SELECT id, site, survey, answers, date, week FROM submissions"
            " WHERE site = ? ORDER BY date, id",
            [site],
        )
    )


def record_comment(db: sqlite_utils.Database, comment: Comment) -> bool:
    """Store a comment once. Returns False when its id was already stored."""
    try:
        with writing(db):
            db.execute(
                "INSERT INTO comments (id, site, topic, text, drawing, concern, receipt_hash,"
                " date, week) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    comment.id,
                    comment.site,
                    comment.topic,
                    comment.text,
                    comment.drawing,
                    int(comment.concern),
                    comment.receipt_hash,
                    comment.date.isoformat(),
                    comment.week,
                ),
            )
    except sqlite3.IntegrityError:
        return False
    return True


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


def withdraw_comment(db: sqlite_utils.Database, receipt_hash: str, oldest: datetime.date) -> bool:
    """Delete the comment and drawing with this receipt, if sent on or after `oldest`.
    secure_delete overwrites them in the file."""
    with writing(db):
        row = next(
            db.query(
                "SELECT id, date FROM comments WHERE receipt_hash = ? AND date >= ?",
                [receipt_hash, oldest.isoformat()],
            ),
            None,
        )
        if row is None:
            return False
        db.execute("DELETE FROM comments WHERE id = ?", [row["id"]])
        db.execute(
            "INSERT OR IGNORE INTO withdrawn (id, date) VALUES (?, ?)", (row["id"], row["date"])
        )
    return True


def was_withdrawn(db: sqlite_utils.Database, submission_id: str) -> bool:
    rows = db.query("SELECT 1 FROM withdrawn WHERE id = ?", [submission_id])
    return next(rows, None) is not None


def comments_for_site(db: sqlite_utils.Database, site: str) -> list[dict]:
    """A site's comments, concerns first, then by date; never in order of arrival."""
    return list(
        db.query(
            "SELECT id, site, topic, text, drawing IS NOT NULL AS has_drawing, concern, status,"
            " hidden, date, week FROM comments WHERE site = ? ORDER BY concern DESC, date, id",
            [site],
        )
    )


def drawing_for(db: sqlite_utils.Database, comment_id: str) -> bytes | None:
    row = next(db.query("SELECT drawing FROM comments WHERE id = ?", [comment_id]), None)
    return row["drawing"] if row else None


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
