"""The staff area is guarded in one place: every admin route but sign-in and
first-account setup turns a stranger away. The routes come from the URL map,
so a new route is checked the day it is added."""

import pytest

from admin import OPEN_TO_STRANGERS, may_open, role_needed
from kiosk import create_app, storage
from kiosk.storage.staff import ADMINISTRATOR, ROLES, SAFEGUARDING_LEAD, STAFF
from tests.conftest import PASSWORD, make_account, make_config


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


def test_only_sign_in_the_one_time_links_and_style_sheets_are_open(app_without_form_tokens):
    admin = {r.endpoint for r in app_without_form_tokens.url_map.iter_rules()}
    open_pages = {"admin.sign_in", "admin.setup", "admin.choose_password", "admin.static"}
    assert open_pages == OPEN_TO_STRANGERS & admin


def test_the_staff_style_sheet_is_there_for_the_sign_in_page(app_without_form_tokens):
    client = app_without_form_tokens.test_client()
    page = client.get("/admin/sign-in").get_data(as_text=True)
    assert 'href="/admin/static/admin.css"' in page
    with client.get("/admin/static/admin.css") as response:
        assert (200, "text/css") == (response.status_code, response.mimetype)
        assert "no-store" not in response.headers.get("Cache-Control", "")
    assert 404 == client.get("/admin/static/../../config.toml").status_code


# Roles: each page needs one role (or none, for your own account and sign-out),
# and an account without it is turned away, by the same guard.

EXPECTED_ROLE = {
    "admin.summary": (STAFF,),
    "admin.comments": (STAFF,),
    "admin.export_page": (STAFF,),
    "admin.posters": (STAFF,),
    "admin.you_said": (STAFF,),
    "admin.surveys": (STAFF,),
    "admin.survey_edit": (STAFF,),
    "admin.concerns": (SAFEGUARDING_LEAD,),
    "admin.acknowledge_concern": (SAFEGUARDING_LEAD,),
    "admin.comment_drawing": (STAFF, SAFEGUARDING_LEAD),
    "admin.sites": (ADMINISTRATOR,),
    "admin.staff_accounts": (ADMINISTRATOR,),
    "admin.audit_log": (ADMINISTRATOR,),
    "admin.own_account": None,
    "admin.sign_out": None,
}


def test_the_pages_need_the_roles_the_issue_gives_them(app_without_form_tokens):
    app = app_without_form_tokens
    assert EXPECTED_ROLE == {e: role_needed(e, app) for e in EXPECTED_ROLE}


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_route_turns_away_an_account_without_its_role(app_without_form_tokens, role):
    app = app_without_form_tokens
    assert 0 == make_account(app, name="solo", role=role).exit_code
    client = app.test_client()
    # No form tokens in this app: the sign-in form is sent as it is.
    signed_in = client.post("/admin/sign-in", data={"name": "solo", "password": PASSWORD})
    assert 302 == signed_in.status_code
    checked = 0
    for endpoint, method, url in admin_routes(app):
        if endpoint == "admin.sign_out" or may_open((role,), endpoint, app):
            continue
        response = client.open(url, method=method)
        if endpoint == "admin.summary":
            # The landing page sends an account to the first page it may open.
            assert 302 == response.status_code
        else:
            assert 403 == response.status_code, (role, endpoint, method, url)
            assert "Ask an administrator" in response.get_data(as_text=True)
        checked += 1
    assert checked, "so this could fail: some pages are not this role's"
    storage.close_thread_connections()
