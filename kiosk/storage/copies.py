"""Copies of a database file, made and put back with SQLite's online backup
API while the server keeps serving.

A plain file copy of a live file can catch a page half-written, and misses
every answer still in the -wal file. The backup API reads one snapshot: every
answer committed before the copy began, and none half-written. A copy is one
self-contained file (journal mode DELETE, no -wal beside it), private to the
account that made it, and written beside its place then renamed over it, so a
crash leaves the old copy or the new one, never half of one. Putting a copy
back is one write transaction on the live file (put_back says why).
"""

import contextlib
import os
import sqlite3
from pathlib import Path

from kiosk.storage.database import PRIVATE_FILE, make_private

# How long a copy waits for a writer of the live file (a checkpoint, say).
BUSY_SECONDS = 30
# The migration set each kind of file records, to tell ours from any other
# SQLite file (schema.py and staff_schema.py).
KINDS = {"kiosk": "answers", "kiosk-staff": "staff"}


class NotACopy(ValueError):
    """A file that is not a sound copy of one of our databases; says why, plainly."""


def read_only(path: Path, *, frozen: bool = False) -> sqlite3.Connection:
    """A connection that can never write to the file. frozen: a copy that
    nothing else has open (read as it is, no -wal or -shm looked for or made)."""
    flags = "mode=ro&immutable=1" if frozen else "mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, timeout=BUSY_SECONDS)


def integrity_problems(path: Path) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong with a copy: [] when it is sound."""
    try:
        with contextlib.closing(read_only(path, frozen=True)) as copy:
            rows = copy.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [row[0] for row in rows if row[0] != "ok"]


def kind_of(path: Path) -> str:
    """ "answers" or "staff" for a sound copy of one of our files; NotACopy otherwise."""
    if not path.is_file():
        raise NotACopy(f"{path} is not there.")
    problems = integrity_problems(path)
    if problems:
        raise NotACopy(f"{path} is damaged or not a database: {problems[0]}")
    with contextlib.closing(read_only(path, frozen=True)) as copy:
        try:
            rows = copy.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")
            names = {row[0] for row in rows}
        except sqlite3.DatabaseError:
            names = set()
    kinds = {KINDS[name] for name in names if name in KINDS}
    if len(kinds) != 1:
        raise NotACopy(f"{path} is a database, but not one this app made.")
    return kinds.pop()


def _copy(source: sqlite3.Connection, target_path: Path) -> None:
    """The whole of source into a new file at target_path, in one step (one snapshot)."""
    with contextlib.closing(sqlite3.connect(target_path, isolation_level=None)) as target:
        source.backup(target)
        # One file, readable on its own: no -wal to keep beside it.
        target.execute("PRAGMA journal_mode=DELETE")


def _beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def _put_in_place(part: Path, path: Path) -> None:
    """Rename a finished file over path, then make the rename itself survive a power cut."""
    with open(part, "rb") as written:
        os.fsync(written.fileno())
    os.replace(part, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def write_copy(live_path: Path, copy_path: Path) -> None:
    """A consistent copy of a live database file at copy_path, checked
    (NotACopy if it is not sound; then nothing is left at copy_path's place
    that was not there before)."""
    part = _beside(copy_path)
    _remove(part)
    os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    try:
        with contextlib.closing(read_only(live_path)) as live:
            _copy(live, part)
        problems = integrity_problems(part)
        if problems:
            raise NotACopy(f"The copy of {live_path} failed its check: {problems[0]}")
        _put_in_place(part, copy_path)
    finally:
        _remove(part)


def put_back(copy_path: Path, live_path: Path) -> None:
    """Put a checked copy back at live_path, through the backup API as one write
    transaction: a server still running sees the old file or the copy, never half
    of each, and a crash part-way leaves the old file as it was.

    (Not a rename over the live file: a running server would go on writing to
    the old file it has open, and the old -wal file would be replayed onto the
    copy.)"""
    kind_of(copy_path)
    make_private(live_path)
    copy = contextlib.closing(read_only(copy_path, frozen=True))
    live = contextlib.closing(sqlite3.connect(live_path, timeout=BUSY_SECONDS))
    with copy as source, live as target:
        source.backup(target)
