"""The survey after a co-production meeting, from the meeting's QR code: the
phone survey's page, posting back to the meeting's address; choices kept for
the meeting only (never in submissions), words kept as comments with no
meeting on them; a closed meeting keeps no choice but still keeps words."""

import datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kiosk import create_app, storage
from kiosk.surveys import ADULT_EVALUATION, CHILD_EVALUATION
from tests.conftest import make_config
from tests.test_phone_survey import assert_nothing_kept, comments, read_page, submissions, text

DAY = datetime.timedelta(days=1)
CHILDREN = {f"answer-{key}": "yes" for key in ("safe", "talk", "team", "ideas")}


def plan(db, day=None, surveys=(CHILD_EVALUATION, ADULT_EVALUATION), group=None):
    """A group at Waiting room A (made once) and a meeting of it on `day` (today)."""
    today = datetime.date.today()
    day = day or today
    group = group or storage.find_group(db, "young-voices") and "young-voices"
    if not group:
        group = storage.add_group(
            db, "Young Voices", "waiting-room-a", "mixed", list(surveys), today
        )
    meeting_id = storage.add_meeting(db, group, day, list(surveys))
    return storage.find_meeting(db, meeting_id)


def address(meeting, survey=CHILD_EVALUATION) -> str:
    return f"/meeting/{meeting['code']}/{survey}"


def send(client, url, fields=None, **given):
    """Open the page as a phone does, then press Send with what was given."""
    if fields is None:
        page = client.get(url)
        assert 200 == page.status_code, text(page)[:300]
        fields = read_page(page).hidden
    return client.post(url, data={**fields, **given})


def meeting_answers(db) -> list[dict]:
    return list(db.query("SELECT * FROM meeting_answers"))


def test_the_page_is_the_phone_survey_in_the_sites_name_posting_back_to_the_meeting(client, db):
    meeting = plan(db)
    page = client.get(address(meeting))
    assert 200 == page.status_code
    parsed = read_page(page)
    assert "Do you feel safe during our meetings?" in [g["name"] for g in parsed.groups]
    assert "Waiting room A" in text(page)
    assert f'action="{address(meeting)}"' in text(page)


def test_choices_are_kept_for_the_meeting_dated_today_and_never_as_submissions(client, db, today):
    meeting = plan(db)
    reply = send(client, address(meeting), **CHILDREN)
    assert 201 == reply.status_code
    assert "Thank you for telling us" in text(reply)
    [kept] = meeting_answers(db)
    assert (kept["meeting"], kept["date"]) == (meeting["id"], today.isoformat())
    assert [] == submissions(db)
    counts = storage.meeting_answer_counts(db, [meeting["id"]], CHILD_EVALUATION)
    assert 1 == counts[meeting["id"]][1]["responses"]


def test_sent_twice_is_kept_once(client, db):
    meeting = plan(db)
    page = client.get(address(meeting))
    fields = read_page(page).hidden
    assert 201 == send(client, address(meeting), fields, **CHILDREN).status_code
    assert 200 == send(client, address(meeting), fields, **CHILDREN).status_code
    assert 1 == len(meeting_answers(db))


def test_words_become_comments_at_the_groups_site_with_no_meeting_on_them(client, db):
    meeting = plan(db)
    url = address(meeting, ADULT_EVALUATION)
    reply = send(client, url, **{"answer-organised": "1", "comments-suggestions": "Start on time"})
    assert 201 == reply.status_code
    assert "Your receipt code is" in text(reply)
    [comment] = comments(db)
    assert (comment["site"], comment["text"]) == ("waiting-room-a", "Start on time")
    assert meeting["id"] not in str(comment) and meeting["code"] not in str(comment)
    assert 1 == len(meeting_answers(db))


def test_words_that_may_be_a_disclosure_are_marked_as_on_a_phone(client, db):
    meeting = plan(db)
    send(client, address(meeting, ADULT_EVALUATION), **{"comments-suggestions": "he hit me"})
    [comment] = comments(db)
    assert comment["concern"]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("where", ["unknown code", "survey not offered"])
def test_an_unknown_code_or_a_survey_not_offered_is_a_plain_404(client, db, method, where):
    meeting = plan(db, surveys=(CHILD_EVALUATION,))
    url = "/meeting/nothing-here/child-evaluation"
    if where == "survey not offered":
        url = address(meeting, ADULT_EVALUATION)
    reply = getattr(client, method)(url, data=CHILDREN)
    assert 404 == reply.status_code
    assert_nothing_kept(db)
    assert [] == meeting_answers(db)


def test_a_meeting_not_begun_says_when_it_opens_and_keeps_nothing(client, db, today):
    meeting = plan(db, day=today + DAY)
    page = client.get(address(meeting))
    assert 200 == page.status_code
    assert "This survey opens on" in text(page)
    assert "<form" not in text(page)
    assert 409 == client.post(address(meeting), data=CHILDREN).status_code
    assert [] == meeting_answers(db)


def test_a_closed_meeting_is_gone_and_says_so(client, db, today):
    meeting = plan(db, day=today - 8 * DAY)  # past its week
    page = client.get(address(meeting))
    assert 410 == page.status_code
    assert "This meeting&#39;s survey has closed. Thank you for wanting to tell us." in text(page)


def test_after_closing_the_choices_are_not_kept_but_the_words_are(client, db, today):
    meeting = plan(db)
    url = address(meeting, ADULT_EVALUATION)
    fields = read_page(client.get(url)).hidden
    storage.close_meeting(db, meeting["id"], today)
    reply = send(client, url, fields, **{"answer-organised": "1", "comments-included": "Scared"})
    assert 410 == reply.status_code
    assert "We did send what you wrote to the staff." in text(reply)
    assert "Your receipt code is" in text(reply)
    assert [] == meeting_answers(db)
    assert ["Scared"] == [c["text"] for c in comments(db)]


def test_after_closing_choices_alone_keep_nothing(client, db, today):
    meeting = plan(db)
    fields = read_page(client.get(address(meeting))).hidden
    storage.close_meeting(db, meeting["id"], today)
    reply = send(client, address(meeting), fields, **CHILDREN)
    assert 410 == reply.status_code
    assert "what you wrote" not in text(reply)
    assert [] == meeting_answers(db)
    assert_nothing_kept(db)


def test_the_page_is_in_the_sites_languages(client, db):
    storage.set_site_languages(db, "waiting-room-a", ["en", "ar"], "ar")
    meeting = plan(db)
    page = text(client.get(address(meeting)))
    assert 'dir="rtl"' in page


@pytest.mark.parametrize("app_config", [{"FEEDBACK_RATE_LIMIT": "2 per 10 minutes"}])
def test_sending_is_rate_limited_like_the_phone_survey(client, db):
    meeting = plan(db)
    statuses = [send(client, address(meeting), **CHILDREN).status_code for _ in range(3)]
    assert [201, 201, 429] == statuses
    assert 2 == len(meeting_answers(db))


JUNK = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
names = st.sampled_from(
    [
        "answer-organised",
        "answer-suggestions",
        "answer-",
        "comments-included",
        "comments-organised",
        "version",
        "submission_id",
        "receipt_code",
        "receipt_seal",
        "website",
        "csrf_token",
    ]
) | st.text(max_size=20)
values = st.sampled_from(["1", "5", "skip", "yes", "", "he hit me"]) | st.text(max_size=1100)


@pytest.fixture
def junk_app(tmp_path):
    app = create_app(make_config(tmp_path, FEEDBACK_RATE_LIMIT="100000 per minute"))
    db = storage.open_database(app.config["DATABASE"])
    yield app, db, plan(db)
    db.close()
    storage.close_thread_connections()


@JUNK
@given(junk=st.dictionaries(names, values | st.lists(values, max_size=3), max_size=8))
def test_junk_posts_are_never_a_500_and_keep_something_only_when_thanked(junk_app, junk):
    app, db, meeting = junk_app
    client = app.test_client()
    url = address(meeting, ADULT_EVALUATION)
    fields = read_page(client.get(url)).hidden
    before = len(meeting_answers(db)) + len(comments(db))
    response = client.post(url, data={**fields, **junk})
    event(str(response.status_code))
    assert response.status_code < 500, text(response)[:300]
    after = len(meeting_answers(db)) + len(comments(db))
    assert (after > before) == (response.status_code == 201)
    assert [] == submissions(db)


def test_a_retired_sites_meeting_rests_but_keeps_what_an_open_page_sends(client, db):
    meeting = plan(db)
    page = client.get(address(meeting))
    fields = read_page(page).hidden
    storage.set_site_retired(db, "waiting-room-a", True)
    resting = client.get(address(meeting))
    assert (410, True) == (resting.status_code, "This kiosk is resting" in text(resting))
    assert "<fieldset" not in text(resting)
    # A phone that opened the page before the site was retired still sends it.
    assert 201 == send(client, address(meeting), fields, **CHILDREN).status_code
    assert 1 == len(meeting_answers(db))
