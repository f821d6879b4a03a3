"""The submit endpoint: stored once on a good Send, a plain 4xx and nothing stored otherwise."""

import dataclasses
import datetime
import json

import pytest

from kiosk import storage
from kiosk.surveys import iso_week
from tests.conftest import all_answers, bearer, new_submission_id

URL = "/kiosk/waiting-room-a/submissions"


def stored_rows(db, site="waiting-room-a"):
    return storage.submissions_for_site(db, site)


def post_raw(kiosk_client, data, content_type, url=URL):
    return kiosk_client.client.post(
        url,
        data=data,
        content_type=content_type,
        headers={"Accept": "application/json", **bearer(kiosk_client.token_for("waiting-room-a"))},
    )


def test_a_good_send_is_stored_once_with_its_date_and_week(kiosk_client, db):
    day = datetime.date.today() - datetime.timedelta(days=3)
    answers = {"safe": "yes", "talk": "sometimes", "team": "no", "ideas": "skip"}
    body = {"id": new_submission_id(), "answers": answers, "date": day.isoformat()}
    response = kiosk_client.submit("youth-hub", body)
    assert (201, {"status": "stored", "id": body["id"]}) == (
        response.status_code,
        response.get_json(),
    )
    [row] = stored_rows(db, "youth-hub")
    assert (body["id"], "youth-hub", "child-evaluation", day.isoformat(), iso_week(day)) == (
        row["id"],
        row["site"],
        row["survey"],
        row["date"],
        row["week"],
    )
    assert answers == json.loads(row["answers"])


def test_a_send_without_a_date_counts_today(kiosk_client, db):
    before = datetime.date.today()
    assert 201 == kiosk_client.submit().status_code
    [row] = stored_rows(db)
    assert row["date"] in {before.isoformat(), datetime.date.today().isoformat()}


def test_a_date_ahead_of_the_server_counts_today(kiosk_client, db):
    """A tablet whose clock runs days ahead still has a child's real answers:
    they are stored, counted today, not refused and lost."""
    before = datetime.date.today()
    ahead = before + datetime.timedelta(days=30)
    body = {"id": new_submission_id(), "answers": all_answers(), "date": ahead.isoformat()}
    response = kiosk_client.submit(body=body)
    assert (201, {"status": "stored", "id": body["id"]}) == (
        response.status_code,
        response.get_json(),
    )
    [row] = stored_rows(db)
    assert row["date"] in {before.isoformat(), datetime.date.today().isoformat()}


def test_a_replayed_send_is_acknowledged_but_not_stored_twice(kiosk_client, db):
    body = {"id": new_submission_id(), "answers": all_answers()}
    assert 201 == kiosk_client.submit(body=body).status_code
    again = kiosk_client.submit(body={**body, "answers": all_answers("no")})
    assert (409, "duplicate") == (again.status_code, again.get_json()["reason"])
    assert [all_answers()] == [json.loads(row["answers"]) for row in stored_rows(db)]


def test_a_kiosk_sends_with_no_cookie_and_no_form_token(kiosk_client, db):
    """A page left open for a week has nothing to go stale, and nothing is set
    on the tablet that could tell one child's visit from another's."""
    response = kiosk_client.submit(body={"id": new_submission_id(), "answers": all_answers()})
    assert (201, None) == (response.status_code, response.headers.get("Set-Cookie"))
    assert 1 == len(stored_rows(db))


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_another_sites_form_cannot_send_answers(kiosk_client, db, content_type):
    """What a form on another site can send (no JSON without a preflight) is refused,
    even if it somehow held a tablet's token."""
    body = json.dumps({"id": new_submission_id(), "answers": all_answers()})
    response = post_raw(kiosk_client, body, content_type)
    assert 415 == response.status_code
    assert [] == stored_rows(db)


GOOD_JSON = json.dumps({"id": "0" * 32, "answers": all_answers()})


@pytest.mark.parametrize(
    ("data", "content_type", "status", "message"),
    [
        (
            {"answers": GOOD_JSON},
            "application/x-www-form-urlencoded",
            415,
            "Send the answers as JSON.",
        ),
        (GOOD_JSON, "text/plain", 415, "Send the answers as JSON."),
        (GOOD_JSON, "multipart/form-data; boundary=x", 415, "Send the answers as JSON."),
        ('{"id": "', "application/json", 400, "The answers could not be read."),
        (b"\xff\xfe\x00", "application/json", 400, "The answers could not be read."),
        ("", "application/json", 400, "The answers could not be read."),
        # Deeper than Python's JSON reader can go: still the sender's mistake.
        ("[" * 3000, "application/json", 400, "The answers could not be read."),
        (
            json.dumps({"id": "0" * 32, "answers": all_answers(), "survey": "x" * 4096}),
            "application/json",
            413,
            "Those answers are too big to be from the kiosk.",
        ),
        # Past the app-wide limit too: refused before reading, with the same words.
        (
            "[" + "0," * (1024 * 1024) + "0]",
            "application/json",
            413,
            "Those answers are too big to be from the kiosk.",
        ),
    ],
)
def test_a_body_of_the_wrong_kind_or_size_gets_a_plain_message(
    kiosk_client, db, data, content_type, status, message
):
    response = post_raw(kiosk_client, data, content_type)
    assert (status, {"status": "error", "message": message}) == (
        response.status_code,
        response.get_json(),
    )
    assert 0 == storage.count_submissions(db)


def test_an_unknown_site_is_not_found(kiosk_client, db):
    response = kiosk_client.submit("nowhere")
    assert (404, "We could not find that page.") == (
        response.status_code,
        response.get_json()["message"],
    )
    assert 0 == storage.count_submissions(db)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            {**all_answers(), "safe": "maybe"},
            "The answer to safe must be yes, sometimes, no or skip.",
        ),
        ({**all_answers(), "fun": "yes"}, "Unknown question: fun."),
        ({"safe": "yes"}, "Missing an answer to talk (use skip)."),
    ],
)
def test_an_answer_the_kiosk_does_not_offer_is_refused(kiosk_client, db, answers, message):
    response = kiosk_client.submit(body={"id": new_submission_id(), "answers": answers})
    assert (422, {"status": "error", "message": message}) == (
        response.status_code,
        response.get_json(),
    )
    assert 0 == storage.count_submissions(db)


def test_the_wrong_method_says_which_one_to_use(kiosk_client):
    response = kiosk_client.client.get(
        "/kiosk/waiting-room-a/submissions", headers={"Accept": "application/json"}
    )
    assert (405, {"OPTIONS", "POST"}, "error") == (
        response.status_code,
        {method.strip() for method in response.headers["Allow"].split(",")},
        response.get_json()["status"],
    )


# Surveys and their versions


def adult_answers(**chosen):
    answers = dict.fromkeys(("satisfied", "organised", "contribute", "included"), "skip")
    return {**answers, **chosen}


def test_a_page_loaded_before_surveys_had_versions_is_the_child_evaluation_v1(kiosk_client, db):
    """A tablet that queued answers before the upgrade sends no survey, or
    "child", and no version: its answers still count, under what it asked."""
    for extra in ({}, {"survey": "child"}):
        body = {"id": new_submission_id(), "answers": all_answers("no"), **extra}
        assert 201 == kiosk_client.submit(body=body).status_code
    assert [("child-evaluation", 1)] * 2 == [(r["survey"], r["version"]) for r in stored_rows(db)]


def test_answers_keep_the_version_they_were_given_to(kiosk_client, db):
    draft = storage.latest_version(db, "child-evaluation")
    wording = "Do you feel safe in our waiting room?"
    questions = (dataclasses.replace(draft.questions[0], text=wording), *draft.questions[1:])
    storage.save_draft(db, dataclasses.replace(draft, questions=questions, version=None))
    storage.publish_draft(db, "child-evaluation", datetime.date.today())
    # A tablet offline since before the change sends version 1 days later.
    old = {"id": new_submission_id(), "survey": "child-evaluation", "version": 1}
    new = {"id": new_submission_id(), "survey": "child-evaluation", "version": 2}
    for body in (old, new):
        assert 201 == kiosk_client.submit(body={**body, "answers": all_answers()}).status_code
    versions = {row["id"]: row["version"] for row in stored_rows(db)}
    assert {old["id"]: 1, new["id"]: 2} == versions
    assert wording == storage.survey_version(db, "child-evaluation", 2).questions[0].text
    assert (
        "during our meetings" in storage.survey_version(db, "child-evaluation", 1).questions[0].text
    )


def test_a_scale_answer_is_an_options_number(kiosk_client, db):
    answers = adult_answers(satisfied="1", organised="3", included="5")
    body = {"id": new_submission_id(), "survey": "adult-evaluation", "version": 1}
    assert 201 == kiosk_client.submit(body={**body, "answers": answers}).status_code
    [row] = stored_rows(db)
    assert ("adult-evaluation", 1, answers) == (
        row["survey"],
        row["version"],
        json.loads(row["answers"]),
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"survey": "adult-evaluation", "version": 1, "answers": adult_answers(organised="4")},
            "The answer to organised must be 1, 2, 3 or skip.",
        ),
        (
            {"survey": "adult-evaluation", "version": 1, "answers": adult_answers(included="yes")},
            "The answer to included must be 1, 2, 3, 4, 5 or skip.",
        ),
        # A question answered in words only is never a choice.
        (
            {"survey": "adult-evaluation", "version": 1, "answers": adult_answers(suggestions="1")},
            "Unknown question: suggestions.",
        ),
        (
            {"survey": "adult-evaluation", "version": 2, "answers": adult_answers()},
            "Unknown survey, or unknown version of it.",
        ),
        (
            {"survey": "adult-evaluation", "answers": adult_answers()},
            "Say which version of the survey these answers are for.",
        ),
        (
            {"survey": "child-evaluation", "version": 1, "answers": adult_answers()},
            "Unknown question: contribute.",
        ),
    ],
)
def test_answers_that_do_not_fit_their_version_are_refused(kiosk_client, db, extra, message):
    response = kiosk_client.submit(body={"id": new_submission_id(), **extra})
    assert (422, message) == (response.status_code, response.get_json()["message"])
    assert [] == stored_rows(db)
