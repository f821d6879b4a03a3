"""Migrations 0013 (answers file: the service's logo) and staff 0009 (the day a
tablet's answers last arrived) on the two files the code at a0fbcf4 made
(`flask --app kiosk demo-data --weeks 4`, two tablets set up, one account):
every row is still there, word for word, and each migration runs once."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk import storage

MADE_BY_A0FBCF4 = Path(__file__).parent / "data" / "kiosk-a0fbcf4.db"


def raw(path, sql, args=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


def every_row(path) -> dict[str, list]:
    """Each table's rows, in one order, with only the columns it had before."""
    tables = [
        name
        for (name,) in raw(path, "SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    ]
    return {
        table: sorted(raw(path, f"SELECT * FROM [{table}]"), key=repr)  # noqa: S608
        for table in tables
    }


def columns(path, table) -> list[str]:
    return [row[1] for row in raw(path, f"PRAGMA table_info([{table}])")]


@pytest.fixture
def old_files(tmp_path):
    answers = tmp_path / "kiosk.db"
    shutil.copy(MADE_BY_A0FBCF4, answers)
    shutil.copy(storage.staff_path(MADE_BY_A0FBCF4), storage.staff_path(answers))
    return answers, storage.staff_path(answers)


def open_both(answers):
    storage.open_database(answers).close()
    storage.open_staff_database(storage.staff_path(answers)).close()


def test_the_fixture_is_what_a0fbcf4_made(old_files):
    answers, staff = old_files
    assert [(291,)] == raw(answers, "SELECT count(*) FROM submissions")
    assert [(29,)] == raw(answers, "SELECT count(*) FROM comments")
    assert [("0012_site_languages",)] == raw(
        answers, "SELECT name FROM _sqlite_migrations ORDER BY name DESC LIMIT 1"
    )
    assert [(2,)] == raw(staff, "SELECT count(*) FROM tablets")
    assert "last_answers_on" not in columns(staff, "tablets")


def test_every_row_is_kept_word_for_word(old_files):
    answers, staff = old_files
    before = {path: every_row(path) for path in old_files}
    open_both(answers)
    after = {path: every_row(path) for path in old_files}
    for path in old_files:
        for table, rows in before[path].items():
            if table == "_sqlite_migrations":
                continue
            if table in ("tablets", "comments", "you_said_we_did"):  # one new column, at the end
                rows_after = [row[:-1] for row in after[path][table]]
                assert rows == sorted(rows_after, key=repr)
            else:
                assert rows == after[path][table], table
    assert [(None, 2)] == raw(staff, "SELECT last_answers_on, count(*) FROM tablets GROUP BY 1")
    assert [(0,)] == raw(answers, "SELECT count(*) FROM service_logo")


def test_the_tablets_still_work_and_show_no_answers_yet(old_files):
    answers, staff = old_files
    open_both(answers)
    staff_db = storage.open_staff_database(staff)
    try:
        tablets = storage.working_tablets(staff_db)
    finally:
        staff_db.close()
    assert [("waiting-room-a", "By the door", None), ("youth-hub", "", None)] == [
        (t["site"], t["name"], t["last_answers_on"]) for t in tablets
    ]


def test_each_migration_runs_once(old_files):
    answers, staff = old_files
    open_both(answers)
    open_both(answers)
    assert [(1,)] == raw(
        answers, "SELECT count(*) FROM _sqlite_migrations WHERE name = '0013_service_logo'"
    )
    assert [(1,)] == raw(
        staff, "SELECT count(*) FROM _sqlite_migrations WHERE name = '0009_tablet_last_answers'"
    )
    # Still dates only in the answers file.
    assert all(len(at) == 10 for (at,) in raw(answers, "SELECT applied_at FROM _sqlite_migrations"))
