"""A group's meeting results as a spreadsheet file: the same whole blocks as
the group's page, never a small meeting's figures, and written to the audit log."""

import csv
import dataclasses
import io
import re
import uuid

import pytest

from kiosk import storage
from kiosk.surveys import CHILD_EVALUATION, Submission
from tests.conftest import all_answers, make_account, sign_in
from tests.test_meetings import DAY, GROUP, meeting_with, text

RESULTS = GROUP + "/results.csv"


@pytest.fixture
def group(db, today):
    return storage.add_group(
        db, "Young Voices", "waiting-room-a", "children", [CHILD_EVALUATION], today
    )


def read_csv(reply) -> list[dict]:
    assert 200 == reply.status_code, text(reply)[:300]
    assert reply.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(reply.get_data().decode("utf-8-sig"))))


def test_a_meeting_of_3_has_no_figures_and_with_the_next_of_4_they_count_as_7(
    staff, db, group, today
):
    meeting_with(staff, db, today - 2 * DAY, 3)
    [row] = read_csv(staff.get(RESULTS))
    assert row["meetings"] == "1" and row["count"] == row["responses"] == ""
    assert "counted once these and the next meetings reach 5 responses" == row["note"]
    meeting_with(staff, db, today, 4)
    rows = read_csv(staff.get(RESULTS))
    safe = [r for r in rows if r["question"] == "Do you feel safe during our meetings?"]
    assert [("Yes", "7"), ("Sometimes", "0"), ("No", "0"), ("Skipped", "0")] == [
        (r["answer"], r["count"]) for r in safe
    ]
    assert {("2", "7", (today - 2 * DAY).isoformat(), today.isoformat())} == {
        (r["meetings"], r["responses"], r["first meeting"], r["last meeting"]) for r in rows
    }
    assert {"Young Voices"} == {r["group"] for r in rows}
    assert not any(r["responses"] in ("3", "4") for r in rows)


def test_an_open_meeting_is_listed_with_no_figure(staff, db, group, today):
    meeting_with(staff, db, today, 6, close=False)
    [row] = read_csv(staff.get(RESULTS))
    assert ("", "", "still taking answers, or not begun yet") == (
        row["count"],
        row["responses"],
        row["note"],
    )


def test_the_group_page_links_to_it_once_there_is_a_meeting(staff, db, group, today):
    assert "results.csv" not in text(staff.get(GROUP))
    meeting_with(staff, db, today, 1, close=False)
    assert f'href="{RESULTS}" download' in text(staff.get(GROUP))


def test_the_download_is_in_the_audit_log_with_no_answer(staff, db, staff_db, group, today):
    meeting_with(staff, db, today, 5)
    staff.get(RESULTS)
    [entry] = [
        e for e in storage.audit_entries(staff_db) if e["action"] == "exported meeting results"
    ]
    assert "young-voices" == entry["detail"]


def test_a_name_that_looks_like_a_formula_is_written_as_words(staff, db, today):
    slug = storage.add_group(
        db, "=1+2 group", "waiting-room-a", "children", [CHILD_EVALUATION], today
    )
    storage.add_meeting(db, slug, today, [CHILD_EVALUATION])
    reply = staff.get(f"/admin/co-production/{slug}/results.csv")
    assert {"'=1+2 group"} == {row["group"] for row in read_csv(reply)}


def test_an_unknown_group_or_a_lead_only_account_gets_no_file(app, client, db, group):
    assert 0 == make_account(app).exit_code
    assert 0 == make_account(app, "lee", role="safeguarding-lead").exit_code
    sign_in(client, "lee")
    assert 403 == client.get(RESULTS).status_code
    staff = app.test_client()
    sign_in(staff)
    unknown = staff.get("/admin/co-production/nobody/results.csv")
    assert 404 == unknown.status_code
    assert not re.search(r"text/csv", unknown.content_type)


def test_each_version_has_its_own_rows_and_wording_and_none_is_added_to_another(
    staff, db, group, today
):
    def held(day, version, answers=5):
        meeting_id = storage.add_meeting(db, group, day, [CHILD_EVALUATION])
        for _ in range(answers):
            submission = Submission(
                uuid.uuid4().hex, "waiting-room-a", CHILD_EVALUATION, all_answers(), day, version
            )
            assert storage.record_meeting_answers(db, meeting_id, submission)
        storage.close_meeting(db, meeting_id, today)

    held(today - 20 * DAY, 1)
    child = storage.latest_version(db, CHILD_EVALUATION)
    first, *others = child.questions
    reworded = dataclasses.replace(first, text="Do you feel safe in the group?")
    storage.save_draft(db, dataclasses.replace(child, questions=(reworded, *others)))
    storage.publish_draft(db, CHILD_EVALUATION, today - 10 * DAY)
    held(today - 2 * DAY, 2)
    rows = read_csv(staff.get(RESULTS))
    by_version = {r["version"]: r for r in rows if r["answer"] == "Yes" and "safe" in r["question"]}
    assert {"1", "2"} == set(by_version)
    assert "Do you feel safe during our meetings?" == by_version["1"]["question"]
    assert "Do you feel safe in the group?" == by_version["2"]["question"]
    assert {("5", "5")} == {(r["count"], r["responses"]) for r in by_version.values()}
    assert [(today - 20 * DAY).isoformat(), (today - 2 * DAY).isoformat()] == [
        by_version[v]["first meeting"] for v in ("1", "2")
    ]
    assert not any(r["responses"] == "10" for r in rows)
