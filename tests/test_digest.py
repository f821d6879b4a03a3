"""The weekly digest: last week's figures reach each member of staff who asked
for it, at DIGEST_DAY and DIGEST_TIME, once; small sites show nothing, not even
by subtraction; no child's words; kept and tried again when the mail server is
down."""

import datetime
import re
import shutil
import uuid
from typing import NamedTuple

import pytest

from kiosk import create_app, storage
from kiosk.app import schedule
from kiosk.feedback.comments import Comment
from kiosk.surveys import CHILD_EVALUATION, Question, Submission, Survey
from tests.conftest import (
    MADE_BY_A640774,
    PASSWORD,
    form_token,
    free_port,
    make_config,
    send_feedback,
    sign_in,
)


class Weeks(NamedTuple):
    this_monday: datetime.date
    last_week: datetime.date  # its Monday
    week_before: datetime.date
    last_week_key: str
    due: datetime.datetime  # this Monday, just after the digest's time


@pytest.fixture
def weeks(today) -> Weeks:
    """The weeks around today, read when the test runs."""
    this_monday = today - datetime.timedelta(days=today.weekday())
    last_week = this_monday - datetime.timedelta(weeks=1)
    return Weeks(
        this_monday,
        last_week,
        this_monday - datetime.timedelta(weeks=2),
        "{}-W{:02d}".format(*last_week.isocalendar()[:2]),
        datetime.datetime.combine(this_monday, datetime.time(8, 0, 30)),
    )


SAFE_QUESTION = "Do you feel safe during our meetings?"
MARKERS = ("periwinkle", "zeppelin", "marmalade")


def mail_config(tmp_path, port, **overrides):
    return make_config(
        tmp_path,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=port,
        SMTP_STARTTLS=False,
        MAIL_FROM="kiosk@example.org",
        PUBLIC_BASE_URL="https://feedback.example.org",
        **overrides,
    )


def add_account(app, name, email="", role="staff", wants_digest=True):
    args = ["create-user", name, "--role", role] + (["--email", email] if email else [])
    assert 0 == app.test_cli_runner().invoke(args=args, input=PASSWORD + "\n").exit_code
    staff_db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    storage.change_account(staff_db, name, weekly_digest=wants_digest)
    staff_db.close()


def add_answers(app, site, day, how_many, safe="yes", others="yes"):
    """`how_many` children at `site` on `day`, as the kiosk stores them."""
    db = storage.open_database(app.config["DATABASE"])
    answers = {"safe": safe, "talk": others, "team": others, "ideas": others}
    for _ in range(how_many):
        submission = Submission(uuid.uuid4().hex, site, CHILD_EVALUATION, answers, day)
        assert storage.record_submission(db, submission)
    db.close()


def add_comment(app, text, day, concern=False):
    db = storage.open_database(app.config["DATABASE"])
    comment = Comment(
        uuid.uuid4().hex, "waiting-room-a", None, text, None, concern, uuid.uuid4().hex, day
    )
    assert storage.record_comment(db, comment)
    db.close()


def a_busy_fortnight(app, weeks, small_site_answer="yes"):
    """Waiting room A: 10 children the week before last (2 said "No" to feeling
    safe), 12 last week (8 said "No"). Youth hub: 3 children last week, too few."""
    add_answers(app, "waiting-room-a", weeks.week_before + datetime.timedelta(days=2), 8)
    add_answers(app, "waiting-room-a", weeks.week_before + datetime.timedelta(days=3), 2, safe="no")
    add_answers(app, "waiting-room-a", weeks.last_week + datetime.timedelta(days=1), 4)
    add_answers(app, "waiting-room-a", weeks.last_week + datetime.timedelta(days=4), 8, safe="no")
    add_answers(app, "youth-hub", weeks.last_week + datetime.timedelta(days=2), 3,
                small_site_answer, small_site_answer)  # fmt: skip


def parts(email) -> tuple[str, str]:
    """The plain-text and HTML parts of an email."""
    assert "multipart/alternative" == email.get_content_type()
    text, html = email.get_payload()
    assert ("text/plain", "text/html") == (text.get_content_type(), html.get_content_type())
    return text.get_payload(decode=True).decode(), html.get_payload(decode=True).decode()


@pytest.fixture
def mail_app(tmp_path, smtp_server):
    port, _ = smtp_server
    app = create_app(mail_config(tmp_path, port))
    add_account(app, "sam", "sam@example.org", role="administrator")
    yield app
    storage.close_thread_connections()


def test_the_digest_goes_at_its_time_once_and_only_to_those_who_asked_and_have_an_email(
    mail_app, smtp_server, weeks
):
    _, emails = smtp_server
    add_account(mail_app, "robin", "robin@example.org", wants_digest=False)
    add_account(mail_app, "lee", "")  # asked, but has no email address
    add_account(mail_app, "kim", "kim@example.org")
    staff_db = storage.open_staff_database(storage.staff_path(mail_app.config["DATABASE"]))
    storage.change_account(staff_db, "kim", disabled=True)
    staff_db.close()

    assert "digest" in schedule.run_due_jobs(mail_app, weeks.due)
    assert "digest" not in schedule.run_due_jobs(
        mail_app, weeks.due + datetime.timedelta(minutes=1)
    )
    for later in (datetime.timedelta(days=3), datetime.timedelta(days=6, hours=15)):
        assert "digest" not in schedule.run_due_jobs(mail_app, weeks.due + later)
    assert ["sam@example.org"] == [email["To"] for email in emails]
    assert f"Feedback kiosk: the weekly digest for {weeks.last_week_key}" == emails[0]["Subject"]
    # Not a minute before next Monday 08:00, then once.
    next_monday = weeks.due + datetime.timedelta(weeks=1)
    assert "digest" not in schedule.run_due_jobs(mail_app, next_monday.replace(hour=7, minute=59))
    assert "digest" in schedule.run_due_jobs(mail_app, next_monday)
    schedule.run_due_jobs(mail_app, next_monday + datetime.timedelta(minutes=5))
    assert 2 == len(emails)
    assert weeks.this_monday.strftime("%G-W%V") in emails[1]["Subject"]


def test_the_day_and_time_come_from_the_settings(tmp_path, smtp_server, weeks):
    port, emails = smtp_server
    app = create_app(mail_config(tmp_path, port, DIGEST_DAY="wednesday", DIGEST_TIME="17:15"))
    add_account(app, "sam", "sam@example.org")
    wednesday = weeks.due.replace(hour=17, minute=15) + datetime.timedelta(days=2)
    schedule.run_due_jobs(app, wednesday)  # a new server sends last Wednesday's at once
    schedule.run_due_jobs(app, wednesday + datetime.timedelta(days=6, hours=23))
    assert 1 == len(emails)
    schedule.run_due_jobs(app, wednesday + datetime.timedelta(weeks=1))
    assert 2 == len(emails)
    storage.close_thread_connections()


def test_the_digest_shows_what_the_summary_shows_and_no_words(mail_app, smtp_server, weeks):
    _, emails = smtp_server
    a_busy_fortnight(mail_app, weeks)
    add_comment(mail_app, f"the {MARKERS[0]} in the waiting room", weeks.last_week)
    add_comment(mail_app, f"I like the {MARKERS[1]}", weeks.last_week + datetime.timedelta(days=5))
    add_comment(mail_app, f"{MARKERS[2]} two weeks ago", weeks.week_before)
    # A disclosure this week: an open concern, counted but never quoted.
    send_feedback(mail_app.test_client(), text="my step dad hits me, I dont want to go home")

    schedule.run_due_jobs(mail_app, weeks.due)
    [email] = emails
    text, html = parts(email)

    assert "Waiting room A: 12 responses" in text
    assert f"{SAFE_QUESTION} Yes 4, Sometimes 0, No 8, Skipped 0" in text
    assert "Youth hub: fewer than 5 responses: not shown" in text
    # All sites leave Youth hub's 3 out, as the summary page does: 15 would give them away.
    assert "All sites: 12 responses\r\n" in text
    assert "(1 site with fewer than 5 responses is not included)" in text
    assert "1 site with fewer than 5 responses is not included." in html
    assert "15 responses" not in text and "15 responses" not in html
    assert (
        f'Worth a look: "No" to "{SAFE_QUESTION}" (Waiting room A) more than doubled:'
        " 8 of 12 responses, against 2 of 10 the week before." in text
    )
    assert "Comments and drawings last week: 2" in text
    assert "Messages that need attention and are not acknowledged yet: 1" in text
    link = f"https://feedback.example.org/admin/?week={weeks.last_week_key}"
    assert link in text
    for part in (text, html):
        for giveaway in (*MARKERS, "step dad", "hits", "Something else"):
            assert giveaway not in part
        # No time of day anywhere: not the answers', not the sending's.
        assert re.search(r"\b\d{1,2}:\d{2}\b", part) is None
    # The HTML part: the same figures, one column, nothing loaded from anywhere.
    assert "Fewer than 5 responses: not shown." in html and "Yes 4" in html
    assert [link] == re.findall(r'href="([^"]*)"', html)
    for loads_something in ("<img", "<link", "src=", "url(", "@import", "<script", "<style"):
        assert loads_something not in html.lower()
    assert 'name="viewport"' in html and "max-width:560px" in html


def test_a_small_site_changes_nothing_in_the_email_whatever_its_children_answered(
    tmp_path, smtp_server, weeks
):
    port, emails = smtp_server
    for answer in ("yes", "no"):
        app = create_app(mail_config(tmp_path / answer, port))
        add_account(app, "sam", "sam@example.org")
        a_busy_fortnight(app, weeks, small_site_answer=answer)
        schedule.run_due_jobs(app, weeks.due)
        storage.close_thread_connections()
    assert 2 == len(emails)
    assert parts(emails[0]) == parts(emails[1])


def test_no_clear_change_says_nothing_and_a_change_of_a_few_children_is_not_one(
    mail_app, smtp_server, weeks
):
    _, emails = smtp_server
    add_answers(mail_app, "waiting-room-a", weeks.week_before, 10)
    add_answers(mail_app, "waiting-room-a", weeks.week_before, 1, safe="no")
    add_answers(mail_app, "waiting-room-a", weeks.last_week, 11)
    add_answers(mail_app, "waiting-room-a", weeks.last_week, 3, safe="no")  # tripled, but 1 to 3
    schedule.run_due_jobs(mail_app, weeks.due)
    text, html = parts(emails[0])
    assert "Waiting room A: 14 responses" in text
    assert "Worth a look" not in text and "Worth a look" not in html


def test_send_digest_on_the_command_line_sends_last_weeks_once(mail_app, smtp_server, today):
    _, emails = smtp_server
    runner = mail_app.test_cli_runner()
    assert "Digest sent to 1 account(s)." in runner.invoke(args=["send-digest"]).output
    assert "No digest to send" in runner.invoke(args=["send-digest"]).output
    [email] = emails
    last_week = (today - datetime.timedelta(weeks=1)).strftime("%G-W%V")
    assert email["Subject"].endswith(last_week)


def test_a_digest_that_could_not_be_sent_is_kept_and_tried_again_apart_from_alerts(
    tmp_path, smtp_server, weeks
):
    port, emails = smtp_server
    app = create_app(mail_config(tmp_path, free_port()))  # nobody listens there
    add_account(app, "sam", "sam@example.org", role="safeguarding-lead")
    schedule.run_due_jobs(app, weeks.due)
    assert "digest" in schedule.run_due_jobs(app, weeks.due + datetime.timedelta(minutes=1))
    assert [] == emails
    staff_db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    [owed] = staff_db.execute("SELECT week, failing_since, problem FROM digests").fetchall()
    assert weeks.last_week_key == owed[0] and owed[1] and "ConnectionRefusedError" in owed[2]
    # A failing digest is not an alert failing: alerts keep their own record.
    assert storage.alert_state(staff_db)["failing_since"] is None
    staff_db.close()
    # A disclosure while the digest is failing: its alert is not held up by it.
    send_feedback(app.test_client(), text="my step dad hits me, I dont want to go home")
    app.config["SMTP_PORT"] = port
    two_days_on = weeks.due + datetime.timedelta(days=2, hours=1)  # 09:30 Wednesday: alerts due
    assert {"alerts", "digest"} <= set(schedule.run_due_jobs(app, two_days_on))
    subjects = sorted(email["Subject"] for email in emails)
    assert [
        "Feedback kiosk: messages need attention",
        f"Feedback kiosk: the weekly digest for {weeks.last_week_key}",
    ] == subjects
    assert "digest" not in schedule.run_due_jobs(app, two_days_on + datetime.timedelta(minutes=1))
    assert 2 == len(emails)
    storage.close_thread_connections()


def test_each_person_chooses_the_digest_on_their_own_account_page(app, client):
    add_account(app, "sam", "", role="staff", wants_digest=False)
    sign_in(client, "sam")
    page = client.get("/admin/account").text
    assert "Send me the weekly digest email" in page and "each Monday at 08:00" in page

    def save(**fields):
        token = form_token(client, "/admin/account")
        data = {"csrf_token": token, "current": PASSWORD, **fields}
        return client.post("/admin/account", data=data)

    # Without an email address there is nowhere to send it.
    refused = save(weekly_digest="y")
    assert 422 == refused.status_code and "give your email address too" in refused.text
    assert 302 == save(email="sam@example.org", weekly_digest="y").status_code
    staff_db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    assert storage.find_staff(staff_db, "sam")["weekly_digest"]
    assert re.search(
        r'<input[^>]* checked [^>]*name="weekly_digest"', client.get("/admin/account").text
    )
    assert 302 == save(email="sam@example.org").status_code
    assert not storage.find_staff(staff_db, "sam")["weekly_digest"]
    assert not re.search(
        r"<input[^>]* checked [^>]*weekly_digest", client.get("/admin/account").text
    )
    actions = [entry["action"] for entry in storage.audit_entries(staff_db)]
    assert "asked for the weekly digest" in actions and "stopped the weekly digest" in actions
    staff_db.close()


def test_an_account_made_before_the_digest_existed_does_not_get_it(tmp_path):
    shutil.copy(MADE_BY_A640774, tmp_path / "kiosk.db")
    app = create_app(make_config(tmp_path))
    staff_db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    assert storage.find_staff(staff_db, "sam")["weekly_digest"] is False
    staff_db.close()
    storage.close_thread_connections()


@pytest.mark.parametrize("day", ["Funday", "", "Mon", "1"])
def test_a_digest_day_that_is_not_a_day_of_the_week_stops_the_start(tmp_path, day):
    with pytest.raises(ValueError, match="a day of the week is one of Monday"):
        create_app(make_config(tmp_path, DIGEST_DAY=day))


def test_a_digest_time_that_is_not_a_time_stops_the_start(tmp_path):
    with pytest.raises(ValueError):
        create_app(make_config(tmp_path, DIGEST_TIME="8 in the morning"))


def test_each_survey_answered_or_in_use_has_its_own_block(mail_app, smtp_server, weeks):
    _, emails = smtp_server
    db = storage.open_database(mail_app.config["DATABASE"])
    adults = {"satisfied": "1", "organised": "2", "contribute": "3", "included": "skip"}
    for site, how_many in (("waiting-room-a", 6), ("youth-hub", 2)):
        for _ in range(how_many):
            submission = Submission(
                uuid.uuid4().hex,
                site,
                "adult-evaluation",
                adults,
                weeks.last_week + datetime.timedelta(1),
            )
            assert storage.record_submission(db, submission)
    unused = Survey("not-used", "A survey nobody runs", "adults", (Question("q", "Anything?"),))
    assert storage.create_survey(db, unused)
    storage.publish_draft(db, "not-used", weeks.week_before)
    db.close()
    add_answers(mail_app, "waiting-room-a", weeks.last_week, 7)

    schedule.run_due_jobs(mail_app, weeks.due)
    text, html = parts(emails[0])
    adults_block = text.index("Co-production evaluation for adults")
    children = text.index("Co-production evaluation for children")
    assert "Waiting room A: 7 responses" in text[children:]
    block = text[adults_block:children]
    assert "Waiting room A: 6 responses" in block
    assert (
        "Overall, how satisfied are you with our co-production meetings? Very Satisfied 6,"
        " Somewhat Satisfied 0, Neutral 0, Somewhat Dissatisfied 0, Very Dissatisfied 0, Skipped 0"
    ) in block
    assert "Youth hub: fewer than 5 responses: not shown" in block
    assert "All sites: 6 responses" in block
    assert "1 site with fewer than 5 responses is not included" in block
    assert "8 responses" not in text and "13 responses" not in text
    assert "Do you have suggestions" not in text  # words only: never in a digest
    assert "A survey nobody runs" not in text and "A survey nobody runs" not in html
    assert "Co-production evaluation for adults</h2>" in html and "Very Satisfied 6" in html
