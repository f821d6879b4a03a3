"""What staff did lives in its own file, so no timed row sits beside an answer.

The reviewer's attack: the audit log's timed rows sat in the same -wal file and
pages as the answers, so each answer was bracketed by "signed in 13:14:07" and
"signed out 13:14:11". Now staff records go to kiosk-staff.db, and a file made
before that hands its staff records over when it is first opened.
"""

import re
import shutil
import sqlite3
from pathlib import Path

from kiosk import create_app, storage
from tests.conftest import MADE_BY_A640774, PASSWORD, form_token, make_account, make_config, sign_in

STAFF_TABLES = {"staff", "audit_log", "setup_links", "sessions", "sign_in_failures"}


def every_byte(path: Path) -> bytes:
    parts = [path, path.with_name(path.name + "-wal")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}


def test_a_file_made_before_hands_its_staff_records_over_and_keeps_every_answer(tmp_path):
    old = tmp_path / "kiosk.db"
    shutil.copy(MADE_BY_A640774, old)
    # So this could fail: the old file holds the timed audit rows and the account.
    assert b"signed in" in every_byte(old) and {"staff", "audit_log"} <= tables(old)

    app = create_app(make_config(tmp_path))
    db = storage.open_database(old)
    staff_db = storage.open_staff_database(storage.staff_path(old))
    assert 3 == storage.count_submissions(db)
    assert ["the fish tank is nice"] == [
        c["text"] for c in storage.comments_for_site(db, "youth-hub")
    ]
    assert [
        "signed out",
        "signed in",
        "account created on the command line",
    ] == [entry["action"] for entry in storage.audit_entries(staff_db)]
    assert storage.setup_link_is_valid(staff_db, "f" * 64, now=0)
    db.close()
    staff_db.close()
    # Nothing of the staff records is left in the answers file, in any page.
    assert set() == STAFF_TABLES & tables(old)
    assert b"signed in" not in every_byte(old)
    assert b"$argon2id$" not in every_byte(old)
    # The account moved with its password.
    client = app.test_client()
    assert 302 == sign_in(client, "sam", PASSWORD).status_code
    assert 200 == client.get("/admin/audit").status_code
    storage.close_thread_connections()


def test_opening_the_moved_file_again_adds_no_audit_line_twice(tmp_path):
    old = tmp_path / "kiosk.db"
    shutil.copy(MADE_BY_A640774, old)
    storage.open_database(old).close()
    # A crash after the copy and before the drop would run the move again.
    staff_db = storage.open_staff_database(storage.staff_path(old))
    assert 3 == len(storage.audit_entries(staff_db))
    staff_db.close()
    storage.open_database(old).close()
    staff_db = storage.open_staff_database(storage.staff_path(old))
    assert 3 == len(storage.audit_entries(staff_db))
    staff_db.close()


def test_a_busy_morning_leaves_no_staff_record_in_the_answers_files(app, client, kiosk_client):
    """Sign-ins, a wrong password, answers and sign-out: the answers file and its
    -wal file hold the answers and not one staff line."""
    # A name found in no survey's words: "sam" is in the Polish "Czasami" (sometimes).
    make_account(app, name="zebedee")
    sign_in(client, "zebedee", "not the password")
    sign_in(client, "zebedee")
    assert 201 == kiosk_client.submit().status_code
    token = form_token(client, "/admin/")
    assert 302 == client.post("/admin/sign-out", data={"csrf_token": token}).status_code
    answers_file = Path(app.config["DATABASE"])
    assert set() == STAFF_TABLES & tables(answers_file)
    for staff_words in (b"signed in", b"account created", b"$argon2id$", b"zebedee"):
        assert staff_words not in every_byte(answers_file)
    staff_file = storage.staff_path(answers_file)
    assert b"signed in" in every_byte(staff_file)
    assert STAFF_TABLES <= tables(staff_file)


def test_the_answers_file_keeps_no_time_of_day_even_of_its_own_migrations(app):
    answers_file = Path(app.config["DATABASE"])
    storage.open_database(answers_file).close()
    with sqlite3.connect(answers_file) as connection:
        applied = [
            row[0] for row in connection.execute("SELECT applied_at FROM _sqlite_migrations")
        ]
    assert applied and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", when) for when in applied)
