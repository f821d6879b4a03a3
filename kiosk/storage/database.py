"""Opening the two database files with every safety setting on, one kept
connection per thread, and write transactions that wait for the other worker
in short steps.

What children said (sites, answers, comments, "You said, we did") is kept in
one file; what staff did (accounts, sessions, sign-in failures, the audit log,
tablets) in another beside it, `kiosk-staff.db` next to `kiosk.db`. Staff
records carry times of day; kept apart, none of them sits in the same file as
an answer, so a copy of the answers file cannot line an answer up against
"signed in at 13:14:07" (DESIGN.md, Anonymity).
"""

import contextlib
import fcntl
import functools
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from kiosk.storage.schema import migrations
from kiosk.storage.staff_schema import staff_migrations

# Every file of the database holds children's words or staff password hashes:
# only the account that runs the app may read them, whatever its umask.
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SIDE_FILES = ("", "-wal", "-shm", ".lock")


@functools.lru_cache(maxsize=16)
def staff_path(path: str | Path) -> Path:
    """The staff file that sits beside an answers file: kiosk.db -> kiosk-staff.db.
    Kept once worked out: every kiosk submission asks (25 µs of Path work each)."""
    path = Path(path)
    return path.with_name(f"{path.stem}-staff{path.suffix or '.db'}")


def make_private(path: str | Path) -> None:
    """Create the folder (0700) and the database files (0600) if missing, and
    take away every other account's access to those that exist.

    SQLite makes the -wal and -shm files with the same permissions as the
    database file itself, so creating that one 0600 covers the rest.
    """
    path = Path(path)
    if not path.parent.exists():
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        os.chmod(path.parent, PRIVATE_FOLDER)
    if not path.exists():
        # Only ever open the file ourselves while it does not exist yet: closing
        # any descriptor of a file drops every POSIX lock this process holds on
        # it, SQLite's included, and another worker could then think it alone
        # and rebuild the -wal index under a connection still reading it.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, PRIVATE_FILE))
    for suffix in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(f"{path}{suffix}", PRIVATE_FILE)


def _open(path: str | Path, schema: Migrations) -> sqlite_utils.Database:
    make_private(path)
    db = sqlite_utils.Database(path)
    # FULL: a submission the server acknowledged survives a power cut.
    db.execute("PRAGMA synchronous=FULL")
    # Deleted text is overwritten, not left readable in the file.
    db.execute("PRAGMA secure_delete=ON")
    db.execute("PRAGMA busy_timeout=5000")
    # gunicorn's workers boot together: on a new database each would find the
    # tables missing and create them at once, and all but one would fail.
    lock_path = f"{path}.lock"
    fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, PRIVATE_FILE)
    with open(fd, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        db.enable_wal()
        schema.apply(db)
    # From here on every write goes through writing(), which waits for the
    # other worker in short steps instead of SQLite's 1, 2, 5, 10 ms sleeps.
    db.execute("PRAGMA busy_timeout=0")
    return db


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the answers file, with every safety setting on.

    An answers file made before the staff records had their own file hands
    them over on the way (migration 0008)."""
    db = _open(path, migrations)
    # sqlite-utils notes when each migration was applied, to the microsecond:
    # the date is enough, and no time of day is kept in this file.
    with writing(db):
        db.execute(
            "UPDATE _sqlite_migrations SET applied_at = substr(applied_at, 1, 10)"
            " WHERE length(applied_at) > 10"
        )
    return db


def open_staff_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the staff file: accounts, sessions, audit log."""
    return _open(path, staff_migrations)


def when_unlocked(statement: str, db: sqlite_utils.Database, patience: float) -> None:
    """Run a statement that needs the write lock, trying again while another
    connection holds it.

    The lock is mostly held for a commit's fsync, a fraction of a millisecond,
    so the first retry comes after 50 microseconds, doubling up to 2 ms:
    SQLite's own busy handler would sleep a whole millisecond first, and under
    load a third of both cores sat idle in those sleeps. Past `patience`
    seconds the "database is locked" error is raised (a 503 for a request).
    """
    deadline = time.monotonic() + patience
    pause = 0.00005
    while True:
        try:
            db.execute(statement)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.002)


@contextlib.contextmanager
def staff_file(path: str | Path):
    """The staff file beside an answers file, open for one job outside a request
    (a command, a scheduled job), and closed after it."""
    staff_db = open_staff_database(staff_path(path))
    try:
        yield staff_db
    finally:
        staff_db.close()


@contextlib.contextmanager
def both_files(path: str | Path):
    """The answers file and the staff file beside it, open for one job outside a
    request, and closed after it: (db, staff_db)."""
    db = open_database(path)
    try:
        with staff_file(path) as staff_db:
            yield db, staff_db
    finally:
        db.close()


@contextlib.contextmanager
def writing(db: sqlite_utils.Database, patience: float = 5.0):
    """A write transaction that takes the write lock at once (BEGIN IMMEDIATE),
    waiting for the other worker in short steps (when_unlocked)."""
    when_unlocked("BEGIN IMMEDIATE", db, patience)
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        # A COMMIT can fail too (a deferred constraint, a full disk). SQLite
        # then leaves the transaction open, and every later write on this
        # kept connection would fail with "cannot start a transaction within
        # a transaction": end it here, whatever failed.
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise


def empty_the_wal(db: sqlite_utils.Database, patience: float = 5.0) -> bool:
    """Copy every committed page into the main file and cut the -wal file to
    nothing, so words just deleted are not left readable there.

    secure_delete overwrites deleted words in the page, but the page's older
    copies stay in the -wal file until it is written over. TRUNCATE waits for
    readers of the other worker; it is tried again in short steps, like a
    write. True when the -wal file is empty.
    """
    deadline = time.monotonic() + patience
    while True:
        busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)


_connections = threading.local()


def connection_for_thread(
    path: str | Path,
    opener: Callable[[str | Path], sqlite_utils.Database] = open_database,
) -> sqlite_utils.Database:
    """One connection per thread and file, kept open: a connection per request
    costs about half the submit rate (see bench/README.md)."""
    key = str(path)
    cache = _connections.__dict__.setdefault("by_path", {})
    if key not in cache:
        cache[key] = opener(path)
    return cache[key]


def close_thread_connections() -> None:
    """Close this thread's kept connections (tests, and a worker shutting down)."""
    for db in _connections.__dict__.pop("by_path", {}).values():
        db.close()
