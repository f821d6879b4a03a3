"""Whether a database file can be read and written now, and, when a write
failed, why: the disk is full, the files are read-only, or another writer held
the lock too long. Each is a reason to answer 503 and be sent again later, not
a fault in what was sent.
"""

import errno
import os
import resource
import sqlite3
from pathlib import Path

import sqlite_utils

from kiosk.storage.database import writing

DISK_FULL = "disk full"
READ_ONLY = "read-only"
LOCKED = "locked too long"
DISK_ERROR = "disk error"
# How long the health check waits for the write lock before it says "locked".
HEALTH_PATIENCE = 2.0
# Less room than this on the disk (or under the process's file size limit,
# RLIMIT_FSIZE) counts as full: a write needs a few pages and the -wal file grows.
LEAST_ROOM = 1024 * 1024
FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def read_and_write(db: sqlite_utils.Database, patience: float = HEALTH_PATIENCE) -> None:
    """Read a row, then commit a write that changes nothing anyone keeps: the
    file's user_version set to what it is, which still writes a page to the
    -wal file (an UPDATE to the same values would write nothing, and a
    transaction rolled back never reaches the disk). sqlite3.Error if either fails."""
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    with writing(db, patience):
        [version] = db.execute("PRAGMA user_version").fetchone()
        db.execute(f"PRAGMA user_version = {int(version)}")


def trouble(error: BaseException, paths: list[Path]) -> str | None:
    """Why a database write failed, when it is the storage's fault and worth
    trying again later (DISK_FULL, READ_ONLY, LOCKED, DISK_ERROR); None for
    any other error."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return LOCKED
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return LOCKED
    if name.startswith("SQLITE_FULL"):
        return DISK_FULL
    if name.startswith("SQLITE_READONLY"):
        return READ_ONLY
    if isinstance(error, OSError):
        if error.filename is not None and not is_database_file(error.filename, paths):
            return None
        if error.errno in FULL_ERRNOS:
            return DISK_FULL
        if error.errno in READ_ONLY_ERRNOS:
            return READ_ONLY
        return None
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        # SQLite does not say which error the system gave: look.
        return look_at(paths)
    return None


def is_database_file(name, paths: list[Path]) -> bool:
    """One of the files SQLite keeps for these databases (-wal, -shm, .lock too)."""
    return any(str(name).startswith(str(path)) for path in paths)


def look_at(paths: list[Path]) -> str:
    """Why files that SQLite could not write cannot be written."""
    files = [Path(f"{path}{suffix}") for path in paths for suffix in ("", "-wal")]
    files = [file for file in files if file.exists()]
    folders = {Path(path).parent for path in paths}
    if not all(os.access(place, os.W_OK) for place in [*files, *folders]):
        return READ_ONLY
    if room_left(files, folders) < LEAST_ROOM:
        return DISK_FULL
    return DISK_ERROR


def room_left(files: list[Path], folders: set[Path]) -> int:
    """Bytes that can still be written: free space on the disk, or under this
    process's file size limit, whichever is less."""
    room = min(os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize for folder in folders)
    limit, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if limit != resource.RLIM_INFINITY:
        largest = max((file.stat().st_size for file in files), default=0)
        room = min(room, limit - largest)
    return room
