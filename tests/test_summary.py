"""The weekly summary: counts per question for a week and a site, and no
breakdown at all for fewer than MIN_GROUP_SIZE responses."""

import datetime
import re

import pytest

from kiosk import storage
from kiosk.survey import Submission, iso_week
from tests.conftest import new_submission_id
from tests.test_accounts import make_account, sign_in

MONDAY = datetime.date(2026, 11, 23)  # ISO week 2026-W48


def add(db, answers, site="waiting-room-a", day=MONDAY, times=1):
    for _ in range(times):
        storage.record_submission(
            db,
            Submission(
                id=new_submission_id(),
                site=site,
                survey="child",
                answers=dict(zip(("safe", "talk", "team", "ideas"), answers, strict=True)),
                date=day,
            ),
        )


@pytest.fixture
def staff(app, client):
    make_account(app)
    sign_in(client)
    return client


def cells(page: str, question: str) -> list[int]:
    row = re.search(rf"<th scope=\"row\">{re.escape(question)}</th>(.*?)</tr>", page, re.S)[1]
    return [int(n) for n in re.findall(r"<td>(\d+)</td>", row)]


def test_the_counts_of_a_week_for_a_site(staff, db):
    add(db, ["yes", "no", "sometimes", "skip"], times=3)
    add(db, ["no", "no", "yes", "yes"], times=2)
    add(db, ["yes", "yes", "yes", "yes"], site="youth-hub", times=9)
    add(db, ["yes", "yes", "yes", "yes"], day=MONDAY - datetime.timedelta(days=7), times=9)
    page = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 5 responses" in page
    assert [3, 0, 2, 0] == cells(page, "Do you feel safe during our meetings?")
    assert [0, 0, 5, 0] == cells(page, "Do you get a chance to talk?")
    assert [2, 3, 0, 0] == cells(page, "Do you feel part of the team?")
    assert [2, 0, 0, 3] == cells(page, "Are your ideas helping to change things?")


def test_all_sites_together(staff, db):
    add(db, ["yes", "yes", "yes", "yes"], times=3)
    add(db, ["no", "no", "no", "no"], site="youth-hub", times=3)
    page = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert [3, 0, 3, 0] == cells(page, "Do you feel safe during our meetings?")


def test_fewer_than_five_responses_show_no_breakdown(staff, db):
    add(db, ["no", "no", "no", "no"], times=4)
    page = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert "Fewer than 5 responses this week" in page
    assert "<td>" not in page


@pytest.mark.parametrize("asked", ["", "nonsense", "2026-W99", "2026-W00"])
def test_no_week_or_a_wrong_one_shows_this_week(staff, asked):
    page = staff.get(f"/admin/?week={asked}").get_data(as_text=True)
    assert f"Week {iso_week(datetime.date.today())}:" in page


def test_previous_and_next_week_links_cross_the_year(staff):
    page = staff.get("/admin/?week=2027-W01").get_data(as_text=True)
    assert "week=2026-W53" in page
    assert "week=2027-W02" in page


def test_an_unknown_site_means_all_sites(staff, db):
    add(db, ["yes", "yes", "yes", "yes"], times=5)
    page = staff.get("/admin/?site=nowhere&week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 5 responses" in page


def test_the_summary_reads_only_counts(db):
    add(db, ["yes", "no", "skip", "sometimes"], times=2)
    counts = storage.answer_counts(db, ["2026-W48", "2026-W47"])
    assert 2 == counts["2026-W48"]["responses"]
    assert 0 == counts["2026-W47"]["responses"]
    assert {"yes": 0, "sometimes": 2, "no": 0, "skip": 0} == counts["2026-W48"]["questions"][
        "ideas"
    ]


def test_a_banner_on_staff_pages_while_a_concern_is_unreviewed(staff, client, db):
    from tests.test_feedback import send

    assert "need attention" not in staff.get("/admin/").get_data(as_text=True)
    visitor = client.application.test_client()
    assert 201 == send(visitor, text="someone hit me at home").status_code
    assert 201 == send(visitor, text="the chairs are comfy").status_code
    for page in ["/admin/", "/admin/audit"]:
        text = " ".join(staff.get(page).get_data(as_text=True).split())
        assert "1 message needs attention and has not been reviewed yet." in text
