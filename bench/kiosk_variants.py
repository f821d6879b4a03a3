"""Variants of the kiosk, to find out what costs submit throughput. Never served for real.

Each variant changes one thing at start-up, named in BENCH_VARIANT
(comma-separated), so submit_rate.py can measure it beside the bare endpoint:

    BENCH_VARIANT=flock .venv/bin/python bench/submit_rate.py \\
        --kiosk-app bench.kiosk_variants:app

normal  PRAGMA synchronous=NORMAL: in WAL mode, no fsync at each commit. The last
        commits can be lost in a power cut, which DESIGN.md rules out: this
        only shows what FULL costs.
flock   record_submission holds a blocking lock file next to the database,
        so a worker that must wait sleeps in the kernel and is woken as soon
        as the other commits, instead of storage.writing() retrying BEGIN
        IMMEDIATE after 50 us, 100 us, ... up to 2 ms.
connect open_database() for every use instead of one kept connection per
        thread: what kiosk/storage/database.py's connection_for_thread saves.

(To take the disk out altogether, put the database on tmpfs: TMPDIR=/dev/shm.)
"""

import fcntl
import os

from kiosk import storage

VARIANTS = set(filter(None, os.environ.get("BENCH_VARIANT", "").split(",")))
unknown = VARIANTS - {"normal", "flock", "connect"}
if unknown:
    raise RuntimeError(f"Unknown BENCH_VARIANT: {', '.join(sorted(unknown))}")

if "normal" in VARIANTS:
    shipped_open_database = storage.open_database

    def open_database(path):
        db = shipped_open_database(path)
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    storage.open_database = open_database
    # connection_for_thread calls the one in its own module.
    storage.database.open_database = open_database

if "flock" in VARIANTS:
    shipped_record_submission = storage.record_submission
    lock_files = {}

    def record_submission(db, submission):
        key = id(db)
        if key not in lock_files:
            path = db.conn.execute("PRAGMA database_list").fetchone()[2]
            lock_files[key] = open(f"{path}.write-lock", "a")  # noqa: SIM115 (kept open)
        fcntl.flock(lock_files[key], fcntl.LOCK_EX)
        try:
            return shipped_record_submission(db, submission)
        finally:
            fcntl.flock(lock_files[key], fcntl.LOCK_UN)

    storage.record_submission = record_submission

if "connect" in VARIANTS:

    def connection_for_thread(path):
        return storage.open_database(path)

    storage.connection_for_thread = connection_for_thread

from kiosk import create_app  # noqa: E402 (after the patches, so the app uses them)

app = create_app()
