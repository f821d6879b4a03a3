"""Nobody can be picked out afterwards: no address or browser name in any log or in the file.

Requests come from a marker address (Linux routes all of 127/8 to loopback, so a
client socket can bind to 127.0.0.77) with a marker user agent and a forwarded
address, then the logs and the raw bytes of the database are searched for them.
"""

import http.client
import json
import logging
import re
import socket
import threading
from pathlib import Path

from kiosk import create_app
from kiosk.app.serving import serve
from tests.conftest import (
    KioskClient,
    all_answers,
    make_config,
    new_submission_id,
    running_gunicorn,
    tablet_token,
)

MARKER_ADDRESS = "127.0.0.77"
FORWARDED_ADDRESS = "203.0.113.77"
MARKER_AGENT = "MarkerAgent/9.9 ZQXJ"
MARKERS = [MARKER_ADDRESS, FORWARDED_ADDRESS, MARKER_AGENT, "ZQXJ"]
TIME_OF_DAY = re.compile(r"\b\d{2}:\d{2}:\d{2}\b")
MARKER_HEADERS = {"User-Agent": MARKER_AGENT, "X-Forwarded-For": FORWARDED_ADDRESS}


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(MARKER_ADDRESS, 0)
    )
    connection.request(method, path, body=body, headers={**MARKER_HEADERS, **(headers or {})})
    response = connection.getresponse()
    reply = (response.status, response.getheader("Set-Cookie"), response.read())
    connection.close()
    return reply


def raw_request(port, line: bytes) -> bytes:
    """A request no browser would send, which servers like to complain about."""
    with socket.create_connection(("127.0.0.1", port), 10, (MARKER_ADDRESS, 0)) as sock:
        sock.sendall(line)
        return sock.recv(4096)


def send_everything(port, database) -> str:
    """A child's Send (token first, as the page does), a bad one, a 404 and garbage."""
    status, cookie, body = request(port, "GET", "/token")
    assert 200 == status
    headers = {
        "Cookie": cookie.split(";")[0],
        "X-CSRFToken": json.loads(body)["token"],
        "Content-Type": "application/json",
        "Authorization": f"Bearer {tablet_token(database)}",
    }
    submission_id = new_submission_id()
    sent = json.dumps({"id": submission_id, "answers": all_answers("sometimes")})
    assert 201 == request(port, "POST", "/kiosk/waiting-room-a/submissions", sent, headers)[0]
    bad = json.dumps({"id": new_submission_id(), "answers": all_answers("maybe")})
    assert 422 == request(port, "POST", "/kiosk/waiting-room-a/submissions", bad, headers)[0]
    assert 404 == request(port, "GET", "/kiosk/nowhere")[0]
    raw_request(port, b"NOT HTTP\r\n\r\n")
    raw_request(port, b"GET http://[x HTTP/1.1\r\nHost: x\r\n\r\n")
    return submission_id


def database_bytes(path: Path) -> bytes:
    """The file as anyone who copies it would see it, write-ahead log included."""
    parts = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


def found(markers, text: str | bytes) -> list[str]:
    if isinstance(text, bytes):
        return [m for m in markers if m.encode() in text]
    return [m for m in markers if m in text]


def test_the_development_server_writes_down_no_one(tmp_path, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    app = create_app(make_config(tmp_path))
    server = serve(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        submission_id = send_everything(server.server_port, tmp_path / "kiosk.db")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
    out, err = capfd.readouterr()
    logs = caplog.text + out + err
    # A line is there (so this could fail); who sent it is not.
    assert "Bad HTTP/0.9 request type" in logs
    assert ([], []) == (found(MARKERS, logs), found(MARKERS, database_bytes(tmp_path / "kiosk.db")))
    assert submission_id.encode() in database_bytes(tmp_path / "kiosk.db")


def test_the_development_server_logs_no_request_that_went_well(tmp_path, caplog, capfd):
    # One line per request, even with no address or time, would say which answers
    # and which comment one child sent: they follow each other in the log.
    caplog.set_level(logging.DEBUG)
    app = create_app(make_config(tmp_path))

    @app.get("/breaks")
    def breaks():
        raise RuntimeError("a bug")

    server = serve(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_port
        send_everything(port, tmp_path / "kiosk.db")
        assert 200 == request(port, "GET", "/feedback/waiting-room-a?from=kiosk")[0]
        assert 500 == request(port, "GET", "/breaks?from=kiosk")[0]
        raw_request(port, b"GET /nowhere?from=kiosk junk HTTP/1.1\r\n\r\n")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
    out, err = capfd.readouterr()
    logs = caplog.text + out + err
    # What went wrong is there (so this could fail), without its query...
    assert "GET /breaks 500" in logs
    assert "Bad request syntax ('GET /nowhere junk HTTP/1.1')" in logs
    # ...and nothing that went well is.
    went_well = ["/kiosk/waiting-room-a/submissions", "/feedback/waiting-room-a", "/token"]
    assert ([], []) == (found(went_well, logs), found(["from=kiosk"], logs))


def take_back_from(port, address: str) -> int:
    """Ask to take back a message with an unknown code, from one address; the status."""

    def from_address(method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=10, source_address=(address, 0)
        )
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        reply = (response.status, response.getheader("Set-Cookie"), response.read())
        connection.close()
        return reply

    _, cookie, body = from_address("GET", "/token")
    form = f"csrf_token={json.loads(body)['token']}&receipt_code=apple-river-seven"
    headers = {"Cookie": cookie.split(";")[0], "Content-Type": "application/x-www-form-urlencoded"}
    return from_address("POST", "/feedback/withdraw", form, headers)[0]


def test_the_development_server_still_tells_senders_apart_for_the_limits(tmp_path):
    # Hiding the address from the logs must not hide it from the rate limit too,
    # or every phone in the building would share one limit.
    app = create_app(make_config(tmp_path, WITHDRAW_RATE_LIMIT="1 per 10 minutes"))
    server = serve(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_port
        statuses = [
            take_back_from(port, "127.0.0.81"),
            take_back_from(port, "127.0.0.81"),
            take_back_from(port, "127.0.0.82"),
        ]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
    assert [404, 429, 404] == statuses


def test_gunicorn_writes_down_no_one_even_at_debug(tmp_path):
    database = tmp_path / "kiosk.db"
    with running_gunicorn(tmp_path, KIOSK_LOG_LEVEL="debug", KIOSK_WORKERS="2") as port:
        submission_id = send_everything(port, database)
    logs = (tmp_path / "out").read_text() + (tmp_path / "err").read_text()
    # gunicorn did talk (so this could fail), and said who to no one.
    assert "Booting worker" in logs
    assert "Invalid request from ip=-" in logs
    assert ([], []) == (found(MARKERS, logs), found(MARKERS, database_bytes(database)))
    assert submission_id.encode() in database_bytes(database)
    # Nor which requests came one after another: no access log.
    assert [] == found(["/kiosk/waiting-room-a/submissions", "/token"], logs)
    # Nor when: staff know who sat in the waiting room at 10:40.
    assert [] == TIME_OF_DAY.findall(logs)


def test_a_public_page_sets_only_the_form_token_cookie(client):
    paths = ["/", "/kiosk/waiting-room-a", "/token", "/kiosk/nowhere"]
    set_cookies = [c for path in paths for c in client.get(path).headers.getlist("Set-Cookie")]
    set_cookies += KioskClient(client).submit().headers.getlist("Set-Cookie")
    with client.session_transaction() as session:
        kept = set(session)
    assert ({"session"}, {"csrf_token"}) == ({c.split("=")[0] for c in set_cookies}, kept)


def test_flask_error_lines_carry_no_time_of_day(app):
    """An unexpected error under gunicorn goes through Flask's own handler."""
    from flask.logging import default_handler

    record = logging.LogRecord("kiosk", logging.ERROR, __file__, 1, "Unexpected error", (), None)
    line = default_handler.format(record)
    assert "Unexpected error" in line
    assert re.search(r"\d{1,2}:\d{2}", line) is None, line
