"""Staff act on what children sent: the week's comments and drawings, concerns first;
status, hide, show hidden and delete, each audited without the child's words."""

import datetime
import re
import secrets
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import storage
from kiosk.feedback.comments import Comment
from tests.conftest import form_token
from tests.test_anonymity import database_bytes
from tests.test_drawings import drawn_canvas, png_bytes

MONDAY = datetime.date(2026, 11, 23)  # ISO week 2026-W48
WEEK = "2026-W48"
LIST = f"/admin/comments?week={WEEK}"
TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}\b")


def add_comment(db, text="More snacks", *, concern=False, day=MONDAY, site="waiting-room-a",
                topic="The waiting room", drawing=None, comment_id=None) -> str:  # fmt: skip
    comment = Comment(
        id=comment_id or secrets.token_hex(16),
        site=site,
        topic=topic,
        text=text,
        drawing=drawing,
        concern=concern,
        receipt_hash=secrets.token_hex(32),
        date=day,
    )
    assert storage.record_comment(db, comment)
    return comment.id


def token(client) -> str:
    return form_token(client, "/admin/comments")


def page(client, url=LIST) -> str:
    response = client.get(url)
    assert 200 == response.status_code
    return " ".join(response.get_data(as_text=True).split())


def shown_texts(client, url=LIST) -> list[str]:
    return re.findall(r'<p class="comment-text">(.*?)</p>', page(client, url))


def post(client, url, **fields):
    return client.post(url, data={"csrf_token": token(client), **fields})


def audit_of(staff_db) -> list[tuple[str, str, str]]:
    """What staff did after making the account and signing in, oldest first."""
    entries = [(e["staff"], e["action"], e["detail"]) for e in storage.audit_entries(staff_db)][
        ::-1
    ]
    return entries[2:]


# The list


def test_the_weeks_comments_concerns_first_then_by_date_and_id(staff, db):
    wednesday = MONDAY + datetime.timedelta(days=2)
    add_comment(db, "b wednesday", day=wednesday, comment_id="b" * 32)
    add_comment(db, "a wednesday", day=wednesday, comment_id="a" * 32)
    add_comment(db, "monday", day=MONDAY, comment_id="c" * 32)
    add_comment(db, "someone hits me", concern=True, day=wednesday, comment_id="d" * 32)
    add_comment(db, "youth hub", site="youth-hub", comment_id="e" * 32)
    add_comment(db, "last week", day=MONDAY - datetime.timedelta(days=1))
    assert ["someone hits me", "monday", "youth hub", "a wednesday", "b wednesday"] == (
        shown_texts(staff)
    )
    assert ["someone hits me", "monday", "a wednesday", "b wednesday"] == shown_texts(
        staff, LIST + "&site=waiting-room-a"
    )
    assert ["last week"] == shown_texts(staff, "/admin/comments?week=2026-W47")


@pytest.mark.parametrize("typed", ["25/11/2026", "2026-11-25", "25 Nov 2026", "2026 w48"])
def test_the_week_box_takes_a_date_or_a_week_as_the_summarys_does(staff, db, typed):
    add_comment(db, "in week 48")
    add_comment(db, "in week 47", day=MONDAY - datetime.timedelta(days=1))
    assert ["in week 48"] == shown_texts(staff, f"/admin/comments?week={typed}")


@pytest.mark.parametrize("typed", ["the week before", "32/13/2026", "2026-W60"])
def test_a_week_not_understood_is_said_so_never_silently_this_week(staff, typed):
    response = staff.get("/admin/comments", query_string={"week": typed})
    text = " ".join(response.get_data(as_text=True).split())
    assert 400 == response.status_code
    assert "We did not understand that week." in text
    assert 'aria-invalid="true"' in text


def test_no_next_week_link_into_the_future(staff):
    this_week = datetime.date.today().isocalendar()
    text = page(staff, f"/admin/comments?week={this_week.year}-W{this_week.week:02d}")
    assert "Previous week" in text and "Next week" not in text
    assert "Next week" in page(staff, "/admin/comments?week=2026-W01")


def test_each_comment_shows_topic_text_date_status_and_drawing_never_a_time(staff, db):
    comment_id = add_comment(db, "Draw more", concern=True, drawing=png_bytes(drawn_canvas()))
    text = page(staff)
    assert "Needs attention" in text
    assert "The waiting room" in text
    assert "Draw more" in text
    assert "<dt>Site</dt><dd>Waiting room A</dd>" in text
    assert "<dt>Date</dt><dd>2026-11-23</dd>" in text
    assert "<dt>Status</dt><dd>New</dd>" in text
    assert f'src="/admin/comments/{comment_id}/drawing.png"' in text
    assert 'alt="A drawing sent with this message on 2026-11-23"' in text
    assert [] == TIME_OF_DAY.findall(text)


def test_a_drawing_is_served_to_staff_as_png(staff, db, client):
    drawing = png_bytes(drawn_canvas())
    comment_id = add_comment(db, None, drawing=drawing)
    response = staff.get(f"/admin/comments/{comment_id}/drawing.png")
    assert (200, "image/png", drawing) == (
        response.status_code,
        response.mimetype,
        response.get_data(),
    )
    assert 404 == staff.get(f"/admin/comments/{'0' * 32}/drawing.png").status_code


def test_a_stranger_gets_no_drawing(app, db):
    comment_id = add_comment(db, None, drawing=png_bytes(drawn_canvas()))
    response = app.test_client().get(f"/admin/comments/{comment_id}/drawing.png")
    assert 302 == response.status_code


def test_the_comments_page_is_in_the_staff_links(staff):
    assert '<a href="/admin/comments"' in page(staff, "/admin/")


# Status


@pytest.mark.parametrize("status", ["seen", "actioned", "new"])
def test_marking_a_status_is_kept_and_audited_without_the_words(staff, db, status, staff_db):
    comment_id = add_comment(db, "secret words here")
    response = post(staff, f"/admin/comments/{comment_id}/status", status=status, week=WEEK)
    assert (302, f"/admin/comments?week={WEEK}") == (
        response.status_code,
        response.headers["Location"],
    )
    assert status == storage.find_comment(db, comment_id)["status"]
    assert [("sam", f"marked a comment {status}", "site waiting-room-a, 2026-W48")] == audit_of(
        staff_db
    )
    assert "secret words" not in page(staff, "/admin/audit")


@pytest.mark.parametrize("status", ["", "done", "NEW", "seen ", "x" * 5000])
def test_a_status_not_on_the_list_is_refused(staff, db, status, staff_db):
    comment_id = add_comment(db)
    response = post(staff, f"/admin/comments/{comment_id}/status", status=status)
    assert 422 == response.status_code
    assert "new" == storage.find_comment(db, comment_id)["status"]
    assert [] == audit_of(staff_db)


def test_storage_refuses_a_status_not_on_the_list(db):
    comment_id = add_comment(db)
    with pytest.raises(ValueError):
        storage.set_comment_status(db, comment_id, "done")
    assert "new" == storage.find_comment(db, comment_id)["status"]


def test_the_buttons_offer_exactly_the_allowed_statuses(staff, db):
    add_comment(db)
    offered = re.findall(r'name="status" value="(\w+)"', page(staff))
    # A new comment offers the other statuses, in their order.
    assert [s for s in storage.STATUSES if s != "new"] == offered


@pytest.mark.parametrize(
    "method,path,fields",
    [
        ("post", "status", {"status": "seen"}),
        ("post", "hide", {}),
        ("post", "unhide", {}),
        ("post", "delete", {}),
        ("get", "delete", None),
    ],
)
def test_an_unknown_comment_is_a_404(staff, db, method, path, fields, staff_db):
    add_comment(db)
    url = f"/admin/comments/{'f' * 32}/{path}"
    response = staff.get(url) if method == "get" else post(staff, url, **fields)
    assert 404 == response.status_code
    assert [] == audit_of(staff_db)


@pytest.mark.parametrize(
    "path,fields", [("status", {"status": "seen"}), ("hide", {}), ("delete", {})]
)
def test_every_action_needs_the_form_token(staff, db, path, fields, staff_db):
    comment_id = add_comment(db)
    response = staff.post(f"/admin/comments/{comment_id}/{path}", data=fields)
    assert 400 == response.status_code
    assert {"status": "new", "hidden": 0} == {
        key: storage.find_comment(db, comment_id)[key] for key in ("status", "hidden")
    }
    assert [] == audit_of(staff_db)


# The banner


def test_the_banner_goes_once_the_concern_is_seen_or_actioned(staff, client, db):
    from tests.test_feedback import send

    visitor = client.application.test_client()
    assert 201 == send(visitor, text="someone hit me at home").status_code
    assert 201 == send(visitor, text="somebody hurts me").status_code
    assert "2 messages need attention" in page(staff, "/admin/comments")
    first, second = [c["id"] for c in storage.comments_for_site(db, "waiting-room-a")]
    post(staff, f"/admin/comments/{first}/status", status="seen")
    assert "1 message needs attention" in page(staff, "/admin/comments")
    post(staff, f"/admin/comments/{second}/status", status="actioned")
    assert "need attention" not in page(staff, "/admin/")
    assert "needs attention" not in page(staff, "/admin/")
    post(staff, f"/admin/comments/{second}/status", status="new")
    assert "1 message needs attention" in page(staff, "/admin/")


# Hide and show hidden


def test_a_hidden_comment_is_kept_but_left_out_until_asked_for(staff, db, staff_db):
    comment_id = add_comment(db, "hide me")
    add_comment(db, "keep me")
    response = post(staff, f"/admin/comments/{comment_id}/hide", week=WEEK, hidden="")
    assert f"/admin/comments?week={WEEK}" == response.headers["Location"]
    assert ["keep me"] == shown_texts(staff)
    assert {"hide me", "keep me"} == set(shown_texts(staff, LIST + "&hidden=1"))
    assert "Hidden" in page(staff, LIST + "&hidden=1")
    assert 1 == storage.find_comment(db, comment_id)["hidden"]

    response = post(staff, f"/admin/comments/{comment_id}/unhide", week=WEEK, hidden="1")
    assert f"/admin/comments?week={WEEK}&hidden=1" == response.headers["Location"]
    assert {"hide me", "keep me"} == set(shown_texts(staff))
    assert [
        ("sam", "hid a comment", "site waiting-room-a, 2026-W48"),
        ("sam", "showed a hidden comment again", "site waiting-room-a, 2026-W48"),
    ] == audit_of(staff_db)


# Delete


def test_delete_asks_first_then_removes_the_comment_from_the_file(app, staff, db, staff_db):
    words = "zqxj unforgettable words"
    comment_id = add_comment(db, words, drawing=png_bytes(drawn_canvas()))
    confirm = staff.get(f"/admin/comments/{comment_id}/delete?week={WEEK}")
    assert 200 == confirm.status_code
    assert "Delete this comment for good?" in confirm.get_data(as_text=True)
    assert storage.find_comment(db, comment_id) is not None, "asking deletes nothing"
    response = post(staff, f"/admin/comments/{comment_id}/delete", week=WEEK)
    assert (302, f"/admin/comments?week={WEEK}") == (
        response.status_code,
        response.headers["Location"],
    )
    assert storage.find_comment(db, comment_id) is None
    assert storage.drawing_for(db, comment_id) is None
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert words.encode() not in database_bytes(Path(app.config["DATABASE"]))
    assert [("sam", "deleted a comment", "site waiting-room-a, 2026-W48")] == audit_of(staff_db)


# Junk


JUNK = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
field_names = st.sampled_from(["status", "site", "week", "hidden", "csrf_token"]) | st.text(
    max_size=10
)
field_values = st.sampled_from(["seen", "new", "1", WEEK, "waiting-room-a"]) | st.text(max_size=50)


@JUNK
@given(
    action=st.sampled_from(["status", "hide", "unhide", "delete"]),
    known=st.booleans(),
    other_id=st.text(max_size=40),
    form=st.dictionaries(field_names, field_values, max_size=5),
    with_token=st.booleans(),
)
def test_junk_at_the_comment_actions_is_never_a_500(
    staff, db, action, known, other_id, form, with_token
):
    comment_id = add_comment(db)
    target = comment_id if known else (other_id.replace("/", "") or "x")
    if with_token:
        form = {**form, "csrf_token": token(staff)}
    response = staff.post(f"/admin/comments/{target}/{action}", data=form)
    assert response.status_code < 500, response.get_data()[:300]
    assert response.status_code in {302, 400, 404, 405, 422}


@JUNK
@given(
    query=st.dictionaries(
        st.sampled_from(["site", "week", "hidden"]) | st.text(max_size=8),
        st.sampled_from(["1", WEEK, "0001-W01", "9999-W52", "2026-W54", "youth-hub"])
        | st.text(max_size=40),
        max_size=4,
    )
)
def test_any_query_on_the_comments_page_is_never_a_500(staff, db, query):
    add_comment(db)
    response = staff.get("/admin/comments", query_string=query)
    # A week box that names no week is a 400 that says so; anything else shows a list.
    assert response.status_code in (200, 400), response.get_data()[:300]
    if response.status_code == 400:
        assert b"We did not understand that week." in response.get_data()


def test_the_banner_and_the_page_lead_to_weeks_with_unreviewed_concerns(staff, db):
    add_comment(db, "someone hits me", concern=True, day=MONDAY - datetime.timedelta(days=7))
    add_comment(db, "I want to hurt myself", concern=True)
    add_comment(db, "he hit me", concern=True, day=MONDAY + datetime.timedelta(days=7))
    [next_week] = storage.comments_for_week(db, "2026-W49")
    post(staff, f"/admin/comments/{next_week['id']}/status", status="seen")
    # The safeguarding lead's banner leads to the queue of every concern.
    assert '<a href="/admin/concerns">Read them</a>' in page(staff, "/admin/")
    text = page(staff, LIST)
    assert "have not been reviewed: <a" in text
    assert '<a href="/admin/comments?week=2026-W47">2026-W47</a>.' in text
    assert "2026-W49</a>" not in text


def test_one_click_marks_a_comment_seen_or_actioned(staff, db):
    add_comment(db, "someone hits me", concern=True)
    [comment] = storage.comments_for_week(db, "2026-W48")
    text = page(staff, LIST)
    # Each other status is its own button: no menu and no separate save.
    assert 'name="status" value="seen"' in text and 'name="status" value="actioned"' in text
    assert 'name="status" value="new"' not in text
    post(staff, f"/admin/comments/{comment['id']}/status", status="actioned")
    assert "actioned" == storage.find_comment(db, comment["id"])["status"]


def test_staff_see_which_words_or_rule_flagged_a_message(staff, db):
    add_comment(db, "i get battered at home and my step dad hits me", concern=True)
    text = page(staff, LIST)
    assert "<dt>Flagged by</dt><dd>hit me, getting hit</dd>" in text
