"""The pages a child or a tablet sees, and the headers every response carries."""

import dataclasses
import datetime
import re

import pytest

from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION, BUILT_IN_BY_SLUG, CHILD_EVALUATION, Question, Survey
from kiosk.surveys.kiosk import kiosk_page

QUESTIONS = BUILT_IN_BY_SLUG[CHILD_EVALUATION].questions
ADULTS = BUILT_IN_BY_SLUG[ADULT_EVALUATION]


def test_the_start_address_opens_the_default_sites_kiosk(client):
    response = client.get("/")
    assert (302, "/kiosk/waiting-room-a") == (response.status_code, response.location)


def test_the_start_address_follows_the_configured_default(tmp_path):
    from kiosk import create_app
    from tests.conftest import make_config

    app = create_app(make_config(tmp_path, DEFAULT_SITE="youth-hub"))
    assert "/kiosk/youth-hub" == app.test_client().get("/").location


@pytest.mark.parametrize("site", ["waiting-room-a", "youth-hub"])
def test_a_kiosk_page_names_its_site(client, site):
    response = client.get(f"/kiosk/{site}")
    name = {"waiting-room-a": "Waiting room A", "youth-hub": "Youth hub"}[site]
    assert (200, True) == (response.status_code, name in response.text)


def test_a_kiosk_page_has_the_four_questions_and_every_choice(client):
    page = client.get("/kiosk/waiting-room-a").text
    expected = [q.text for q in QUESTIONS] + ["Stop", "Send"]
    assert [] == [words for words in expected if words not in page]
    # The words also appear in the read-aloud text: count the buttons themselves.
    buttons = re.findall(r'<button[^>]*data-answer="([a-z]+)"[^>]*>(.*?)</button>', page, re.S)
    named = [(answer, re.sub(r"<[^>]+>|\s+", "", inside)) for answer, inside in buttons]
    choices = [("yes", "Yes"), ("sometimes", "Sometimes"), ("no", "No"), ("skip", "Skip")]
    assert choices * len(QUESTIONS) == named


def answer_buttons(page: str) -> list[tuple[str, str]]:
    """Each button that gives an answer: (what it sends, the words on it)."""
    buttons = re.findall(r'<button[^>]*data-answer="([a-z0-9]+)"[^>]*>(.*?)</button>', page, re.S)
    return [(answer, re.sub(r"<[^>]+>|\s+", " ", inside).strip()) for answer, inside in buttons]


def screens(page: str) -> dict[str, str]:
    """Each question's screen in the page, by question key."""
    found = re.findall(r'(<section[^>]*data-question="([a-z0-9-]+)".*?</section>)', page, re.S)
    return {key: html for html, key in found}


def test_the_child_kiosk_says_four_questions_and_to_tap_a_face(client):
    page = client.get("/kiosk/waiting-room-a").text
    assert "Four quick questions. Tap a face for each one." in page


def test_a_kiosk_running_the_adult_evaluation_shows_each_scale_in_order(client, db):
    storage.set_kiosk_survey(db, "waiting-room-a", ADULT_EVALUATION)
    page = client.get("/kiosk/waiting-room-a").text
    expected = []
    for question in ADULTS.choice_questions:
        expected += [(str(n), word) for n, word in enumerate(question.options, start=1)]
        expected += [("skip", "Skip")]
    # The words-only question has a Skip too, but no choices.
    assert expected + [("skip", "Skip")] == answer_buttons(page)
    assert ('data-survey="adult-evaluation"', 'data-version="1"') == (
        re.search(r'data-survey="[^"]*"', page)[0],
        re.search(r'data-version="[^"]*"', page)[0],
    )


def test_the_adult_evaluation_opens_with_its_intro_and_ends_with_its_closing(client, db):
    storage.set_kiosk_survey(db, "waiting-room-a", ADULT_EVALUATION)
    page = client.get("/kiosk/waiting-room-a").text
    assert [True, True, True, False] == [
        ADULTS.intro in page,
        ADULTS.closing in page,
        "Five quick questions." in page,
        "Tap a face" in page,
    ]


def test_a_words_only_question_on_the_kiosk_has_no_keyboard_but_points_to_tell_us_more(client, db):
    storage.set_kiosk_survey(db, "waiting-room-a", ADULT_EVALUATION)
    page = client.get("/kiosk/waiting-room-a").text
    screen = screens(page)["suggestions"]
    assert "Tell us more" in screen
    assert [] == re.findall(r"<(?:textarea|input)\b", screen)
    assert ["Next", "Skip"] == re.findall(r"<button[^>]*>\s*(Next|Skip)\s*</button>", screen)
    # Comments boxes are never on the kiosk: the only text box is the staff's setup code.
    assert ["setup-code"] == re.findall(r'<(?:textarea|input)[^>]*id="([^"]+)"', page)


def publish(db, survey: Survey) -> None:
    assert storage.create_survey(db, survey)
    storage.publish_draft(db, survey.slug, datetime.date(2026, 11, 30))


@pytest.mark.parametrize(
    ("count", "said"),
    [(1, "One quick question."), (10, "Ten quick questions."), (12, "12 questions.")],
)
def test_the_start_screen_counts_the_questions_in_words(client, db, count, said):
    questions = tuple(Question(f"q{n}", f"Question number {n}?") for n in range(count))
    publish(db, Survey("counted", "Counted", "children", questions))
    storage.set_kiosk_survey(db, "waiting-room-a", "counted")
    page = client.get("/kiosk/waiting-room-a").text
    assert [True, True] == [said in page, f"{count} of {count}" in page]


def test_a_site_whose_survey_was_never_published_still_gets_the_child_evaluation(client, db):
    storage.set_kiosk_survey(db, "waiting-room-a", "no-such-survey")
    response = client.get("/kiosk/waiting-room-a")
    assert (200, True) == (response.status_code, QUESTIONS[0].text in response.text)


def draft_of_the_adult_evaluation() -> Survey:
    return dataclasses.replace(ADULTS, version=None, published_on=None)


def test_a_preview_shows_the_start_and_says_nothing_is_sent(app, db):
    site = storage.find_site(db, "waiting-room-a")
    with app.test_request_context():
        page = kiosk_page(site, draft_of_the_adult_evaluation(), preview=True)
    setup = re.search(r"<section[^>]*data-screen=\"setup\"[^>]*>", page)[0]
    start = re.search(r"<section[^>]*data-screen=\"start\"[^>]*>", page)[0]
    assert [True, False, True, True] == [
        " hidden" in setup,
        " hidden" in start,
        "Preview: nothing is sent" in page,
        "data-preview" in page,
    ]
    assert 'data-version=""' in page
    assert "data-auto-enrol-url" not in page


def test_the_real_kiosk_is_no_preview(client):
    page = client.get("/kiosk/waiting-room-a").text
    assert [False, False] == ["Preview: nothing is sent" in page, "data-preview" in page]


@pytest.mark.parametrize("path", ["/kiosk/nowhere", "/kiosk/Waiting-Room-A", "/no-such-page"])
def test_an_unknown_place_gets_a_friendly_page_with_a_way_back(client, path):
    response = client.get(path, headers={"Accept": "text/html"})
    assert (404, "text/html") == (response.status_code, response.mimetype)
    assert "We could not find that page." in response.text
    assert 'href="/"' in response.text
    assert "Traceback" not in response.text


# Every kind of response: a page, JSON, a static file, an error page, a redirect.
RESPONSES = [
    "/kiosk/waiting-room-a",
    "/token",
    "/static/css/kiosk.css",
    "/static/faces/yes.svg",
    "/kiosk/nowhere",
    "/",
]
ALLOWED_SOURCES = {"'self'", "'none'", "data:", "blob:"}


def headers_of(client, path):
    # Closing the response closes a static file's handle.
    with client.get(path) as response:
        return response.headers


def policy(headers) -> dict[str, list[str]]:
    directives = [d.split() for d in headers["Content-Security-Policy"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


@pytest.mark.parametrize("path", RESPONSES)
def test_every_response_forbids_inline_script_framing_and_other_origins(client, path):
    directives = policy(headers_of(client, path))
    sources = {source for values in directives.values() for source in values}
    assert (["'self'"], ["'none'"], set()) == (
        directives.get("script-src", directives.get("default-src")),
        directives.get("frame-ancestors"),
        sources - ALLOWED_SOURCES,
    )


@pytest.mark.parametrize("path", RESPONSES)
def test_every_response_stops_sniffing_and_keeps_the_referrer_at_home(client, path):
    headers = headers_of(client, path)
    assert ("nosniff", "same-origin") == (
        headers.get("X-Content-Type-Options"),
        headers.get("Referrer-Policy"),
    )


@pytest.mark.parametrize("path", ["/kiosk/waiting-room-a", "/token", "/kiosk/nowhere"])
def test_pages_and_answers_are_never_kept_by_the_browser(client, path):
    assert "no-store" == client.get(path).headers.get("Cache-Control")


def test_a_stored_submission_reply_is_never_kept_by_the_browser(kiosk_client):
    response = kiosk_client.submit()
    assert (201, "no-store") == (response.status_code, response.headers.get("Cache-Control"))
