"""Only a tablet staff set up may send a kiosk's answers, dated no earlier than
the day it was set up: so nobody can add answers to a past week and, by
subtracting, see what one child said."""

import datetime
import time

import pytest

from kiosk import storage
from kiosk.surveys import tablets
from tests.conftest import KioskClient, all_answers, bearer, new_submission_id, tablet_token

SECRET = "test-secret"  # make_config's SECRET_KEY


def days_ago(days: int) -> str:
    return (datetime.date.today() - datetime.timedelta(days=days)).isoformat()


def answers_dated(day: str) -> dict:
    return {"id": new_submission_id(), "answers": all_answers(), "date": day}


def pairing_code(staff_db, site="waiting-room-a", name="") -> str:
    return tablets.make_pairing_code(staff_db, site, name, SECRET, time.time())


def test_the_attack_in_the_review_is_refused(kiosk_client, db, app):
    """A week with one real child; four all-Yes answers sent by a stranger
    into it: without a tablet token every one is refused and nothing stored."""
    week_day = days_ago(3)
    assert 201 == kiosk_client.submit(body=answers_dated(week_day)).status_code
    for _ in range(4):
        response = kiosk_client.submit(body=answers_dated(week_day), token=None)
        assert (401, "tablet") == (response.status_code, response.get_json()["reason"])
    assert 1 == storage.count_submissions(db)


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer " + "A" * 43],
)
def test_answers_without_a_working_token_get_a_clear_401(kiosk_client, db, authorization):
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = kiosk_client.submit(token=None, headers=headers)
    body = response.get_json()
    assert (401, "error", "tablet") == (response.status_code, body["status"], body["reason"])
    assert "not set up" in body["message"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert 0 == storage.count_submissions(db)


def test_a_token_for_another_site_gets_403(kiosk_client, db):
    response = kiosk_client.submit("youth-hub", token=kiosk_client.token_for("waiting-room-a"))
    body = response.get_json()
    assert (403, "tablet") == (response.status_code, body["reason"])
    assert "another site" in body["message"]
    assert 0 == storage.count_submissions(db)


def test_a_revoked_token_is_refused(kiosk_client, db, staff_db, today):
    token = kiosk_client.token_for("waiting-room-a")
    assert 201 == kiosk_client.submit().status_code
    [tablet] = storage.working_tablets(staff_db)
    assert storage.revoke_tablet(staff_db, tablet["id"], today)
    # Stopped by another worker: this one looks again within KNOWN_SECONDS.
    tablets.forget_known()
    assert 401 == kiosk_client.submit(token=token).status_code
    assert 1 == storage.count_submissions(db)


def test_a_tablet_stopped_elsewhere_is_refused_here_within_seconds():
    looked_up = []

    def lookup(key):
        looked_up.append(key)
        return ("waiting-room-a", "2026-11-30", len(looked_up) > 1)

    assert not tablets.find_working("k", lookup, now=100.0)[2]
    assert not tablets.find_working("k", lookup, now=100.0 + tablets.KNOWN_SECONDS - 0.1)[2]
    assert 1 == len(looked_up)
    assert tablets.find_working("k", lookup, now=100.0 + tablets.KNOWN_SECONDS)[2]
    tablets.forget_known()


def test_a_date_before_the_tablet_was_set_up_is_refused(kiosk_client, app, db, today):
    token = tablet_token(app.config["DATABASE"], set_up_on=today - datetime.timedelta(days=2))
    assert 201 == kiosk_client.submit(body=answers_dated(days_ago(2)), token=token).status_code
    response = kiosk_client.submit(body=answers_dated(days_ago(3)), token=token)
    assert (422, "The date is before this tablet was set up.") == (
        response.status_code,
        response.get_json()["message"],
    )
    assert 1 == storage.count_submissions(db)


def test_a_date_older_than_the_max_age_is_refused(kiosk_client, app, db):
    """31 days by default: a tablet set up long ago still cannot reach further back."""
    assert 31 == app.config["SUBMISSION_MAX_AGE_DAYS"]
    assert 201 == kiosk_client.submit(body=answers_dated(days_ago(31))).status_code
    response = kiosk_client.submit(body=answers_dated(days_ago(32)))
    assert (422, "The date is too long ago to keep.") == (
        response.status_code,
        response.get_json()["message"],
    )
    assert 1 == storage.count_submissions(db)


def test_a_pairing_code_works_once_and_the_tablet_then_sends(client, db, staff_db, today):
    code = pairing_code(staff_db)
    url = "/kiosk/waiting-room-a/tablet"
    first = client.post(url, json={"code": tablets.shown_code(code).lower()})
    assert (201, "ready") == (first.status_code, first.get_json()["status"])
    token = first.get_json()["token"]
    again = client.post(url, json={"code": code})
    assert (422, "code") == (again.status_code, again.get_json()["reason"])
    body = {"id": new_submission_id(), "answers": all_answers()}
    sent = client.post("/kiosk/waiting-room-a/submissions", json=body, headers=bearer(token))
    assert 201 == sent.status_code
    assert 1 == storage.count_submissions(db)
    [tablet] = storage.working_tablets(staff_db)
    assert ("waiting-room-a", today.isoformat()) == (tablet["site"], tablet["enrolled_on"])


def test_a_code_for_another_site_or_run_out_does_not_work(client, staff_db):
    other = pairing_code(staff_db, "youth-hub")
    assert 422 == client.post("/kiosk/waiting-room-a/tablet", json={"code": other}).status_code
    old = tablets.new_pairing_code()
    storage.save_pairing_code(
        staff_db, tablets.code_hash(old, SECRET), "waiting-room-a", "", time.time() - 1, 0
    )
    assert 422 == client.post("/kiosk/waiting-room-a/tablet", json={"code": old}).status_code
    assert [] == storage.working_tablets(staff_db)


def test_a_revoked_tablet_set_up_again_keeps_its_first_date(client, app, staff_db, db, today):
    """Answers it kept while its token was stopped still go after setting it up again."""
    before = tablet_token(app.config["DATABASE"], set_up_on=today - datetime.timedelta(days=5))
    [tablet] = storage.working_tablets(staff_db)
    storage.revoke_tablet(staff_db, tablet["id"], today)
    reply = client.post(
        "/kiosk/waiting-room-a/tablet",
        json={"code": pairing_code(staff_db), "previous": before},
    )
    token = reply.get_json()["token"]
    sent = client.post(
        "/kiosk/waiting-room-a/submissions", json=answers_dated(days_ago(4)), headers=bearer(token)
    )
    assert 201 == sent.status_code
    assert [days_ago(5)] == [t["enrolled_on"] for t in storage.working_tablets(staff_db)]


def test_a_previous_token_of_another_site_brings_no_earlier_date(client, app, staff_db, today):
    other = tablet_token(app.config["DATABASE"], "youth-hub", today - datetime.timedelta(days=9))
    reply = client.post(
        "/kiosk/waiting-room-a/tablet", json={"code": pairing_code(staff_db), "previous": other}
    )
    assert 201 == reply.status_code
    dates = {t["site"]: t["enrolled_on"] for t in storage.working_tablets(staff_db)}
    assert {"youth-hub": days_ago(9), "waiting-room-a": today.isoformat()} == dates


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        ("code=K7P29QXM", "application/x-www-form-urlencoded", 415),
        ("{", "application/json", 400),
        ('{"code": "' + "A" * 2000 + '"}', "application/json", 413),
        ('["K7P29QXM"]', "application/json", 422),
        ('{"code": 12345678}', "application/json", 422),
    ],
)
def test_a_bad_setup_request_gets_a_plain_4xx(client, staff_db, data, content_type, status):
    response = client.post("/kiosk/waiting-room-a/tablet", data=data, content_type=content_type)
    assert status == response.status_code
    assert [] == storage.working_tablets(staff_db)


def test_guessing_codes_is_rate_limited(client):
    statuses = [
        client.post("/kiosk/waiting-room-a/tablet", json={"code": "2222-2222"}).status_code
        for _ in range(11)
    ]
    assert [422] * 10 + [429] == statuses


@pytest.mark.parametrize("app_config", [{"TABLET_RATE_LIMIT": "3 per hour"}])
def test_each_tablet_has_its_own_rate_limit_and_a_429_keeps_nothing(app, db):
    first, second = KioskClient(app.test_client()), KioskClient(app.test_client())
    assert [201, 201, 201, 429] == [first.submit().status_code for _ in range(4)]
    assert 201 == second.submit().status_code
    assert 4 == storage.count_submissions(db)


def test_nothing_about_the_tablet_goes_in_the_answers_file(kiosk_client, app, db, today):
    token = kiosk_client.token_for("waiting-room-a")
    body = answers_dated(today.isoformat())
    assert 201 == kiosk_client.submit(body=body).status_code
    [row] = storage.submissions_for_site(db, "waiting-room-a")
    assert {"id", "site", "survey", "version", "answers", "date", "week"} == set(row)
    assert token not in str(row) and tablets.token_hash(token) not in str(row)
