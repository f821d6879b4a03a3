"""A request body that cannot be read gets a 400 with the usual plain message,
never a 500, from the development server and from gunicorn alike.

A chunked body is read by the server as the app asks for it, so each server's
own error for a broken chunk reaches the app: only a real server on a real
socket shows it.
"""

import http.client
import json
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import create_app, storage
from tests.conftest import make_config, running_dev_server, running_gunicorn

PLAIN_400 = b"Something in that request was not right."
KIOSK_SUBMIT = "/kiosk/waiting-room-a/submissions"
# Every route that reads a body, with the kind of body it takes.
POST_ROUTES = {
    KIOSK_SUBMIT: "application/json",
    "/feedback/waiting-room-a": "multipart/form-data; boundary=xyz",
    "/feedback/withdraw": "application/x-www-form-urlencoded",
    "/admin/sign-in": "application/x-www-form-urlencoded",
}
BROKEN_BODIES = {
    "a chunk size that is not a number": b"zz\r\nabc\r\n0\r\n\r\n",
    "a negative chunk size": b"-5\r\nabc\r\n0\r\n\r\n",
    "a chunk without its line end": b"3\r\nabcXX\r\n0\r\n\r\n",
    "a trailer that is not a header": b"3\r\nabc\r\n0\r\nno colon here\r\n\r\n",
}


@pytest.fixture(scope="module", params=["development server", "gunicorn"])
def server(request, tmp_path_factory):
    """A running server, and a form token with its cookie, so a request gets as
    far as reading its body."""
    folder = tmp_path_factory.mktemp("server")
    if request.param == "gunicorn":
        with running_gunicorn(folder, KIOSK_WORKERS="1") as port:
            yield (port, *form_token(port))
    else:
        with running_dev_server(create_app(make_config(folder))) as port:
            yield (port, *form_token(port))
        storage.close_thread_connections()


def form_token(port: int) -> tuple[str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/token")
    response = connection.getresponse()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = json.loads(response.read())["token"]
    connection.close()
    return cookie, token


def post_chunked(server, path: str, body: bytes) -> tuple[int, bytes]:
    """POST a chunked body exactly as given, then say no more; the status and the reply."""
    port, cookie, token = server
    head = (
        f"POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        f"Content-Type: {POST_ROUTES[path]}\r\nTransfer-Encoding: chunked\r\n"
        f"Cookie: {cookie}\r\nX-CSRFToken: {token}\r\n\r\n"
    )
    reply = b""
    with socket.create_connection(("127.0.0.1", port), 10) as sock:
        sock.sendall(head.encode() + body)
        sock.shutdown(socket.SHUT_WR)
        try:
            while chunk := sock.recv(65536):
                reply += chunk
        except ConnectionResetError:
            pass  # a server may close without reading the rest: the reply came first
    assert reply.startswith(b"HTTP/1.1 "), reply
    return int(reply.split(b" ", 2)[1]), reply


@pytest.mark.parametrize("body", BROKEN_BODIES.values(), ids=BROKEN_BODIES.keys())
@pytest.mark.parametrize("path", [p for p in POST_ROUTES if p != KIOSK_SUBMIT])
def test_a_broken_chunked_body_gets_the_plain_400(server, path, body):
    status, reply = post_chunked(server, path, body)
    assert (400, True) == (status, PLAIN_400 in reply)


@pytest.mark.parametrize("body", BROKEN_BODIES.values(), ids=BROKEN_BODIES.keys())
def test_a_broken_chunked_kiosk_submission_is_refused_not_a_server_error(server, body):
    # A tablet token may be checked before the body is read (401): either way
    # the sender's mistake is a 4xx, and nothing is stored.
    status, _ = post_chunked(server, KIOSK_SUBMIT, body)
    assert 400 <= status < 500


@settings(max_examples=40, deadline=None)
@given(path=st.sampled_from(sorted(POST_ROUTES)), body=st.binary(max_size=40))
def test_no_chunked_body_however_broken_gets_a_server_error(server, path, body):
    status, _ = post_chunked(server, path, body)
    assert status < 500
