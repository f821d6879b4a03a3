"""Migration 0010 on a file made by the code before surveys were data: every
answer becomes child-evaluation version 1, and nothing is lost or changed."""

import shutil
import sqlite3

import pytest

from kiosk import storage
from tests.conftest import MADE_BY_729C3B5


def raw(path, sql):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "kiosk.db"
    shutil.copy(MADE_BY_729C3B5, path)
    return path


def test_the_old_answers_become_the_child_evaluations_first_version(old_file):
    before = raw(old_file, "SELECT id, site, answers, date, week FROM submissions ORDER BY id")
    assert 216 == len(before)
    assert [("child", 216)] == raw(old_file, "SELECT survey, count(*) FROM submissions GROUP BY 1")
    db = storage.open_database(old_file)
    db.close()
    after = raw(old_file, "SELECT id, site, answers, date, week FROM submissions ORDER BY id")
    assert before == after
    assert [("child-evaluation", 1, 216)] == raw(
        old_file, "SELECT survey, version, count(*) FROM submissions GROUP BY 1, 2"
    )


def test_the_weekly_counts_are_the_same_before_and_after(old_file):
    sql = "SELECT week, site, answers, count(*) FROM submissions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    before = raw(old_file, sql)
    db = storage.open_database(old_file)
    try:
        weeks = sorted({week for week, *_ in before})
        counts = storage.answer_counts(db, weeks)
    finally:
        db.close()
    assert before == raw(old_file, sql)
    for week in weeks:
        assert sum(n for w, _, _, n in before if w == week) == counts[week]["responses"]


def test_every_comment_and_drawing_is_kept_with_no_survey(old_file):
    columns = (
        "id, site, topic, text, drawing, concern, status, hidden, receipt_hash, date, week,"
        " alerted, acknowledged_by, acknowledged_on, acknowledgement"
    )
    before = raw(old_file, f"SELECT {columns} FROM comments ORDER BY id")  # noqa: S608
    assert 24 == len(before) and 2 == sum(1 for row in before if row[4])
    db = storage.open_database(old_file)
    db.close()
    assert before == raw(old_file, f"SELECT {columns} FROM comments ORDER BY id")  # noqa: S608
    assert [(None, None, None)] == raw(
        old_file, "SELECT DISTINCT survey, version, question FROM comments"
    )
    # Still no order of arrival: the copied table has no rowid either.
    with pytest.raises(sqlite3.OperationalError, match="no such column: rowid"):
        raw(old_file, "SELECT rowid FROM comments")


def test_the_built_in_surveys_are_there_word_for_word(old_file):
    db = storage.open_database(old_file)
    try:
        child = storage.latest_version(db, "child-evaluation")
        adult = storage.latest_version(db, "adult-evaluation")
        sites = storage.list_sites(db)
    finally:
        db.close()
    assert (1, 1) == (child.version, adult.version)
    assert [
        "Do you feel safe during our meetings?",
        "Do you get a chance to talk?",
        "Do you feel part of the team?",
        "Are your ideas helping to change things?",
    ] == [q.text for q in child.questions]
    assert {"child-evaluation"} == {site["kiosk_survey"] for site in sites}
    assert ["Always", "Often", "Sometimes", "Rarely", "Never"] == list(adult.questions[2].options)


def test_the_migration_runs_once(old_file):
    storage.open_database(old_file).close()
    storage.open_database(old_file).close()
    assert [(2,)] == raw(old_file, "SELECT count(*) FROM survey_versions")
