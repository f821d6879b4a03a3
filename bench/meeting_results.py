"""A co-production group's meeting results (admin/meeting_figures.results_for):
how long they take for a group that has met every week for years.

Fills a database in a temporary folder with GROUPS groups at one site, each
with MEETINGS closed weekly meetings of 0 to 8 answers to the child
evaluation. Then, in the same run, times for one group:

- results_for: the meetings, their answers' counts, the blocks;
- beside it, the bare SQL: one GROUP BY over that group's meeting answers;
- the purge every start and daily tidy runs, when nothing is old enough to go.

Each --repeats times (20) after one warm-up; medians reported. The budget is
the weekly summary's, 150 ms (DESIGN.md): the group's page shows these results.

    .venv/bin/python bench/meeting_results.py [--meetings 300] [--repeats 20]
"""

import argparse
import datetime
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from admin.meeting_figures import results_for  # noqa: E402
from kiosk import storage  # noqa: E402
from kiosk.surveys import CHILD_EVALUATION, iso_week  # noqa: E402

BUDGET_MS = 150
GROUPS = 5
CHOICES = ["yes", "sometimes", "no", "skip"]


def fill(db, meetings: int, rng: random.Random) -> None:
    storage.add_site(db, "site-a", "Site A")
    today = datetime.date.today()
    rows = []
    for g in range(GROUPS):
        slug = storage.add_group(db, f"Group {g}", "site-a", "children", [CHILD_EVALUATION], today)
        for week in range(meetings):
            day = today - datetime.timedelta(weeks=meetings - week + 1)
            meeting = storage.add_meeting(db, slug, day, [CHILD_EVALUATION])
            for _ in range(rng.randint(0, 8)):
                answers = {q: rng.choice(CHOICES) for q in ("safe", "talk", "team", "ideas")}
                rows.append(
                    (
                        uuid.uuid4().hex,
                        meeting,
                        CHILD_EVALUATION,
                        1,
                        json.dumps(answers, separators=(",", ":")),
                        day.isoformat(),
                        iso_week(day),
                    )
                )
    with db.conn:
        db.conn.executemany("INSERT INTO meeting_answers VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def median_ms(run, repeats: int) -> float:
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = storage.open_database(Path(folder) / "kiosk.db")
        fill(db, args.meetings, random.Random(1))
        today = datetime.date.today()
        ours = median_ms(
            lambda: results_for(db, "group-0", CHILD_EVALUATION, 5, today), args.repeats
        )
        bare_sql = (
            "SELECT a.version, a.answers, count(*) FROM meeting_answers a"
            " JOIN meetings m ON m.id = a.meeting WHERE m.group_slug = ? AND a.survey = ?"
            " GROUP BY a.version, a.answers"
        )
        bare = median_ms(
            lambda: db.execute(bare_sql, ["group-0", CHILD_EVALUATION]).fetchall(), args.repeats
        )
        # The purge each start and each daily tidy runs, with nothing old to delete.
        purge = median_ms(lambda: storage.purge_old(db, today, 365 * 20), args.repeats)
        answers = db.execute("SELECT count(*) FROM meeting_answers").fetchone()[0]
        db.close()
    print(
        f"{GROUPS} groups x {args.meetings} meetings, {answers} answers in all:"
        f" results_for {ours:.1f} ms, bare SQL {bare:.1f} ms, ratio {ours / bare:.1f}"
        f" (budget {BUDGET_MS} ms); a purge with nothing old {purge:.1f} ms"
    )
    return 0 if ours <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
