"""Opening the database with every safety setting on, one kept connection per
thread, and write transactions that wait for the other worker in short steps."""

import contextlib
import fcntl
import sqlite3
import threading
import time
from pathlib import Path

import sqlite_utils

from kiosk.storage.schema import migrations


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
