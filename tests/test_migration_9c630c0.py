"""Migration 0014 (the co-production companion) on the answers file the code at
9c630c0 made (`flask --app kiosk demo-data --weeks 4`, then two "You said, we
did" entries): every row is still there, word for word; the two tables that
gain a principles column gain it empty, at the end; the new tables start
empty; the migration runs once; and the weekly counts are what they were."""

import datetime
import shutil
import sqlite3
from pathlib import Path

import pytest

from admin.periods import Period
from kiosk import storage
from kiosk.surveys import Submission

MADE_BY_9C630C0 = Path(__file__).parent / "data" / "kiosk-9c630c0.db"
NEW_TABLES = {
    "coproduction_groups",
    "group_surveys",
    "readiness_checks",
    "reflections",
    "plans",
    "plan_changes",
    "agreements",
    "meetings",
    "meeting_surveys",
    "meeting_answers",
}


def raw(path, sql, args=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


def tables(path) -> set[str]:
    names = raw(path, "SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in names if not name.startswith(("sqlite_", "_sqlite"))}


def every_row(path) -> dict[str, list]:
    return {
        table: sorted(raw(path, f"SELECT * FROM [{table}]"), key=repr)  # noqa: S608
        for table in tables(path)
    }


@pytest.fixture
def old_file(tmp_path):
    answers = tmp_path / "kiosk.db"
    shutil.copy(MADE_BY_9C630C0, answers)
    return answers


def test_the_fixture_is_what_9c630c0_made(old_file):
    assert [(217,)] == raw(old_file, "SELECT count(*) FROM submissions")
    assert [(31,)] == raw(old_file, "SELECT count(*) FROM comments")
    assert [(2,)] == raw(old_file, "SELECT count(*) FROM you_said_we_did")
    assert [("0013_service_logo",)] == raw(
        old_file, "SELECT name FROM _sqlite_migrations ORDER BY name DESC LIMIT 1"
    )
    assert not tables(old_file) & NEW_TABLES


def test_every_row_is_kept_word_for_word(old_file):
    before = every_row(old_file)
    storage.open_database(old_file).close()
    after = every_row(old_file)
    assert set(after) == set(before) | NEW_TABLES
    for table, rows in before.items():
        if table in ("you_said_we_did", "comments"):  # one new column, at the end, empty
            assert {row[-1] for row in after[table]} == {""}
            assert rows == sorted((row[:-1] for row in after[table]), key=repr), table
        else:
            assert rows == after[table], table
    for table in NEW_TABLES:
        assert after[table] == [], table


def test_it_runs_once(old_file):
    storage.open_database(old_file).close()
    once = every_row(old_file)
    storage.open_database(old_file).close()
    assert every_row(old_file) == once
    assert [(1,)] == raw(
        old_file, "SELECT count(*) FROM _sqlite_migrations WHERE name = '0014_co_production'"
    )


def test_a_meetings_answers_leave_the_weekly_counts_as_they_were(old_file):
    """A group meets at a site and 6 people answer: the site's weeks count exactly
    what they counted before, as the meeting's answers are kept apart."""
    db = storage.open_database(old_file)
    weeks = [week.key for week in Period.week_of(datetime.date.today()).trend()]
    before = storage.answer_counts(db, weeks, "waiting-room-a")
    today = datetime.date.today()
    storage.add_group(db, "Young Voices", "waiting-room-a", "children", ["child-evaluation"], today)
    meeting = storage.add_meeting(db, "young-voices", today, ["child-evaluation"])
    answers = {"safe": "yes", "talk": "sometimes", "team": "yes", "ideas": "no"}
    for n in range(6):
        submission = Submission(f"{n:032x}", "waiting-room-a", "child-evaluation", answers, today)
        assert storage.record_meeting_answers(db, meeting, submission)
    assert storage.answer_counts(db, weeks, "waiting-room-a") == before
    counts = storage.meeting_answer_counts(db, [meeting], "child-evaluation")
    assert counts[meeting][1]["responses"] == 6
    assert [(today.isoformat(), 6)] == raw(
        old_file, "SELECT date, count(*) FROM meeting_answers GROUP BY date"
    )
    db.close()
