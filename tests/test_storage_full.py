"""A real server (gunicorn, as `make serve` runs it) whose disk fills up, or
whose database files become read-only: every send is a 503 with Retry-After,
/healthz says why, nothing is half-stored, and once the disk has room again
the same submission, sent again, is stored once.

The full disk is a real size limit: RLIMIT_FSIZE set on the server's running
processes (Python ignores SIGXFSZ, so a write past it fails with EFBIG, as a
write to a full disk fails with ENOSPC). Read-only is the immutable attribute,
which root cannot ignore (chmod would not stop root)."""

import contextlib
import http.client
import json
import resource
import sqlite3
from pathlib import Path

import pytest

from kiosk import storage
from tests.conftest import (
    all_answers,
    bearer,
    immutable,
    new_submission_id,
    running_gunicorn,
    tablet_token,
)

SITE = "waiting-room-a"


def server_processes(port: int) -> list[int]:
    """gunicorn's processes for this test's server: the master and its workers
    (found by the address they were told to listen on)."""
    mine = f"KIOSK_BIND=127.0.0.1:{port}".encode()
    found = []
    for folder in Path("/proc").iterdir():
        if folder.name.isdigit():
            with contextlib.suppress(OSError):
                if mine in (folder / "environ").read_bytes().split(b"\0"):
                    found.append(int(folder.name))
    return found


@contextlib.contextmanager
def disk_full(port: int, database: Path):
    """Not one more byte may be written to any file by the server."""
    processes = server_processes(port)
    assert len(processes) >= 2, "gunicorn's master and workers were not found"
    for pid in processes:
        resource.prlimit(pid, resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
    try:
        yield
    finally:
        for pid in processes:
            resource.prlimit(pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)


def read_only(port: int, database: Path):
    return immutable(database, f"{database}-wal")


def ask(port: int, method: str, path: str, body=None, headers=None):
    """(status, headers, JSON body) from the real server."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, json.dumps(body) if body else None, headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), json.loads(response.read())
    finally:
        connection.close()


def send(port: int, token: str, body: dict):
    headers = {"Content-Type": "application/json", **bearer(token)}
    return ask(port, "POST", f"/kiosk/{SITE}/submissions", body, headers)


def stored(database: Path) -> list[str]:
    """What the server has stored, read without writing (the file may be read-only)."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        return [row[0] for row in db.execute("SELECT id FROM submissions ORDER BY id")]


@pytest.mark.parametrize(
    ("trouble", "reason"), [(disk_full, "disk full"), (read_only, "read-only")]
)
def test_a_server_that_cannot_write_says_so_loses_nothing_and_stores_once_after(
    tmp_path, trouble, reason
):
    database = tmp_path / "kiosk.db"
    with running_gunicorn(tmp_path) as port:
        token = tablet_token(str(database))
        # Both workers have sent answers, so each has its database open.
        for _ in range(4):
            assert (
                201 == send(port, token, {"id": new_submission_id(), "answers": all_answers()})[0]
            )
        before = stored(database)
        body = {"id": new_submission_id(), "answers": all_answers()}

        with trouble(port, database):
            tries = [send(port, token, body) for _ in range(4)]
            health = [ask(port, "GET", "/healthz") for _ in range(4)]
            # Reading still works while nothing can be written.
            assert 200 == ask(port, "GET", "/token")[0]
            during = stored(database)

        assert [503] * 4 == [status for status, _, _ in tries]
        assert {"30"} == {headers["Retry-After"] for _, headers, _ in tries}
        assert {"busy"} == {answer["reason"] for _, _, answer in tries}
        assert [(503, reason)] * 4 == [(status, answer["reason"]) for status, _, answer in health]
        assert before == during

        status, _, answer = send(port, token, body)
        assert (201, "stored") == (status, answer["status"])
        assert 200 == ask(port, "GET", "/healthz")[0]
        # Sent again (the tablet never heard the 201): already stored, not twice.
        assert 409 == send(port, token, body)[0]
    assert sorted([*before, body["id"]]) == sorted(stored(database))
    db = storage.open_database(database)
    assert [("ok",)] == db.execute("PRAGMA integrity_check").fetchall()
    db.close()
