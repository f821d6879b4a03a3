"""Storage on real SQLite files: safe settings, an anonymous schema, nothing lost."""

import datetime
import multiprocessing
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from kiosk import storage
from kiosk.feedback.comments import Comment
from kiosk.surveys import Submission
from tests.conftest import all_answers, new_submission_id


@pytest.fixture
def path(tmp_path):
    return tmp_path / "kiosk.db"


@pytest.fixture
def db(path):
    database = storage.open_database(path)
    yield database
    database.close()


DAY = datetime.date(2026, 11, 27)


def submission(submission_id=None, site="waiting-room-a", answer="yes") -> Submission:
    return Submission(
        id=submission_id or new_submission_id(),
        site=site,
        survey="child-evaluation",
        answers=all_answers(answer),
        date=datetime.date(2026, 11, 27),
    )


def test_opening_twice_applies_the_migrations_once_and_keeps_the_rows(path):
    first = storage.open_database(path)
    storage.record_submission(first, submission())
    first.close()
    again = storage.open_database(path)
    storage.migrations.apply(again)
    applied = [m.name for m in storage.migrations.applied(again)]
    # Every migration applied, each once, in the order they were written.
    assert [] == storage.migrations.pending(again)
    assert sorted(applied) == applied and len(set(applied)) == len(applied)
    assert 1 == storage.count_submissions(again)
    again.close()


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("synchronous", 2), ("secure_delete", 1)],
)
def test_a_connection_has_every_safety_setting_on(db, pragma, expected):
    assert expected == db.execute(f"PRAGMA {pragma}").fetchone()[0]


def test_a_submission_keeps_only_the_allowed_columns(db):
    columns = {row[1] for row in db.execute("PRAGMA table_info(submissions)")}
    assert {"id", "site", "survey", "version", "answers", "date", "week"} == columns


def test_a_meetings_answers_keep_only_the_allowed_columns(db):
    """Like a submission, with the meeting in place of the site: no time, no device."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(meeting_answers)")}
    assert {"id", "meeting", "survey", "version", "answers", "date", "week"} == columns


@pytest.mark.parametrize("table", ["submissions", "sites", "meeting_answers", "meetings"])
def test_tables_keep_no_order_of_arrival(db, table):
    with pytest.raises(sqlite3.OperationalError, match="no such column: rowid"):
        db.execute(f"SELECT rowid FROM {table}")


def test_a_repeated_submission_is_stored_once(db):
    first = submission()
    assert storage.record_submission(db, first) is True
    assert storage.record_submission(db, submission(first.id, answer="no")) is False
    assert [first.answers_json] == [
        row["answers"] for row in storage.submissions_for_site(db, "waiting-room-a")
    ]


def test_a_stored_submission_has_its_date_and_week_and_nothing_else(db):
    stored = submission(site="youth-hub", answer="sometimes")
    storage.record_submission(db, stored)
    expected = {
        "id": stored.id,
        "site": "youth-hub",
        "survey": "child-evaluation",
        "version": 1,
        "answers": '{"safe":"sometimes","talk":"sometimes","team":"sometimes","ideas":"sometimes"}',
        "date": "2026-11-27",
        "week": "2026-W48",
    }
    assert [expected] == storage.submissions_for_site(db, "youth-hub")


def test_storage_refuses_answers_the_kiosk_does_not_offer(db):
    bad = Submission(
        new_submission_id(),
        "waiting-room-a",
        "child-evaluation",
        all_answers("maybe"),
        datetime.date(2026, 11, 27),
    )
    with pytest.raises(ValueError, match="must be yes, sometimes, no or skip"):
        storage.record_submission(db, bad)
    assert 0 == storage.count_submissions(db)


def test_storage_checks_answers_against_the_version_they_name_whatever_it_is_handed(db):
    """A caller may hand over the version it just read; another survey's is not taken."""
    adult = storage.latest_version(db, "adult-evaluation")
    child = Submission(
        new_submission_id(), "waiting-room-a", "child-evaluation", all_answers("yes"), DAY
    )
    assert storage.record_submission(db, child, adult) is True
    scale = {"satisfied": "1", "organised": "2", "contribute": "3", "included": "4"}
    wrong = Submission(new_submission_id(), "waiting-room-a", "child-evaluation", scale, DAY)
    with pytest.raises(ValueError, match="Unknown question"):
        storage.record_submission(db, wrong, adult)
    assert 1 == storage.count_submissions(db)


def test_a_committed_row_is_visible_to_another_connection(db, path):
    storage.record_submission(db, submission())
    other = sqlite3.connect(path)
    assert [(1,)] == other.execute("SELECT count(*) FROM submissions").fetchall()
    other.close()


CRASHING_WRITER = textwrap.dedent(
    """
    import datetime, os, sys
    from kiosk import storage
    from kiosk.surveys import Submission
    db = storage.open_database(sys.argv[1])
    answers = {"safe": "yes", "talk": "no", "team": "skip", "ideas": "sometimes"}
    day = datetime.date(2026, 11, 27)
    stored = storage.record_submission(
        db, Submission(sys.argv[2], "waiting-room-a", "child-evaluation", answers, day)
    )
    print(stored, flush=True)
    os._exit(0)  # no close, no checkpoint: as if the power went
    """
)


def test_an_acknowledged_row_survives_the_process_dying(path):
    submission_id = new_submission_id()
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, str(path), submission_id],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "True\n" == result.stdout
    # The row lives only in the write-ahead log: nothing checkpointed it.
    assert path.with_name("kiosk.db-wal").stat().st_size > 0
    reader = sqlite3.connect(path)
    assert [(submission_id, '{"safe":"yes","talk":"no","team":"skip","ideas":"sometimes"}')] == (
        reader.execute("SELECT id, answers FROM submissions").fetchall()
    )
    reader.close()


def open_when_all_are_ready(path, barrier) -> None:
    barrier.wait()
    storage.open_database(path).close()


@pytest.mark.parametrize("attempt", range(2))
def test_workers_starting_together_on_a_new_database_all_start(tmp_path, attempt):
    # gunicorn's workers each open the database as they boot; on a new
    # machine they all find it empty at the same moment.
    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(4)
    workers = [
        spawn.Process(target=open_when_all_are_ready, args=(tmp_path / "kiosk.db", barrier))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [0, 0, 0, 0] == [worker.exitcode for worker in workers]


def store_comment(db, day: datetime.date, concern: bool) -> str:
    comment_id = new_submission_id()
    comment = Comment(id=comment_id, site="waiting-room-a", topic=None, text="he hit me",
                      drawing=b"\x89PNG" + bytes(20_000), concern=concern,
                      receipt_hash=comment_id * 2, date=day)  # fmt: skip
    assert storage.record_comment(db, comment)
    return comment_id


def test_unreviewed_concerns_are_counted_by_week_oldest_first_hidden_ones_too(db):
    monday = datetime.date(2026, 11, 23)  # 2026-W48
    store_comment(db, monday, concern=True)
    storage.set_comment_hidden(db, store_comment(db, monday, concern=True), True)
    store_comment(db, monday - datetime.timedelta(weeks=1), concern=True)
    storage.set_comment_status(db, store_comment(db, monday, concern=True), "seen")
    store_comment(db, monday, concern=False)
    assert {"2026-W47": 1, "2026-W48": 2} == storage.unreviewed_concerns_by_week(db)
    assert ["2026-W47", "2026-W48"] == list(storage.unreviewed_concerns_by_week(db))


def test_counting_unreviewed_concerns_reads_an_index_not_the_drawings(db):
    # Every staff page runs this count; a scan of the table would read through
    # every drawing, hundreds of milliseconds with a few thousand of them.
    traced = []
    db.conn.set_trace_callback(traced.append)
    storage.unreviewed_concerns_by_week(db)
    db.conn.set_trace_callback(None)
    [plan] = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + traced[0]).fetchall()]
    assert "USING COVERING INDEX comments_unreviewed" in plan
