"""How long the daily tidy holds the answers file: VACUUM in key order, then the
-wal file emptied, over a year of answers (bench/README.md, "The daily tidy").

    .venv/bin/python bench/tidy_speed.py [--rows 1000000]

While it runs a kiosk's Send waits for the write lock (the page keeps the
answers and sends again), so this is the figure to know for DAILY_TIDY_TIME.
Beside it, the bare baseline: SQLite's own VACUUM of the same file with a
plain connection, none of our code.
"""

import argparse
import datetime
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.summary_speed import fill  # noqa: E402
from kiosk import storage  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-tidy-"))
    try:
        path = folder / "kiosk.db"
        print(f"Filling {path} with {options.rows:,} submissions...", flush=True)
        fill(path, options.rows, datetime.date.today())
        bare_path = folder / "bare.db"
        shutil.copy(path, bare_path)
        size = path.stat().st_size
        db = storage.open_database(path)
        started = time.perf_counter()
        emptied = storage.rewrite_in_key_order(db)
        ours = time.perf_counter() - started
        db.close()
        bare = sqlite3.connect(bare_path)
        started = time.perf_counter()
        bare.execute("VACUUM")
        baseline = time.perf_counter() - started
        bare.close()
        print(f"file {size / 1e6:.0f} MB, {options.rows:,} rows")
        print(f"daily tidy (VACUUM + empty -wal, WAL, synchronous=FULL): {ours:.2f} s")
        print(f"bare VACUUM of a copy, plain sqlite3 connection:          {baseline:.2f} s")
        print(f"ratio ours / bare: {ours / baseline:.2f}; -wal emptied: {emptied}")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
