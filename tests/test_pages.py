"""The pages a child or a tablet sees, and the headers every response carries."""

import re

import pytest

from kiosk.surveys.child import QUESTIONS


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
