"""Exports: counts and comments as CSV files that are safe in Excel, drawings as a
ZIP of PNGs; the small-number rule, the audit log, and plain refusals."""

import csv
import datetime
import io
import zipfile

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from admin.spreadsheets import safe_cell
from kiosk import storage
from kiosk.feedback.comments import Comment
from kiosk.surveys import FACES, iso_week
from tests.conftest import new_submission_id
from tests.test_summary import MONDAY, SAFE_IN_WAITING_ROOM, add, add_answers, publish_new_wording

QUESTION_KEYS = ("safe", "talk", "team", "ideas")  # the child evaluation's, version 1
ANSWER_KEYS = ("yes", "sometimes", "no", "skip")
BOM = b"\xef\xbb\xbf"


def read_csv(response) -> list[dict]:
    body = response.get_data()
    assert body.startswith(BOM)
    return list(csv.DictReader(io.StringIO(body[len(BOM) :].decode("utf-8"))))


def png(colour="navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 20), colour).save(out, format="PNG")
    return out.getvalue()


def add_comment(db, text="the chairs are comfy", site="waiting-room-a", day=MONDAY, **fields):
    comment = Comment(
        id=new_submission_id(),
        site=site,
        topic=fields.get("topic"),
        text=text,
        drawing=fields.get("drawing"),
        concern=fields.get("concern", False),
        receipt_hash=new_submission_id(),
        date=day,
    )
    assert storage.record_comment(db, comment)
    if fields.get("hidden"):
        with storage.writing(db):
            db.execute("UPDATE comments SET hidden = 1 WHERE id = ?", [comment.id])
    return comment


def by_question(rows: list[dict]) -> list[dict]:
    """The counts file's rows as one dict a question: {answer word: count,
    "responses": n, "note": why not}, in the file's order."""
    questions: dict[tuple, dict] = {}
    for row in rows:
        key = (row["version"], row["question"])
        entry = questions.setdefault(key, {"responses": row["responses"], "note": row["note"]})
        entry[row["answer"]] = row["count"]
    return list(questions.values())


def test_counts_for_a_week_and_a_site(staff, db):
    add(db, ["yes", "no", "sometimes", "skip"], times=3)
    add(db, ["no", "no", "yes", "yes"], times=2)
    add(db, ["yes", "yes", "yes", "yes"], site="youth-hub", times=9)
    response = staff.get("/admin/export/counts.csv?site=waiting-room-a&week=2026-W48")
    assert 200 == response.status_code
    assert "text/csv; charset=utf-8" == response.headers["Content-Type"]
    assert (
        'attachment; filename="counts-waiting-room-a-2026-W48.csv"'
        == response.headers["Content-Disposition"]
    )
    rows = read_csv(response)
    assert [
        "site", "period", "survey", "version", "published", "question", "answer", "count",
        "responses", "note",
    ] == list(rows[0])  # fmt: skip
    safe = rows[0]
    assert [
        "Waiting room A", "2026-W48", "Co-production evaluation for children", "1", "",
        "Do you feel safe during our meetings?", "Yes", "3", "5", "",
    ] == list(safe.values())  # fmt: skip
    assert ["Yes", "Sometimes", "No", "Skipped"] * 4 == [row["answer"] for row in rows]
    assert [
        ["3", "0", "2", "0", "5"],
        ["0", "0", "5", "0", "5"],
        ["2", "3", "0", "0", "5"],
        ["2", "0", "0", "3", "5"],
    ] == [
        [q["Yes"], q["Sometimes"], q["No"], q["Skipped"], q["responses"]] for q in by_question(rows)
    ]


def test_dates_are_counted_in_whole_weeks_for_all_sites(staff, db):
    # Every site has 0 or at least 5 responses each week, so the summary page shows each week.
    add(db, ["yes"] * 4, day=MONDAY - datetime.timedelta(days=1), times=5)  # Sunday of week 47
    add(db, ["no"] * 4, site="youth-hub", day=MONDAY, times=5)
    add(db, ["yes"] * 4, day=MONDAY + datetime.timedelta(days=2), times=1)
    add(db, ["no"] * 4, day=MONDAY + datetime.timedelta(days=6), times=4)  # Sunday of week 48
    add(db, ["no"] * 4, day=MONDAY + datetime.timedelta(days=7), times=9)  # week 49
    add(db, ["no"] * 4, day=MONDAY - datetime.timedelta(days=8), times=9)  # week 46
    response = staff.get("/admin/export/counts.csv?from=2026-11-22&to=2026-11-25")
    assert (
        'attachment; filename="counts-all-sites-2026-11-16-to-2026-11-29.csv"'
        == response.headers["Content-Disposition"]
    )
    rows = read_csv(response)
    assert {"All sites"} == {row["site"] for row in rows}
    assert {"2026-11-16 to 2026-11-29"} == {row["period"] for row in rows}
    assert [("6", "9", "15")] * 4 == [
        (q["Yes"], q["No"], q["responses"]) for q in by_question(rows)
    ]


def test_comments_keep_the_exact_dates_asked_for(staff, db):
    add_comment(db, text="inside", day=MONDAY + datetime.timedelta(days=2))
    add_comment(db, text="a day later", day=MONDAY + datetime.timedelta(days=3))
    response = staff.get("/admin/export/comments.csv?from=2026-11-22&to=2026-11-25")
    assert (
        'attachment; filename="comments-all-sites-2026-11-22-to-2026-11-25.csv"'
        == response.headers["Content-Disposition"]
    )
    assert ["inside"] == [row["text"] for row in read_csv(response)]


def test_a_small_group_gets_no_breakdown(staff, db):
    add(db, ["no"] * 4, times=4)
    rows = read_csv(staff.get("/admin/export/counts.csv?site=waiting-room-a&week=2026-W48"))
    assert 16 == len(rows)
    for row in rows:
        assert ["", ""] == [row["count"], row["responses"]]
        assert "fewer than 5 responses, so no breakdown" == row["note"]


def counts_shown(staff, query: str) -> list[tuple]:
    rows = read_csv(staff.get(f"/admin/export/counts.csv?{query}"))
    return [(q["Yes"], q["No"], q["responses"], q["note"]) for q in by_question(rows)]


NOT_SHOWN = [("", "", "", "a site or a week in it had fewer than 5 responses, so no figures")] * 4


def test_no_small_group_comes_out_by_subtraction(staff, db):
    add(db, ["yes"] * 4, times=10)  # waiting room A, week 48
    add(db, ["no"] * 4, site="youth-hub", times=3)
    add(db, ["no"] * 4, site="youth-hub", day=MONDAY - datetime.timedelta(days=7), times=5)
    # The summary page shows all sites as Waiting room A alone, leaving Youth hub's 3 out.
    every_site = staff.get("/admin/?week=2026-W48").get_data(as_text=True)
    assert "Week 2026-W48: 10 responses" in every_site
    assert [("10", "0", "10", "")] * 4 == counts_shown(staff, "site=waiting-room-a&week=2026-W48")
    assert NOT_SHOWN == counts_shown(staff, "week=2026-W48")  # 13 less 10 would be Youth hub's 3
    # Two weeks of Youth hub (8) less week 47 (5) would be the same 3 children's answers.
    assert [("0", "5", "5", "")] * 4 == counts_shown(staff, "site=youth-hub&week=2026-W47")
    assert NOT_SHOWN == counts_shown(staff, "site=youth-hub&from=2026-11-16&to=2026-11-29")
    assert NOT_SHOWN == counts_shown(staff, "from=2026-11-16&to=2026-11-29")


def test_exports_are_audited_without_any_words(staff, db, staff_db):
    add_comment(db, text="a secret about my brother", drawing=png())
    staff.get("/admin/export/counts.csv?site=youth-hub&week=2026-W48")
    staff.get("/admin/export/comments.csv?from=2026-11-01&to=2026-11-30&hidden=1")
    staff.get("/admin/export/drawings.zip?week=2026-W48")
    entries = storage.audit_entries(staff_db)[:3]
    assert [
        ("exported drawings", "site all sites, 2026-W48"),
        ("exported comments", "site all sites, 2026-11-01 to 2026-11-30, hidden ones included"),
        ("exported counts", "site youth-hub, 2026-W48"),
    ] == [(entry["action"], entry["detail"]) for entry in entries]
    assert {"sam"} == {entry["staff"] for entry in entries}


def test_counts_ignore_the_hidden_box_in_the_audit_log_too(staff, db, staff_db):
    # The export page's one form sends hidden=1 to every button; answers cannot be hidden.
    assert 200 == staff.get("/admin/export/counts.csv?week=2026-W48&hidden=1").status_code
    [entry] = storage.audit_entries(staff_db)[:1]
    assert ("exported counts", "site all sites, 2026-W48") == (entry["action"], entry["detail"])


def test_comments_with_topic_date_status_and_drawing_names(staff, db):
    for n in range(5):
        add_comment(db, text=f"message {n}", topic="The building")
    drawn = add_comment(db, text=None, drawing=png())
    add_comment(db, text="not this week", day=MONDAY + datetime.timedelta(days=7))
    response = staff.get("/admin/export/comments.csv?site=waiting-room-a&week=2026-W48")
    assert (
        'attachment; filename="comments-waiting-room-a-2026-W48.csv"'
        == response.headers["Content-Disposition"]
    )
    rows = read_csv(response)
    header = ["site", "week", "date", "topic", "asked in", "text", "needs attention", "status"]
    header.append("drawing")
    assert [*header, "note"] == list(rows[0])
    assert {f"message {n}" for n in range(5)} | {""} == {row["text"] for row in rows}
    assert {"Waiting room A"} == {row["site"] for row in rows}
    days = {(row["week"], row["date"], row["status"]) for row in rows}
    assert {("2026-W48", "2026-11-23", "new")} == days
    assert [f"waiting-room-a-2026-W48-{drawn.id[:8]}.png"] == [
        row["drawing"] for row in rows if row["drawing"]
    ]


def test_the_comments_file_says_which_need_attention(staff, db):
    for n in range(4):
        add_comment(db, text=f"message {n}")
    add_comment(db, text="someone hits me", concern=True)
    rows = read_csv(staff.get("/admin/export/comments.csv?week=2026-W48"))
    flagged = {row["text"]: row["needs attention"] for row in rows}
    assert {"someone hits me": "yes", **{f"message {n}": "" for n in range(4)}} == flagged


def test_no_receipt_hash_and_no_hidden_comment_unless_asked(staff, db):
    shown = add_comment(db, text="shown")
    hidden = add_comment(db, text="hidden by staff", hidden=True)
    plain = staff.get("/admin/export/comments.csv?week=2026-W48").get_data(as_text=True)
    assert "shown" in plain
    assert "hidden by staff" not in plain
    for secret in (shown.receipt_hash, hidden.receipt_hash, shown.id):
        assert secret not in plain
    rows = read_csv(staff.get("/admin/export/comments.csv?week=2026-W48&hidden=1"))
    assert {("shown", ""), ("hidden by staff", "hidden")} == {
        (row["text"], row["hidden"]) for row in rows
    }


def test_a_quiet_week_gives_the_week_but_not_the_day(staff, db):
    add_comment(db, text="only one this week")
    [row] = read_csv(staff.get("/admin/export/comments.csv?week=2026-W48"))
    assert ("2026-W48", "") == (row["week"], row["date"])
    assert "fewer than 5 messages that week, so no day" == row["note"]


def test_a_quiet_weeks_comments_are_not_placed_by_day(staff, db):
    days = [MONDAY + datetime.timedelta(days=n) for n in range(7)]
    sunday_before = add_comment(
        db, text="week 47", site="youth-hub", day=MONDAY - datetime.timedelta(days=1)
    )
    busy = [add_comment(db, text=f"day {n}", day=days[n]) for n in (4, 0, 3, 1, 2)]
    quiet = [
        add_comment(db, text=None, drawing=png(), site="youth-hub", day=days[n]) for n in (6, 0, 2)
    ]
    rows = read_csv(staff.get("/admin/export/comments.csv?from=2026-11-22&to=2026-11-29"))
    # Week, then site; a week's busy site by day; the quiet site in random-id order,
    # never between the busy site's days.
    assert [(sunday_before.text, "2026-W47", "")] + [
        (c.text, "2026-W48", c.date.isoformat()) for c in sorted(busy, key=lambda c: c.date)
    ] == [(r["text"], r["week"], r["date"]) for r in rows[:6]]
    assert [f"youth-hub-2026-W48-{c.id[:8]}.png" for c in sorted(quiet, key=lambda c: c.id)] == [
        r["drawing"] for r in rows[6:]
    ]
    assert {""} == {r["date"] for r in rows[6:]}


def test_drawings_come_by_week_site_and_random_id_not_by_day(staff, db):
    later = [
        add_comment(db, text=None, drawing=png(), day=MONDAY + datetime.timedelta(days=n))
        for n in (4, 0)
    ]
    first_day = add_comment(db, text=None, drawing=png(), site="youth-hub")
    response = staff.get("/admin/export/drawings.zip?week=2026-W48")
    expected = [
        f"waiting-room-a-2026-W48-{c.id[:8]}.png" for c in sorted(later, key=lambda c: c.id)
    ]
    expected.append(f"youth-hub-2026-W48-{first_day.id[:8]}.png")
    assert expected == zipfile.ZipFile(io.BytesIO(response.get_data())).namelist()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("I like = signs", "I like = signs"),
        ("Мне нравится", "Мне нравится"),
        (7, 7),
        (None, ""),
    ],
)
def test_a_cell_never_starts_a_formula(value, expected):
    assert expected == safe_cell(value)


def test_childrens_words_reach_excel_as_text(staff, db):
    for text in ["=cmd|' /C calc'!A0", "+44 7700", "-minus", "@here", "\tindented", "日本語です"]:
        add_comment(db, text=text)
    texts = {row["text"] for row in read_csv(staff.get("/admin/export/comments.csv?week=2026-W48"))}
    quoted = {"'=cmd|' /C calc'!A0", "'+44 7700", "'-minus", "'@here", "'\tindented"}
    assert quoted | {"日本語です"} == texts


def test_drawings_come_as_a_zip_of_pngs_with_no_time_of_day(staff, db):
    first = add_comment(db, text=None, drawing=png("navy"))
    second = add_comment(db, text="and a picture", drawing=png("gold"), site="youth-hub")
    add_comment(db, text=None, drawing=png("teal"), hidden=True)
    add_comment(db, text="words only")
    response = staff.get("/admin/export/drawings.zip?week=2026-W48")
    assert "application/zip" == response.headers["Content-Type"]
    assert (
        'attachment; filename="drawings-all-sites-2026-W48.zip"'
        == response.headers["Content-Disposition"]
    )
    with zipfile.ZipFile(io.BytesIO(response.get_data())) as archive:
        names = sorted(archive.namelist())
        assert (
            sorted(
                [
                    f"waiting-room-a-2026-W48-{first.id[:8]}.png",
                    f"youth-hub-2026-W48-{second.id[:8]}.png",
                ]
            )
            == names
        )
        assert {(1980, 1, 1, 0, 0, 0)} == {info.date_time for info in archive.infolist()}
        assert {png("navy"), png("gold")} == {archive.read(name) for name in names}
    with_hidden = staff.get("/admin/export/drawings.zip?week=2026-W48&hidden=1")
    assert 3 == len(zipfile.ZipFile(io.BytesIO(with_hidden.get_data())).namelist())


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("site=nowhere&week=2026-W48", 404),
        ("week=2026-W99", 400),
        ("week=2026-48", 400),
        ("week=", 400),
        ("", 400),
        ("from=2026-11-30&to=2026-11-01", 400),
        ("from=2026-02-30&to=2026-03-01", 400),
        ("from=2026-11-01", 400),
        ("from=2024-01-01&to=2026-01-01", 400),
        ("week=2026-W48&from=2026-11-01&to=2026-11-02", 400),
        ("from=٢٠٢٦-١١-٠١&to=2026-11-02", 400),
        ("week=9999-W52", 400),
        ("week=1899-W52", 400),
        ("week=٢٠٢٦-W48", 400),
        ("from=9999-12-27&to=9999-12-31", 400),
        ("from=0001-01-01&to=0001-01-02", 400),
        ("from=1899-12-31&to=1900-01-01", 400),
    ],
)
@pytest.mark.parametrize("kind", ["counts.csv", "comments.csv", "drawings.zip"])
def test_bad_choices_get_a_plain_refusal(staff, db, kind, query, status, staff_db):
    response = staff.get(f"/admin/export/{kind}?{query}")
    assert status == response.status_code
    assert [] == [e for e in storage.audit_entries(staff_db) if e["action"].startswith("exported")]


def test_the_first_and_last_years_a_staff_page_takes(staff):
    for query in ["week=9000-W52", "week=1900-W01", "from=9000-12-25&to=9000-12-31"]:
        assert 200 == staff.get(f"/admin/export/counts.csv?{query}").status_code
    refused = staff.get("/admin/export/counts.csv?from=9999-12-27&to=9999-12-31")
    assert "Choose dates from 1900 to 9000." in refused.get_data(as_text=True)


def test_a_year_is_the_longest_range(staff):
    assert 200 == staff.get("/admin/export/counts.csv?from=2024-01-01&to=2024-12-31").status_code
    assert 400 == staff.get("/admin/export/counts.csv?from=2024-01-01&to=2025-01-01").status_code


def test_the_export_page_offers_each_download(staff):
    page = staff.get("/admin/export").get_data(as_text=True)
    for kind in ["counts.csv", "comments.csv", "drawings.zip"]:
        assert f'formaction="/admin/export/{kind}"' in page
    assert '<a href="/admin/export" aria-current="page">Export</a>' in page


# Property-based tests: whatever was stored and whatever is asked for.
SOME = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SITE_NAMES = {"waiting-room-a": "Waiting room A", "youth-hub": "Youth hub"}
stored_submissions = st.lists(
    st.tuples(
        st.sampled_from(sorted(SITE_NAMES)),
        st.integers(0, 20).map(lambda days: MONDAY - datetime.timedelta(days=days)),
        st.tuples(*[st.sampled_from(ANSWER_KEYS)] * len(QUESTION_KEYS)),
    ),
    max_size=30,
)
WEEKS = {"2026-W48": 0, "2026-W47": 7, "2026-W46": 14}  # days before MONDAY


def week_period(week: str) -> tuple:
    monday = MONDAY - datetime.timedelta(days=WEEKS[week])
    return f"week={week}", monday, monday + datetime.timedelta(days=6)


def range_period(pair: tuple) -> tuple:
    """Dates asked for, and the whole weeks counted: Monday of the first, Sunday of the last."""
    first, last = (MONDAY - datetime.timedelta(days=days) for days in sorted(pair, reverse=True))
    monday = first - datetime.timedelta(days=first.weekday())
    sunday = last + datetime.timedelta(days=6 - last.weekday())
    return f"from={first}&to={last}", monday, sunday


periods = st.sampled_from(sorted(WEEKS)).map(week_period) | st.tuples(
    st.integers(0, 20), st.integers(0, 20)
).map(range_period)


NEW_WORDING_ON = MONDAY - datetime.timedelta(days=10)  # version 2 of the child evaluation


@SOME
@given(
    submissions=stored_submissions,
    versions=st.lists(st.sampled_from([1, 2]), min_size=30, max_size=30),
    site=st.sampled_from(["", *SITE_NAMES]),
    period=periods,
)
def test_no_exported_count_comes_from_a_small_group_of_any_version(
    staff, db, submissions, versions, site, period
):
    if storage.latest_version(db, "child-evaluation").version == 1:
        publish_new_wording(db, NEW_WORDING_ON)
    with storage.writing(db):  # a fresh start for each example; the app keeps its file
        db.execute("DELETE FROM submissions")
    for (where, day, answers), version in zip(submissions, versions, strict=False):
        add_answers(
            db,
            "child-evaluation",
            dict(zip(QUESTION_KEYS, answers, strict=True)),
            where,
            day,
            1,
            version,
        )
    query, first, last = period
    response = staff.get(f"/admin/export/counts.csv?site={site}&{query}")
    assert 200 == response.status_code
    rows = read_csv(response)
    for version in (1, 2):
        mine = [s for s, v in zip(submissions, versions, strict=False) if v == version]
        group = [a for where, day, a in mine if site in ("", where) and first <= day <= last]
        questions = by_question([row for row in rows if row["version"] == str(version)])
        # Listed when it was asked in the period, or when it has figures to show.
        asked = first <= NEW_WORDING_ON if version == 1 else last >= NEW_WORDING_ON
        shown = len(group) >= 5 and each_week_shown(mine, site, first, last)
        if not (asked or shown):
            assert [] == questions
            continue
        assert len(QUESTION_KEYS) == len(questions)
        for index, row in enumerate(questions):
            figures = [row[face.word] for face in FACES] + [row["Skipped"], row["responses"]]
            if len(group) < 5:
                assert ["", "", "", "", ""] == figures
                assert "fewer than 5 responses, so no breakdown" == row["note"]
            elif not shown:
                assert ["", "", "", "", ""] == figures
                assert (
                    "a site or a week in it had fewer than 5 responses, so no figures"
                    == (row["note"])
                )
            else:
                expected = [sum(1 for a in group if a[index] == key) for key in ANSWER_KEYS]
                assert [str(n) for n in expected] + [str(len(group))] == figures


def each_week_shown(submissions, site, first, last) -> bool:
    """The summary page's rule, week by week: a week with responses is shown when it
    has at least 5 and, for all sites, its sites under 5 add up to none or at least 5."""
    per_week: dict[str, dict[str, int]] = {}
    for where, day, _ in submissions:
        if site in ("", where) and first <= day <= last:
            sites = per_week.setdefault(iso_week(day), {})
            sites[where] = sites.get(where, 0) + 1
    for sites in per_week.values():
        small = sum(n for n in sites.values() if n < 5)
        if sum(sites.values()) < 5 or (len(sites) > 1 and 0 < small < 5):
            return False
    return True


junk_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=25)


@SOME
@given(
    kind=st.sampled_from(["counts.csv", "comments.csv", "drawings.zip", "nonsense.csv"]),
    query=st.dictionaries(
        st.sampled_from(["site", "week", "from", "to", "hidden"]) | junk_text,
        st.sampled_from(["waiting-room-a", "2026-W48", "2026-11-23", "2025-11-24", "1"])
        | st.dates().map(str)
        | junk_text,
        max_size=5,
    ),
)
def test_any_export_request_is_never_a_500(staff, kind, query):
    response = staff.get(f"/admin/export/{kind}", query_string=query)
    assert response.status_code in {200, 400, 404}, (query, response.status_code)
    if response.status_code == 200:
        assert response.headers["Content-Disposition"].startswith("attachment; filename=")


export_kinds = st.sampled_from(["counts.csv", "comments.csv", "drawings.zip"])


@SOME
@given(
    kind=export_kinds,
    week=st.builds("{:04d}-W{:02d}".format, st.integers(0, 9999), st.integers(0, 54)),
)
@example(kind="counts.csv", week="9999-W52")
@example(kind="comments.csv", week="0001-W01")
def test_any_week_is_an_export_or_a_plain_refusal(staff, kind, week):
    response = staff.get(f"/admin/export/{kind}", query_string={"week": week})
    assert response.status_code in {200, 400}, (week, response.status_code)


dates_a_little_apart = st.tuples(
    st.dates(max_value=datetime.date(9999, 12, 1)), st.integers(0, 30)
).map(lambda pair: (pair[0], pair[0] + datetime.timedelta(days=pair[1])))


@SOME
@given(kind=export_kinds, dates=st.tuples(st.dates(), st.dates()) | dates_a_little_apart)
@example(kind="counts.csv", dates=(datetime.date(9999, 12, 27), datetime.date(9999, 12, 31)))
@example(kind="counts.csv", dates=(datetime.date(1, 1, 1), datetime.date(1, 1, 2)))
def test_any_two_dates_are_an_export_or_a_plain_refusal(staff, kind, dates):
    first, last = dates
    response = staff.get(f"/admin/export/{kind}", query_string={"from": first, "to": last})
    assert response.status_code in {200, 400}, (first, last, response.status_code)


ALL_YES = dict.fromkeys(QUESTION_KEYS, "yes")


def test_counts_are_grouped_by_version_with_the_words_each_asked(staff, db):
    add(db, ["no", "yes", "yes", "yes"], times=6)  # version 1, week 48
    publish_new_wording(db)  # version 2, from 2026-11-30
    day = MONDAY + datetime.timedelta(days=8)
    add_answers(db, "child-evaluation", ALL_YES, day=day, times=5, version=2)
    rows = read_csv(staff.get("/admin/export/counts.csv?from=2026-11-23&to=2026-12-06"))
    assert [("1", ""), ("2", "2026-11-30")] == sorted(
        {(r["version"], r["published"]) for r in rows}
    )
    version_1 = by_question([r for r in rows if r["version"] == "1"])
    version_2 = by_question([r for r in rows if r["version"] == "2"])
    assert [("0", "6", "6")] == [(q["Yes"], q["No"], q["responses"]) for q in version_1[:1]]
    assert [("5", "0", "5")] == [(q["Yes"], q["No"], q["responses"]) for q in version_2[:1]]
    assert "Do you feel safe during our meetings?" == rows[0]["question"]
    assert SAFE_IN_WAITING_ROOM in {r["question"] for r in rows if r["version"] == "2"}
    assert SAFE_IN_WAITING_ROOM not in {r["question"] for r in rows if r["version"] == "1"}
    assert "11" not in {r["responses"] for r in rows}  # never a total across versions


def test_a_small_version_gets_no_figures_and_the_other_keeps_its_own(staff, db):
    add(db, ["no", "yes", "yes", "yes"], day=MONDAY + datetime.timedelta(days=7), times=3)
    publish_new_wording(db)
    day = MONDAY + datetime.timedelta(days=8)
    add_answers(db, "child-evaluation", ALL_YES, day=day, times=6, version=2)
    rows = read_csv(staff.get("/admin/export/counts.csv?week=2026-W49"))
    version_1 = by_question([r for r in rows if r["version"] == "1"])
    version_2 = by_question([r for r in rows if r["version"] == "2"])
    assert {("", "", "fewer than 5 responses, so no breakdown")} == {
        (q["No"], q["responses"], q["note"]) for q in version_1
    }
    assert {("6", "6", "")} == {(q["Yes"], q["responses"], q["note"]) for q in version_2}


def test_the_adult_evaluations_counts_with_its_own_options(staff, db):
    answers = {"satisfied": "2", "organised": "3", "contribute": "1", "included": "skip"}
    add_answers(db, "adult-evaluation", answers, site="youth-hub", times=5)
    response = staff.get("/admin/export/counts.csv?survey=adult-evaluation&week=2026-W48")
    assert (
        'filename="counts-adult-evaluation-all-sites-2026-W48.csv"'
        in (response.headers["Content-Disposition"])
    )
    rows = read_csv(response)
    satisfied = [r for r in rows if r["question"].startswith("Overall, how satisfied")]
    assert [
        ("Very Satisfied", "0"), ("Somewhat Satisfied", "5"), ("Neutral", "0"),
        ("Somewhat Dissatisfied", "0"), ("Very Dissatisfied", "0"), ("Skipped", "0"),
    ] == [(r["answer"], r["count"]) for r in satisfied]  # fmt: skip
    assert {"Co-production evaluation for adults"} == {r["survey"] for r in rows}
    [words] = [r for r in rows if r["question"].startswith("Do you have suggestions")]
    assert ("", "", "answered in words only") == (words["answer"], words["count"], words["note"])


def test_an_unknown_survey_is_a_plain_404(staff):
    response = staff.get("/admin/export/counts.csv?survey=nowhere&week=2026-W48")
    assert 404 == response.status_code
    assert "There is no survey with that name." in response.get_data(as_text=True)
