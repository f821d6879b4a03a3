"""Safeguarding alerts: a disclosure reaches the lead by email at the next alert
time, with no words of the child, no site and no time; a failed email is kept
and tried again; the lead acknowledges the concern in the queue."""

import datetime
import time

import pytest

from kiosk import create_app, storage
from kiosk.app import schedule
from kiosk.feedback import receipt_codes
from tests.conftest import (
    PASSWORD,
    form_token,
    free_port,
    make_config,
    running_gunicorn,
    send_feedback,
    sign_in,
)

DISCLOSURE = "my step dad hits me, I dont want to go home"


@pytest.fixture
def at_nine(today) -> datetime.datetime:
    """Today just after 09:00, when alerts are due."""
    return datetime.datetime.combine(today, datetime.time(9, 0, 30))


@pytest.fixture
def mail_app(tmp_path, smtp_server):
    port, _ = smtp_server
    app = create_app(
        make_config(
            tmp_path,
            SMTP_HOST="127.0.0.1",
            SMTP_PORT=port,
            SMTP_STARTTLS=False,
            MAIL_FROM="kiosk@example.org",
            PUBLIC_BASE_URL="https://feedback.example.org",
        )
    )
    result = app.test_cli_runner().invoke(
        args=["create-user", "lead", "--email", "lead@example.org"], input=PASSWORD + "\n"
    )
    assert 0 == result.exit_code
    yield app
    storage.close_thread_connections()


def body_of(message) -> str:
    return message.get_payload(decode=True).decode()


def test_a_disclosure_reaches_the_lead_at_the_next_alert_time_with_no_words(
    mail_app, smtp_server, at_nine
):
    _, emails = smtp_server
    assert (
        201
        == send_feedback(
            mail_app.test_client(), text=DISCLOSURE, topic="Something else"
        ).status_code
    )
    # Nothing is sent the moment the child presses Send...
    assert [] == emails
    # ...but at the next alert time, once.
    assert "alerts" in schedule.run_due_jobs(mail_app, at_nine)
    schedule.run_due_jobs(mail_app, at_nine + datetime.timedelta(minutes=1))
    [email] = emails
    assert "lead@example.org" == email["To"]
    assert "kiosk@example.org" == email["From"]
    body = body_of(email)
    assert "1 message needs attention" in body
    assert "https://feedback.example.org/admin/concerns" in body
    # Nothing of the child: no words, no topic, no site, no day or time they wrote.
    for giveaway in ("step dad", "hits", "home", "Something else", "Waiting room", "waiting-room",
                     datetime.date.today().isoformat(), "09:", "10:"):  # fmt: skip
        assert giveaway not in body and giveaway not in email["Subject"]


def test_each_alert_covers_only_what_is_new_and_quiet_times_send_nothing(
    mail_app, smtp_server, at_nine
):
    _, emails = smtp_server
    schedule.run_due_jobs(mail_app, at_nine)
    assert [] == emails  # nothing to say
    send_feedback(mail_app.test_client(), text=DISCLOSURE)
    send_feedback(mail_app.test_client(), text="someone hurts me at home")
    send_feedback(mail_app.test_client(), text="the fish tank is nice")
    schedule.run_due_jobs(mail_app, at_nine.replace(hour=13))
    assert "2 messages need attention" in body_of(emails[-1])
    send_feedback(mail_app.test_client(), text="I want to kill myself")
    schedule.run_due_jobs(mail_app, at_nine.replace(hour=16))
    assert "1 message needs attention" in body_of(emails[-1])
    assert 2 == len(emails)


def test_an_alert_that_could_not_be_sent_is_kept_and_tried_again(tmp_path, smtp_server, at_nine):
    port, emails = smtp_server
    closed = free_port()
    app = create_app(
        make_config(tmp_path, SMTP_HOST="127.0.0.1", SMTP_PORT=closed, SMTP_STARTTLS=False)
    )
    app.test_cli_runner().invoke(
        args=["create-user", "lead", "--email", "lead@example.org"], input=PASSWORD + "\n"
    )
    send_feedback(app.test_client(), text=DISCLOSURE)
    schedule.run_due_jobs(app, at_nine)
    staff = app.test_client()
    sign_in(staff, "lead")
    page = staff.get("/admin/").text
    assert "Alerts could not be sent since" in page
    assert "ConnectionRefusedError" in page
    # The mail server is back: the next minute's look sends it.
    app.config["SMTP_PORT"] = port
    assert "alerts" in schedule.run_due_jobs(app, at_nine + datetime.timedelta(minutes=1))
    assert 1 == len(emails)
    assert "Alerts could not be sent" not in staff.get("/admin/").text
    storage.close_thread_connections()


def test_with_no_mail_server_every_staff_page_says_alerts_are_off(app, staff):
    for page in ("/admin/", "/admin/comments", "/admin/account"):
        assert "Safeguarding alerts are off" in staff.get(page).text


def test_no_lead_with_an_email_counts_as_an_alert_not_sent(tmp_path, smtp_server):
    port, emails = smtp_server
    app = create_app(
        make_config(tmp_path, SMTP_HOST="127.0.0.1", SMTP_PORT=port, SMTP_STARTTLS=False)
    )
    app.test_cli_runner().invoke(args=["create-user", "lead"], input=PASSWORD + "\n")
    send_feedback(app.test_client(), text=DISCLOSURE)
    result = app.test_cli_runner().invoke(args=["send-alerts"])
    assert "no safeguarding lead has an email address" in result.output
    assert [] == emails
    storage.close_thread_connections()


def test_send_alerts_on_the_command_line(mail_app, smtp_server):
    _, emails = smtp_server
    runner = mail_app.test_cli_runner()
    assert "No new messages need attention" in runner.invoke(args=["send-alerts"]).output
    send_feedback(mail_app.test_client(), text=DISCLOSURE)
    assert "Alert sent to 1 safeguarding lead(s)" in runner.invoke(args=["send-alerts"]).output
    assert 1 == len(emails)


def test_a_concern_taken_back_leaves_a_trace_without_words_and_the_lead_is_told(
    mail_app, smtp_server, at_nine
):
    _, emails = smtp_server
    reply = send_feedback(mail_app.test_client(), text=DISCLOSURE)
    code = reply.get_json()["receipt_code"]
    db = storage.open_database(mail_app.config["DATABASE"])
    receipt = receipt_codes.hash_receipt_code(code, mail_app.config["SECRET_KEY"])
    assert storage.withdraw_comment(db, receipt, datetime.date.today() - datetime.timedelta(days=1))
    db.close()
    schedule.run_due_jobs(mail_app, at_nine)
    body = body_of(emails[-1])
    assert "taken back by the writer" in body and "step dad" not in body
    lead = mail_app.test_client()
    sign_in(lead, "lead")
    queue = lead.get("/admin/concerns").text
    assert "was taken back by its writer on" in queue
    assert "step dad" not in queue
    audit = lead.get("/admin/audit").text
    assert "taken back by its writer" in audit and "step dad" not in audit


def test_the_lead_acknowledges_a_concern_with_a_note(mail_app):
    send_feedback(mail_app.test_client(), text=DISCLOSURE)
    lead = mail_app.test_client()
    sign_in(lead, "lead")
    queue = lead.get("/admin/concerns").text
    assert "step dad hits me" in queue and "Waiting (1)" in queue
    db = storage.open_database(mail_app.config["DATABASE"])
    [concern] = storage.concern_queue(db)
    note = "discussed with the designated safeguarding lead, referral made"
    response = lead.post(
        f"/admin/concerns/{concern['id']}/acknowledge",
        data={"csrf_token": form_token(lead, "/admin/concerns"), "note": note},
    )
    assert 302 == response.status_code
    [done] = storage.concern_queue(db)
    db.close()
    assert ("lead", datetime.date.today().isoformat(), note, "seen") == (
        done["acknowledged_by"], done["acknowledged_on"], done["acknowledgement"], done["status"]
    )  # fmt: skip
    page = lead.get("/admin/concerns").text
    assert "Waiting (0)" in page and f"Acknowledged by lead on {done['acknowledged_on']}" in page
    audit = lead.get("/admin/audit").text
    assert note in audit and "step dad" not in audit
    # The banner is gone too: it is seen.
    assert "need attention and" not in lead.get("/admin/").text


def test_an_acknowledgement_needs_a_note(mail_app):
    send_feedback(mail_app.test_client(), text=DISCLOSURE)
    lead = mail_app.test_client()
    sign_in(lead, "lead")
    db = storage.open_database(mail_app.config["DATABASE"])
    [concern] = storage.concern_queue(db)
    lead.post(
        f"/admin/concerns/{concern['id']}/acknowledge",
        data={"csrf_token": form_token(lead, "/admin/concerns"), "note": "  "},
    )
    assert storage.concern_queue(db)[0]["acknowledged_by"] is None
    db.close()
    assert (
        404
        == lead.post(
            "/admin/concerns/nothing/acknowledge",
            data={"csrf_token": form_token(lead, "/admin/concerns"), "note": "x"},
        ).status_code
    )


def test_two_gunicorn_workers_send_one_alert(tmp_path, smtp_server):
    """Both workers' schedulers look as they start; the alert goes once."""
    port, emails = smtp_server
    setup = create_app(make_config(tmp_path, SECRET_KEY="gunicorn-test"))
    setup.test_cli_runner().invoke(
        args=["create-user", "lead", "--email", "lead@example.org"], input=PASSWORD + "\n"
    )
    send_feedback(setup.test_client(), text=DISCLOSURE)
    storage.close_thread_connections()
    mail_settings = {
        "KIOSK_SMTP_HOST": "127.0.0.1",
        "KIOSK_SMTP_PORT": str(port),
        "KIOSK_SMTP_STARTTLS": "false",
    }
    with running_gunicorn(tmp_path, **mail_settings):
        deadline = time.monotonic() + 20
        while not emails and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2)  # time for a second email, were there to be one
    assert 1 == len(emails)
    assert "1 message needs attention" in body_of(emails[0])
