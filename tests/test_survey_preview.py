"""Staff preview a survey as typed, on a kiosk and on a phone, from its editor:
exactly the page a child or adult will see, with nothing saved and nothing sent."""

import pytest

from kiosk import storage
from tests.test_survey_editor import CHILD, SAFE_IN_THE_WAITING_ROOM, change, text_of

NEW_WORDING = {"questions-0-text": SAFE_IN_THE_WAITING_ROOM}


@pytest.mark.parametrize("how", ["kiosk", "phone"])
def test_a_preview_shows_the_wording_as_typed_and_saves_nothing(staff, db, how):
    response = change(staff, action=f"preview-{how}", **NEW_WORDING)
    assert 200 == response.status_code
    page = text_of(response)
    assert SAFE_IN_THE_WAITING_ROOM in page
    assert "Do you feel part of the team?" in page
    # Nothing saved: no draft, and what kiosks ask is still version 1.
    assert storage.find_draft(db, CHILD) is None
    assert "during our meetings" in storage.latest_version(db, CHILD).questions[0].text
    assert 0 == storage.count_submissions(db)


def test_the_kiosk_preview_is_the_kiosk_page_that_sends_nothing(staff):
    page = text_of(change(staff, action="preview-kiosk", **NEW_WORDING))
    assert 'id="kiosk"' in page and "data-preview" in page
    assert "Preview: nothing is sent" in page
    # The page a child sees, with its faces and its Send; no setup screen shown.
    assert 'data-answer="yes"' in page
    assert 'data-screen="setup" hidden' in page


def test_the_phone_preview_has_no_form_to_post(staff):
    page = text_of(change(staff, action="preview-phone", **NEW_WORDING))
    assert "Preview: nothing is sent from this page." in page
    assert 'method="post"' not in page.split("<main", 1)[1]
    assert '<button type="button" class="big-button" aria-describedby="preview-send">Send' in page
    assert "<legend>" + SAFE_IN_THE_WAITING_ROOM in page


def test_a_survey_that_cannot_be_published_cannot_be_previewed(staff, db):
    response = change(staff, action="preview-phone", **{"questions-0-text": ""})
    assert 422 == response.status_code
    assert "Please write the wording" in text_of(response)
    assert storage.find_draft(db, CHILD) is None


def test_the_editor_offers_both_previews_in_a_new_tab(staff):
    page = text_of(staff.get(f"/admin/surveys/{CHILD}/edit"))
    for how in ("kiosk", "phone"):
        assert f'value="preview-{how}" class="quiet" formtarget="_blank"' in page
        assert f"Preview on a {how}" in page
