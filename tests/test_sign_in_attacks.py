"""Staff sign-in under attack, as the security review tried it: a copied cookie,
tries sent at once, names guessed, a stranger locking someone out, and limits
spread over gunicorn's two workers."""

import http.client
import re
import threading
import time
import urllib.parse

from admin import accounts
from kiosk import storage
from tests.conftest import (
    PASSWORD,
    form_token,
    make_account,
    running_gunicorn,
    sign_in,
)


def sign_in_from(client, address: str, name="sam", password=PASSWORD):
    """A sign-in sent from one address (each address is one sender)."""
    token = form_token(client, "/admin/sign-in")
    return client.post(
        "/admin/sign-in",
        data={"csrf_token": token, "name": name, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


# 6. Signing out ends the session on the server


def test_a_cookie_copied_before_sign_out_opens_nothing_after(app, client):
    make_account(app)
    sign_in(client)
    copied = client.get_cookie("session").value
    assert (
        302
        == client.post(
            "/admin/sign-out", data={"csrf_token": form_token(client, "/admin/")}
        ).status_code
    )
    thief = app.test_client()
    thief.set_cookie("session", copied)
    response = thief.get("/admin/audit")
    assert 302 == response.status_code
    assert response.headers["Location"].startswith("/admin/sign-in")


def test_a_new_password_signs_the_account_out_everywhere(app, client):
    make_account(app)
    sign_in(client)
    assert 200 == client.get("/admin/audit").status_code
    result = app.test_cli_runner().invoke(
        args=["set-password", "sam"], input="another long password\n"
    )
    assert 0 == result.exit_code, result.output
    assert 302 == client.get("/admin/audit").status_code
    assert 302 == sign_in(client, password="another long password").status_code
    assert 401 == sign_in(app.test_client(), password=PASSWORD).status_code


def test_a_new_password_for_nobody_is_refused(app):
    result = app.test_cli_runner().invoke(args=["set-password", "nobody"], input=PASSWORD + "\n")
    assert 1 == result.exit_code
    assert "There is no account called nobody." in result.output


# 7. Tries sent at once are checked one at a time


def test_twelve_wrong_passwords_at_once_get_one_check_and_eleven_waits(app, staff_db):
    make_account(app)
    with app.test_request_context():
        name_key = accounts.name_key("sam")
    # Three failures long ago: the name's wait is over, so the next try is checked.
    staff_db.execute(
        "INSERT INTO sign_in_failures (key, failures, last_failed_at) VALUES (?, 3, ?)",
        (name_key, time.time() - 3600),
    )
    clients = [app.test_client() for _ in range(12)]
    tokens = [form_token(c, "/admin/sign-in") for c in clients]
    start = threading.Barrier(12)
    statuses = []

    def try_once(client, token):
        start.wait()
        response = client.post(
            "/admin/sign-in",
            data={"csrf_token": token, "name": "sam", "password": "wrong password"},
        )
        statuses.append(response.status_code)

    threads = [
        threading.Thread(target=try_once, args=pair) for pair in zip(clients, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    storage.close_thread_connections()
    assert [401] + [429] * 11 == sorted(statuses)
    assert (4, storage.failures(staff_db, name_key)[0]) == (4, 4)


# 8. Names cannot be told apart


def test_a_real_name_and_an_unknown_name_answer_alike_try_after_try(app):
    make_account(app)
    answers = {}
    for name, address in (("sam", "10.0.0.1"), ("nobody", "10.0.0.2")):
        client = app.test_client()
        replies = [sign_in_from(client, address, name, "wrong password") for _ in range(6)]
        answers[name] = [
            (reply.status_code, re.search(r"Too many wrong tries|do not match", reply.text)[0])
            for reply in replies
        ]
    # So this could fail: the replies change along the way.
    assert {401, 429} == {status for status, _ in answers["sam"]}
    assert answers["sam"] == answers["nobody"]


# 9. A stranger cannot keep the right person out


def test_a_stranger_trying_all_day_never_keeps_the_right_person_out(app, staff_db):
    make_account(app)
    stranger = app.test_client()
    for _ in range(8):
        sign_in_from(stranger, "10.0.0.66", password="wrong password")
    # The stranger is made to wait, far longer than a second...
    waiting = sign_in_from(stranger, "10.0.0.66", password="wrong password")
    assert 429 == waiting.status_code
    assert int(re.search(r"wait (\d+) seconds", waiting.text)[1]) >= 60
    # ...and even with the right password, from there.
    assert 429 == sign_in_from(stranger, "10.0.0.66").status_code
    # Sam, at another computer with no wrong tries, gets straight in.
    sam = app.test_client()
    response = sign_in_from(sam, "10.0.0.7")
    assert (302, "/admin/") == (response.status_code, response.headers["Location"])


def test_the_right_password_after_a_typo_gets_in(app):
    make_account(app)
    client = app.test_client()
    assert 401 == sign_in_from(client, "10.0.0.8", password="wrong password").status_code
    assert 302 == sign_in_from(client, "10.0.0.8").status_code


# 10. Limits hold across gunicorn's two workers


def post_form(port, path, fields, cookie):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(
        "POST",
        path,
        body=urllib.parse.urlencode(fields),
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def page_with_token(port, path) -> tuple[str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
    return cookie, token


def test_a_rate_limit_holds_over_both_workers_together(tmp_path):
    with running_gunicorn(tmp_path, KIOSK_WITHDRAW_RATE_LIMIT="10 per 10 minutes") as port:
        cookie, token = page_with_token(port, "/feedback/withdraw")
        statuses = [
            post_form(
                port,
                "/feedback/withdraw",
                {"csrf_token": token, "receipt_code": "apple-river-seven"},
                cookie,
            )
            for _ in range(40)
        ]
    # So this could fail: some tries got through, and then the limit.
    assert {404, 429} == set(statuses)
    assert statuses.count(404) <= 10


def test_a_senders_wrong_passwords_are_seen_by_both_workers(tmp_path):
    with running_gunicorn(tmp_path) as port:
        cookie, token = page_with_token(port, "/admin/sign-in")
        statuses = [
            post_form(
                port,
                "/admin/sign-in",
                {"csrf_token": token, "name": "nobody", "password": "wrong password"},
                cookie,
            )
            for _ in range(8)
        ]
    assert [401, 401, 401] + [429] * 5 == statuses
