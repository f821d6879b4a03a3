"""Staff accounts in the browser, for administrators: add a colleague, change
their roles, disable them, send them a new password link.

No administrator ever sees or types another person's password: a new account
gets a one-time link to choose its own, sent by email when SMTP_HOST is set,
otherwise shown once to the administrator to pass on.
"""

import secrets
import time

from flask import abort, current_app, flash, g, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectMultipleField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from admin import accounts, bp, mail
from kiosk import storage
from kiosk.app.for_request import staff_database

PASSWORD_LINK_HOURS = 72
# Something@somewhere.something, on one line: enough to catch a slip of the
# keyboard; the mail server says the rest.
EMAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message="That does not look like an email address.")
ROLE_WORDS = {
    storage.ROLES[0]: "Administrator: accounts, sites and tablets",
    storage.ROLES[1]: "Safeguarding lead: gets alerts, acknowledges concerns",
    storage.ROLES[2]: "Staff: summaries, comments, You said we did",
}


ROLE_CHOICES = [SelectChoice(role, words) for role, words in ROLE_WORDS.items()]


class RolesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AddAccountForm(FlaskForm):
    name = StringField("Name they sign in with", validators=[DataRequired(), Length(max=80)])
    email = EmailField("Email address", validators=[Optional(), EMAIL, Length(max=200)])
    roles = RolesField("Roles", choices=ROLE_CHOICES, validators=[DataRequired()])


class RolesForm(FlaskForm):
    roles = RolesField("Roles", choices=ROLE_CHOICES, validators=[DataRequired()])


class ActionForm(FlaskForm):
    pass


def accounts_page(add_form=None, problem=None, status=200, link=None):
    return render_template(
        "admin/accounts.html",
        staff=storage.list_staff(staff_database()),
        add_form=add_form or AddAccountForm(formdata=None),
        action_form=ActionForm(),
        role_words=ROLE_WORDS,
        mail_on=mail.mail_is_on(current_app.config),
        problem=problem,
        link=link,
    ), status


def account_or_404(name: str) -> dict:
    account = storage.find_staff(staff_database(), name)
    if account is None:
        abort(404)
    return account


@bp.get("/accounts")
def staff_accounts():
    """Every account, its roles, and whether it is disabled."""
    return accounts_page()


@bp.post("/accounts")
def add_account():
    """Add a colleague and give them a one-time link to choose their password."""
    form = AddAccountForm()
    if not form.validate_on_submit():
        return accounts_page(form, "Please give a name and at least one role.", 422)
    db = staff_database()
    # Nobody knows this password: the new person chooses theirs through the link.
    unknown = accounts.hash_password(secrets.token_urlsafe(32))
    name = form.name.data.strip()
    if not storage.create_staff(db, name, unknown, form.email.data or "", form.roles.data):
        return accounts_page(form, f"There is already an account called {name}.", 409)
    storage.audit(db, g.staff, "added an account", f"{name}: {', '.join(form.roles.data)}")
    return password_link_for(storage.find_staff(db, name), "added")


@bp.post("/accounts/<name>/roles")
def change_roles(name: str):
    """Change what an account may do; its open sessions end."""
    account = account_or_404(name)
    form = RolesForm()
    if not form.validate_on_submit():
        return accounts_page(problem="Please tick at least one role.", status=422)
    if name == g.staff and storage.ROLES[0] not in form.roles.data:
        return accounts_page(
            problem="You cannot take away your own administrator role.", status=409
        )
    storage.change_account(staff_database(), account["name"], roles=form.roles.data)
    storage.audit(
        staff_database(), g.staff, "changed roles", f"{name}: {', '.join(form.roles.data)}"
    )
    flash(f"{name} now has these roles: {', '.join(form.roles.data)}.")
    return redirect(url_for("admin.staff_accounts"))


@bp.post("/accounts/<name>/disable")
def disable_account(name: str):
    """Stop an account signing in; its open sessions end at once."""
    account = account_or_404(name)
    if name == g.staff:
        return accounts_page(problem="You cannot disable your own account.", status=409)
    storage.change_account(staff_database(), account["name"], disabled=True)
    storage.audit(staff_database(), g.staff, "disabled an account", name)
    flash(f"{name} can no longer sign in.")
    return redirect(url_for("admin.staff_accounts"))


@bp.post("/accounts/<name>/enable")
def enable_account(name: str):
    """Let a disabled account sign in again."""
    account = account_or_404(name)
    storage.change_account(staff_database(), account["name"], disabled=False)
    storage.audit(staff_database(), g.staff, "enabled an account", name)
    flash(f"{name} can sign in again.")
    return redirect(url_for("admin.staff_accounts"))


@bp.post("/accounts/<name>/password-link")
def send_password_link(name: str):
    """A new one-time link for an account to choose a new password."""
    return password_link_for(account_or_404(name), "sent a new password link to")


def password_link_for(account: dict, action: str):
    token = secrets.token_urlsafe(24)
    expires = time.time() + PASSWORD_LINK_HOURS * 3600
    db = staff_database()
    storage.save_password_link(db, accounts.hash_secret(token), account["name"], expires)
    link = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + url_for(
        "admin.choose_password", token=token
    )
    if account["email"] and mail.mail_is_on(current_app.config):
        try:
            mail.send(current_app.config, [account["email"]], *password_email(account, link))
        except mail.MailNotSent as problem:
            return accounts_page(problem=f"The email could not be sent ({problem}).", link=link)
        storage.audit(db, g.staff, f"{action} an account", f"{account['name']}: link emailed")
        flash(f"{account['name']} has been emailed a link to choose their password.")
        return redirect(url_for("admin.staff_accounts"))
    storage.audit(db, g.staff, f"{action} an account", f"{account['name']}: link shown")
    return accounts_page(link={"name": account["name"], "url": link})


def password_email(account: dict, link: str) -> tuple[str, str]:
    subject = "Choose your password for the feedback kiosk's staff area"
    body = (
        f"Hello {account['name']},\n\n"
        "An account has been made for you in the feedback kiosk's staff area, or a new"
        " password was asked for. Open this link to choose your password. It works once,"
        f" for {PASSWORD_LINK_HOURS} hours:\n\n{link}\n\n"
        "If you did not expect this, tell the person who runs the kiosk.\n"
    )
    return subject, body
