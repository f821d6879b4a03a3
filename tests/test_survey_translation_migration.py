"""Migration 0011 on a file made before translations: the guide's forms get
their translations in version 1, whose English is left exactly as it was."""

import shutil

import pytest
import sqlite_utils

from kiosk import storage
from kiosk.storage.schema import migrations
from kiosk.surveys import ADULT_EVALUATION, BUILT_IN_BY_SLUG, CHILD_EVALUATION
from kiosk.surveys.definitions import TRANSLATED_LANGUAGES
from tests.conftest import MADE_BY_729C3B5

VERSION_1 = (
    "SELECT survey, version, title, audience, intro, closing, questions, published_on"
    " FROM survey_versions ORDER BY survey, version"
)


@pytest.fixture
def file_at_0010(tmp_path):
    """The old answers file, brought up to migration 0010 and no further."""
    path = tmp_path / "kiosk.db"
    shutil.copy(MADE_BY_729C3B5, path)
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="0011_survey_translations")
    db.close()
    return path


def rows(path, sql):
    db = sqlite_utils.Database(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_version_1_gets_every_translation_and_keeps_its_english(file_at_0010):
    before = rows(file_at_0010, VERSION_1)
    answers = rows(file_at_0010, "SELECT * FROM submissions ORDER BY id")
    db = storage.open_database(file_at_0010)
    try:
        for slug in (CHILD_EVALUATION, ADULT_EVALUATION):
            version = storage.latest_version(db, slug)
            assert 1 == version.version
            for code in TRANSLATED_LANGUAGES:
                assert [] == version.missing_translations(code)
            assert BUILT_IN_BY_SLUG[slug].translations == version.translations
        polish = storage.latest_version(db, CHILD_EVALUATION).in_language("pl")
        assert "Czy czujesz się bezpiecznie na naszych spotkaniach?" == polish.questions[0].text
    finally:
        db.close()
    assert before == rows(file_at_0010, VERSION_1)
    assert answers == rows(file_at_0010, "SELECT * FROM submissions ORDER BY id")
    assert 216 == len(answers)


def test_a_version_1_whose_english_was_changed_by_hand_gets_no_translation(file_at_0010):
    db = sqlite_utils.Database(file_at_0010)
    db.execute(
        "UPDATE survey_versions SET title = 'Our own words' WHERE survey = ?", [CHILD_EVALUATION]
    )
    db.conn.commit()
    db.close()
    db = storage.open_database(file_at_0010)
    try:
        child = storage.latest_version(db, CHILD_EVALUATION)
        adult = storage.latest_version(db, ADULT_EVALUATION)
    finally:
        db.close()
    assert {} == child.translations
    assert "Our own words" == child.in_language("ar").title
    assert set(TRANSLATED_LANGUAGES) == set(adult.translations)


def test_opening_the_file_again_changes_nothing(file_at_0010):
    storage.open_database(file_at_0010).close()
    after_once = rows(file_at_0010, "SELECT * FROM survey_versions ORDER BY survey, version")
    storage.open_database(file_at_0010).close()
    assert after_once == rows(
        file_at_0010, "SELECT * FROM survey_versions ORDER BY survey, version"
    )
