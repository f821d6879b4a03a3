"""The weekly summary: counts per question for a week and a site, and no
breakdown at all for fewer than MIN_GROUP_SIZE responses."""

import collections
import contextlib
import dataclasses
import datetime
import html
import pathlib
import re
import sqlite3
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from admin.periods import Period
from kiosk import create_app, storage
from kiosk.surveys import (
    BUILT_IN_BY_SLUG,
    KINDS,
    SCALE_KIND,
    Question,
    Submission,
    Survey,
    iso_week,
)
from tests.conftest import SITES, make_account, make_config, new_submission_id, sign_in

MONDAY = datetime.date(2026, 11, 23)  # ISO week 2026-W48


def add(db, answers, site="waiting-room-a", day=MONDAY, times=1):
    for _ in range(times):
        storage.record_submission(
            db,
            Submission(
                id=new_submission_id(),
                site=site,
                survey="child-evaluation",
                answers=dict(zip(("safe", "talk", "team", "ideas"), answers, strict=True)),
                date=day,
            ),
        )


def cells(page: str, question: str) -> list[int]:
    row = re.search(rf"<th scope=\"row\">{re.escape(question)}</th>(.*?)</tr>", page, re.S)[1]
    return [int(n) for n in re.findall(r"<td>(\d+)</td>", row)]


def test_the_counts_of_a_week_for_a_site(staff, db):
    add(db, ["yes", "no", "sometimes", "skip"], times=3)
    add(db, ["no", "no", "yes", "yes"], times=2)
    add(db, ["yes", "yes", "yes", "yes"], site="youth-hub", times=9)
    add(db, ["yes", "yes", "yes", "yes"], day=MONDAY - datetime.timedelta(days=7), times=9)
    page = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48, Waiting room A: 5 responses" in page
    assert [3, 0, 2, 0] == cells(page, "Do you feel safe during our meetings?")
    assert [0, 0, 5, 0] == cells(page, "Do you get a chance to talk?")
    assert [2, 3, 0, 0] == cells(page, "Do you feel part of the team?")
    assert [2, 0, 0, 3] == cells(page, "Are your ideas helping to change things?")


def test_all_sites_together(staff, db):
    add(db, ["yes", "yes", "yes", "yes"], times=5)
    add(db, ["no", "no", "no", "no"], site="youth-hub", times=6)
    page = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 11 responses" in page
    assert [5, 0, 6, 0] == cells(page, "Do you feel safe during our meetings?")
    assert "not included" not in page


def test_all_sites_are_not_shown_when_no_site_has_enough_on_its_own(staff, db):
    add(db, ["yes", "yes", "yes", "yes"], times=3)
    add(db, ["no", "no", "no", "no"], site="youth-hub", times=3)
    page = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: figures not shown" in page
    assert "No site had enough responses this week to show its figures on its own" in page
    assert "6 responses" not in page
    assert "<td>" not in page


def test_fewer_than_five_responses_show_no_breakdown_nor_a_count(staff, db):
    add(db, ["no", "no", "no", "no"], times=4)
    page = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48, Waiting room A: fewer than 5 responses" in page
    assert "Fewer than 5 responses this week" in page
    assert "<td>" not in page
    assert "4 responses" not in page


def test_a_small_week_offers_its_month(staff, db):
    add(db, ["no", "no", "no", "no"], times=4)
    add(db, ["yes", "yes", "yes", "yes"], day=datetime.date(2026, 11, 2), times=3)
    add(db, ["yes", "yes", "yes", "yes"], day=datetime.date(2026, 10, 30), times=7)
    page = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert "/admin/?site=waiting-room-a&amp;month=2026-11" in page
    assert "See November 2026 instead" in page
    month = staff.get("/admin/?site=waiting-room-a&month=2026-11").get_data(as_text=True)
    assert "<h1>Monthly summary</h1>" in month
    assert "November 2026, Waiting room A: 7 responses" in month
    assert [3, 0, 4, 0] == cells(month, "Do you feel safe during our meetings?")
    assert "Last month (2026-10): Yes 7, Sometimes 0, No 0, Skipped 0." in month


def test_all_sites_leave_a_small_site_out_and_say_so(staff, db):
    add(db, ["yes", "yes", "yes", "yes"], times=9)
    add(db, ["no", "no", "no", "no"], site="youth-hub", times=3)
    one_site = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert "Waiting room A: 9 responses" in one_site
    every_site = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 9 responses" in every_site
    assert "1 site with fewer than 5 responses is not included." in every_site
    assert [9, 0, 0, 0] == cells(every_site, "Do you feel safe during our meetings?")
    assert "12 responses" not in every_site


def test_a_site_with_no_answers_is_counted_as_left_out_too(staff, db):
    """Else the note would tell a site with a few answers from one with none."""
    add(db, ["yes", "yes", "yes", "yes"], times=9)
    every_site = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert "1 site with fewer than 5 responses is not included." in every_site


def test_a_month_is_not_shown_when_it_would_give_away_its_one_small_week(staff, db):
    for weeks_ago in (1, 2, 3):
        add(db, ["yes", "yes", "yes", "yes"], day=MONDAY - datetime.timedelta(weeks=weeks_ago))
        add(db, ["yes"] * 4, day=MONDAY - datetime.timedelta(weeks=weeks_ago), times=5)
    add(db, ["no", "no", "no", "no"], times=2)  # 2026-W48, the month's last week
    month = staff.get("/admin/?site=waiting-room-a&month=2026-11").get_data(as_text=True)
    assert "November 2026, Waiting room A: figures not shown" in month
    assert "No figures are shown for this month: a site or a week in it had fewer" in month
    assert "<td>" not in month
    add(db, ["no", "no", "no", "no"], day=MONDAY + datetime.timedelta(days=1), times=3)
    month = staff.get("/admin/?site=waiting-room-a&month=2026-11").get_data(as_text=True)
    assert "November 2026, Waiting room A: 23 responses" in month


def test_the_month_of_a_week_is_the_month_of_its_thursday():
    assert Period("month", "2026-10") == Period("week", "2026-W44").month()  # 26 Oct to 1 Nov
    assert Period("month", "2026-12") == Period("week", "2026-W53").month()  # 28 Dec to 3 Jan
    assert "2027-W01" == Period("month", "2027-01").first_week().key  # Thursday 7 January
    assert ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"] == [
        week.key for week in Period("month", "2026-12").weeks()
    ]


def beside(page: str, question: str) -> dict[str, list[str]]:
    """The table beside a question's chart: {column heading: cells, Yes to Skipped, Responses}."""
    table = re.search(
        rf"<caption[^>]*>{re.escape(question)}: this week and last week</caption>(.*?)</table>",
        page,
        re.S,
    )[1]
    headings = re.findall(r'<th scope="col">([^<]+)</th>', table)[1:]
    rows = [
        re.findall(r"<td[^>]*>([^<]+)</td>", row)
        for row in re.findall(r"<tr>.*?</tr>", table, re.S)
    ]
    rows = [row for row in rows if row]
    return {heading: [row[i] for row in rows] for i, heading in enumerate(headings)}


def test_this_week_beside_last_week(staff, db):
    add(db, ["yes", "no", "sometimes", "skip"], times=6)
    add(db, ["no", "no", "no", "no"], day=MONDAY - datetime.timedelta(days=7), times=5)
    page = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert {
        "This week (2026-W48)": ["6", "0", "0", "0", "6"],
        "Last week (2026-W47)": ["0", "0", "5", "0", "5"],
    } == beside(page, "Do you feel safe during our meetings?")
    label = (
        'aria-label="Do you feel safe during our meetings? This week (2026-W48): Yes 6,'
        " Sometimes 0, No 0, Skipped 0. Last week (2026-W47): Yes 0, Sometimes 0, No 5,"
        ' Skipped 0."'
    )
    assert label in page


def test_a_small_last_week_shows_no_numbers_beside_this_week(staff, db):
    add(db, ["yes", "no", "sometimes", "skip"], times=6)
    add(db, ["no", "no", "no", "no"], day=MONDAY - datetime.timedelta(days=7), times=2)
    page = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert {
        "This week (2026-W48)": ["6", "0", "0", "0", "6"],
        "Last week (2026-W47)": ["not shown"] * 4 + ["fewer than 5"],
    } == beside(page, "Do you feel safe during our meetings?")
    assert "Last week (2026-W47): fewer than 5 responses, not shown." in page


def trend_rows(page: str) -> dict[str, list[str]]:
    table = re.search(r'<table class="trend-table">(.*?)</table>', page, re.S)[1]
    return {
        key: re.findall(r"<td[^>]*>([^<]+)</td>", row)
        for key, row in re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S)
    }


def test_the_trend_leaves_small_weeks_as_gaps(staff, db):
    add(db, ["yes", "no", "sometimes", "skip"], times=6)
    add(db, ["yes", "yes", "no", "no"], day=MONDAY - datetime.timedelta(days=14), times=2)
    add(db, ["no", "yes", "no", "no"], day=MONDAY - datetime.timedelta(days=21), times=3)
    add(db, ["yes", "yes", "no", "no"], day=MONDAY - datetime.timedelta(days=21), times=1)
    page = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    rows = trend_rows(page)
    assert ["2026-W37", "2026-W38"] == list(rows)[:2]
    assert 12 == len(rows)
    assert ["6", "100%", "0%", "0%", "0%"] == rows["2026-W48"]
    assert ["fewer than 5"] + ["not shown"] * 4 == rows["2026-W46"]
    assert ["4", "25%", "100%", "0%", "0%"] != rows["2026-W45"]
    assert ["fewer than 5"] + ["not shown"] * 4 == rows["2026-W45"]
    assert "Responses: 2026-W37 not shown," in page
    assert "2026-W47 not shown, 2026-W48 6." in page


def test_the_report_shows_the_same_figures(staff, db):
    add(db, ["yes", "no", "sometimes", "skip"], times=3)
    add(db, ["no", "no", "yes", "yes"], times=2)
    summary = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert "/admin/report?site=waiting-room-a&amp;week=2026-W48" in summary
    report = staff.get("/admin/report?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert "Weekly report: Waiting room A" in report
    assert "Week 2026-W48 (23 November 2026 to 29 November 2026): 5 responses" in report
    for question in BUILT_IN_BY_SLUG["child-evaluation"].questions:
        assert cells(summary, question.text) == cells(report, question.text)
        assert beside(summary, question.text) == beside(report, question.text)
    assert trend_rows(summary) == trend_rows(report)


@pytest.mark.parametrize(
    ("site", "stored", "notice"),
    [
        ("waiting-room-a", 4, "Fewer than 5 responses this week, so no breakdown is shown"),
        ("", 4, "No site had enough responses this week to show its figures on its own"),
    ],
)
def test_a_report_without_figures_says_why_and_offers_the_months_report(
    staff, db, site, stored, notice
):
    add(db, ["no", "no", "no", "no"], times=stored)
    add(db, ["yes", "yes", "yes", "yes"], site="youth-hub", times=3)
    query = f"site={site}&week=2026-W48" if site else "week=2026-W48"
    report = " ".join(staff.get(f"/admin/report?{query}").get_data(as_text=True).split())
    assert notice in report
    month = "site=waiting-room-a&amp;month=2026-11" if site else "month=2026-11"
    assert f'<a href="/admin/report?{month}">See November 2026 instead</a>.' in report
    assert "<td>" not in report


def test_no_week_shows_this_week(staff):
    response = staff.get("/admin/?week=")
    assert 200 == response.status_code
    assert f"Week {iso_week(datetime.date.today())}:" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("asked", "box"),
    [
        ("nonsense", "week"),
        ("2026-W99", "week"),
        ("2026-W00", "week"),
        ("2025-W53", "week"),
        ("31/02/2026", "week"),
        ("&month=2026-13", "month"),
        ("&month=x", "month"),
    ],
)
@pytest.mark.parametrize("path", ["/admin/", "/admin/report"])
def test_a_week_not_understood_says_so_never_silently_this_week(staff, path, asked, box):
    response = staff.get(f"{path}?week={asked}")
    assert 400 == response.status_code
    page = response.get_data(as_text=True)
    assert f"We did not understand that {box}. Try " in page
    assert f"Week {iso_week(datetime.date.today())}" in page
    if path == "/admin/":  # what was typed stays in the box, to be put right
        typed = asked.removeprefix("&month=")
        assert f'name="{box}" value="{typed}"' in page and 'aria-invalid="true"' in page


def test_previous_and_next_week_links_cross_the_year(staff):
    page = staff.get("/admin/?week=2026-W01").get_data(as_text=True)
    assert "week=2025-W52" in page
    assert "week=2026-W02" in page


def test_no_link_goes_into_the_future(staff):
    this_week = Period.week_of(datetime.date.today())
    page = staff.get("/admin/").get_data(as_text=True)
    assert f"week={this_week.shifted(-1).key}" in page
    assert "Next week" not in page and f"week={this_week.shifted(1).key}" not in page
    last_week = staff.get(f"/admin/?week={this_week.shifted(-1).key}").get_data(as_text=True)
    assert f"Next week ({this_week.key})" in last_week


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("week=2099-W10", "Week {week}"), ("month=2099-10", "{month}")],
)
def test_a_period_not_begun_shows_the_current_one_and_says_so(staff, asked, shown):
    this_week = Period.week_of(datetime.date.today())
    response = staff.get(f"/admin/?{asked}")
    assert 200 == response.status_code
    page = response.get_data(as_text=True)
    assert "has not happened yet, so this shows" in page
    assert shown.format(week=this_week.key, month=this_week.month().title) in page


def test_an_unknown_site_means_all_sites(staff, db):
    add(db, ["yes", "yes", "yes", "yes"], times=5)
    page = staff.get("/admin/?site=nowhere&week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 5 responses" in page


def test_the_summary_reads_only_counts(db):
    add(db, ["yes", "no", "skip", "sometimes"], times=2)
    counts = storage.answer_counts(db, ["2026-W48", "2026-W47"])
    assert 2 == counts["2026-W48"]["responses"]
    assert 0 == counts["2026-W47"]["responses"]
    assert [1] == list(counts["2026-W48"]["versions"])
    assert {} == counts["2026-W47"]["versions"]
    version_1 = counts["2026-W48"]["versions"][1]
    assert {"waiting-room-a": 2} == version_1["sites"]
    assert {"sometimes": 2} == version_1["questions"]["ideas"]  # only what was given


def test_a_banner_on_staff_pages_while_a_concern_is_unreviewed(staff, client, db):
    from tests.test_feedback import send

    assert "need attention" not in staff.get("/admin/").get_data(as_text=True)
    visitor = client.application.test_client()
    assert 201 == send(visitor, text="someone hit me at home").status_code
    assert 201 == send(visitor, text="the chairs are comfy").status_code
    for page in ["/admin/", "/admin/audit"]:
        text = " ".join(staff.get(page).get_data(as_text=True).split())
        assert "1 message needs attention and has not been reviewed yet." in text


# The property: no page shows anything that depends on a group under
# MIN_GROUP_SIZE. Any submissions over random weeks and sites are stored; for a
# page (the weekly summary, the month view or the report, for one site or all),
# every group it counts (a week, or a month) that is too small is then replaced
# by other submissions of that same period, again too few. If the page showed any
# count or share from such a group, some replacement would change the page.

START = MONDAY - datetime.timedelta(weeks=15)
PAGES = [
    f"{path}?{site}{period}"
    for path in ("/admin/", "/admin/report")
    for site in ("", "site=waiting-room-a&")
    for period in ("week=2026-W48", "month=2026-11")
]
answer_sets = st.tuples(*[st.sampled_from(["yes", "sometimes", "no", "skip"])] * 4)
a_submission = st.tuples(
    st.sampled_from(["waiting-room-a", "youth-hub"]),
    st.integers(0, 16 * 7 - 1).map(lambda days: START + datetime.timedelta(days=days)),
    answer_sets,
)


def page_group(url: str, submission) -> str | None:
    """Which group of this page a submission is counted in (None: not on this page)."""
    site, day, _ = submission
    if "site=waiting-room-a" in url and site != "waiting-room-a":
        return None
    week = Period.week_of(day)
    return week.month().key if "month=" in url else week.key


def rendered(session_cookie, submissions, url: str, store=None) -> str:
    """The page at `url` of a fresh app holding `submissions` (the child
    evaluation's), or whatever `store(db)` stores."""
    cookie, signed_in_staff_file = session_cookie
    with tempfile.TemporaryDirectory() as folder:
        config = make_config(pathlib.Path(folder))
        # The sign-in lives in the staff file too: each app gets a copy of it.
        copy_path = storage.staff_path(config["DATABASE"])
        with (
            contextlib.closing(sqlite3.connect(signed_in_staff_file)) as source,
            contextlib.closing(sqlite3.connect(copy_path)) as copy,
        ):
            source.backup(copy)
        app = create_app(config)
        db = storage.open_database(app.config["DATABASE"])
        if store is None:
            for site, day, answers in submissions:
                add(db, list(answers), site=site, day=day)
        else:
            store(db)
        db.close()
        client = app.test_client()
        client.set_cookie("session", cookie)
        response = client.get(url)
        storage.close_thread_connections()
    assert 200 == response.status_code
    # The sign-out form's token differs from one app to the next; nothing else may.
    return re.sub(r'name="csrf_token" type="hidden" value="[^"]+"', "", response.get_data(True))


@pytest.fixture(scope="module")
def session_cookie(tmp_path_factory):
    app = create_app(make_config(tmp_path_factory.mktemp("sign-in")))
    make_account(app)
    client = app.test_client()
    sign_in(client)
    storage.close_thread_connections()
    return client.get_cookie("session").value, storage.staff_path(app.config["DATABASE"])


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(
    submissions=st.lists(a_submission, max_size=60),
    url=st.sampled_from(PAGES),
    data=st.data(),
)
def test_no_page_shows_anything_from_a_group_under_the_minimum(
    session_cookie, submissions, url, data
):
    groups = collections.Counter(page_group(url, s) for s in submissions)
    small = {group for group, n in groups.items() if group is not None and n < 5}
    replaced = [s for s in submissions if page_group(url, s) not in small]
    for group in sorted(small):
        days = sorted({s[1] for s in submissions if page_group(url, s) == group})
        site = "waiting-room-a" if "site=" in url else data.draw(st.sampled_from(sorted(SITES)))
        for _ in range(data.draw(st.integers(0, 4), label=f"how many in {group}")):
            replaced.append((site, data.draw(st.sampled_from(days)), data.draw(answer_sets)))
    assert rendered(session_cookie, submissions, url) == rendered(session_cookie, replaced, url)


# "All sites" leaves out a site under the minimum. Then a small site's answers,
# and even whether it has any, must change nothing on an all-sites page: not its
# total, not the note counting the sites left out, not last week's figures nor
# the trend. Were any of them to change, subtracting the sites shown on their
# own (or one week from the next, when a site crosses the minimum) would find
# them. Four weeks of two sites, so sites cross the minimum often.

RECENT = MONDAY - datetime.timedelta(weeks=3)
ALL_SITES_PAGES = [page for page in PAGES if "site=" not in page]


@st.composite
def recent_submissions(draw) -> list[tuple]:
    """0 to 8 submissions to each site each of four weeks: many a site just
    under the minimum beside one just over."""
    submissions = []
    for site in ("waiting-room-a", "youth-hub"):
        for week in range(4):
            for _ in range(draw(st.integers(0, 8))):
                day = RECENT + datetime.timedelta(weeks=week, days=draw(st.integers(0, 6)))
                submissions.append((site, day, draw(answer_sets)))
    return submissions


def site_group(url: str, submission) -> tuple[str, str]:
    """The site and the period of an all-sites page that a submission is counted in."""
    site, day, _ = submission
    week = Period.week_of(day)
    return site, week.month().key if "month=" in url else week.key


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(
    submissions=recent_submissions(),
    url=st.sampled_from(ALL_SITES_PAGES),
    data=st.data(),
)
def test_all_sites_give_nothing_away_about_a_site_under_the_minimum(
    session_cookie, submissions, url, data
):
    groups = collections.Counter(site_group(url, s) for s in submissions)
    small = sorted(group for group, n in groups.items() if n < 5)
    replaced = [s for s in submissions if site_group(url, s) not in small]
    for group in small:
        days = sorted({s[1] for s in submissions if site_group(url, s) == group})
        # None at all as often as all the others: the note must not tell 0 from 1 to 4.
        how_many = st.sampled_from([0, 0, 0, 0, 1, 2, 3, 4])
        for _ in range(data.draw(how_many, label=f"how many in {group}")):
            replaced.append((group[0], data.draw(st.sampled_from(days)), data.draw(answer_sets)))
    assert rendered(session_cookie, submissions, url) == rendered(session_cookie, replaced, url)


# A co-production meeting's answers are kept apart (admin/meeting_figures.py):
# any number of them, at any site's groups, in any week, change no summary page
# at all. Were they counted in a site's week, a site's week less the meeting's
# block would be the other answers of that week, or a small meeting itself.


@pytest.mark.slow
@settings(max_examples=15, deadline=None)
@given(
    submissions=st.lists(a_submission, max_size=30),
    meetings=st.lists(st.tuples(a_submission, st.integers(0, 7)), min_size=1, max_size=4),
    url=st.sampled_from(PAGES),
)
def test_no_summary_page_counts_a_meetings_answers(session_cookie, submissions, meetings, url):
    def with_meetings(db):
        for site, day, answers in submissions:
            add(db, list(answers), site=site, day=day)
        for (site, day, answers), children in meetings:
            group = storage.add_group(
                db, f"Group {new_submission_id()[:6]}", site, "children", ["child-evaluation"], day
            )
            meeting = storage.add_meeting(db, group, day, ["child-evaluation"])
            chosen = dict(zip(("safe", "talk", "team", "ideas"), answers, strict=True))
            for _ in range(children):
                kept = Submission(new_submission_id(), site, "child-evaluation", chosen, day)
                assert storage.record_meeting_answers(db, meeting, kept)

    assert rendered(session_cookie, submissions, url) == rendered(
        session_cookie, submissions, url, store=with_meetings
    )


def test_the_weeks_comments_sit_under_the_figures_concerns_first(staff, client):
    from tests.test_feedback import send

    visitor = client.application.test_client()
    assert 201 == send(visitor, text="the chairs are comfy").status_code
    assert 201 == send(visitor, text="someone hit me at home").status_code
    page = staff.get("/admin/").get_data(as_text=True)
    section = page[page.index("Comments and drawings this week") :]
    assert section.index("someone hit me at home") < section.index("the chairs are comfy")
    assert "Needs attention" in section


def test_a_week_without_comments_says_so(staff):
    page = staff.get("/admin/?week=2020-W10").get_data(as_text=True)
    assert "No comments or drawings this week." in page


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("week=9999-W52", 200),  # not begun: this week, said so
        ("week=0001-W01", 400),
        ("month=9999-12", 200),
        ("month=0001-01", 400),
        ("month=2026-13", 400),
    ],
)
@pytest.mark.parametrize("page", ["/admin/", "/admin/report"])
def test_a_period_far_from_now_shows_this_week_not_an_error(staff, page, query, status):
    response = staff.get(f"{page}?{query}")
    assert status == response.status_code
    assert iso_week(datetime.date.today()) in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("week=9999-W52", 200),  # not begun: this week, said so
        ("week=0001-W01", 400),  # before there were any: not understood, said so
        ("month=9999-12", 200),  # the comments page lists weeks: a month is not asked
        ("month=0001-01", 200),
        ("month=2026-13", 200),
    ],
)
def test_the_comments_page_shows_this_week_for_a_period_far_from_now(staff, query, status):
    response = staff.get(f"/admin/comments?{query}")
    assert status == response.status_code
    assert iso_week(datetime.date.today()) in response.get_data(as_text=True)


# Any survey, any version.

ADULT_TITLE = "Co-production evaluation for adults"
SATISFIED = "Overall, how satisfied are you with our co-production meetings?"
SAFE_IN_WAITING_ROOM = "Do you feel safe in our waiting room?"


def add_answers(db, survey, answers, site="waiting-room-a", day=MONDAY, times=1, version=1):
    """Answers to any survey's version, {question: answer}, as a kiosk or phone stores them."""
    for _ in range(times):
        submission = Submission(new_submission_id(), site, survey, answers, day, version)
        assert storage.record_submission(db, submission)


def adult_answers(satisfied="1", organised="1", contribute="1", included="1") -> dict:
    return {
        "satisfied": satisfied,
        "organised": organised,
        "contribute": contribute,
        "included": included,
    }


def publish_new_wording(db, day=MONDAY + datetime.timedelta(days=7)):
    """Staff change the child evaluation's first question and publish: version 2."""
    child = storage.latest_version(db, "child-evaluation")
    first, *others = child.questions
    changed = dataclasses.replace(first, text=SAFE_IN_WAITING_ROOM)
    storage.save_draft(db, dataclasses.replace(child, questions=(changed, *others)))
    return storage.publish_draft(db, "child-evaluation", day)


def table_beside(page: str, question: str, names=("this week", "last week")) -> dict:
    """{answer word: [this period, the period before]} and Responses, beside a chart."""
    caption = f"{question}: {names[0]} and {names[1]}"
    table = re.search(rf"<caption[^>]*>{re.escape(caption)}</caption>(.*?)</table>", page, re.S)[1]
    return {
        word: re.findall(r"<td[^>]*>([^<]+)</td>", row)
        for word, row in re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S)
    }


def test_the_summary_offers_every_published_survey(staff):
    page = staff.get("/admin/").get_data(as_text=True)
    options = re.search(r'<select id="survey" name="survey">(.*?)</select>', page, re.S)[1]
    assert [
        ("adult-evaluation", "", ADULT_TITLE),
        ("child-evaluation", " selected", "Co-production evaluation for children"),
    ] == re.findall(r'<option value="([^"]+)"( selected)?>([^<]+)</option>', options)


def test_each_survey_shows_its_own_counts(staff, db):
    add(db, ["yes", "no", "sometimes", "skip"], times=6)
    add_answers(db, "adult-evaluation", adult_answers("2", "3", "1", "5"), times=4)
    add_answers(db, "adult-evaluation", adult_answers("1", "skip", "1", "5"), times=3)
    child = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 6 responses" in child
    assert [6, 0, 0, 0] == cells(child, "Do you feel safe during our meetings?")
    assert ADULT_TITLE not in child.split('<nav class="weeks"')[1]
    adult = staff.get("/admin/?survey=adult-evaluation&week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 7 responses" in adult
    assert f"{ADULT_TITLE}, version 1 (from the start)" in adult
    assert {
        "Very Satisfied": ["3", "not shown"],
        "Somewhat Satisfied": ["4", "not shown"],
        "Neutral": ["0", "not shown"],
        "Somewhat Dissatisfied": ["0", "not shown"],
        "Very Dissatisfied": ["0", "not shown"],
        "Skipped": ["0", "not shown"],
        "Responses": ["7", "not shown"],  # all sites: no site had enough last week
    } == table_beside(adult, SATISFIED)
    assert {
        "Yes": ["0", "not shown"],
        "No": ["0", "not shown"],
        "Sometimes": ["4", "not shown"],
    }.items() <= table_beside(
        adult, "Do you feel that the meetings are well-organised and productive?"
    ).items()
    assert "Do you have suggestions for improvements" in adult
    assert "Answered in words: see the" in adult
    # The links keep the survey chosen; the child evaluation's stay as they were.
    assert "/admin/report?survey=adult-evaluation&amp;week=2026-W48" in adult
    assert "/admin/report?week=2026-W48" in child


def test_a_scale_is_one_stacked_bar_a_period_with_every_number(staff, db):
    add_answers(db, "adult-evaluation", adult_answers(satisfied="1"), times=2)
    add_answers(db, "adult-evaluation", adult_answers(satisfied="2"), times=3)
    add_answers(db, "adult-evaluation", adult_answers(satisfied="5"), times=1)
    add_answers(
        db, "adult-evaluation", adult_answers(satisfied="3"), day=MONDAY - datetime.timedelta(7),
        times=5,
    )  # fmt: skip
    page = staff.get("/admin/?survey=adult-evaluation&week=2026-W48").get_data(as_text=True)
    figure = re.search(r'<figure class="question-chart scale">(.*?)</figure>', page, re.S)[1]
    assert SATISFIED in figure
    label = re.search(r'aria-label="([^"]*)"', figure)[1]
    assert (
        f"{SATISFIED} This week (2026-W48): Very Satisfied 2, Somewhat Satisfied 3, Neutral 0,"
        " Somewhat Dissatisfied 0, Very Dissatisfied 1, Skipped 0. Last week (2026-W47):"
        " Very Satisfied 0, Somewhat Satisfied 0, Neutral 5, Somewhat Dissatisfied 0,"
        " Very Dissatisfied 0, Skipped 0."
    ) == label
    written = re.findall(r"<text[^>]*>([^<]+)</text>", figure)
    assert "This week (2026-W48): 6 responses" in written
    assert "Last week (2026-W47): 5 responses" in written
    assert "Very Satisfied: 2 this week, 0 last week" in written
    assert "Very Dissatisfied: 1 this week, 0 last week" in written
    assert "Neutral: 0 this week, 5 last week" in written


def test_the_trend_says_which_answers_its_share_counts(staff, db):
    add_answers(db, "adult-evaluation", adult_answers("1", "1", "2", "3"), times=3)
    add_answers(db, "adult-evaluation", adult_answers("3", "2", "3", "1"), times=2)
    page = staff.get("/admin/?survey=adult-evaluation&week=2026-W48").get_data(as_text=True)
    assert (
        f'<figcaption>{SATISFIED} Share of "Very Satisfied" or "Somewhat Satisfied"</figcaption>'
        in page.replace("&#34;", '"')
    )
    organised = "Do you feel that the meetings are well-organised and productive?"
    assert f'{organised} Share of "Yes"' in page.replace("&#34;", '"')
    assert ["5", "60%", "60%", "60%", "40%"] == trend_rows(page)["2026-W48"]
    add(db, ["yes", "no", "sometimes", "skip"], times=5)
    child = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert '<figcaption>Do you feel safe during our meetings? Share of "Yes"</figcaption>' in (
        child.replace("&#34;", '"')
    )


def test_version_1_answers_stay_under_the_old_wording_after_version_2(staff, db):
    add(db, ["no", "yes", "yes", "yes"], times=6)  # week 48, version 1
    version_2 = publish_new_wording(db)
    assert (2, "2026-11-30") == (version_2.version, version_2.published_on)
    add_answers(
        db, "child-evaluation", dict.fromkeys(["safe", "talk", "team", "ideas"], "yes"),
        day=MONDAY + datetime.timedelta(days=8), times=7, version=2,
    )  # fmt: skip
    last_week = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 6 responses" in last_week
    assert [0, 0, 6, 0] == cells(last_week, "Do you feel safe during our meetings?")
    assert SAFE_IN_WAITING_ROOM not in last_week
    this_week = staff.get("/admin/?week=2026-W49").get_data(as_text=True)
    assert (
        "The questions changed on 2026-11-30 (version 2). Answers before that are under version 1."
        in this_week
    )
    assert (
        "Co-production evaluation for children, version 2 (published 2026-11-30): 7 responses"
        in (this_week)
    )
    assert [7, 0, 0, 0] == cells(this_week, SAFE_IN_WAITING_ROOM)
    # Version 1 keeps its own section, its own wording and its own trend.
    old = this_week[this_week.index("version 1 (from the start)") :]
    assert "Do you feel safe during our meetings?" in old
    assert ["6", "0%", "100%", "100%", "100%"] == trend_rows(old)["2026-W48"]
    assert SAFE_IN_WAITING_ROOM not in old
    assert "13 responses" not in this_week  # never a total across versions


def test_a_small_version_is_hidden_and_no_total_gives_it_away(staff, db):
    add(db, ["no", "no", "no", "no"], day=MONDAY + datetime.timedelta(days=7), times=3)
    publish_new_wording(db)
    add_answers(
        db, "child-evaluation", dict.fromkeys(["safe", "talk", "team", "ideas"], "yes"),
        day=MONDAY + datetime.timedelta(days=8), times=9, version=2,
    )  # fmt: skip
    page = staff.get("/admin/?week=2026-W49").get_data(as_text=True)
    assert "version 2 (published 2026-11-30): 9 responses" in page
    assert "version 1 (from the start): figures not shown" in page
    assert "12 responses" not in page and "3 responses" not in page
    assert re.search(r"<h2>Week 2026-W49</h2>", page)
    old = page[page.index("version 1 (from the start)") :]
    assert "<td>" not in old.split("</section>")[0].split("trend-table")[0]
    report = staff.get("/admin/report?week=2026-W49").get_data(as_text=True)
    assert "12 responses" not in report and "3 responses" not in report


def test_a_survey_that_does_not_exist_shows_the_child_evaluation(staff, db):
    add(db, ["yes", "yes", "yes", "yes"], times=5)
    for asked in ["nowhere", "", "../adult-evaluation", "child"]:
        page = staff.get(f"/admin/?survey={asked}&week=2026-W48").get_data(as_text=True)
        assert "Co-production evaluation for children, version 1" in page
        assert "Week 2026-W48: 5 responses" in page


# The same property for random surveys: random kinds of question, random
# options, one or two versions (the second published somewhere in the weeks
# the pages cover). A group is now one version's answers in one period: each
# small one is replaced by other answers to the same version in that period.

OPTION_WORDS = ["Always", "Often", "Sometimes", "Rarely", "Never", "Very", "Quite", "A bit"]


@st.composite
def a_question(draw, key: str, version: int) -> Question:
    kind = draw(st.sampled_from(KINDS))
    options = ()
    if kind == SCALE_KIND:
        words = st.lists(st.sampled_from(OPTION_WORDS), min_size=2, max_size=7, unique=True)
        options = tuple(draw(words))
    # The version is in the wording: publishing the same words makes no new version.
    text = f"Question {key} of kind {kind}, version {version}?"
    return Question(key, text, kind, options, draw(st.booleans()))


@st.composite
def a_random_survey(draw) -> list[tuple]:
    """[(questions, day published)] for each version, oldest first."""
    versions = []
    for number in range(draw(st.integers(1, 2))):
        keys = draw(
            st.lists(st.sampled_from(["q1", "q2", "q3"]), min_size=1, max_size=3, unique=True)
        )
        questions = tuple(draw(a_question(key, number + 1)) for key in keys)
        day = START - datetime.timedelta(days=30)
        if number:
            day = START + datetime.timedelta(days=draw(st.integers(0, 16 * 7 - 1)))
        versions.append((questions, day))
    return versions


def store_survey(db, versions: list[tuple]) -> list[Survey]:
    """Create the survey "random" and publish each version on its day."""
    first, *_ = versions
    draft = Survey("random", "A random survey", "adults", first[0])
    assert storage.create_survey(db, draft)
    published = []
    for questions, day in versions:
        storage.save_draft(db, dataclasses.replace(draft, questions=questions))
        published.append(storage.publish_draft(db, "random", day))
    return published


def answers_to(survey: Survey, data) -> dict:
    return {
        q.key: data.draw(st.sampled_from(q.answer_keys), label=q.key)
        for q in survey.choice_questions
    }


RANDOM_PAGES = [page.replace("?", "?survey=random&") for page in PAGES]


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(
    versions=a_random_survey(),
    url=st.sampled_from(RANDOM_PAGES),
    how_many=st.integers(0, 50),
    data=st.data(),
)
def test_no_page_of_any_survey_shows_anything_from_a_group_under_the_minimum(
    session_cookie, versions, url, how_many, data
):
    surveys = [
        Survey("random", "A random survey", "adults", questions, version=number)
        for number, (questions, _) in enumerate(versions, start=1)
    ]
    submissions = []
    for _ in range(how_many):
        survey = data.draw(st.sampled_from(surveys), label="version")
        site, day, _ = data.draw(a_submission, label="site and day")
        submissions.append((site, day, survey.version, answers_to(survey, data)))

    def group(submission) -> tuple | None:
        site, day, version, _ = submission
        period = page_group(url, (site, day, None))
        return None if period is None else (version, period)

    groups = collections.Counter(group(s) for s in submissions)
    small = {g for g, n in groups.items() if g is not None and n < 5}
    replaced = [s for s in submissions if group(s) not in small]
    for version, period in sorted(small):
        days = sorted({s[1] for s in submissions if group(s) == (version, period)})
        for _ in range(data.draw(st.integers(0, 4), label=f"how many in {period}")):
            site = "waiting-room-a" if "site=" in url else data.draw(st.sampled_from(sorted(SITES)))
            day = data.draw(st.sampled_from(days))
            answers = answers_to(surveys[version - 1], data)
            replaced.append((site, day, version, answers))

    def storing(chosen):
        def store(db):
            store_survey(db, versions)
            for site, day, version, answers in chosen:
                add_answers(db, "random", answers, site=site, day=day, version=version)

        return store

    page = rendered(session_cookie, [], url, storing(submissions))
    assert page == rendered(session_cookie, [], url, storing(replaced))


def changed(page: str) -> str:
    section = re.search(r'<section class="what-changed"[^>]*>(.*?)</section>', page, re.S)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())


def test_the_summary_opens_with_the_biggest_rises_and_falls(staff, db):
    add(db, ["yes", "yes", "no", "yes"], times=3)
    add(db, ["yes", "no", "no", "yes"], times=1)  # this week: 4 in 4 feel safe
    add(db, ["no", "yes", "yes", "yes"], day=MONDAY - datetime.timedelta(days=7), times=2)
    add(db, ["yes", "yes", "yes", "yes"], day=MONDAY - datetime.timedelta(days=7), times=3)
    page = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert page.index("What changed since last week") < page.index("This week beside last week")
    assert "Week 2026-W48, Waiting room A: fewer than 5 responses" in page
    assert "No change is shown: this week or last week has too few responses to show." in (
        changed(page)
    )
    add(db, ["yes", "yes", "no", "yes"], times=1)  # now 5 this week, 5 last week
    page = staff.get("/admin/?site=waiting-room-a&week=2026-W48").get_data(as_text=True)
    assert (
        '▲ Do you feel part of the team? "No" rose from 0% to 100%.'
        ' ▲ Do you feel safe during our meetings? "Yes" rose from 60% to 100%.'
        ' ▲ Do you get a chance to talk? "No" rose from 0% to 20%.'
        ' ▼ Do you feel part of the team? "Yes" fell from 100% to 0%.'
        ' ▼ Do you feel safe during our meetings? "No" fell from 40% to 0%.'
        ' ▼ Do you get a chance to talk? "Yes" fell from 100% to 80%.'
    ) in changed(page)
