"""Setting a tablet up: the staff Sites page, the command line, and `make run`'s
own browser. Stopping one."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from admin import dates
from kiosk import create_app, storage
from tests.conftest import (
    all_answers,
    bearer,
    form_token,
    make_config,
    new_submission_id,
    tablet_token,
)

CODE = re.compile(r"data-setup-code>([0-9A-Z]{4}-[0-9A-Z]{4})<")


def make_code(staff, site="waiting-room-a", name="By the door"):
    token = form_token(staff, "/admin/sites")
    return staff.post(f"/admin/sites/{site}/tablets", data={"csrf_token": token, "name": name})


def set_up_with(client, code, site="waiting-room-a"):
    return client.post(f"/kiosk/{site}/tablet", json={"code": code})


def send(client, token, site="waiting-room-a"):
    body = {"id": new_submission_id(), "answers": all_answers()}
    return client.post(f"/kiosk/{site}/submissions", json=body, headers=bearer(token))


def test_staff_make_a_code_that_sets_up_one_tablet(staff, app, staff_db, db, today):
    page = make_code(staff)
    html = page.get_data(as_text=True)
    code = CODE.search(html)[1]
    assert 200 == page.status_code
    assert f"/kiosk/waiting-room-a#enrol={code}" in html
    assert "<svg" in html and "QR code that sets up a tablet for Waiting room A" in html
    reply = set_up_with(app.test_client(), code)
    assert 201 == reply.status_code
    assert 201 == send(app.test_client(), reply.get_json()["token"]).status_code
    sites = staff.get("/admin/sites").get_data(as_text=True)
    assert "By the door" in sites and today.isoformat() in sites
    assert not re.search(r"\d{2}:\d{2}", sites.split('id="tablets"')[1].split("<h2")[0])
    actions = [(e["staff"], e["action"]) for e in storage.audit_entries(staff_db)]
    assert ("sam", "made a tablet setup code") in actions


def test_staff_stop_a_tablet_and_it_can_send_nothing_more(staff, app, staff_db, db, today):
    token = set_up_with(app.test_client(), CODE.search(make_code(staff).get_data(True))[1])
    token = token.get_json()["token"]
    [tablet] = storage.working_tablets(staff_db)
    csrf = form_token(staff, "/admin/sites")
    stopped = staff.post(f"/admin/tablets/{tablet['id']}/revoke", data={"csrf_token": csrf})
    assert 302 == stopped.status_code
    set_up_on = dates.day_in_words(today.isoformat())
    assert f"Stopped By the door set up on {set_up_on}." in staff.get("/admin/sites").get_data(True)
    assert 401 == send(app.test_client(), token).status_code
    assert 0 == storage.count_submissions(db)
    entry = storage.audit_entries(staff_db)[0]
    assert ("sam", "stopped a tablet") == (entry["staff"], entry["action"])
    again = staff.post(f"/admin/tablets/{tablet['id']}/revoke", data={"csrf_token": csrf})
    assert 404 == again.status_code


def test_stopping_needs_the_form_token(staff, app, staff_db):
    tablet_token(app.config["DATABASE"])
    [tablet] = storage.working_tablets(staff_db)
    assert 400 == staff.post(f"/admin/tablets/{tablet['id']}/revoke").status_code
    assert 1 == len(storage.working_tablets(staff_db))


def test_a_resting_site_gets_no_code(staff, db):
    storage.set_site_retired(db, "youth-hub", True)
    assert 409 == make_code(staff, "youth-hub").status_code


@pytest.mark.parametrize(
    ("method", "url"),
    [("POST", "/admin/sites/waiting-room-a/tablets"), ("POST", "/admin/tablets/abc/revoke")],
)
def test_a_stranger_can_neither_make_codes_nor_stop_tablets(tmp_path, method, url):
    client = create_app(make_config(tmp_path, WTF_CSRF_ENABLED=False)).test_client()
    response = client.open(url, method=method)
    assert (302, True) == (
        response.status_code,
        response.headers["Location"].startswith("/admin/sign-in"),
    )


def test_the_command_line_prints_a_link_that_works_once(app):
    result = app.test_cli_runner().invoke(args=["enrol-tablet", "youth-hub"])
    assert 0 == result.exit_code, result.output
    link = re.search(r"http://127\.0\.0\.1:5000/kiosk/youth-hub#enrol=(\S+)", result.output)
    assert 201 == set_up_with(app.test_client(), link[1], "youth-hub").status_code
    assert 422 == set_up_with(app.test_client(), link[1], "youth-hub").status_code


def test_the_command_line_prints_a_working_token(app, db):
    result = app.test_cli_runner().invoke(args=["enrol-tablet", "youth-hub", "--print-token"])
    assert 0 == result.exit_code, result.output
    assert 201 == send(app.test_client(), result.output.strip(), "youth-hub").status_code
    nowhere = app.test_cli_runner().invoke(args=["enrol-tablet", "nowhere"])
    assert (1, "There is no site called nowhere.") == (
        nowhere.exit_code,
        nowhere.output.strip().split("Error: ")[-1],
    )


AUTO = 'data-auto-enrol-url="/kiosk/waiting-room-a/tablet/automatic"'


@pytest.mark.parametrize(
    ("flag", "proxies", "address", "offered"),
    [
        (True, 0, "127.0.0.1", True),
        (True, 0, "::1", True),
        (True, 0, "192.168.1.20", False),
        (True, 1, "127.0.0.1", False),
        (False, 0, "127.0.0.1", False),
    ],
)
def test_make_run_sets_up_a_browser_on_this_computer_only(
    tmp_path, flag, proxies, address, offered
):
    config = make_config(tmp_path, PROXY_COUNT=proxies)
    if flag:
        config["TABLET_AUTO_ENROL"] = True
    client = create_app(config).test_client()
    environ = {"REMOTE_ADDR": address}
    page = client.get("/kiosk/waiting-room-a", environ_base=environ).get_data(as_text=True)
    assert offered == (AUTO in page)
    reply = client.post("/kiosk/waiting-room-a/tablet/automatic", json={}, environ_base=environ)
    assert (201 if offered else 404) == reply.status_code
    if offered:
        assert 201 == send(client, reply.get_json()["token"]).status_code


codes = st.text(max_size=30) | st.sampled_from(["K7P2-9QXM", "k7p29qxm", "2222 2222", ""])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
bodies = json_values | st.fixed_dictionaries(
    {"code": codes | json_values}, optional={"previous": st.text(max_size=60) | json_values}
)


@pytest.fixture(scope="module")
def unlimited_app(tmp_path_factory):
    """One app for every example, its per-sender limit high enough never to
    answer 429 (which would hide how the body itself was read): a new app for
    each example took 60 s of make_test. Junk never sets a tablet up, so one
    example leaves nothing for the next."""
    config = make_config(tmp_path_factory.mktemp("junk"), TABLET_SETUP_RATE_LIMIT="10000/minute")
    yield create_app(config)
    storage.close_thread_connections()


@settings(max_examples=150, deadline=None)
@given(body=bodies, site=st.sampled_from(["waiting-room-a", "nowhere", "x%20y"]))
def test_any_json_sent_to_the_setup_address_is_a_plain_4xx(unlimited_app, body, site):
    response = unlimited_app.test_client().post(f"/kiosk/{site}/tablet", json=body)
    assert 400 <= response.status_code < 500, response.get_data()[:200]
    assert 429 != response.status_code
