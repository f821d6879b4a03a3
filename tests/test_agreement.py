"""A group's agreement: the guide's starting text, saved versions with their
dates, bad input refused with what was typed kept, and the public page that
shows it only when the group chose to."""

import datetime
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import storage
from kiosk.coproduction.agreement_texts import ADULTS, CHILDREN, starting_text
from kiosk.storage.agreements import INTRO_MAX, TEXT_MAX, TITLE_MAX, VERSION_MAX
from tests.conftest import form_token, make_account, sign_in

GROUPS = "/admin/co-production"
EDIT = "/admin/co-production/young-voices/agreement"
PUBLIC = "/agreement/young-voices"


@pytest.fixture
def group(staff, db):
    reply = staff.post(
        GROUPS,
        data={
            "csrf_token": form_token(staff, GROUPS),
            "name": "Young Voices",
            "site": "waiting-room-a",
            "audience": "children",
            "surveys": ["child-evaluation"],
        },
    )
    assert reply.status_code == 302
    return "young-voices"


def fields(adults: dict, children: dict, language: str = "en") -> dict:
    """The edit form as a browser sends it, with one blank row under each version."""
    data = {"language": language}
    for which, text in (("adults", adults), ("children", children)):
        data[f"{which}-intro"] = text["intro"]
        for row, point in enumerate([*text["points"], {"title": "", "text": ""}]):
            data[f"{which}-title-{row}"] = point["title"]
            data[f"{which}-text-{row}"] = point["text"]
    return data


def save(staff, **changes):
    data = fields(starting_text("adults", "en"), starting_text("children", "en"))
    data.update(changes)
    return staff.post(EDIT, data={"csrf_token": form_token(staff, EDIT), **data})


def public(client, group_page="young-voices", version="", **args):
    return client.get(f"/agreement/{group_page}{version and '/'}{version}", query_string=args)


def test_the_starting_texts_have_six_points_within_the_limits_in_every_language():
    assert ADULTS.keys() == CHILDREN.keys() == {"en", "pl", "ro", "ur", "ar", "pa"}
    for text in [*ADULTS.values(), *CHILDREN.values()]:
        assert len(text["points"]) == 6
        assert len(text["intro"]) <= INTRO_MAX
        assert all(
            len(p["title"]) <= TITLE_MAX and len(p["text"]) <= TEXT_MAX for p in text["points"]
        )
    assert ADULTS["en"]["points"][1] == {
        "title": "Confidentiality",
        "text": "What we share stays in this space unless we agree differently.",
    }


def test_a_new_group_has_the_guides_text_until_it_saves_one(staff, db, group):
    page = staff.get(EDIT).get_data(as_text=True)
    assert "This agreement ensures a safe, shared space" in page
    assert "We are kind with our words." in page
    assert "This is the starting text from the guide" in page
    assert storage.find_agreement(db, group) is None


def test_each_save_is_a_new_version_with_its_date_and_the_old_ones_stay(staff, db, group):
    reply = save(staff, **{"adults-title-0": "Respect"})
    assert reply.status_code == 302
    assert "Saved as version 1." in staff.get(EDIT).get_data(as_text=True)
    assert save(staff, **{"children-text-5": "We can change it together."}).status_code == 302
    today = datetime.date.today()
    assert [(v["version"], v["saved_on"]) for v in storage.agreement_versions(db, group)] == [
        (2, today),
        (1, today),
    ]
    first = staff.get(f"{EDIT}/versions/1").get_data(as_text=True)
    assert "<strong>Respect:</strong>" in first
    assert "We can change it together." not in first
    latest = storage.find_agreement(db, group)
    assert latest["children"]["points"][5]["text"] == "We can change it together."
    assert "Version 2, saved on" in staff.get("/admin/co-production/young-voices").get_data(
        as_text=True
    )


def test_saving_the_same_words_again_keeps_no_new_version(staff, db, group):
    save(staff)  # the starting text, unchanged
    assert storage.agreement_versions(db, group) == []
    save(staff, **{"adults-intro": "Our own words."})
    reply = save(staff, **{"adults-intro": "  Our own   words. "})
    assert reply.status_code == 302
    assert "Nothing has changed" in staff.get(EDIT).get_data(as_text=True)
    assert [v["version"] for v in storage.agreement_versions(db, group)] == [1]


def test_a_point_is_added_in_the_blank_row_and_removed_by_emptying_or_ticking(staff, db, group):
    save(
        staff,
        **{
            "adults-title-6": "Phones",
            "adults-text-6": "We put our phones away.",
            "adults-title-1": "",
            "adults-text-1": "",
            "children-remove-0": "yes",
        },
    )
    saved = storage.find_agreement(db, group)
    titles = [p["title"] for p in saved["adults"]["points"]]
    assert titles == [
        "Respect and Understanding",
        "Participation and Inclusivity",
        "Safety and Comfort",
        "Collaboration",
        "Review and Adaptation",
        "Phones",
    ]
    assert [p["title"] for p in saved["children"]["points"]][0] == "Keeping things private"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"adults-intro": " "}, "Please write the adults&#39; introduction"),
        ({"children-title-2": ""}, "Please give point 3 of the children&#39;s version a title"),
        ({"adults-text-0": "x" * (TEXT_MAX + 1)}, "Please write point 1 of the adults&#39;"),
        ({"language": "fr"}, "Please choose the language it is written in."),
    ],
)
def test_bad_input_is_refused_with_the_words_kept_and_nothing_stored(
    staff, db, group, changes, message
):
    reply = save(
        staff, **{"adults-title-6": "My new point", "adults-text-6": "Its words.", **changes}
    )
    page = reply.get_data(as_text=True)
    assert reply.status_code == 422
    assert message in page
    assert 'value="My new point"' in page
    assert storage.find_agreement(db, group) is None


def test_a_version_with_no_point_is_refused(staff, db, group):
    reply = save(staff, **{f"children-remove-{row}": "yes" for row in range(6)})
    assert reply.status_code == 422
    assert "The children&#39;s version needs from 1 to 10 points." in reply.get_data(as_text=True)
    assert storage.find_agreement(db, group) is None


def test_a_version_too_long_for_one_poster_is_refused(staff, db, group):
    long_point = {"title": "A point", "text": "w" * TEXT_MAX}
    data = fields(starting_text("adults", "en"), {"intro": "Hi.", "points": [long_point] * 6})
    reply = staff.post(EDIT, data={"csrf_token": form_token(staff, EDIT), **data})
    assert reply.status_code == 422
    assert f"it can have at most {VERSION_MAX}" in reply.get_data(as_text=True)
    assert storage.find_agreement(db, group) is None


def test_more_than_ten_points_are_refused(staff, db, group):
    many = {"title": "A point", "text": "Some words."}
    data = fields({"intro": "Hi.", "points": [many] * 11}, starting_text("children", "en"))
    reply = staff.post(EDIT, data={"csrf_token": form_token(staff, EDIT), **data})
    # The form only reads ten points and a blank row: the eleventh is a point too many.
    assert reply.status_code == 422
    assert "from 1 to 10 points" in reply.get_data(as_text=True)
    assert storage.find_agreement(db, group) is None


junk_text = st.text(st.characters(codec="utf-8"), max_size=300)
form_keys = st.sampled_from(
    ["language", "adults-intro", "children-intro"]
    + [
        f"{w}-{f}-{r}"
        for w in ("adults", "children")
        for f in ("title", "text", "remove")
        for r in (0, 1, 10, 11)
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.dictionaries(st.one_of(form_keys, junk_text), junk_text, max_size=12))
def test_junk_sent_to_the_edit_page_never_breaks_it_and_keeps_nothing(staff, db, group, junk):
    before = storage.agreement_versions(db, group)
    reply = staff.post(EDIT, data={"csrf_token": form_token(staff, EDIT), **junk})
    assert reply.status_code in (302, 400, 422)
    if reply.status_code != 302:
        assert storage.agreement_versions(db, group) == before


def test_an_account_without_the_staff_role_cannot_save_and_nothing_is_kept(app, db, group):
    assert 0 == make_account(app, "lee", role="safeguarding-lead").exit_code
    client = app.test_client()
    sign_in(client, "lee")
    reply = client.post(EDIT, data=fields(ADULTS["en"], CHILDREN["en"]))
    assert reply.status_code in (400, 403)
    reply = client.post(f"{EDIT}/public", data={"public": "yes"})
    assert reply.status_code in (400, 403)
    assert storage.find_agreement(db, "young-voices") is None
    assert storage.find_group(db, "young-voices")["agreement_public"] is False


def show_it(staff, public_too=True):
    address = f"{EDIT}/public"
    data = {"csrf_token": form_token(staff, EDIT)}
    if public_too:
        data["public"] = "yes"
    return staff.post(address, data=data)


def test_the_public_page_is_not_found_until_the_group_shows_it(staff, client, staff_db, group):
    unknown = public(client, "no-such-group")
    hidden = public(client)
    assert unknown.status_code == hidden.status_code == 404
    assert hidden.get_data(as_text=True) == unknown.get_data(as_text=True)
    assert show_it(staff).status_code == 302
    assert public(client).status_code == 200
    show_it(staff, public_too=False)
    assert public(client).status_code == 404
    actions = [entry["action"] for entry in storage.audit_entries(staff_db)]
    assert "showed a group agreement on its public page" in actions
    assert "hid a group agreement" in actions


@pytest.mark.parametrize(
    ("lang", "direction", "words"),
    [
        ("en", "ltr", "We are kind with our words."),
        ("ar", "rtl", CHILDREN["ar"]["points"][0]["text"]),
        ("pa", "ltr", CHILDREN["pa"]["points"][0]["text"]),
    ],
)
def test_the_starting_text_shows_in_the_chosen_language(
    staff, client, group, lang, direction, words
):
    show_it(staff)
    reply = public(client, lang=lang)
    page = reply.get_data(as_text=True)
    assert reply.status_code == 200
    assert reply.headers["Cache-Control"] == "no-store"
    assert re.search(rf'<html lang="{lang}[^"]*" dir="{direction}">', page)
    assert words in page  # a group of children sees the children's version first


def test_the_adults_version_is_one_link_away(staff, client, group):
    show_it(staff)
    page = public(client).get_data(as_text=True)
    assert "Show the version for adults" in page
    adults = public(client, version="adults", lang="pl").get_data(as_text=True)
    assert ADULTS["pl"]["intro"] in adults
    # The language links keep the version.
    assert 'href="/agreement/young-voices/adults?lang=ar"' in adults
    assert 'href="/agreement/young-voices/children?lang=pl"' in adults
    assert public(client, version="pets").status_code == 404


def test_an_edited_text_shows_with_the_language_it_was_written_in(staff, client, group):
    save(staff, language="pl", **{"children-title-0": "Jesteśmy mili dla siebie"})
    show_it(staff)
    page = public(client, lang="ar").get_data(as_text=True)
    assert re.search(r'<html lang="ar" dir="rtl">', page)
    assert '<div class="agreement-text" lang="pl" dir="ltr">' in page
    assert "Jesteśmy mili dla siebie" in page
    # The English words it was saved with, not the Arabic starting text.
    assert CHILDREN["ar"]["points"][0]["title"] not in page
    # Read aloud with an Arabic voice, Polish words would only pretend: no button.
    assert "data-read-aloud" not in page
    polish = public(client, lang="pl").get_data(as_text=True)
    assert "data-read-aloud" in polish


def type_size(poster: str) -> int:
    return int(re.search(r"agreement-poster-pt-(\d+)", poster)[1])


def test_the_poster_prints_each_version_large_the_childrens_larger(staff, db, group):
    adults = staff.get(f"{EDIT}/poster?version=adults").get_data(as_text=True)
    assert "This agreement ensures a safe, shared space" in adults
    children = staff.get(f"{EDIT}/poster?version=children").get_data(as_text=True)
    assert "We are kind with our words." in children
    assert 16 <= type_size(adults) < type_size(children)
    assert staff.get(f"{EDIT}/poster?version=pets").status_code == 404


def test_the_poster_is_in_the_language_the_agreement_was_written_in(staff, db, group):
    save(staff, language="ar", **{"adults-title-0": "الاحترام"})
    poster = staff.get(f"{EDIT}/poster?version=adults").get_data(as_text=True)
    assert re.search(r'<article class="poster[^"]*"[^>]*lang="ar" dir="rtl">', poster)
    assert "<strong>الاحترام:</strong>" in poster


def test_staff_can_start_again_from_the_guides_text_in_another_language(staff, db, group):
    save(staff, **{"adults-intro": "Our own words."})
    page = staff.get(EDIT, query_string={"starting": "ro"}).get_data(as_text=True)
    assert ADULTS["ro"]["intro"] in page
    assert '<option value="ro" selected>' in page
    assert "Our own words." not in page
    assert storage.find_agreement(db, group)["adults"]["intro"] == "Our own words."
