"""The planning proforma: a group plans a piece of work with the guide's six
questions, changes it, and links each intended change to the "You said, we
did" entry that delivered it. Bad input is refused plainly and keeps nothing."""

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from admin.dates import day_in_words
from kiosk import storage
from kiosk.coproduction.guide import PROFORMA
from kiosk.storage.plans import ANSWER_MAX, CHANGE_MAX, CHANGES_MAX, TITLE_MAX
from tests.conftest import form_token, make_account, sign_in

GROUP = "/admin/co-production/young-voices"
NEW = f"{GROUP}/plans/new"
ANSWERS = {
    "aim": "Whether the waiting room feels safe.",
    "impact": "Children waiting for appointments.",
    "team": "Reception and the participation worker.",
    "invite": "The young people's council.",
    "benefit": "Children, who wait somewhere calmer.",
}


@pytest.fixture
def group(staff, db, today):
    return storage.add_group(db, "Young Voices", "waiting-room-a", "children", [], today)


def words(page: str) -> str:
    """What a person reads on a page: its words, without tags or line breaks."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def plan_work(staff, title="A calmer waiting room", changes="New games\nA quiet corner", **extra):
    form = {"csrf_token": form_token(staff, NEW), "title": title, "changes": changes}
    return staff.post(NEW, data={**form, **ANSWERS, **extra})


def plans_kept(db) -> list[tuple]:
    return [
        (p["title"], p["changes"])
        for p in db.query(
            "SELECT title, (SELECT COUNT(*) FROM"
            " plan_changes WHERE plan_id = plans.id) AS changes FROM plans"
        )
    ]


def the_plan(db) -> dict:
    [row] = db.query("SELECT id FROM plans")
    return storage.find_plan(db, row["id"])


def test_the_form_asks_the_guides_six_questions_word_for_word(staff, group):
    page = staff.get(NEW).get_data(as_text=True)
    for field, question in PROFORMA:
        assert f'<label for="{field}">{html.escape(question, quote=False)}</label>' in page


def test_a_plan_is_kept_and_shown_with_each_change_on_its_own_line(staff, db, group, today):
    reply = plan_work(staff, changes="New games\n\n  A quiet   corner \n")
    plan = the_plan(db)
    assert reply.status_code == 302
    assert reply.headers["Location"].endswith(f"{GROUP}/plans/{plan['id']}")
    assert [(c["number"], c["change"]) for c in plan["changes"]] == [
        (1, "New games"),
        (2, "A quiet corner"),
    ]
    page = words(staff.get(reply.headers["Location"]).get_data(as_text=True))
    assert f"What am I aiming to find out? {ANSWERS['aim']}" in page
    assert "Who will benefit and why? Children, who wait somewhere calmer." in page
    assert "New games Not done yet." in page
    assert f"planned on {day_in_words(today)}" in page


def test_the_groups_page_lists_its_plans_and_offers_a_new_one(staff, db, group):
    page = staff.get(GROUP).get_data(as_text=True)
    assert "No plans yet." in page and f'href="{NEW}">Plan a piece of work</a>' in page
    plan_work(staff)
    page = words(staff.get(GROUP).get_data(as_text=True))
    assert "A calmer waiting room : planned on" in page
    assert "0 of 2 intended changes done." in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, "Please give the piece of work a title"),
        ({"title": "t" * (TITLE_MAX + 1)}, "Please give the piece of work a title"),
        ({"aim": "a" * (ANSWER_MAX + 1)}, f"At most {ANSWER_MAX} letters, please."),
        (
            {"changes": "\n".join(f"Change {n}" for n in range(CHANGES_MAX + 1))},
            f"at most {CHANGES_MAX} intended changes",
        ),
        ({"changes": "c" * (CHANGE_MAX + 1)}, f"each at most {CHANGE_MAX} letters"),
    ],
)
def test_bad_plans_are_refused_with_the_words_kept_and_nothing_stored(
    staff, db, group, fields, message
):
    reply = plan_work(staff, **fields)
    page = reply.get_data(as_text=True)
    assert reply.status_code == 422
    assert message in page and "Nothing was saved." in page
    assert "The young people&#39;s council.</textarea>" in page
    assert plans_kept(db) == []


def test_a_plan_at_every_limit_is_kept(staff, db, group):
    at_limits = {field: "a" * ANSWER_MAX for field in ANSWERS}
    changes = "\n".join("c" * CHANGE_MAX for _ in range(CHANGES_MAX))
    reply = plan_work(staff, title="t" * TITLE_MAX, changes=changes, **at_limits)
    assert reply.status_code == 302
    assert plans_kept(db) == [("t" * TITLE_MAX, CHANGES_MAX)]
    page = staff.get(reply.headers["Location"]).get_data(as_text=True)
    [title] = re.findall(r"<title>(.*?)</title>", page)
    assert title.startswith("Plan: ttt") and len(title) < 80


def test_editing_a_plan_keeps_the_links_of_changes_it_keeps(staff, db, group, today):
    plan_work(staff, changes="New games\nA quiet corner")
    plan = the_plan(db)
    entry = storage.add_you_said(db, "waiting-room-a", "Boring.", "We bought new games.", today)
    storage.link_change(db, plan["id"], 1, entry, "waiting-room-a")
    edit = f"{GROUP}/plans/{plan['id']}/edit"
    assert "New games\nA quiet corner</textarea>" in staff.get(edit).get_data(as_text=True)
    form = {"csrf_token": form_token(staff, edit), **ANSWERS, "title": "Calmer waiting room"}
    reply = staff.post(edit, data={**form, "changes": "A quiet corner\nNew games\nPlants"})
    assert reply.status_code == 302
    changed = the_plan(db)
    assert changed["title"] == "Calmer waiting room"
    assert [(c["change"], c["you_said"]) for c in changed["changes"]] == [
        ("A quiet corner", None),
        ("New games", entry),
        ("Plants", None),
    ]
    bad = staff.post(edit, data={**form, "title": ""})
    assert bad.status_code == 422
    assert the_plan(db)["title"] == "Calmer waiting room"


def link(staff, plan_id, number, entry):
    url = f"{GROUP}/plans/{plan_id}/changes/{number}"
    return staff.post(url, data={"csrf_token": form_token(staff, GROUP), "you_said": entry})


def test_a_change_linked_to_its_you_said_entry_shows_as_done(staff, db, group, today):
    plan_work(staff)
    plan = the_plan(db)
    entry = storage.add_you_said(db, "waiting-room-a", "Boring.", "We bought new games.", today)
    storage.add_you_said(db, "youth-hub", "Cold.", "Another site's heating.", today)
    page = staff.get(f"{GROUP}/plans/{plan['id']}").get_data(as_text=True)
    assert "We bought new games." in page and "Another site's heating" not in page
    reply = link(staff, plan["id"], 1, entry)
    assert reply.status_code == 302
    page = words(staff.get(f"{GROUP}/plans/{plan['id']}").get_data(as_text=True))
    assert f"New games Done: We bought new games. ({day_in_words(today)})" in page
    assert "1 of 2 intended changes done." in words(staff.get(GROUP).get_data(as_text=True))
    assert link(staff, plan["id"], 1, "").status_code == 302
    assert the_plan(db)["changes"][0]["you_said"] is None


def test_an_entry_of_another_site_or_none_at_all_is_refused(staff, db, group, today):
    plan_work(staff)
    plan = the_plan(db)
    other = storage.add_you_said(db, "youth-hub", "Cold.", "Heating fixed.", today)
    for entry in (other, "no-such-entry"):
        reply = link(staff, plan["id"], 1, entry)
        assert reply.status_code == 422
        assert "Please choose one of this site" in reply.get_data(as_text=True)
    assert the_plan(db)["changes"][0]["you_said"] is None
    assert link(staff, plan["id"], 9, "").status_code == 404


def test_deleting_a_linked_entry_shows_the_change_as_not_done_again(staff, db, group, today):
    plan_work(staff)
    plan = the_plan(db)
    entry = storage.add_you_said(db, "waiting-room-a", "Boring.", "We bought new games.", today)
    link(staff, plan["id"], 1, entry)
    storage.delete_you_said(db, entry)
    reply = staff.get(f"{GROUP}/plans/{plan['id']}")
    assert reply.status_code == 200
    assert "New games Not done yet." in words(reply.get_data(as_text=True))
    assert "0 of 2 intended changes done." in words(staff.get(GROUP).get_data(as_text=True))


def test_an_unknown_plan_says_so(staff, db, group, today):
    reply = staff.get(f"{GROUP}/plans/nothing-here")
    assert reply.status_code == 404
    assert "There is no such plan in this group" in reply.get_data(as_text=True)
    plan_work(staff)
    storage.add_group(db, "Other", "waiting-room-a", "children", [], today)
    other = f"/admin/co-production/other/plans/{the_plan(db)['id']}"
    assert staff.get(other).status_code == 404


def test_each_save_is_audited_with_the_title_and_no_other_words(staff, db, staff_db, group):
    plan_work(staff)
    link(staff, the_plan(db)["id"], 2, "")
    details = {e["action"]: e["detail"] for e in storage.audit_entries(staff_db)}
    assert details["planned a piece of work"] == "group young-voices: A calmer waiting room"
    assert details["linked a planned change"] == (
        "group young-voices: A calmer waiting room, change 2"
    )
    assert not any(ANSWERS["invite"] in str(d) for d in details.values())


def test_a_safeguarding_lead_only_account_may_not_plan(app, client, db, today):
    assert 0 == make_account(app).exit_code
    storage.add_group(db, "Young Voices", "waiting-room-a", "children", [], today)
    assert 0 == make_account(app, "lee", role="safeguarding-lead").exit_code
    sign_in(client, "lee")
    form = {"csrf_token": form_token(client, "/admin/account"), "title": "Sneaky"}
    reply = client.post(NEW, data=form)
    assert reply.status_code == 403
    assert plans_kept(db) == []


JUNK = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@JUNK
@given(
    form=st.dictionaries(
        st.sampled_from(["title", "aim", "changes", "benefit"]) | st.text(max_size=8),
        st.text(max_size=500),
        max_size=6,
    )
)
def test_junk_at_the_proforma_is_never_a_500_nor_half_kept(staff, db, form, today):
    if not storage.find_group(db, "young-voices"):
        storage.add_group(db, "Young Voices", "waiting-room-a", "children", [], today)
    before = len(plans_kept(db))
    reply = staff.post(NEW, data={**form, "csrf_token": form_token(staff, NEW)})
    assert reply.status_code in {302, 422}, reply.get_data()[:300]
    assert len(plans_kept(db)) == before + (reply.status_code == 302)


def test_a_group_with_no_plan_yet_can_answer_the_good_practice_question(staff, db, group):
    page = staff.get(GROUP).get_data(as_text=True)
    assert "What good practice is already happening in your service" in page
    url = f"{GROUP}/reflections/good-practice"
    reply = staff.post(
        url,
        data={
            "csrf_token": form_token(staff, GROUP),
            "note": "Children already choose the snacks.",
            "next": GROUP + "#plans-heading",
        },
    )
    assert reply.headers["Location"].endswith(GROUP + "#plans-heading")
    assert "Children already choose the snacks." in staff.get(GROUP).get_data(as_text=True)
