"""Retention: what is older than RETENTION_DAYS is deleted by `flask purge` and at
start, exactly that and nothing else, with the words really gone from the file."""

import datetime
import secrets

import pytest

from kiosk import create_app, storage
from kiosk.feedback import receipt_codes
from kiosk.feedback.comments import Comment
from kiosk.surveys import Submission
from tests.conftest import all_answers, make_config


def days_ago(days: int) -> datetime.date:
    return datetime.date.today() - datetime.timedelta(days=days)


def store_submission(db, day: datetime.date) -> str:
    submission = Submission(
        secrets.token_hex(16), "waiting-room-a", "child-evaluation", all_answers(), day
    )
    assert storage.record_submission(db, submission)
    return submission.id


def store_comment(db, day: datetime.date, text: str) -> str:
    receipt = receipt_codes.hash_receipt_code(receipt_codes.new_receipt_code(), "test-secret")
    comment = Comment(secrets.token_hex(16), "youth-hub", None, text, None, False, receipt, day)
    assert storage.record_comment(db, comment)
    return comment.id


def store_withdrawn(db, day: datetime.date, text: str) -> str:
    """A comment taken back on its own day: only its id and date stay."""
    code = receipt_codes.new_receipt_code()
    receipt = receipt_codes.hash_receipt_code(code, "test-secret")
    comment = Comment(secrets.token_hex(16), "youth-hub", None, text, None, False, receipt, day)
    assert storage.record_comment(db, comment)
    assert storage.withdraw_comment(db, receipt, day)
    return comment.id


def kept_dates(db) -> dict[str, list[str]]:
    return {
        table: sorted(row["date"] for row in db.query(f"SELECT date FROM {table}"))  # noqa: S608
        for table in ("submissions", "comments", "withdrawn")
    }


@pytest.fixture
def old_and_new(db):
    """Rows on both sides of the boundary: with 365 days, 365 days ago is kept."""
    for days in (0, 30, 364, 365, 366, 400, 800):
        store_submission(db, days_ago(days))
    for days in (10, 365, 366):
        store_comment(db, days_ago(days), f"made up words {days}")
    for days in (365, 366):
        store_withdrawn(db, days_ago(days), "taken back")
    return db


def test_purge_deletes_exactly_what_is_older_than_retention_days(app, old_and_new):
    result = app.test_cli_runner().invoke(args=["purge"])
    assert 0 == result.exit_code, result.output
    assert (
        f"Deleted 3 submissions, 1 comments and 1 taken-back ids dated before"
        f" {days_ago(365).isoformat()} (RETENTION_DAYS is 365).\n"
    ) == result.output
    kept = [days_ago(d).isoformat() for d in (365, 364, 30, 0)]
    assert {
        "submissions": kept,
        "comments": [days_ago(365).isoformat(), days_ago(10).isoformat()],
        "withdrawn": [days_ago(365).isoformat()],
    } == kept_dates(old_and_new)


def test_purge_is_audited_as_the_system(app, old_and_new, staff_db):
    app.test_cli_runner().invoke(args=["purge"])
    entry = storage.audit_entries(staff_db)[0]
    assert ("system", "purged 3 old submissions") == (entry["staff"], entry["action"])
    assert entry["detail"].startswith("flask purge: 1 comments and 1 taken-back ids too;")
    # Run again: nothing left to delete, but the daily job still leaves its line.
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.output.startswith("Deleted 0 submissions, 0 comments and 0 taken-back ids")
    assert "purged 0 old submissions" == storage.audit_entries(staff_db)[0]["action"]


def test_a_shorter_retention_deletes_more(tmp_path, old_and_new, today):
    app = create_app(make_config(tmp_path, RETENTION_DAYS=30))
    assert {
        "submissions": [days_ago(30).isoformat(), today.isoformat()],
        "comments": [days_ago(10).isoformat()],
        "withdrawn": [],
    } == kept_dates(old_and_new)
    # The command, run on this app, counts what its own start deleted too.
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.output.startswith("Deleted 5 submissions, 2 comments and 2 taken-back ids")
    storage.close_thread_connections()


def test_the_app_purges_when_it_starts_and_audits_it(tmp_path, old_and_new, staff_db):
    create_app(make_config(tmp_path))
    assert 4 == storage.count_submissions(old_and_new)
    entry = storage.audit_entries(staff_db)[0]
    assert ("system", "purged 3 old submissions") == (entry["staff"], entry["action"])
    assert entry["detail"].startswith("at start:")
    # A start with nothing to delete writes nothing: every worker starts the app.
    create_app(make_config(tmp_path))
    assert 1 == len(storage.audit_entries(staff_db))


def test_purged_words_are_gone_from_the_file(app, db, tmp_path):
    store_comment(db, days_ago(400), "purplemonkeydishwasher")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"purplemonkeydishwasher" in (tmp_path / "kiosk.db").read_bytes()
    app.test_cli_runner().invoke(args=["purge"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for name in ("kiosk.db", "kiosk.db-wal"):
        assert b"purplemonkeydishwasher" not in (tmp_path / name).read_bytes()


def test_retention_of_less_than_a_day_is_refused(db, today):
    with pytest.raises(ValueError, match="at least 1"):
        storage.purge_old(db, today, 0)


def test_purging_in_small_batches_deletes_the_same_rows(old_and_new, today):
    purged = storage.purge_old(old_and_new, today, 365, batch=2)
    assert (3, 1, 1) == (purged.submissions, purged.comments, purged.withdrawn)
    assert 4 == storage.count_submissions(old_and_new)


def test_a_purge_with_nothing_old_never_waits_for_a_kiosk_that_is_writing(tmp_path, today):
    # Every worker purges when it starts. While nothing is old, that must not
    # need the write lock, or a start would queue behind (and ahead of) Sends.
    db = storage.open_database(tmp_path / "kiosk.db")
    store_submission(db, today)
    writer = storage.open_database(tmp_path / "kiosk.db")
    writer.execute("BEGIN IMMEDIATE")
    try:
        purged = storage.purge_old(db, today, 365)
    finally:
        writer.execute("ROLLBACK")
    assert (0, 0, 0) == (purged.submissions, purged.comments, purged.withdrawn)
