"""The weekly summary over 1,000,000 stored responses: under 150 ms (DESIGN.md).

Fills a database in a temporary folder with 1,000,000 submissions spread over
the 52 weeks before this one, four sites and several surveys and versions: 70%
to the child evaluation (version 1, then version 2, published with new wording
four weeks before the latest full week, so the summary's 12-week trend shows
both versions), 30% to the adult evaluation (one executemany in one
transaction, synchronous=OFF for the fill only; the app itself opens the file
with its usual settings). Then, in the same run, for the latest full week:

- the summary page, GET /admin/?week=..., through Flask's test client for a
  signed-in staff member (the account made with storage directly, signed in
  through the real form), for all sites and for one site, and the report, of
  the child evaluation (two versions on the page); the adult evaluation's
  summary; and the child evaluation's month view (no budget);
- beside it, the bare SQL the page runs: the statements are recorded with
  sqlite3's trace callback during one render, then replayed on their own.

Each is timed --repeats times (20) after one unmeasured warm-up; the median is
reported. Exits 1 when a median page is over budget.

    .venv/bin/python bench/summary_speed.py [--rows 1000000] [--repeats 20] [--keep]
"""

import argparse
import dataclasses
import datetime
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from admin import accounts  # noqa: E402
from kiosk import create_app, storage  # noqa: E402
from kiosk.surveys import ADULT_EVALUATION, CHILD_EVALUATION, iso_week  # noqa: E402

BUDGET_MS = 150
RESULTS = Path(__file__).resolve().parent / "results"
SITES = {f"site-{n}": f"Site {n}" for n in "abcd"}
PASSWORD = "bench password, long enough"
CHILD_SHARE = 0.7  # the rest answer the adult evaluation
NEW_WORDING_WEEKS_BEFORE = 4  # child version 2: this many weeks before the latest full week


def answer_shapes(survey, rng: random.Random) -> list[str]:
    """4096 answers strings to a version, as record_submission stores them: most
    choose the first options, the rest spread out, some skip."""
    shapes = []
    for _ in range(4096):
        answers = {}
        for question in survey.choice_questions:
            keys = list(question.answer_keys)
            weights = [2 ** (len(keys) - n) for n in range(len(keys) - 1)] + [1]
            answers[question.key] = rng.choices(keys, weights)[0]
        shapes.append(json.dumps(answers, separators=(",", ":")))
    return shapes


def publish_new_wording(db, day: datetime.date):
    """The child evaluation's version 2, as staff would make it: one question reworded."""
    child = storage.latest_version(db, CHILD_EVALUATION)
    first, *others = child.questions
    reworded = dataclasses.replace(first, text="Do you feel safe in our waiting room?")
    storage.save_draft(db, dataclasses.replace(child, questions=(reworded, *others)))
    return storage.publish_draft(db, CHILD_EVALUATION, day)


def fill(path: Path, rows: int, today: datetime.date) -> float:
    """Store `rows` submissions over the 364 days before this week's Monday."""
    started = time.perf_counter()
    db = storage.open_database(path)
    monday = today - datetime.timedelta(days=today.weekday())
    first = monday - datetime.timedelta(weeks=52)
    days = [first + datetime.timedelta(days=n) for n in range(364)]
    day_texts = [(day.isoformat(), iso_week(day)) for day in days]
    rng = random.Random(4)
    changed_on = monday - datetime.timedelta(weeks=1 + NEW_WORDING_WEEKS_BEFORE)
    child_1 = storage.latest_version(db, CHILD_EVALUATION)
    child_2 = publish_new_wording(db, changed_on)
    adult = storage.latest_version(db, ADULT_EVALUATION)
    # Keyed by slug and version: a Survey holds its translations (a dict), so it
    # cannot be a key itself.
    shapes = {
        (survey.slug, survey.version): answer_shapes(survey, rng)
        for survey in (child_1, child_2, adult)
    }
    sites = list(SITES)
    # Indexes are dropped for the fill and built again after it: one sort each,
    # instead of a million random inserts into each. Same names and columns as
    # kiosk/storage/schema.py.
    indexes = [
        row[0]
        for row in db.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'submissions'"
            " AND sql IS NOT NULL"
        )
    ]
    for sql in indexes:
        db.execute("DROP INDEX " + sql.split()[2])
    db.execute("PRAGMA synchronous=OFF")
    db.execute("BEGIN")
    batch = 50_000
    for start in range(0, rows, batch):
        values = []
        for _ in range(min(batch, rows - start)):
            date, week = day_texts[rng.randrange(364)]
            if rng.random() < CHILD_SHARE:
                survey = child_2 if date >= changed_on.isoformat() else child_1
            else:
                survey = adult
            values.append(
                (
                    uuid.UUID(int=rng.getrandbits(128)).hex,
                    rng.choice(sites),
                    survey.slug,
                    survey.version,
                    rng.choice(shapes[survey.slug, survey.version]),
                    date,
                    week,
                )
            )
        values.sort()
        db.conn.executemany(
            "INSERT INTO submissions (id, site, survey, version, answers, date, week)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            values,
        )
    db.execute("COMMIT")
    for sql in indexes:
        db.execute(sql)
    db.execute("PRAGMA synchronous=FULL")
    db.execute("ANALYZE")
    db.close()
    staff_db = storage.open_staff_database(storage.staff_path(path))
    storage.create_staff(staff_db, "bench", accounts.hash_password(PASSWORD))
    staff_db.close()
    return time.perf_counter() - started


def median_ms(action, repeats: int) -> tuple[float, float]:
    action()  # warm-up, not measured
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def signed_in_client(app):
    client = app.test_client()
    page = client.get("/admin/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    answer = client.post(
        "/admin/sign-in", data={"csrf_token": token, "name": "bench", "password": PASSWORD}
    )
    assert 302 == answer.status_code, "signing in failed"
    return client


def recorded_sql(app, client, url: str) -> list[str]:
    """Every statement the page runs, as sqlite3 traces it (parameters filled in)."""
    db = storage.connection_for_thread(app.config["DATABASE"])
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        assert 200 == client.get(url).status_code
    finally:
        db.conn.set_trace_callback(None)
    return statements


def measure(app, client, url: str, repeats: int) -> dict:
    def page():
        response = client.get(url)
        assert 200 == response.status_code
        assert "responses" in response.get_data(as_text=True)

    statements = recorded_sql(app, client, url)
    db = storage.connection_for_thread(app.config["DATABASE"])

    def bare_sql():
        for statement in statements:
            db.conn.execute(statement).fetchall()

    page_ms, page_worst = median_ms(page, repeats)
    sql_ms, sql_worst = median_ms(bare_sql, repeats)
    return {
        "url": url,
        "page_median_ms": round(page_ms, 1),
        "page_max_ms": round(page_worst, 1),
        "sql_median_ms": round(sql_ms, 1),
        "sql_max_ms": round(sql_worst, 1),
        "ratio": round(page_ms / sql_ms, 2),
        "statements": statements,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="summary-speed-"))
    try:
        today = datetime.date.today()
        path = folder / "kiosk.db"
        print(f"Filling {path} with {options.rows:,} submissions...", flush=True)
        fill_seconds = fill(path, options.rows, today)
        print(f"  filled in {fill_seconds:.1f} s")
        # A long retention, or the purge at start would delete the oldest days
        # of the fill (up to about 13,000 rows late in the week) before timing.
        settings = {"DATABASE": str(path), "SECRET_KEY": "bench", "RETENTION_DAYS": 3650}
        app = create_app(settings | {"SITES": SITES, "DEFAULT_SITE": "site-a"})
        check = sqlite3.connect(path)
        stored = check.execute("SELECT count(*) FROM submissions").fetchone()[0]
        check.close()
        print(f"  {stored:,} submissions stored when timing starts")
        client = signed_in_client(app)
        week = iso_week(today - datetime.timedelta(weeks=1))
        month = (today - datetime.timedelta(weeks=1)).isoformat()[:7]
        urls = [
            f"/admin/?week={week}",
            f"/admin/?site=site-a&week={week}",
            f"/admin/report?week={week}",
            f"/admin/?survey=adult-evaluation&week={week}",
            f"/admin/?month={month}",
        ]
        load_before = os.getloadavg()[0]
        results = [measure(app, client, url, options.repeats) for url in urls]
        load_after = os.getloadavg()[0]
        storage.close_thread_connections()
    finally:
        if options.keep:
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder)
    print(
        f"\n{'page':52} {'page ms':>9} {'SQL ms':>8} {'page/SQL':>9}"
        f"  (medians of {options.repeats})"
    )
    for result in results:
        print(
            f"{result['url']:52} {result['page_median_ms']:9.1f} {result['sql_median_ms']:8.1f}"
            f" {result['ratio']:9.2f}"
        )
    budgeted = results[:4]  # the weekly summaries and the report; the month view has no budget
    met = all(result["page_median_ms"] < BUDGET_MS for result in budgeted)
    print(f"\nBudget: the weekly summary under {BUDGET_MS} ms: {'met' if met else 'MISSED'}")
    print(
        f"Load average (1 min) before and after the timings: {load_before:.1f}, {load_after:.1f}"
        f" on {os.cpu_count()} cores: other programs running make every figure slower."
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "summary_speed.json").write_text(
        json.dumps(
            {
                "rows": options.rows,
                "fill_seconds": round(fill_seconds, 1),
                "repeats": options.repeats,
                "budget_ms": BUDGET_MS,
                "met": met,
                "results": results,
            },
            indent=2,
        )
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
