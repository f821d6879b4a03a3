"""The daily tidy runs by itself at DAILY_TIDY_TIME, once, however many workers look."""

import datetime
import os
import threading

import pytest

from kiosk import create_app, storage
from kiosk.app import schedule
from tests.conftest import make_config

MORNING = datetime.datetime(2026, 11, 30, 3, 29)


def tidy_lines(staff_db) -> int:
    return sum(e["action"].startswith("purged") for e in storage.audit_entries(staff_db))


def tidied(app, now) -> bool:
    return "daily-tidy" in schedule.run_due_jobs(app, now)


def test_the_tidy_runs_once_its_time_has_come_and_not_again_that_day(app, staff_db):
    # A new server runs it at once: it has never run.
    assert tidied(app, MORNING)
    assert not tidied(app, MORNING + datetime.timedelta(seconds=30))
    # At 03:30 it is due again; then not until tomorrow's 03:30.
    assert tidied(app, MORNING.replace(minute=31))
    assert not tidied(app, MORNING.replace(hour=23))
    assert not tidied(app, MORNING + datetime.timedelta(days=1))
    assert tidied(app, MORNING + datetime.timedelta(days=1, minutes=1))
    assert 3 == tidy_lines(staff_db)


def test_a_server_that_was_off_at_the_time_tidies_when_it_starts(app):
    schedule.run_due_jobs(app, MORNING.replace(minute=31))
    # Off for two days: the first look after starting again runs it.
    assert tidied(app, MORNING + datetime.timedelta(days=2, hours=9))


def test_two_workers_looking_at_once_run_it_once(app, staff_db):
    ran = []
    start = threading.Barrier(4)

    def look():
        start.wait()
        ran.extend(schedule.run_due_jobs(app, MORNING.replace(minute=45)))

    workers = [threading.Thread(target=look) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert ["daily-tidy"] == [name for name in ran if name == "daily-tidy"]
    assert 1 == tidy_lines(staff_db)


def test_the_tidy_empties_the_answers_wal_file(app, kiosk_client):
    assert 201 == kiosk_client.submit().status_code
    wal = f"{app.config['DATABASE']}-wal"
    assert os.path.getsize(wal) > 0
    schedule.run_due_jobs(app, MORNING)
    assert 0 == os.path.getsize(wal)


@pytest.mark.parametrize(
    ("times", "now", "due"),
    [
        (["03:30"], "2026-11-30T03:30", "2026-11-30T03:30"),
        (["03:30"], "2026-11-30T03:29", "2026-11-29T03:30"),
        (["09:00", "13:00", "16:00"], "2026-11-30T14:00", "2026-11-30T13:00"),
        (["09:00", "13:00", "16:00"], "2026-11-30T08:00", "2026-11-29T16:00"),
    ],
)
def test_the_latest_time_due(times, now, due):
    moments = schedule.times_of_day(times)
    assert datetime.datetime.fromisoformat(due) == schedule.latest_due(
        moments, datetime.datetime.fromisoformat(now)
    )


@pytest.mark.parametrize(
    ("day", "now", "due"),
    [
        ("Monday", "2026-11-30T08:00", "2026-11-30T08:00"),
        ("Monday", "2026-11-30T07:59", "2026-11-23T08:00"),
        ("monday", "2026-12-06T23:59", "2026-11-30T08:00"),
        (" Wednesday ", "2026-11-30T09:00", "2026-11-25T08:00"),
        ("Sunday", "2026-12-06T08:01", "2026-12-06T08:00"),
    ],
)
def test_the_latest_time_due_on_a_day_of_the_week(day, now, due):
    moments = schedule.times_of_day("08:00")
    assert datetime.datetime.fromisoformat(due) == schedule.latest_due(
        moments, datetime.datetime.fromisoformat(now), schedule.day_of_week(day)
    )


@pytest.mark.parametrize("value", ["25:00", "half past three", [], "3.30"])
def test_a_time_that_is_not_a_time_of_day_stops_the_start(tmp_path, value):
    with pytest.raises(ValueError):
        create_app(make_config(tmp_path, DAILY_TIDY_TIME=value))


def test_the_tidy_forgets_wrong_passwords_and_sessions_a_day_old(app, staff_db):
    day_ago = datetime.datetime.now().timestamp() - 25 * 3600
    staff_db.execute(
        "INSERT INTO sign_in_failures (key, failures, last_failed_at) VALUES ('sender:old', 9, ?),"
        " ('sender:new', 2, ?)",
        (day_ago, day_ago + 24 * 3600),
    )
    staff_db.execute(
        "INSERT INTO sessions (id_hash, staff, signed_in_at, seen_at) VALUES ('gone', 'sam', ?, ?)",
        (day_ago, day_ago),
    )
    schedule.run_due_jobs(app, MORNING)
    assert ["sender:new"] == [
        row[0] for row in staff_db.execute("SELECT key FROM sign_in_failures")
    ]
    assert [] == staff_db.execute("SELECT * FROM sessions").fetchall()
