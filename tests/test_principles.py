"""The six principles, visible: staff tag comments, drawings and "You said, we did"
entries with the guide's principles; the principles page shows, under each one,
what children raised and what was done. Bad input and the wrong role keep nothing."""

import datetime
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from admin.coproduction.principles import first_day
from kiosk import storage
from kiosk.coproduction.guide import PRINCIPLE_WORDS
from tests.conftest import form_token, make_account, sign_in, store_comment

PAGE = "/admin/co-production/principles"
YOU_SAID = "/admin/you-said-we-did"


def add_entry(staff, principles=(), heard="The games are old.", site="youth-hub", day=None):
    day = day or datetime.date.today()
    data = {
        "csrf_token": form_token(staff, YOU_SAID),
        "site": site,
        "heard": heard,
        "did": "We bought new games.",
        "date": day.isoformat(),
        "principles": list(principles),
    }
    return staff.post(YOU_SAID, data=data)


def tag(staff, kind, row_id, principles):
    """Send a tagging form as the Comments or You said, we did page does."""
    address = f"/admin/comments/{row_id}/principles"
    if kind == "you-said":
        address = f"{YOU_SAID}/{row_id}/principles"
    token = form_token(staff, "/admin/comments")
    return staff.post(address, data={"csrf_token": token, "principles": list(principles)})


def sections(staff, query="") -> dict[str, str]:
    """The principles page, one text a principle, by its words."""
    reply = staff.get(PAGE + query)
    assert 200 == reply.status_code
    html = " ".join(reply.get_data(as_text=True).split())
    found = re.findall(r'<h2 id="principle-[a-z]+">(.*?)</h2>(.*?)</section>', html)
    assert [words for words, _ in found] == list(PRINCIPLE_WORDS.values())
    return dict(found)


def under(staff, words: str, query="") -> list[str]:
    """The principles a text is shown under."""
    return [name for name, text in sections(staff, query).items() if words in text]


def only_entry(db) -> dict:
    [entry] = storage.you_said_entries(db)
    return entry


def audit_of(staff_db) -> list[tuple[str, str]]:
    return [(e["action"], e["detail"]) for e in storage.audit_entries(staff_db)][::-1][2:]


# Tagging and the page


def test_an_entry_tagged_choice_shows_under_choice_and_nowhere_else(staff, db, staff_db, today):
    add_entry(staff)
    entry = only_entry(db)
    assert [] == under(staff, "The games are old.")
    reply = tag(staff, "you-said", entry["id"], ["choice"])
    assert (302, YOU_SAID) == (reply.status_code, reply.headers["Location"])
    assert ["Choice"] == under(staff, "The games are old.")
    assert "We bought new games." in sections(staff)["Choice"]
    assert (
        "tagged a You said, we did entry with principles",
        f"site youth-hub, {today}: choice",
    ) == (audit_of(staff_db)[-1])


def test_the_add_form_takes_principles_and_the_list_shows_them(staff, db, staff_db, today):
    reply = add_entry(staff, ["empowerment", "safety"])
    assert 302 == reply.status_code
    assert "safety empowerment" == only_entry(db)["principles"]
    detail = f"site youth-hub, {today}: safety empowerment"
    assert ("added a You said, we did entry", detail) == audit_of(staff_db)[-1]
    page = " ".join(staff.get(YOU_SAID).get_data(as_text=True).split())
    assert "<legend>Which of the six principles does it touch?</legend>" in page
    assert "Safety, Empowerment" in page
    assert ["Safety", "Empowerment"] == under(staff, "The games are old.")


def test_a_comment_tagged_safety_and_choice_shows_under_both_then_untagged_is_gone(
    staff, db, staff_db, today
):
    comment = store_comment(db, "I want to choose my keyworker", day=today)
    assert 302 == tag(staff, "comment", comment.id, ["safety", "choice"]).status_code
    assert ["Safety", "Choice"] == under(staff, "I want to choose my keyworker")
    assert "1 comment or drawing tagged Safety." in sections(staff)["Safety"]
    listed = " ".join(staff.get(f"/admin/comments?week={comment.week}").get_data(True).split())
    assert "<dt>Principles</dt><dd>Safety, Choice</dd>" in listed
    assert 'value="choice" checked' in listed
    assert 302 == tag(staff, "comment", comment.id, []).status_code
    assert [] == under(staff, "I want to choose my keyworker")
    assert "Nothing is tagged Safety in this period yet" in sections(staff)["Safety"]
    assert [a for a in audit_of(staff_db) if "keyworker" in a[1]] == []
    assert ("tagged a comment with principles", f"site waiting-room-a, {comment.week}: none") == (
        audit_of(staff_db)[-1]
    )


def test_a_principle_with_nothing_says_so_and_how_to_tag(staff):
    text = sections(staff)["Cultural considerations"]
    assert "Nothing is tagged Cultural considerations in this period yet" in text
    assert 'href="/admin/comments"' in text and 'href="/admin/you-said-we-did"' in text


def test_words_come_newest_first_hidden_ones_left_out_and_drawings_as_pictures(staff, db, today):
    picture = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(picture, format="PNG")
    older = store_comment(db, "older words", day=today - datetime.timedelta(days=3))
    newer = store_comment(db, "newer words", day=today)
    hidden = store_comment(db, "hidden words", day=today, hidden=True)
    drawing = store_comment(db, None, day=today, drawing=picture.getvalue())
    for comment in (older, newer, hidden, drawing):
        tag(staff, "comment", comment.id, ["collaboration"])
    text = sections(staff)["Collaboration"]
    assert text.index("newer words") < text.index("older words")
    assert "hidden words" not in text
    assert "3 comments and drawings tagged Collaboration." in text
    assert f'src="/admin/comments/{drawing.id}/drawing.png"' in text
    assert "(no words were sent)" in text


def test_the_period_and_the_site_choose_what_is_shown(staff, db, today):
    dates = {
        "today words": today,
        "last month words": today.replace(day=1) - datetime.timedelta(days=1),
        "five months ago words": today - datetime.timedelta(days=155),
        "long ago words": today - datetime.timedelta(days=400),
    }
    for words, day in dates.items():
        tag(staff, "comment", store_comment(db, words, day=day).id, ["trustworthiness"])
    tag(staff, "comment", store_comment(db, "hub words", site="youth-hub").id, ["trustworthiness"])

    def shown(query):
        text = sections(staff, query)["Trustworthiness"]
        return [words for words in (*dates, "hub words") if words in text]

    assert ["today words"] == shown("?period=this-month&site=waiting-room-a")
    assert ["today words", "last month words"] == shown("?site=waiting-room-a")
    assert ["today words", "last month words", "five months ago words"] == shown(
        "?period=12-months&site=waiting-room-a"
    )
    assert [*dates] == shown("?period=all&site=waiting-room-a")
    assert ["hub words"] == shown("?period=all&site=youth-hub")
    assert [*dates, "hub words"] == shown("?period=all")


def test_the_page_shows_no_count_of_survey_answers(staff, kiosk_client):
    for _ in range(6):
        assert 201 == kiosk_client.submit().status_code
    page = staff.get(PAGE).get_data(as_text=True)
    assert "response" not in page.lower() and "answer" not in page.lower()


@pytest.mark.parametrize("query", ["?period=forever", "?site=nowhere"])
def test_a_period_or_site_the_page_does_not_offer_is_said_plainly(staff, query):
    reply = staff.get(PAGE + query)
    assert 400 == reply.status_code
    assert "There is no such" in reply.get_data(as_text=True)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    period=st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    site=st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
)
def test_junk_in_the_address_gets_the_page_or_a_plain_400(staff, period, site):
    reply = staff.get(PAGE, query_string={"period": period, "site": site})
    assert reply.status_code in (200, 400)


def test_a_refused_entry_keeps_the_principles_ticked(staff, db):
    reply = add_entry(staff, ["choice"], heard="")
    assert 422 == reply.status_code
    page = reply.get_data(as_text=True)
    assert 'value="choice" checked' in page and 'value="safety">' in page
    assert [] == storage.you_said_entries(db)


def test_the_page_is_linked_from_co_production_and_the_summary(staff):
    assert f'href="{PAGE}"' in staff.get("/admin/co-production").get_data(as_text=True)
    assert f'href="{PAGE}"' in staff.get("/admin/").get_data(as_text=True)


# Bad input keeps nothing


def test_an_unknown_principle_is_refused_and_nothing_changes(staff, db):
    add_entry(staff, ["choice"])
    entry = only_entry(db)
    reply = tag(staff, "you-said", entry["id"], ["safety", "kindness"])
    assert 422 == reply.status_code
    assert "Please choose principles from the list." in reply.get_data(as_text=True)
    assert "choice" == only_entry(db)["principles"]
    reply = add_entry(staff, ["bravery"], heard="Another thing")
    assert 422 == reply.status_code
    assert "Please choose principles from the list." in reply.get_data(as_text=True)
    assert 1 == len(storage.you_said_entries(db))


@pytest.mark.parametrize("kind", ["comment", "you-said"])
def test_an_unknown_comment_or_entry_is_not_found(staff, kind):
    assert 404 == tag(staff, kind, "0" * 32, ["safety"]).status_code


def test_tagging_needs_the_form_token(staff, db, today):
    comment = store_comment(db, "words", day=today)
    reply = staff.post(f"/admin/comments/{comment.id}/principles", data={"principles": "safety"})
    assert 400 == reply.status_code
    assert "" == storage.find_comment(db, comment.id)["principles"]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.lists(st.text(st.characters(exclude_categories=["Cs"]), max_size=30), max_size=4))
def test_junk_principles_get_a_plain_4xx_and_never_a_500(staff, db, junk, today):
    comment_id = next(iter(db.query("SELECT id FROM comments")), {}).get("id")
    if comment_id is None:
        comment_id = store_comment(db, "junk target", day=today).id
    before = storage.find_comment(db, comment_id)["principles"]
    reply = tag(staff, "comment", comment_id, junk)
    after = storage.find_comment(db, comment_id)["principles"]
    if set(junk) <= set(PRINCIPLE_WORDS):
        assert 302 == reply.status_code
        assert set(after.split()) == set(junk)
    else:
        assert 422 == reply.status_code
        assert before == after


def test_an_account_without_the_staff_role_is_refused_and_nothing_is_kept(app, client, db, today):
    assert 0 == make_account(app).exit_code
    assert 0 == make_account(app, "lee", role="safeguarding-lead").exit_code
    comment = store_comment(db, "words", day=today)
    sign_in(client, "lee")
    token = form_token(client, "/admin/concerns")
    reply = client.post(
        f"/admin/comments/{comment.id}/principles",
        data={"csrf_token": token, "principles": "safety"},
    )
    assert 403 == reply.status_code
    assert "Your account cannot open this page" in reply.get_data(as_text=True)
    assert "" == storage.find_comment(db, comment.id)["principles"]
    assert 403 == client.get(PAGE).status_code


@pytest.mark.parametrize(
    ("months", "today", "first"),
    [
        (1, datetime.date(2027, 1, 31), datetime.date(2027, 1, 1)),
        (3, datetime.date(2027, 1, 31), datetime.date(2026, 11, 1)),
        (12, datetime.date(2026, 12, 1), datetime.date(2026, 1, 1)),
        (None, datetime.date(2026, 12, 1), None),
    ],
)
def test_a_period_starts_on_the_first_of_its_earliest_month(months, today, first):
    assert first == first_day(months, today)


# Storage


def test_principles_are_kept_once_each_in_the_guides_order(db, today):
    comment = store_comment(db, "words", day=today)
    kept = storage.set_principles(db, "comment", comment.id, ["cultural", "safety", "cultural"])
    assert "safety cultural" == kept
    assert ["safety", "cultural"] == storage.principles_of(kept)
    assert None is storage.set_principles(db, "comment", "no-such-id", ["safety"])
    with pytest.raises(storage.UnknownPrinciple):
        storage.set_principles(db, "comment", comment.id, ["Safety"])
    assert "safety cultural" == storage.find_comment(db, comment.id)["principles"]


def test_the_principles_page_reads_tagged_comments_through_their_index(db):
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM comments WHERE principles != '' AND hidden = 0"
        " AND date <= '2026-12-01' AND date >= '2026-09-01' ORDER BY date DESC, id"
    ).fetchall()
    assert any("comments_tagged" in row[-1] for row in plan), plan
