"""Backups: `flask --app kiosk backup PATH` while gunicorn takes answers, and
`restore PATH`, which checks first and overwrites a database only when told."""

import contextlib
import http.client
import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import create_app, storage
from tests.conftest import (
    all_answers,
    bearer,
    immutable,
    make_config,
    new_submission_id,
    running_gunicorn,
    tablet_token,
)

SITE = "waiting-room-a"


def stored_ids(path) -> set[str]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
        return {row[0] for row in copy.execute("SELECT id FROM submissions")}


class Tablets:
    """Threads sending kiosk submissions to a real server, each noting when its
    201 arrived (time.monotonic), until stopped."""

    def __init__(self, port: int, token: str, threads: int = 3):
        self.port, self.token = port, token
        self.acknowledged: list[tuple[float, str]] = []
        self.problems: list[int] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.send) for _ in range(threads)]

    def send(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Content-Type": "application/json", **bearer(self.token)}
        while not self.stop.is_set():
            body = {"id": new_submission_id(), "answers": all_answers()}
            connection.request("POST", f"/kiosk/{SITE}/submissions", json.dumps(body), headers)
            response = connection.getresponse()
            response.read()
            if response.status == 201:
                self.acknowledged.append((time.monotonic(), body["id"]))
            else:
                self.problems.append(response.status)
        connection.close()

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(60)

    def wait_for(self, count: int):
        deadline = time.monotonic() + 60
        while len(self.acknowledged) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(self.acknowledged) >= count, "the server took too few answers"


def test_a_backup_under_load_holds_every_answer_acknowledged_before_it_began(tmp_path):
    server_folder, backup_folder = tmp_path / "server", tmp_path / "backups" / "2026-11-30"
    server_folder.mkdir()
    database = server_folder / "kiosk.db"
    # The same settings file as the server, as the command on a real server uses.
    config = make_config(server_folder, TABLET_RATE_LIMIT="100000 per hour")
    with running_gunicorn(server_folder, KIOSK_TABLET_RATE_LIMIT="100000 per hour") as port:
        with Tablets(port, tablet_token(str(database))) as tablets:
            tablets.wait_for(150)
            began = time.monotonic()
            result = (
                create_app(config).test_cli_runner().invoke(args=["backup", str(backup_folder)])
            )
            tablets.wait_for(len(tablets.acknowledged) + 150)
        storage.close_thread_connections()

    assert 0 == result.exit_code, result.output
    assert f"{backup_folder / 'kiosk.db'}" in result.output
    assert f"{backup_folder / 'kiosk-staff.db'}" in result.output
    assert [] == tablets.problems
    before = {id for at, id in tablets.acknowledged if at < began}
    after = {id for at, id in tablets.acknowledged if at > began}
    # So this could fail: answers were still arriving while the copy was made.
    assert before and after
    copied = stored_ids(backup_folder / "kiosk.db")
    assert before <= copied
    assert copied <= before | after
    for copy in ("kiosk.db", "kiosk-staff.db"):
        assert [] == storage.integrity_problems(backup_folder / copy)
    # The copy of the staff file has the tablet, so a restored kiosk keeps working.
    with contextlib.closing(sqlite3.connect(backup_folder / "kiosk-staff.db")) as staff_copy:
        assert 1 == staff_copy.execute("SELECT count(*) FROM tablets").fetchone()[0]
    assert stored_ids(database) == before | after


def backup_of(app, folder):
    return app.test_cli_runner().invoke(args=["backup", str(folder)])


def restore(app, folder, *options):
    return app.test_cli_runner().invoke(args=["restore", str(folder), *options])


def test_a_restore_puts_back_exactly_what_was_backed_up(app, kiosk_client, tmp_path):
    kept = [kiosk_client.submit().status_code for _ in range(3)]
    assert [201] * 3 == kept
    assert 0 == backup_of(app, tmp_path / "backup").exit_code
    assert 201 == kiosk_client.submit().status_code

    # As on the command line: the app started again, on the database in use.
    again = create_app(app.config)
    result = restore(again, tmp_path / "backup", "--replace")

    assert 0 == result.exit_code, result.output
    assert "Restored" in result.output
    assert 3 == len(stored_ids(app.config["DATABASE"]))
    # The server's own connection sees the restored file, and takes answers again.
    assert 201 == kiosk_client.submit().status_code
    assert 4 == len(stored_ids(app.config["DATABASE"]))


def test_a_restore_onto_a_new_server_needs_no_replace(app, kiosk_client, tmp_path):
    assert 201 == kiosk_client.submit().status_code
    assert 0 == backup_of(app, tmp_path / "backup").exit_code

    new_server = create_app(make_config(tmp_path / "new-server"))
    result = restore(new_server, tmp_path / "backup")

    assert 0 == result.exit_code, result.output
    new_database = new_server.config["DATABASE"]
    assert 1 == len(stored_ids(new_database))
    # The tablet set up before is set up on the new server too.
    token = kiosk_client.token_for(SITE)
    response = new_server.test_client().post(
        f"/kiosk/{SITE}/submissions",
        json={"id": new_submission_id(), "answers": all_answers()},
        headers=bearer(token),
    )
    assert 201 == response.status_code


def test_a_restore_refuses_a_database_in_use_without_replace(app, kiosk_client, tmp_path):
    assert 201 == kiosk_client.submit().status_code
    assert 0 == backup_of(app, tmp_path / "backup").exit_code
    assert 201 == kiosk_client.submit().status_code

    result = restore(create_app(app.config), tmp_path / "backup")

    assert 2 == result.exit_code
    assert "Nothing was restored" in result.output
    assert "--replace" in result.output
    assert 2 == len(stored_ids(app.config["DATABASE"]))


def test_a_restore_that_cannot_write_says_so_and_what_it_restored(app, kiosk_client, tmp_path):
    assert 201 == kiosk_client.submit().status_code
    assert 0 == backup_of(app, tmp_path / "backup").exit_code
    assert 201 == kiosk_client.submit().status_code

    again = create_app(app.config)
    with immutable(app.config["DATABASE"]):
        result = restore(again, tmp_path / "backup", "--replace")

    assert 1 == result.exit_code
    assert "The restore stopped. Restored: nothing." in result.output
    assert 2 == len(stored_ids(app.config["DATABASE"]))


def junk_backup(folder, app, problem):
    """A folder that is not a good backup, made from a good one."""
    assert 0 == backup_of(app, folder).exit_code
    if problem == "junk answers file":
        (folder / "kiosk.db").write_bytes(b"not a database at all " * 100)
    elif problem == "cut short":
        data = (folder / "kiosk.db").read_bytes()
        (folder / "kiosk.db").write_bytes(data[: len(data) // 2])
    elif problem == "no staff file":
        (folder / "kiosk-staff.db").unlink()
    elif problem == "files swapped":
        answers = (folder / "kiosk.db").read_bytes()
        (folder / "kiosk.db").write_bytes((folder / "kiosk-staff.db").read_bytes())
        (folder / "kiosk-staff.db").write_bytes(answers)
    elif problem == "another app's database":
        (folder / "kiosk.db").unlink()
        with sqlite3.connect(folder / "kiosk.db") as other:
            other.execute("CREATE TABLE notes (text)")
    elif problem == "a file, not a folder":
        return folder / "kiosk.db"
    elif problem == "no such folder":
        return folder / "nothing-here"
    return folder


@pytest.mark.parametrize(
    "problem",
    [
        "junk answers file",
        "cut short",
        "no staff file",
        "files swapped",
        "another app's database",
        "a file, not a folder",
        "no such folder",
    ],
)
def test_a_folder_that_is_not_a_good_backup_changes_nothing(app, kiosk_client, tmp_path, problem):
    assert 201 == kiosk_client.submit().status_code
    folder = junk_backup(tmp_path / "backup", app, problem)
    database = app.config["DATABASE"]
    before = stored_ids(database)

    result = restore(create_app(app.config), folder, "--replace")

    assert 2 == result.exit_code, result.output
    assert "Nothing was restored" in result.output
    assert before == stored_ids(database)
    assert 201 == kiosk_client.submit().status_code


SQLITE_HEADER = b"SQLite format 3\x00"


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    junk=st.one_of(
        st.binary(max_size=8192),
        st.binary(min_size=84, max_size=8192).map(lambda tail: SQLITE_HEADER + tail),
    )
)
def test_any_junk_in_place_of_a_copy_is_refused(app, kiosk_client, tmp_path_factory, junk):
    if not stored_ids(app.config["DATABASE"]):
        assert 201 == kiosk_client.submit().status_code
    folder = tmp_path_factory.mktemp("backup")
    assert 0 == backup_of(app, folder).exit_code
    (folder / "kiosk.db").write_bytes(junk)
    before = stored_ids(app.config["DATABASE"])

    result = restore(create_app(app.config), folder, "--replace")

    assert (2, "Nothing was restored") == (result.exit_code, result.output[:20])
    assert before == stored_ids(app.config["DATABASE"])


def test_a_backup_is_private_to_the_account_that_runs_the_app(app, tmp_path):
    folder = tmp_path / "backup"
    assert 0 == backup_of(app, folder).exit_code
    assert 0o700 == folder.stat().st_mode & 0o777
    for copy in folder.iterdir():
        assert 0o600 == copy.stat().st_mode & 0o777


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_the_database_s_own_folder_is_never_a_backup(app, kiosk_client, command):
    """A copy renamed over the live file would be lost to the running server."""
    assert 201 == kiosk_client.submit().status_code
    database = app.config["DATABASE"]
    before = stored_ids(database)
    live_folder = str(Path(database).parent)

    result = create_app(app.config).test_cli_runner().invoke(args=[command, live_folder])

    assert result.exit_code != 0
    assert "where the database itself is kept" in result.output
    assert before == stored_ids(database)
    assert 201 == kiosk_client.submit().status_code
