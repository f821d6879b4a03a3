"""Is your service ready? A group answers the guide's four conditions, again as
often as it likes, and sees every check with its date; the team keeps notes on
the guide's reflection questions where each belongs. Bad input is refused with
a plain message and keeps nothing."""

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from admin.dates import day_in_words
from kiosk import storage
from kiosk.coproduction.guide import READINESS_CONDITIONS, READINESS_INTRO, REFLECTIONS
from tests.conftest import form_token, make_account, sign_in

GROUP = "/admin/co-production/young-voices"
READINESS = f"{GROUP}/readiness"


@pytest.fixture
def group(staff, db, today):
    return storage.add_group(db, "Young Voices", "waiting-room-a", "children", [], today)


def answer(staff, answers=("yes", "partly", "not-yet", "yes"), steps=("", "", "", ""), **extra):
    form = {"csrf_token": form_token(staff, READINESS), **extra}
    for number, (given_answer, step) in enumerate(zip(answers, steps, strict=True), 1):
        if given_answer is not None:
            form[f"answer_{number}"] = given_answer
        form[f"first_step_{number}"] = step
    return staff.post(READINESS, data=form)


def words(page: str) -> str:
    """What a person reads on a page: its words, without tags or line breaks."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def stored(db) -> list[tuple]:
    return [
        tuple(row.values())
        for row in db.query("SELECT number, condition, answer, first_step FROM readiness_checks")
    ]


def test_the_page_asks_the_guides_four_conditions_word_for_word(staff, group):
    page = staff.get(READINESS).get_data(as_text=True)
    assert READINESS_INTRO in page
    for name, question, explanation in READINESS_CONDITIONS:
        assert name in page and question in page and explanation in page
    assert page.count('type="radio"') == 12
    assert page.count("<fieldset") == 4 and page.count("<legend>") == 4
    assert "Not answered yet." in page


def test_an_answer_is_kept_as_a_numbered_check_and_shown_on_the_group_page(staff, db, group):
    steps = ("", "Ask the young people's council how they want to meet.", "", "")
    reply = answer(staff, ("yes", "partly", "not-yet", "yes"), steps)
    assert reply.status_code == 302 and reply.headers["Location"].endswith(GROUP)
    assert stored(db) == [
        (1, 1, "yes", ""),
        (1, 2, "partly", steps[1]),
        (1, 3, "not-yet", ""),
        (1, 4, "yes", ""),
    ]
    page = words(staff.get(GROUP).get_data(as_text=True))
    assert "Working reciprocally: Yes." in page
    assert f"Equality: Partly. What needs to happen first: {steps[1]}" in page
    assert "Diversity: Not yet. Accessibility: Yes." in page
    assert "ready to start co-production" not in page


def test_a_group_not_yet_checked_says_so_with_a_link_to_answer(staff, group):
    page = staff.get(GROUP).get_data(as_text=True)
    assert "Not answered yet." in page
    assert f'href="{READINESS}">Answer the four questions</a>' in page


def test_four_yes_answers_say_the_service_is_ready(staff, group):
    answer(staff, ("yes",) * 4)
    page = staff.get(GROUP).get_data(as_text=True)
    assert "your service is ready to start co-production" in page


def test_earlier_checks_are_kept_and_shown_newest_first_with_their_dates(staff, db, group, today):
    answer(staff, ("not-yet", "partly", "not-yet", "partly"))
    answer(staff, ("yes", "yes", "partly", "yes"))
    assert {row[0] for row in stored(db)} == {1, 2}
    checks = storage.readiness_checks(db, "young-voices")
    assert [c["number"] for c in checks] == [2, 1]
    page = staff.get(READINESS).get_data(as_text=True)
    earlier = page.split("<h2>Your earlier answers</h2>")[1]
    assert earlier.index("(check 2)") < earlier.index("(check 1)")
    assert earlier.count(day_in_words(today)) == 2
    # The form starts from the latest answers, so a team changes only what changed.
    assert '<input checked id="answer_3-1"' in page
    assert "Diversity: Partly." in words(staff.get(GROUP).get_data(as_text=True))


@pytest.mark.parametrize(
    ("answers", "named"),
    [
        ((None, "yes", "yes", "yes"), "Working reciprocally"),
        (("yes", "yes", "maybe", "yes"), "Diversity"),
        (("yes", "", "yes", None), "Equality, Accessibility"),
    ],
)
def test_a_condition_left_unanswered_is_named_and_nothing_is_kept(staff, db, group, answers, named):
    reply = answer(staff, answers, ("Typed words one", "", "", "Typed words four"))
    page = reply.get_data(as_text=True)
    assert reply.status_code == 422
    assert f"Not answered: {named}." in page
    assert "Typed words one</textarea>" in page and "Typed words four</textarea>" in page
    assert stored(db) == []


def test_words_too_long_are_refused_and_nothing_is_kept(staff, db, group):
    reply = answer(staff, steps=("", "", "x" * 501, ""))
    assert reply.status_code == 422
    assert "too long for Diversity" in reply.get_data(as_text=True)
    assert stored(db) == []
    assert answer(staff, steps=("", "", "x" * 500, "")).status_code == 302


def test_an_unknown_group_has_no_readiness_page(staff):
    reply = staff.get("/admin/co-production/nobody/readiness")
    assert reply.status_code == 404
    assert "There is no co-production group at this address" in reply.get_data(as_text=True)


def test_each_check_is_in_the_audit_log_without_the_teams_words(staff, staff_db, group):
    answer(staff, steps=("Secret plan words", "", "", ""))
    [entry] = [e for e in storage.audit_entries(staff_db) if e["action"].startswith("answered")]
    assert entry["detail"] == "group young-voices, check 1"


def test_a_safeguarding_lead_only_account_may_not_answer(app, client, db, today):
    assert 0 == make_account(app).exit_code
    storage.add_group(db, "Young Voices", "waiting-room-a", "children", [], today)
    assert 0 == make_account(app, "lee", role="safeguarding-lead").exit_code
    sign_in(client, "lee")
    form = {"csrf_token": form_token(client, "/admin/account")}
    form.update({f"answer_{n}": "yes" for n in range(1, 5)})
    reply = client.post(READINESS, data=form)
    assert reply.status_code == 403
    assert "Your account cannot open this page" in reply.get_data(as_text=True)
    assert stored(db) == []


# Reflection notes


def save_note(staff, prompt, note, next_page=GROUP):
    token = form_token(staff, GROUP)
    url = f"{GROUP}/reflections/{prompt}"
    return staff.post(url, data={"csrf_token": token, "note": note, "next": next_page})


def test_each_reflection_prompt_shows_where_it_belongs(staff, db, group, today):
    assert REFLECTIONS["adapting"] in staff.get(GROUP).get_data(as_text=True)
    assert REFLECTIONS["readiness"] in staff.get(READINESS).get_data(as_text=True)
    plan_id = storage.add_plan(db, "young-voices", "Waiting room", {}, [], today)
    plan_page = staff.get(f"{GROUP}/plans/{plan_id}").get_data(as_text=True)
    assert REFLECTIONS["good-practice"] in plan_page


def test_the_adapting_note_sits_beside_the_groups_surveys_and_links_to_the_surveys_page(
    staff, group
):
    page = staff.get(GROUP).get_data(as_text=True)
    section = page.split("Methods of participation")[1]
    assert 'href="/admin/surveys">Surveys page</a>' in section


def test_a_note_is_saved_with_its_date_and_goes_back_where_it_was(staff, db, group, today):
    reply = save_note(staff, "readiness", "  Ask the council first.  ", next_page=READINESS)
    assert reply.status_code == 302 and reply.headers["Location"].endswith(READINESS)
    assert storage.reflections(db, "young-voices") == {
        "readiness": {"note": "Ask the council first.", "saved_on": today.isoformat()}
    }
    page = staff.get(READINESS).get_data(as_text=True)
    assert "Ask the council first.</textarea>" in page
    assert f"Saved on {day_in_words(today)}." in page


def test_an_empty_note_clears_it(staff, db, group):
    save_note(staff, "adapting", "Try a graffiti wall.")
    assert save_note(staff, "adapting", "   ").status_code == 302
    assert storage.reflections(db, "young-voices") == {}


def test_a_note_never_sends_anyone_off_the_group(staff, group):
    for away in ("https://example.com/", "//example.com", "/admin/summary"):
        assert save_note(staff, "adapting", "x", next_page=away).headers["Location"] == GROUP


def test_an_unknown_prompt_is_404_and_keeps_nothing(staff, db, group):
    assert save_note(staff, "homework", "Note").status_code == 404
    assert storage.reflections(db, "young-voices") == {}


def test_a_note_too_long_is_refused_with_the_words_kept(staff, db, group, staff_db):
    reply = save_note(staff, "adapting", "y" * 1001)
    page = reply.get_data(as_text=True)
    assert reply.status_code == 422
    assert "The note is too long: at most 1000 letters" in page
    assert "y" * 1001 + "</textarea>" in page
    assert storage.reflections(db, "young-voices") == {}
    save_note(staff, "adapting", "Kept words")
    [entry] = [e for e in storage.audit_entries(staff_db) if "reflection" in e["action"]]
    assert entry["detail"] == "group young-voices, adapting"


# Junk

JUNK = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
field_names = st.sampled_from(
    [f"{kind}_{n}" for kind in ("answer", "first_step") for n in range(0, 6)]
) | st.text(max_size=12)
field_values = st.sampled_from(["yes", "partly", "not-yet", "Yes", ""]) | st.text(max_size=600)


@JUNK
@given(form=st.dictionaries(field_names, field_values, max_size=10), with_token=st.booleans())
def test_junk_at_the_readiness_check_is_never_a_500_nor_half_kept(
    staff, db, form, with_token, today
):
    if not storage.find_group(db, "young-voices"):
        storage.add_group(db, "Young Voices", "waiting-room-a", "children", [], today)
    if with_token:
        form = {**form, "csrf_token": form_token(staff, READINESS)}
    before = len(stored(db))
    reply = staff.post(READINESS, data=form)
    assert reply.status_code in {302, 400, 422}, reply.get_data()[:300]
    assert len(stored(db)) == before + 4 * (reply.status_code == 302)
