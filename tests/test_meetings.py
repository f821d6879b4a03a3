"""A group's meetings in the staff area: plan one, print its QR codes, close
its answers for good, delete one not begun; and the results, only ever in
whole blocks of closed meetings, never a count for one small meeting."""

import datetime
import re
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from admin.meeting_figures import results_for
from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION, CHILD_EVALUATION, Submission
from tests.conftest import all_answers, form_token, make_account, sign_in
from tests.test_meeting_survey import CHILDREN, address, send
from tests.test_phone_survey import text
from tests.test_qr import rasterise, scan

DAY = datetime.timedelta(days=1)
GROUP = "/admin/co-production/young-voices"
SVG = re.compile(r"<svg.*?</svg>", re.S)


@pytest.fixture
def group(db, today):
    return storage.add_group(
        db, "Young Voices", "waiting-room-a", "children", [CHILD_EVALUATION], today
    )


def plan(staff, day: str, group_page=GROUP):
    data = {"csrf_token": form_token(staff, group_page), "date": day}
    return staff.post(group_page + "/meetings", data=data)


def typed(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def meeting_with(staff, db, day, answers: int, close=True) -> dict:
    """A meeting on `day` with `answers` children's answers, then closed by staff."""
    reply = plan(staff, typed(day))
    assert 302 == reply.status_code, text(reply)[:400]
    meeting_id = reply.headers["Location"].rsplit("/", 1)[1]
    meeting = storage.find_meeting(db, meeting_id)
    for _ in range(answers):
        assert 201 == send(staff, address(meeting), **CHILDREN).status_code
    if close:
        url = f"{GROUP}/meetings/{meeting_id}/close"
        assert 302 == staff.post(url, data={"csrf_token": form_token(staff, url)}).status_code
    return meeting


def test_the_form_offers_today_and_a_meeting_opens_on_its_page(staff, db, group, today):
    page = text(staff.get(GROUP))
    assert "Plan a meeting" in page
    assert f'value="{typed(today)}"' in page
    reply = plan(staff, typed(today))
    assert 302 == reply.status_code
    [meeting] = storage.meetings_of_group(db, group)
    assert meeting["date"] == today.isoformat()
    assert reply.headers["Location"].endswith(f"{GROUP}/meetings/{meeting['id']}")
    page = text(staff.get(reply.headers["Location"]))
    assert "Close answers now" in page
    assert "Delete this meeting" not in page  # it has begun
    in_a_week = today + 7 * DAY
    assert "Works from" in page and f"{in_a_week.day} " in page


def test_the_meeting_page_has_a_qr_code_per_survey_that_opens_its_survey(staff, db, today):
    storage.add_group(
        db, "Young Voices", "waiting-room-a", "mixed", [CHILD_EVALUATION, ADULT_EVALUATION], today
    )
    location = plan(staff, typed(today)).headers["Location"]
    meeting = storage.find_meeting(db, location.rsplit("/", 1)[1])
    for url in (location, location + "/sheet"):
        page = text(staff.get(url))
        codes = SVG.findall(page)
        assert 2 == len(codes)
        read = sorted(result.text for code in codes for result in scan(rasterise(code)))
        expected = sorted(
            "http://127.0.0.1:5000" + address(meeting, slug)
            for slug in (ADULT_EVALUATION, CHILD_EVALUATION)
        )
        assert expected == read
        for shown in expected:
            assert shown in page  # written under the code for anyone who cannot scan
    assert 200 == staff.get(address(meeting)).status_code


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("next tuesday", "Please give the meeting&#39;s date as day, month and year"),
        ("31/02/2026", "Please give the meeting&#39;s date as day, month and year"),
        ("", "Please give the meeting&#39;s date as day, month and year"),
        # An int: that many days from today, read when the test runs.
        (400, "Please give a date within a year of today."),
        (-400, "Please give a date within a year of today."),
    ],
)
def test_a_date_that_is_junk_or_too_far_is_refused_and_nothing_kept(
    staff, db, group, day, message, today
):
    if isinstance(day, int):
        day = typed(today + day * DAY)
    reply = plan(staff, day)
    assert 422 == reply.status_code
    assert message in text(reply)
    assert [] == storage.meetings_of_group(db, group)


def test_the_list_says_which_meetings_are_open_closed_or_not_begun(staff, db, group, today):
    meeting_with(staff, db, today - 3 * DAY, 0)
    meeting_with(staff, db, today, 0, close=False)
    plan(staff, typed(today + 3 * DAY))
    page = text(staff.get(GROUP))
    assert "Closed" in page
    assert "Open until" in page
    assert "Not begun yet" in page


def test_closing_asks_first_then_closes_for_good(staff, db, group, client, today):
    meeting = meeting_with(staff, db, today, 1, close=False)
    url = f"{GROUP}/meetings/{meeting['id']}/close"
    question = text(staff.get(url))
    assert "cannot be undone" in question
    assert storage.find_meeting(db, meeting["id"])["closed_early_on"] is None
    staff.post(url, data={"csrf_token": form_token(staff, url)})
    assert storage.find_meeting(db, meeting["id"])["closed_early_on"] == today.isoformat()
    assert 410 == client.get(address(meeting)).status_code
    assert "already closed" in text(staff.get(url, follow_redirects=True))


def test_only_a_meeting_not_begun_can_be_deleted_after_asking(staff, db, group, today):
    begun = meeting_with(staff, db, today, 0, close=False)
    url = f"{GROUP}/meetings/{begun['id']}/delete"
    assert 409 == staff.get(url).status_code
    later = storage.find_meeting(db, plan(staff, typed(today + DAY)).headers["Location"][-32:])
    url = f"{GROUP}/meetings/{later['id']}/delete"
    assert "Delete this meeting" in text(staff.get(f"{GROUP}/meetings/{later['id']}"))
    assert "It has not begun" in text(staff.get(url))
    assert storage.find_meeting(db, later["id"])
    assert 302 == staff.post(url, data={"csrf_token": form_token(staff, url)}).status_code
    assert storage.find_meeting(db, later["id"]) is None
    assert storage.find_meeting(db, begun["id"])


def test_an_unknown_meeting_or_another_groups_is_a_plain_404(staff, db, group, today):
    other = storage.add_group(db, "Elders", "youth-hub", "adults", [ADULT_EVALUATION], today)
    theirs = storage.add_meeting(db, other, today, [ADULT_EVALUATION])
    for url in (f"{GROUP}/meetings/nothing", f"{GROUP}/meetings/{theirs}"):
        reply = staff.get(url)
        assert 404 == reply.status_code
        assert "There is no such meeting in this group" in text(reply)
        assert 404 == staff.get(url + "/sheet").status_code
    assert 200 == staff.get(f"/admin/co-production/elders/meetings/{theirs}").status_code


def results(staff) -> str:
    page = text(staff.get(GROUP))
    return page[page.index('id="meetings-heading"') :]


def test_a_meeting_of_3_waits_and_with_the_next_of_4_shows_as_7_together(staff, db, group, today):
    meeting_with(staff, db, today - 2 * DAY, 3)
    shown = results(staff)
    assert "1 closed meeting is waiting for more answers before it can be shown" in shown
    assert "responses" not in shown.replace("at least 5 responses", "")
    assert not re.search(r"<td>\d", shown)
    meeting_with(staff, db, today, 4)
    shown = results(staff)
    assert "These 2 meetings together: 7 responses" in shown
    assert "The group's running total, its last 2 meetings" in shown
    assert "waiting" not in shown
    assert '<th scope="row">Yes</th><td>7</td>' in shown
    assert not re.search(r"\b[34] responses", shown)


def test_an_open_meeting_shows_when_its_results_may_show_and_no_count(staff, db, group, today):
    meeting_with(staff, db, today, 6, close=False)
    shown = results(staff)
    assert "results show once answers close on" in shown
    assert "6 responses" not in shown
    assert not re.search(r"<td>\d", shown)


def test_an_account_without_the_staff_role_cannot_plan_and_nothing_is_kept(
    app, client, db, group, today
):
    assert 0 == make_account(app).exit_code
    assert 0 == make_account(app, "lee", role="safeguarding-lead").exit_code
    sign_in(client, "lee")
    page = client.get(GROUP)
    assert 403 == page.status_code
    reply = client.post(GROUP + "/meetings", data={"date": typed(today)})
    assert reply.status_code in (400, 403)
    assert [] == storage.meetings_of_group(db, group)


# Retention: old meeting answers go only in whole blocks.

RETENTION_DAYS = 365


@pytest.fixture
def cutoff(today) -> datetime.date:
    """Answers dated before this are old."""
    return today - RETENTION_DAYS * DAY


def held(db, group, day, answers: int) -> str:
    """A meeting on `day` (long closed when old) with `answers` children's answers."""
    meeting_id = storage.add_meeting(db, group, day, [CHILD_EVALUATION])
    for _ in range(answers):
        submission = Submission(
            uuid.uuid4().hex, "waiting-room-a", CHILD_EVALUATION, all_answers(), day, version=1
        )
        assert storage.record_meeting_answers(db, meeting_id, submission)
    return meeting_id


def shown(db, group) -> tuple[list, list]:
    """What the group's page shows: each block's meetings and counts, and the waiting."""
    [own] = results_for(db, group, CHILD_EVALUATION, 5, datetime.date.today())
    blocks = [([m["id"] for m in block.meetings], block.counts) for block in own.blocks]
    return blocks, [m["id"] for m in own.waiting]


def purge(db):
    return storage.purge_old(db, datetime.date.today(), RETENTION_DAYS, minimum=5).meeting_answers


def answers_of(db, meeting_id) -> int:
    return db.execute(
        "SELECT count(*) FROM meeting_answers WHERE meeting = ?", [meeting_id]
    ).fetchone()[0]


def test_a_block_goes_whole_as_soon_as_its_first_meeting_is_old(db, group, cutoff):
    a = held(db, group, cutoff - 40 * DAY, 3)
    b = held(db, group, cutoff - 20 * DAY, 4)  # a and b: one block of 7, all old
    c = held(db, group, cutoff - 10 * DAY, 2)
    d = held(db, group, cutoff + 10 * DAY, 4)  # c and d: a block that began before the cutoff
    e = held(db, group, cutoff + 30 * DAY, 2)  # waiting, and recent
    blocks, waiting = shown(db, group)
    assert 2 == len(blocks)
    assert 13 == purge(db)  # d's answers go early with c's: never kept too long
    assert ([], waiting) == shown(db, group)
    assert [0, 0, 0, 0, 2] == [answers_of(db, m) for m in (a, b, c, d, e)]
    assert storage.find_meeting(db, a) is None
    assert 0 == purge(db)


def test_a_recent_block_stays_whole(db, group, cutoff):
    a = held(db, group, cutoff + 1 * DAY, 3)
    b = held(db, group, cutoff + 20 * DAY, 4)
    before = shown(db, group)
    assert 0 == purge(db)
    assert before == shown(db, group)
    assert [3, 4] == [answers_of(db, m) for m in (a, b)]


def test_old_waiting_meetings_go_even_with_a_meeting_to_come(db, group, today, cutoff):
    """Never shown, so taking them out changes nothing anyone saw; the next
    meeting's answers start a block of their own."""
    a = held(db, group, cutoff - 40 * DAY, 2)
    b = held(db, group, cutoff - 20 * DAY, 1)
    storage.add_meeting(db, group, today + DAY, [CHILD_EVALUATION])
    assert 3 == purge(db)
    assert [0, 0] == [answers_of(db, m) for m in (a, b)]
    assert ([], []) == shown(db, group)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    meetings=st.lists(
        st.tuples(st.integers(min_value=-80, max_value=80), st.integers(0, 6)),
        min_size=1,
        max_size=8,
    )
)
def test_purging_never_changes_a_block_that_stays_and_keeps_no_old_answer(
    db, meetings, today, cutoff
):
    group = storage.add_group(
        db, "Group " + uuid.uuid4().hex[:8], "waiting-room-a", "children", [CHILD_EVALUATION], today
    )
    made = {held(db, group, cutoff + offset * DAY, n): (offset, n) for offset, n in meetings}
    blocks, waiting = shown(db, group)
    purge(db)
    after_blocks, after_waiting = shown(db, group)
    # Every block left is one shown before, exactly, in the same order.
    assert after_blocks == [block for block in blocks if block in after_blocks]
    assert after_waiting in (waiting, [])
    for meeting_id, (offset, n) in made.items():
        assert answers_of(db, meeting_id) in (0, n)  # a meeting's answers go all at once
        if answers_of(db, meeting_id):
            assert offset >= 0  # no answer is kept past the period


def test_each_change_is_in_the_audit_log_with_no_childs_words(staff, db, staff_db, group, today):
    meeting = meeting_with(staff, db, today, 1)
    later = plan(staff, typed(today + DAY)).headers["Location"].rsplit("/", 1)[1]
    url = f"{GROUP}/meetings/{later}/delete"
    staff.post(url, data={"csrf_token": form_token(staff, url)})
    actions = [entry["action"] for entry in storage.audit_entries(staff_db)]
    for action in ("planned a meeting", "closed a meeting's answers", "deleted a meeting"):
        assert action in actions
    details = " ".join(entry["detail"] for entry in storage.audit_entries(staff_db))
    assert meeting["code"] not in details


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(day=st.text(max_size=50))
def test_any_typed_date_is_a_meeting_or_a_plain_422_never_a_500(staff, db, group, day):
    before = len(storage.meetings_of_group(db, group))
    reply = plan(staff, day)
    assert reply.status_code in (302, 422), text(reply)[:300]
    assert len(storage.meetings_of_group(db, group)) == before + (reply.status_code == 302)


def test_a_short_period_deletes_an_open_meetings_old_answers_too(db, group, today):
    """Only a period shorter than the week a meeting is open can reach one still
    open: its old answers go by date, as nothing of it has been shown."""
    meeting = held(db, group, today - 5 * DAY, 3)
    assert storage.find_meeting(db, meeting)["closed_early_on"] is None
    assert 3 == storage.purge_old(db, today, 3, minimum=5).meeting_answers
    assert 0 == answers_of(db, meeting)


def test_a_group_that_met_for_years_shows_its_newest_meetings_and_results_first(
    staff, db, group, today
):
    for week in range(12):
        held(db, group, today - (20 - week) * 7 * DAY, 5)
    page = text(staff.get(GROUP))
    assert 8 == page.count("The meeting on ")
    assert "4 earlier results are not shown here." in page
    assert "Show all 12 meetings and every result" in page
    everything = text(staff.get(GROUP + "?all=1"))
    assert 12 == everything.count("The meeting on ")
    assert "earlier results" not in everything


def test_a_retired_sites_group_plans_no_meeting_and_is_told_where_to_change_it(
    staff, db, group, today
):
    storage.set_site_retired(db, "waiting-room-a", True)
    page = text(staff.get(GROUP))
    assert "site is retired, so a meeting" in page
    assert f'href="{GROUP}/settings"' in page
    reply = plan(staff, typed(today))
    assert 422 == reply.status_code
    assert "Choose a site in use in the group&#39;s settings first." in text(reply)
    assert [] == storage.meetings_of_group(db, group)


def test_renaming_a_retired_sites_group_keeps_its_site(staff, db, group):
    storage.set_site_retired(db, "waiting-room-a", True)
    url = f"{GROUP}/settings"
    page = text(staff.get(url))
    assert re.search(r'<option selected value="waiting-room-a">Waiting room A \(retired\)', page)
    data = {
        "csrf_token": form_token(staff, url),
        "name": "Young Voices Crew",
        "site": "waiting-room-a",
        "audience": "children",
        "surveys": [CHILD_EVALUATION],
    }
    assert 302 == staff.post(url, data=data).status_code
    changed = storage.find_group(db, group)
    assert ("Young Voices Crew", "waiting-room-a") == (changed["name"], changed["site"])
