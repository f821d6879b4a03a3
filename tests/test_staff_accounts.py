"""Accounts and roles in the browser: an administrator adds a colleague, who
chooses their own password through a one-time link; roles and disabling take
effect at once."""

import re
import shutil

import pytest

from kiosk import storage
from tests.conftest import (
    MADE_BY_A640774,
    PASSWORD,
    form_token,
    make_account,
    sign_in,
    store_comment,
)

NEW_PASSWORD = "my very own password"


def add_colleague(staff, name="robin", email="", roles=("staff",)):
    token = form_token(staff, "/admin/accounts")
    return staff.post(
        "/admin/accounts",
        data={"csrf_token": token, "name": name, "email": email, "roles": list(roles)},
    )


def shown_link(response) -> str:
    return re.search(
        r'<code class="link">https?://[^/]+(/admin/password/[^<]+)</code>', response.text
    )[1]


def choose_password(client, link, password=NEW_PASSWORD, again=None):
    token = form_token(client, link)
    return client.post(
        link, data={"csrf_token": token, "password": password, "again": again or password}
    )


def test_a_colleague_added_in_the_browser_chooses_their_own_password(app, staff, staff_db):
    response = add_colleague(staff, roles=("staff", "safeguarding-lead"))
    assert 200 == response.status_code
    link = shown_link(response)
    account = storage.find_staff(staff_db, "robin")
    assert ("safeguarding-lead", "staff") == account["roles"]
    # Nobody knows the password the account starts with.
    assert 401 == sign_in(app.test_client(), "robin", PASSWORD).status_code
    robin = app.test_client()
    assert 302 == choose_password(robin, link).status_code
    assert 200 == robin.get("/admin/").status_code
    # The link works once.
    assert 404 == app.test_client().get(link).status_code
    assert 302 == sign_in(app.test_client(), "robin", NEW_PASSWORD).status_code
    actions = [e["action"] for e in storage.audit_entries(staff_db)]
    assert "chose a password with a one-time link" in actions
    assert "added an account" in actions


def test_a_taken_name_or_no_role_is_refused(staff):
    assert 409 == add_colleague(staff, name="sam").status_code
    assert 422 == add_colleague(staff, name="kim", roles=()).status_code


def test_a_short_password_through_the_link_is_refused(app, staff):
    link = shown_link(add_colleague(staff))
    response = choose_password(app.test_client(), link, "short")
    assert 422 == response.status_code
    assert "at least 10 characters" in response.text


def test_disabling_an_account_ends_its_sessions_and_its_sign_in(app, staff):
    make_account(app, name="kim", role="staff")
    kim = app.test_client()
    assert 302 == sign_in(kim, "kim").status_code
    assert 200 == kim.get("/admin/").status_code
    token = form_token(staff, "/admin/accounts")
    assert 302 == staff.post("/admin/accounts/kim/disable", data={"csrf_token": token}).status_code
    assert 302 == kim.get("/admin/").status_code
    refused = sign_in(app.test_client(), "kim")
    assert 401 == refused.status_code
    # The same answer as a wrong password: nobody learns the account exists.
    assert "That name and password do not match." in refused.text
    token = form_token(staff, "/admin/accounts")
    staff.post("/admin/accounts/kim/enable", data={"csrf_token": token})
    assert 302 == sign_in(app.test_client(), "kim").status_code


def test_a_change_of_roles_ends_the_sessions_and_takes_effect(app, staff):
    make_account(app, name="kim", role="staff")
    kim = app.test_client()
    sign_in(kim, "kim")
    assert 403 == kim.get("/admin/sites").status_code
    token = form_token(staff, "/admin/accounts")
    staff.post(
        "/admin/accounts/kim/roles",
        data={"csrf_token": token, "roles": ["staff", "administrator"]},
    )
    assert 302 == kim.get("/admin/sites").status_code  # signed out
    sign_in(kim, "kim")
    assert 200 == kim.get("/admin/sites").status_code


@pytest.mark.parametrize("action", ["disable", "roles"])
def test_an_administrator_cannot_lock_themselves_out(staff, staff_db, action):
    token = form_token(staff, "/admin/accounts")
    response = staff.post(
        f"/admin/accounts/sam/{action}", data={"csrf_token": token, "roles": ["staff"]}
    )
    assert 409 == response.status_code
    account = storage.find_staff(staff_db, "sam")
    assert (False, storage.ROLES) == (account["disabled"], account["roles"])


def test_a_new_password_link_replaces_the_old_one(app, staff):
    first = shown_link(add_colleague(staff))
    token = form_token(staff, "/admin/accounts")
    second = shown_link(
        staff.post("/admin/accounts/robin/password-link", data={"csrf_token": token})
    )
    assert 404 == app.test_client().get(first).status_code
    assert 302 == choose_password(app.test_client(), second).status_code


def test_staff_change_their_own_email_and_password(app, staff, staff_db):
    token = form_token(staff, "/admin/account")
    response = staff.post(
        "/admin/account",
        data={"csrf_token": token, "email": "sam@example.org", "current": PASSWORD},
    )
    assert 302 == response.status_code
    assert "sam@example.org" == storage.find_staff(staff_db, "sam")["email"]
    token = form_token(staff, "/admin/account")
    wrong = staff.post(
        "/admin/account",
        data={
            "csrf_token": token,
            "current": "not it",
            "password": NEW_PASSWORD,
            "again": NEW_PASSWORD,
        },
    )
    assert 401 == wrong.status_code
    token = form_token(staff, "/admin/account")
    changed = staff.post(
        "/admin/account",
        data={
            "csrf_token": token,
            "current": PASSWORD,
            "password": NEW_PASSWORD,
            "again": NEW_PASSWORD,
        },
    )
    assert "/admin/sign-in" == changed.headers["Location"]
    assert 302 == staff.get("/admin/").status_code  # signed out everywhere
    assert 302 == sign_in(app.test_client(), password=NEW_PASSWORD).status_code


def test_create_user_takes_an_email_and_roles(app, staff_db):
    first = app.test_cli_runner().invoke(
        args=["create-user", "lead", "--email", "lead@example.org"], input=PASSWORD + "\n"
    )
    assert "Account created: lead (administrator, safeguarding-lead, staff)" in first.output
    second = app.test_cli_runner().invoke(args=["create-user", "kim"], input=PASSWORD + "\n")
    assert "Account created: kim (staff)" in second.output
    third = app.test_cli_runner().invoke(
        args=["create-user", "ali", "--role", "safeguarding-lead", "--role", "staff"],
        input=PASSWORD + "\n",
    )
    assert 0 == third.exit_code
    assert ("safeguarding-lead", "staff") == storage.find_staff(staff_db, "ali")["roles"]
    assert "lead@example.org" == storage.find_staff(staff_db, "lead")["email"]
    wrong = app.test_cli_runner().invoke(
        args=["create-user", "x", "--role", "boss"], input=PASSWORD + "\n"
    )
    assert 2 == wrong.exit_code


def test_accounts_made_before_roles_keep_every_role(tmp_path):
    shutil.copy(MADE_BY_A640774, tmp_path / "kiosk.db")
    storage.open_database(tmp_path / "kiosk.db").close()
    staff_db = storage.open_staff_database(storage.staff_path(tmp_path / "kiosk.db"))
    assert storage.ROLES == storage.find_staff(staff_db, "sam")["roles"]
    staff_db.close()


def test_a_safeguarding_lead_alone_reads_the_queue_and_its_drawings_not_the_rest(app, db):
    make_account(app)  # the first account, with every role
    make_account(app, name="lead", role="safeguarding-lead")
    concern = store_comment(db, "someone hits me", drawing=b"\x89PNG drawn", concern=True)
    lead = app.test_client()
    sign_in(lead, "lead")
    assert "someone hits me" in lead.get("/admin/concerns").text
    assert 200 == lead.get(f"/admin/comments/{concern.id}/drawing.png").status_code
    assert 403 == lead.get("/admin/comments").status_code
    assert "/admin/concerns" == lead.get("/admin/").headers["Location"]
