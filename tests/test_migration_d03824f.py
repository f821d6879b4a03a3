"""Migration 0015 (the index that finds tagged comments) on the answers file the
code at d03824f made: `flask --app kiosk demo-data --weeks 4`, then a group, a
meeting with 4 answers and a "You said, we did" entry through its own storage
functions. That code had 0014 without the index (it was added to 0014 later,
and is now a migration of its own): every row is still there, word for word;
the index is made, once; and the principles page's query uses it."""

import datetime
import shutil
from pathlib import Path

import pytest

from kiosk import storage
from tests.test_migration_9c630c0 import every_row, raw

MADE_BY_D03824F = Path(__file__).parent / "data" / "kiosk-d03824f.db"
INDEX = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'comments_tagged'"


@pytest.fixture
def old_file(tmp_path):
    answers = tmp_path / "kiosk.db"
    shutil.copy(MADE_BY_D03824F, answers)
    return answers


def test_the_fixture_is_what_d03824f_made(old_file):
    assert [("0014_co_production",)] == raw(
        old_file, "SELECT name FROM _sqlite_migrations ORDER BY name DESC LIMIT 1"
    )
    assert [(0,)] == raw(old_file, INDEX)
    assert [(237,)] == raw(old_file, "SELECT count(*) FROM submissions")
    assert [(29,)] == raw(old_file, "SELECT count(*) FROM comments")
    assert [(4,)] == raw(old_file, "SELECT count(*) FROM meeting_answers")
    assert [(1,)] == raw(old_file, "SELECT count(*) FROM you_said_we_did")


def test_every_row_is_kept_word_for_word_and_the_index_is_made_once(old_file):
    before = every_row(old_file)
    storage.open_database(old_file).close()
    storage.open_database(old_file).close()
    assert every_row(old_file) == before
    assert [(1,)] == raw(old_file, INDEX)
    assert [(1,)] == raw(
        old_file,
        "SELECT count(*) FROM _sqlite_migrations WHERE name = '0015_tagged_comments_index'",
    )


def test_tagged_comments_are_found_through_the_index(old_file):
    db = storage.open_database(old_file)
    [comment] = list(db.query("SELECT id FROM comments ORDER BY id LIMIT 1"))
    storage.set_principles(db, "comment", comment["id"], ["choice"])
    today = datetime.date.today()
    assert [comment["id"]] == [c["id"] for c in storage.tagged_comments(db, None, today)]
    plan = " ".join(
        row[-1]
        for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM comments WHERE principles != '' AND hidden = 0"
        ).fetchall()
    )
    assert "comments_tagged" in plan
    db.close()
