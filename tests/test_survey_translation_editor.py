"""Staff add or change a survey's translation per language, in its draft, and
publish it; the editor shows which languages are complete and which
questions are missing. Bad input is refused with the form kept; junk is never a 500."""

import datetime
import html
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import storage
from kiosk.surveys import SCALE_KIND, TEXT_KIND, Question, Survey
from tests.conftest import form_token

SLUG = "waiting-room"
ADAPTED = Survey(
    slug=SLUG,
    title="Our waiting room",
    audience="children",
    intro="Tell us about the waiting room.",
    questions=(
        Question("safe", "Do you feel safe in our waiting room?"),
        Question("wait", "How long did you wait?", SCALE_KIND, ("Not long", "A bit", "Too long")),
        Question("ideas", "What would make it better?", TEXT_KIND),
    ),
)


def url(code="pl", slug=SLUG):
    return f"/admin/surveys/{slug}/translations/{code}"


@pytest.fixture
def adapted(db):
    assert storage.create_survey(db, ADAPTED)
    storage.publish_draft(db, SLUG, datetime.date(2026, 11, 30))
    return SLUG


def text_of(response) -> str:
    """The words a person reads on the page, without its markup."""
    words = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r" ([.,;:])", r"\1", " ".join(html.unescape(words).split()))


def polish(client, button="save", code="pl", **changes):
    fields = {
        "csrf_token": form_token(client, url(code)),
        "title": "Nasza poczekalnia",
        "intro": "",
        "closing": "",
        "questions-0-key": "safe",
        "questions-0-text": "Czy czujesz się bezpiecznie w naszej poczekalni?",
        "questions-1-key": "wait",
        "questions-1-text": "Jak długo czekałeś?",
        "questions-1-options": "Krótko\nTrochę\nZa długo",
        "questions-2-key": "ideas",
        "questions-2-text": "",
        "action": button,
    }
    return client.post(url(code), data={**fields, **changes})


def test_a_new_translation_shows_what_is_missing(staff, adapted):
    page = text_of(staff.get(url()))
    assert "0 of 3 questions in Polski" in page
    assert "Missing: question 1, question 2, question 3" in page
    assert "In English: Do you feel safe in our waiting room?" in page


def test_a_polish_translation_is_published_and_asked_in_polish(staff, adapted, db):
    response = polish(staff, "publish")
    assert 302 == response.status_code
    latest = storage.latest_version(db, SLUG)
    assert 2 == latest.version
    asked = latest.in_language("pl")
    assert "Nasza poczekalnia" == asked.title
    assert "Tell us about the waiting room." == asked.intro
    assert ("Krótko", "Trochę", "Za długo") == asked.questions[1].options
    assert ["ideas"] == [q.key for q in latest.missing_translations("pl")]
    # Version 1 is never changed.
    assert {} == storage.survey_version(db, SLUG, 1).translations
    editor = text_of(staff.get(f"/admin/surveys/{SLUG}/edit"))
    assert (
        "2 of 3 questions in Polski; missing: question 3 (“What would make it better?”)" in editor
    )
    assert "the opening line in English" in editor


def test_saving_keeps_the_translation_in_the_draft_only(staff, adapted, db):
    assert 302 == polish(staff, "save").status_code
    assert "pl" in storage.find_draft(db, SLUG).translations
    assert {} == storage.latest_version(db, SLUG).translations
    # The page shows the draft's translation when it is opened again.
    assert "Za długo" in text_of(staff.get(url()))


def test_the_phone_page_asks_in_the_language_of_its_address(staff, adapted, db, client):
    polish(staff, "publish")
    site = storage.list_sites(db)[0]["slug"]
    storage.set_offered_surveys(db, site, [SLUG])
    assert "Czy czujesz się bezpiecznie" in text_of(client.get(f"/survey/{site}/{SLUG}?lang=pl"))
    english = text_of(client.get(f"/survey/{site}/{SLUG}?lang=xx"))
    assert "Do you feel safe in our waiting room?" in english


def test_the_kiosk_asks_the_guides_questions_in_the_language_of_its_address(client, db):
    site = storage.list_sites(db)[0]["slug"]
    arabic = text_of(client.get(f"/kiosk/{site}?lang=ar"))
    assert "هل تشعر بالأمان في اجتماعاتنا؟" in arabic
    assert "Do you feel safe during our meetings?" not in arabic
    assert "Do you feel safe during our meetings?" in text_of(client.get(f"/kiosk/{site}"))


def test_changing_the_english_keeps_the_translations(staff, adapted, db):
    polish(staff, "publish")
    token = form_token(staff, f"/admin/surveys/{SLUG}/edit")
    fields = {
        "csrf_token": token,
        "title": "Our waiting room",
        "audience": "children",
        "intro": "Tell us about the waiting room.",
        "closing": "",
        "questions-0-key": "safe",
        "questions-0-text": "Do you feel safe here?",
        "questions-0-kind": "faces",
        "questions-1-key": "wait",
        "questions-1-text": "How long did you wait?",
        "questions-1-kind": "scale",
        "questions-1-options": "Not long\nToo long",
        "action": "save",
    }
    assert 302 == staff.post(f"/admin/surveys/{SLUG}/edit", data=fields).status_code
    draft = storage.find_draft(db, SLUG)
    assert {"safe", "wait"} == set(draft.translations["pl"].questions)
    # Two options now where the Polish has three: asked in English, shown as missing.
    assert ["wait"] == [q.key for q in draft.missing_translations("pl")]
    page = text_of(staff.get(f"/admin/surveys/{SLUG}/edit"))
    assert "1 of 2 questions in Polski; missing: question 2" in page
    # Question 1 was reworded in English: its Polish is still asked, but staff are told.
    assert "Please check question 1: the English has changed since it was translated." in page


def test_saving_the_translation_again_marks_a_reworded_question_checked(staff, adapted, db):
    polish(staff, "publish")
    latest = storage.latest_version(db, SLUG)
    reworded = (replace(latest.questions[0], text="Do you feel safe here?"), *latest.questions[1:])
    storage.save_draft(db, replace(latest, questions=reworded))
    assert "Please check question 1" in text_of(staff.get(url()))
    assert 302 == polish(staff, "save").status_code
    assert "Please check" not in text_of(staff.get(url()))
    assert "Please check" not in text_of(staff.get(f"/admin/surveys/{SLUG}/edit"))


def test_the_built_in_surveys_are_complete_in_every_language(staff):
    page = text_of(staff.get("/admin/surveys/adult-evaluation/edit"))
    for name in ("Polski (Polish)", "Română (Romanian)", "اردو (Urdu)", "العربية (Arabic)"):
        assert f"{name}: complete, 5 of 5 questions." in page
    assert "ਪੰਜਾਬੀ (Punjabi): complete, 5 of 5 questions." in page


def test_arabic_boxes_are_written_right_to_left(staff, adapted):
    page = staff.get(url("ar")).get_data(as_text=True)
    box = re.search(r'<textarea[^>]*name="questions-0-text"[^>]*>', page)[0]
    assert 'dir="rtl"' in box and 'lang="ar"' in box
    box = re.search(r'<textarea[^>]*name="questions-0-text"[^>]*>', staff.get(url("pl")).text)[0]
    assert 'dir="ltr"' in box and 'lang="pl"' in box


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"questions-1-options": "Krótko\nZa długo"}, "Please write all 3 options"),
        ({"questions-1-options": ""}, "Please write all 3 options"),
        (
            {"questions-1-text": "", "questions-1-options": "A\nB\nC"},
            "Please translate the wording",
        ),
        ({"questions-0-text": "x" * 301}, "too long"),
        ({"title": "x" * 81}, "too long"),
        ({"questions-1-options": "Krótko\nTrochę\n" + "z" * 61}, "at most 60 letters"),
    ],
)
def test_bad_input_is_refused_with_the_form_kept(staff, adapted, db, changes, problem):
    response = polish(staff, "publish", **changes)
    assert 422 == response.status_code
    page = text_of(response)
    assert problem in page
    assert "Czy czujesz się bezpiecznie w naszej poczekalni?" in page or "x" * 301 in page
    assert storage.find_draft(db, SLUG) is None
    assert 1 == storage.latest_version(db, SLUG).version


def test_a_language_we_do_not_ship_is_not_found(staff, adapted):
    assert 404 == staff.get(url("ku")).status_code
    assert 404 == staff.get(url("pl", slug="no-such-survey")).status_code


def test_a_page_whose_questions_changed_meanwhile_is_refused(staff, adapted, db):
    response = polish(staff, "save", **{"questions-2-key": "other"})
    assert 409 == response.status_code
    assert storage.find_draft(db, SLUG) is None


def test_fields_our_page_never_sends_are_refused(staff, adapted):
    assert 422 == polish(staff, "save", **{"questions-x-text": "?"}).status_code
    assert 422 == polish(staff, "fly").status_code


def test_a_stranger_cannot_open_it(client, adapted):
    assert 302 == client.get(url()).status_code


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "title",
                "intro",
                "closing",
                "questions-0-text",
                "questions-1-text",
                "questions-1-options",
                "questions-0-key",
                "questions-5-text",
                "action",
            ]
        ),
        st.text(max_size=400),
    )
)
def test_junk_is_never_a_500(staff, adapted, fields):
    response = polish(staff, "save", **fields)
    assert response.status_code in (302, 409, 422)
