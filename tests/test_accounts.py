"""Staff accounts: made on the command line or by the one-time setup link,
argon2id hashes, sign-in slowed after failures, sessions that end."""

import re
import time
import urllib.parse

import pytest

from admin import accounts
from kiosk import create_app, storage
from tests.conftest import (
    PASSWORD,
    PRODUCTION_PASSWORD_HASHER,
    form_token,
    make_account,
    make_config,
    sign_in,
)


def test_real_passwords_are_hashed_with_argon2id_at_rfc_9106_low_memory_cost():
    # The tests hash cheaply (tests/conftest.py); the app itself never does.
    hasher = PRODUCTION_PASSWORD_HASHER
    assert (3, 65536, 4) == (hasher.time_cost, hasher.memory_cost, hasher.parallelism)
    assert hasher.hash("a long enough password").startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_create_user_reads_the_password_from_standard_input(app, db, staff_db):
    result = make_account(app)
    assert 0 == result.exit_code, result.output
    assert "Account created: sam" in result.output
    assert storage.find_staff(staff_db, "sam")["password_hash"].startswith("$argon2id$")


@pytest.mark.parametrize("password", ["", "short", "123456789"])
def test_a_short_password_is_refused(app, db, password, staff_db):
    result = make_account(app, password=password)
    assert 1 == result.exit_code
    assert "at least 10 characters" in result.output
    assert storage.find_staff(staff_db, "sam") is None


def test_a_name_cannot_be_taken_twice(app):
    make_account(app)
    result = make_account(app)
    assert 1 == result.exit_code
    assert "already an account called sam" in result.output


def test_signing_in_opens_the_summary_and_is_audited(app, client, db, staff_db):
    make_account(app)
    response = sign_in(client)
    assert (302, "/admin/") == (response.status_code, response.headers["Location"])
    assert 200 == client.get("/admin/").status_code
    assert ["signed in", "account created on the command line"] == [
        entry["action"] for entry in storage.audit_entries(staff_db)
    ]


def test_after_signing_in_the_page_asked_for_opens(app, client):
    make_account(app)
    response = sign_in(client, next_page="/admin/audit")
    assert "/admin/audit" == response.headers["Location"]


@pytest.mark.parametrize(
    "next_page", ["https://evil.example/admin", "//evil.example/admin", "/\\evil.example/admin"]
)
def test_signing_in_never_sends_you_to_another_site(app, client, next_page):
    make_account(app)
    response = sign_in(client, next_page=next_page)
    assert "/admin/" == response.headers["Location"]


def test_a_next_page_with_a_line_break_opens_the_summary(app, client):
    make_account(app)
    token = form_token(client, "/admin/sign-in")
    response = client.post(
        "/admin/sign-in",
        query_string={"next": "/admin/audit\r\nX-Evil: 1"},
        data={"csrf_token": token, "name": "sam", "password": PASSWORD},
    )
    assert (302, "/admin/") == (response.status_code, response.headers["Location"])


def test_a_staff_page_asked_for_with_a_double_slash_stays_on_this_site(app, client):
    make_account(app)
    response = sign_in(client, next_page="/admin//evil.example/")
    location = urllib.parse.urljoin("http://localhost/admin/sign-in", response.headers["Location"])
    assert "localhost" == urllib.parse.urlsplit(location).netloc


@pytest.mark.parametrize("name,password", [("sam", "wrong password"), ("nobody", PASSWORD)])
def test_a_wrong_name_or_password_gets_the_same_plain_answer(app, client, name, password):
    make_account(app)
    response = sign_in(client, name, password)
    assert 401 == response.status_code
    assert "That name and password do not match." in response.get_data(as_text=True)
    assert 302 == client.get("/admin/").status_code


def test_failures_slow_sign_in_down_but_never_lock_out(app, client, staff_db):
    make_account(app)
    for _ in range(accounts.FREE_TRIES):
        assert 401 == sign_in(client, password="wrong password").status_code
    waiting = sign_in(client)
    assert 429 == waiting.status_code
    # This sender got it wrong three times: it waits a minute (a name alone, 1 s).
    assert "Please wait 60 seconds" in waiting.get_data(as_text=True)
    # Once the wait is over, the right password works and the name starts afresh.
    staff_db.execute("UPDATE sign_in_failures SET last_failed_at = last_failed_at - 61")
    assert 302 == sign_in(client).status_code
    with app.test_request_context():
        assert (0, 0.0) == storage.failures(staff_db, accounts.name_key("sam"))


def test_a_name_waits_1_2_4_seconds_up_to_five_minutes_for_a_sender_that_failed():
    sender = (1, 0.0)
    waits = [accounts.seconds_to_wait((n, 1000.0), sender, 1000.0) for n in range(0, 16)]
    assert [0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300] == waits


def test_a_sender_waits_minutes_up_to_an_hour_far_longer_than_a_name():
    waits = [accounts.seconds_to_wait((0, 0.0), (n, 1000.0), 1000.0) for n in range(1, 11)]
    assert [0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600] == waits


def test_a_sender_with_no_failures_is_never_kept_waiting_by_a_name():
    assert 0 == accounts.seconds_to_wait((40, 1000.0), (0, 0.0), 1000.0)


def test_signing_out_ends_the_session(app, client, db, staff_db):
    make_account(app)
    sign_in(client)
    token = form_token(client, "/admin/")
    assert 302 == client.post("/admin/sign-out", data={"csrf_token": token}).status_code
    assert 302 == client.get("/admin/").status_code
    assert "signed out" == storage.audit_entries(staff_db)[0]["action"]


def test_signing_out_needs_the_form_token(app, client):
    make_account(app)
    sign_in(client)
    assert 400 == client.post("/admin/sign-out").status_code
    assert 200 == client.get("/admin/").status_code


def test_the_session_cookie_is_httponly_lax_and_secure_over_https(app):
    make_account(app)
    client = app.test_client()
    token_page = client.get("/admin/sign-in", base_url="https://localhost")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', token_page.text)[1]
    response = client.post(
        "/admin/sign-in",
        base_url="https://localhost",
        data={"csrf_token": token, "name": "sam", "password": PASSWORD},
        headers={"Referer": "https://localhost/admin/sign-in"},
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_behind_a_proxy_that_took_https_off_the_cookie_is_still_secure(tmp_path):
    app = create_app(make_config(tmp_path, PROXY_COUNT=1))
    make_account(app)
    client = app.test_client()
    proxied = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}
    token_page = client.get("/admin/sign-in", headers=proxied)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', token_page.text)[1]
    response = client.post(
        "/admin/sign-in",
        data={"csrf_token": token, "name": "sam", "password": PASSWORD},
        headers={**proxied, "Referer": "https://localhost/admin/sign-in"},
    )
    assert (302, True) == (response.status_code, "Secure" in response.headers["Set-Cookie"])


def setup_link(staff_db, hours=24):
    token = accounts.new_setup_token()
    storage.save_setup_link(staff_db, accounts.hash_secret(token), time.time() + hours * 3600)
    return f"/admin/setup/{token}"


def test_the_setup_link_makes_the_first_account_once(app, client, db, staff_db):
    link = setup_link(staff_db)
    token = form_token(client, link)
    fields = {"csrf_token": token, "name": "ali", "password": PASSWORD, "again": PASSWORD}
    response = client.post(link, data=fields)
    assert (302, "/admin/") == (response.status_code, response.headers["Location"])
    assert 200 == client.get("/admin/").status_code
    assert 404 == app.test_client().get(link).status_code
    assert 1 == storage.count_staff(staff_db)


def test_an_expired_setup_link_does_nothing(client, db, staff_db):
    assert 404 == client.get(setup_link(staff_db, hours=-1)).status_code


@pytest.mark.parametrize(
    "password,again,message",
    [("short", "short", "at least 10"), (PASSWORD, PASSWORD + "x", "not the same")],
)
def test_the_setup_form_explains_a_bad_password(client, db, password, again, message, staff_db):
    link = setup_link(staff_db)
    fields = {"csrf_token": form_token(client, link), "name": "ali"}
    response = client.post(link, data={**fields, "password": password, "again": again})
    assert 422 == response.status_code
    assert message in response.get_data(as_text=True)
    assert 0 == storage.count_staff(staff_db)


def test_one_address_gets_twenty_sign_in_tries_in_ten_minutes(app, client, kiosk_client):
    # Right passwords: no wrong-password wait starts, so only the per-address
    # limit (kiosk/app/limits.py) can refuse the 21st try.
    make_account(app)
    statuses = [sign_in(client).status_code for n in range(21)]
    assert [302] * 20 + [429] == statuses
    # The same address is a kiosk tablet too, perhaps: its answers still go in.
    assert 201 == kiosk_client.submit().status_code
