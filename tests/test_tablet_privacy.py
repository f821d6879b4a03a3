"""A tablet's token says which tablet is set up, so it must never sit beside a
child's answers or in a log line: not in the answers file (its -wal included),
not in what the development server writes down. Nor the code that set it up."""

import http.client
import json
import logging
import threading
import time

from kiosk import create_app, storage
from kiosk.app.csrf import csrf
from kiosk.app.serving import serve
from kiosk.surveys import tablets
from tests.conftest import all_answers, make_config, new_submission_id

# Token-shaped, so the server reads it as a token (and finds no tablet).
UNKNOWN_MARKER = "ZQXJmarkerTokenThatNoTabletHolds_0123456789"


def post(port, path, body, token=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    connection.request("POST", path, body=json.dumps(body), headers=headers)
    response = connection.getresponse()
    reply = (response.status, response.read())
    connection.close()
    return reply


def file_bytes(path) -> bytes:
    parts = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


def test_no_token_or_code_in_the_answers_file_or_the_logs(tmp_path, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    app = create_app(make_config(tmp_path))
    staff_db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    code = tablets.make_pairing_code(staff_db, "waiting-room-a", "", "test-secret", time.time())

    @app.post("/breaks")
    @csrf.exempt
    def breaks():
        raise RuntimeError("a bug, with the tablet's token in the request")

    staff_db.close()
    server = serve(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_port
    try:
        status, reply = post(port, "/kiosk/waiting-room-a/tablet", {"code": code})
        assert 201 == status
        token = json.loads(reply)["token"]
        good = {"id": new_submission_id(), "answers": all_answers()}
        bad = {"id": new_submission_id(), "answers": all_answers("maybe")}
        assert 201 == post(port, "/kiosk/waiting-room-a/submissions", good, token)[0]
        assert 422 == post(port, "/kiosk/waiting-room-a/submissions", bad, token)[0]
        assert 403 == post(port, "/kiosk/youth-hub/submissions", good, token)[0]
        unknown = post(port, "/kiosk/waiting-room-a/submissions", good, UNKNOWN_MARKER)
        assert 401 == unknown[0]
        # The development server logs only what went wrong: a bug, then.
        assert 500 == post(port, "/breaks", good, token)[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
        storage.close_thread_connections()
    out, err = capfd.readouterr()
    logs = caplog.text + out + err
    markers = [token, tablets.token_hash(token), code, tablets.shown_code(code), UNKNOWN_MARKER]
    # So this could fail: the error lines are there, the row is stored, the hash is kept.
    assert "POST /breaks 500" in logs and "Unexpected error on POST /breaks" in logs
    answers = file_bytes(tmp_path / "kiosk.db")
    assert good["id"].encode() in answers
    assert tablets.token_hash(token).encode() in file_bytes(tmp_path / "kiosk-staff.db")
    assert [] == [marker for marker in markers if marker in logs]
    assert [] == [marker for marker in markers if marker.encode() in answers]
