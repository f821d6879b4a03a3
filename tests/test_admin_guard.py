"""The staff area is guarded in one place: every admin route but sign-in and
first-account setup turns a stranger away. The routes come from the URL map,
so a new route is checked the day it is added."""

import pytest

from admin import OPEN_TO_STRANGERS
from kiosk import create_app
from tests.conftest import make_config


@pytest.fixture
def app_without_form_tokens(tmp_path):
    # Without form tokens, a POST reaches the guard itself instead of stopping
    # at the token check, so the guard is what this test proves.
    return create_app(make_config(tmp_path, WTF_CSRF_ENABLED=False))


def admin_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("admin.") and rule.endpoint not in OPEN_TO_STRANGERS:
            url = rule.rule
            for argument in rule.arguments:
                url = url.replace(f"<{argument}>", "x").replace(f"<int:{argument}>", "1")
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule.endpoint, method, url


def test_there_are_guarded_routes_to_check(app_without_form_tokens):
    endpoints = {endpoint for endpoint, _, _ in admin_routes(app_without_form_tokens)}
    assert {"admin.summary", "admin.sign_out", "admin.audit_log"} <= endpoints


def test_every_staff_route_turns_a_stranger_away(app_without_form_tokens):
    client = app_without_form_tokens.test_client()
    for endpoint, method, url in admin_routes(app_without_form_tokens):
        response = client.open(url, method=method)
        assert 302 == response.status_code, (endpoint, method, url)
        assert response.headers["Location"].startswith("/admin/sign-in"), (endpoint, url)


def test_only_sign_in_and_setup_are_open(app_without_form_tokens):
    admin = {r.endpoint for r in app_without_form_tokens.url_map.iter_rules()}
    assert {"admin.sign_in", "admin.setup"} == OPEN_TO_STRANGERS & admin
