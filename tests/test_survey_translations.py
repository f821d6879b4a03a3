"""A survey in every language: each piece falls back to English where it is
not translated, translations survive storage, versions stored before
translations load as before, and the guide's forms ship complete in all five."""

import datetime
import json
import re
from dataclasses import replace

import pytest

from kiosk import storage
from kiosk.surveys import BUILT_IN, BUILT_IN_BY_SLUG, SCALE_KIND, Question, Survey
from kiosk.surveys.definitions import TRANSLATED_LANGUAGES, InvalidSurvey, check_survey
from kiosk.surveys.translations import QuestionWords, Translation, translation_status

SCALE = Question("often", "How often?", SCALE_KIND, ("Always", "Sometimes", "Never"))
SURVEY = Survey(
    slug="club",
    title="Our club",
    audience="children",
    intro="Hello!",
    questions=(Question("fun", "Is it fun?"), SCALE, Question("safe", "Do you feel safe?")),
    translations={
        "pl": Translation(
            title="Nasz klub",
            questions={
                "fun": QuestionWords("Czy jest fajnie?"),
                "often": QuestionWords("Jak często?", ("Zawsze", "Czasami", "Nigdy")),
            },
        )
    },
)


def test_a_translated_question_is_asked_in_that_language_and_the_rest_in_english():
    polish = SURVEY.in_language("pl")
    assert "Nasz klub" == polish.title
    assert "Hello!" == polish.intro  # not translated: English
    assert ["Czy jest fajnie?", "Jak często?", "Do you feel safe?"] == [
        q.text for q in polish.questions
    ]
    assert ("Zawsze", "Czasami", "Nigdy") == polish.questions[1].options
    assert ["pl", "pl", "en"] == [q.language for q in polish.questions]
    assert "pl" == polish.language


def test_what_is_kept_does_not_change_with_the_language():
    polish = SURVEY.in_language("pl")
    assert (SURVEY.slug, SURVEY.version) == (polish.slug, polish.version)
    assert [q.key for q in SURVEY.questions] == [q.key for q in polish.questions]
    assert [q.answer_keys for q in SURVEY.questions] == [q.answer_keys for q in polish.questions]


def test_the_missing_questions_are_listed_in_order():
    assert ["safe"] == [q.key for q in SURVEY.missing_translations("pl")]
    assert ["fun", "often", "safe"] == [q.key for q in SURVEY.missing_translations("ar")]


def test_a_language_with_no_translation_is_all_english():
    assert SURVEY == SURVEY.in_language("ro")
    assert "Our club" == SURVEY.in_language("ro").title


def test_options_that_no_longer_match_the_english_fall_back_to_english():
    four = replace(SCALE, options=("Always", "Often", "Sometimes", "Never"))
    changed = replace(SURVEY, questions=(SURVEY.questions[0], four, SURVEY.questions[2]))
    polish = changed.in_language("pl")
    assert ("How often?", four.options) == (polish.questions[1].text, polish.questions[1].options)
    assert ["often", "safe"] == [q.key for q in changed.missing_translations("pl")]


def test_translations_survive_a_draft_and_a_published_version(db):
    draft = replace(SURVEY, slug="club-translated")
    assert storage.create_survey(db, draft)
    assert SURVEY.translations == storage.find_draft(db, "club-translated").translations
    published = storage.publish_draft(db, "club-translated", datetime.date(2026, 11, 30))
    assert SURVEY.translations == published.translations
    assert "Czy jest fajnie?" == published.in_language("pl").questions[0].text


def test_a_changed_translation_is_published_as_a_new_version(db):
    storage.create_survey(db, replace(SURVEY, slug="club-v"))
    storage.publish_draft(db, "club-v", datetime.date(2026, 11, 30))
    latest = storage.latest_version(db, "club-v")
    storage.save_draft(db, replace(latest, translations={"ro": Translation(title="Clubul")}))
    assert 2 == storage.publish_draft(db, "club-v", datetime.date(2026, 11, 30)).version
    assert "Our club" == storage.survey_version(db, "club-v", 1).in_language("ro").title
    assert "Clubul" == storage.survey_version(db, "club-v", 2).in_language("ro").title


def test_a_draft_and_version_stored_before_translations_load_as_before(db):
    old_draft = {"title": "Old", "audience": "adults", "questions": [{"key": "a", "text": "A?"}]}
    db.execute("INSERT INTO surveys (slug, draft) VALUES ('old', ?)", [json.dumps(old_draft)])
    db.execute(
        "INSERT INTO survey_versions (survey, version, title, audience, questions)"
        " VALUES ('old', 1, 'Old', 'adults', ?)",
        [json.dumps(old_draft["questions"])],
    )
    for survey in (storage.find_draft(db, "old"), storage.latest_version(db, "old")):
        assert {} == survey.translations
        assert "A?" == survey.in_language("pl").questions[0].text
        assert ["a"] == [q.key for q in survey.missing_translations("pl")]


@pytest.mark.parametrize(
    "translations",
    [
        {"xx": Translation(title="?")},
        {"pl": Translation(title="x" * 81)},
        {"pl": Translation(questions={"nope": QuestionWords("Nie?")})},
        {"pl": Translation(questions={"fun": QuestionWords("Czy\x00?")})},
    ],
)
def test_a_translation_we_cannot_keep_is_refused(translations):
    with pytest.raises(InvalidSurvey):
        check_survey(replace(SURVEY, translations=translations))


# The guide's forms in all five languages.
SAME_IN_EVERY_LANGUAGE = set()  # no word of the guide's forms is the same as the English


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
@pytest.mark.parametrize("survey", BUILT_IN, ids=lambda s: s.slug)
def test_the_built_in_surveys_are_complete_in_every_language(survey, code):
    assert [] == survey.missing_translations(code)
    translated = survey.in_language(code)
    english_words = [survey.title, survey.intro, survey.closing]
    words = [translated.title, translated.intro, translated.closing]
    for english, question in zip(survey.questions, translated.questions, strict=True):
        english_words += [english.text, *english.options]
        words += [question.text, *question.options]
        assert len(english.options) == len(question.options)
        assert len({o.casefold() for o in question.options}) == len(question.options)
    for before, after in zip(english_words, words, strict=True):
        assert bool(before) == bool(after)
        if before:
            assert before != after or before in SAME_IN_EVERY_LANGUAGE
    check_survey(translated)
    status = translation_status(survey, code)
    assert (True, []) == (status["complete"], status["outdated"])


LATIN_SCRIPT = {"pl", "ro"}


@pytest.mark.parametrize("code", sorted(set(TRANSLATED_LANGUAGES) - LATIN_SCRIPT))
def test_the_built_in_translations_are_written_in_their_own_script(code):
    """No English letters left in an Arabic, Urdu or Punjabi sentence."""
    for survey in BUILT_IN:
        translated = survey.in_language(code)
        for question in translated.questions:
            for text in (question.text, *question.options):
                assert not re.search("[A-Za-z]", text), text


def test_the_built_in_surveys_ship_with_every_translation_in_a_new_file(db):
    for slug in BUILT_IN_BY_SLUG:
        stored = storage.latest_version(db, slug)
        assert BUILT_IN_BY_SLUG[slug].translations == stored.translations
        assert 1 == stored.version
