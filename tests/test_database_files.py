"""The database files as someone who copies them would read them: raw pages,
the -wal file, and who may open them."""

import datetime
import os
import random
import sqlite3
import stat
import threading

import pytest

from kiosk import create_app, storage
from kiosk.feedback import receipt_codes
from kiosk.feedback.comments import Comment
from kiosk.surveys import Submission
from tests.conftest import KioskClient, all_answers, make_config, new_submission_id

DAY = datetime.date(2026, 11, 25)


def submission(submission_id: str, answer: str = "yes") -> Submission:
    return Submission(
        id=submission_id,
        site="waiting-room-a",
        survey="child-evaluation",
        answers=all_answers(answer),
        date=DAY,
    )


def comment(text: str, site: str = "youth-hub") -> Comment:
    return Comment(
        id=new_submission_id(),
        site=site,
        topic=None,
        text=text,
        drawing=None,
        concern=False,
        receipt_hash=receipt_codes.new_receipt_code(),
        date=DAY,
    )


def files_bytes(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}


def pages_of(path, page_size: int = 4096) -> bytes:
    """The file past its 100-byte header, which counts changes and would differ."""
    return path.read_bytes()[100:]


# Arrival order


def a_morning(path, ids: list[str]) -> None:
    """Children's answers arriving one by one in this order (each id's answers the same)."""
    db = storage.open_database(path)
    for submission_id in ids:
        storage.record_submission(
            db, submission(submission_id, "yes" if submission_id < "8" else "no")
        )
    db.close()


def test_after_the_tidy_the_files_do_not_depend_on_the_order_children_answered(tmp_path):
    ids = sorted(new_submission_id() for _ in range(60))
    first, second = list(ids), list(ids)
    random.Random(1).shuffle(first)
    random.Random(2).shuffle(second)
    # Two copies of one new file (so even the migrations' own records match),
    # then the same answers arriving in two different orders.
    empty = tmp_path / "empty.db"
    storage.open_database(empty).close()
    paths = [tmp_path / "one.db", tmp_path / "two.db"]
    for path, order in zip(paths, (first, second), strict=True):
        path.write_bytes(empty.read_bytes())
        a_morning(path, order)
    # So this could fail: before the tidy, where the rows sit gives the order away.
    for path in paths:
        db = storage.open_database(path)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    assert pages_of(paths[0]) != pages_of(paths[1])

    for path in paths:
        db = storage.open_database(path)
        assert storage.rewrite_in_key_order(db)
        assert 0 == os.path.getsize(f"{path}-wal")
        db.close()
    # Same answers, any arrival order: the same bytes.
    assert pages_of(paths[0]) == pages_of(paths[1])


def test_the_purge_command_does_the_tidy_too(app, db):
    ids = [new_submission_id() for _ in range(10)]
    for submission_id in ids:
        storage.record_submission(db, submission(submission_id))
    assert 0 == app.test_cli_runner().invoke(args=["purge"]).exit_code
    assert 0 == os.path.getsize(f"{app.config['DATABASE']}-wal")


# Words taken back, deleted or purged


WORDS = {"withdrawn": "zebrataken", "deleted": "pelicangone", "purged": "walrusold"}


def test_words_taken_back_deleted_or_purged_are_in_no_file_of_the_folder(tmp_path):
    app = create_app(make_config(tmp_path))
    db = storage.open_database(app.config["DATABASE"])
    receipt = receipt_codes.new_receipt_code()
    taken_back = comment(WORDS["withdrawn"])
    taken_back = Comment(**{**taken_back.__dict__, "receipt_hash": receipt})
    deleted = comment(WORDS["deleted"])
    old = Comment(**{**comment(WORDS["purged"]).__dict__, "date": DAY.replace(year=2020)})
    for each in (taken_back, deleted, old):
        assert storage.record_comment(db, each)
    # So this could fail: the words are in the folder's files now.
    everything = b"".join(files_bytes(tmp_path).values())
    assert all(word.encode() in everything for word in WORDS.values())

    assert storage.withdraw_comment(db, receipt, DAY)
    assert storage.delete_comment(db, deleted.id)
    assert 1 == storage.purge_old(db, datetime.date(2026, 11, 30), 365).comments
    for name, content in files_bytes(tmp_path).items():
        for word in WORDS.values():
            assert word.encode() not in content, f"{word} is still in {name}"
    db.close()
    storage.close_thread_connections()


# Who may read the files


@pytest.fixture
def open_umask():
    before = os.umask(0)
    yield
    os.umask(before)


def test_the_folder_and_every_file_are_private_whatever_the_umask(tmp_path, open_umask):
    folder = tmp_path / "instance"
    app = create_app(make_config(tmp_path, DATABASE=str(folder / "kiosk.db")))
    assert 201 == KioskClient(app.test_client()).submit().status_code
    names = sorted(path.name for path in folder.iterdir())
    # So this could fail: both files exist, and the answers' -wal and -shm files.
    assert {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm", "kiosk-staff.db"} <= set(names)
    assert 0o700 == stat.S_IMODE(folder.stat().st_mode)
    assert {name: 0o600 for name in names} == {
        path.name: stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()
    }
    storage.close_thread_connections()


def test_files_made_readable_before_are_made_private_at_start(tmp_path):
    path = tmp_path / "kiosk.db"
    storage.open_database(path).close()
    os.chmod(path, 0o644)
    storage.open_database(path).close()
    assert 0o600 == stat.S_IMODE(path.stat().st_mode)


# A write that fails at COMMIT


def deferred_check(db) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("CREATE TABLE IF NOT EXISTS parent (id INTEGER PRIMARY KEY)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS child (parent INTEGER"
        " REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)"
    )


def test_a_failed_commit_leaves_the_kept_connection_able_to_write(tmp_path):
    path = tmp_path / "kiosk.db"
    first, second = storage.open_database(path), storage.open_database(path)
    deferred_check(first)
    with pytest.raises(sqlite3.IntegrityError), storage.writing(first):
        # Only checked at COMMIT: a child row whose parent does not exist.
        first.execute("INSERT INTO child (parent) VALUES (42)")
    # The lock was let go: the other worker writes, and so does this one.
    assert storage.record_submission(second, submission(new_submission_id()))
    assert storage.record_submission(first, submission(new_submission_id()))
    assert 2 == storage.count_submissions(second)
    assert 0 == first.execute("SELECT count(*) FROM child").fetchone()[0]
    first.close()
    second.close()


def test_emptying_the_wal_waits_for_a_reader_of_the_other_worker(tmp_path):
    path = tmp_path / "kiosk.db"
    writer = storage.open_database(path)
    storage.record_submission(writer, submission(new_submission_id()))
    reading, done = threading.Event(), threading.Event()

    def read_for_a_moment():
        reader = storage.open_database(path)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM submissions").fetchone()
        reading.set()
        done.wait(0.2)
        reader.execute("COMMIT")
        reader.close()

    other_worker = threading.Thread(target=read_for_a_moment)
    other_worker.start()
    reading.wait()
    assert storage.empty_the_wal(writer)
    other_worker.join()
    assert 0 == os.path.getsize(f"{path}-wal")
    writer.close()


def test_a_send_while_the_file_is_busy_for_long_gets_a_503_and_can_send_again(app, kiosk_client):
    """The daily tidy of a big file holds the write lock for seconds: a Send that
    waits longer than a write waits is told to try again, and nothing is lost."""
    other = storage.open_database(app.config["DATABASE"])
    other.execute("BEGIN IMMEDIATE")
    body = {"id": new_submission_id(), "answers": all_answers()}
    busy = kiosk_client.submit(body=body)
    other.execute("ROLLBACK")
    other.close()
    assert (503, "error") == (busy.status_code, busy.get_json()["status"])
    assert "30" == busy.headers["Retry-After"]
    assert 201 == kiosk_client.submit(body=body).status_code
