"""Your own account: change your password and your email address, choose the
weekly digest email, and the page a one-time password link opens."""

import time

from flask import flash, g, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Length, Optional

from admin import accounts, bp
from admin.staff_accounts import EMAIL
from kiosk import storage
from kiosk.app.for_request import staff_database


class OwnAccountForm(FlaskForm):
    email = EmailField("Email address", validators=[Optional(), EMAIL, Length(max=200)])
    weekly_digest = BooleanField("Send me the weekly digest email")
    current = PasswordField("Your password now", validators=[DataRequired()])
    password = PasswordField("New password (leave empty to keep it)")
    again = PasswordField("The new password again")


class ChoosePasswordForm(FlaskForm):
    password = PasswordField("Password (at least 10 characters)", validators=[DataRequired()])
    again = PasswordField("The same password again", validators=[DataRequired()])


@bp.route("/account", methods=["GET", "POST"])
def own_account():
    """Change your own email address, password or weekly digest; your password
    is asked for first."""
    db = staff_database()
    account = storage.find_staff(db, g.staff)
    form = OwnAccountForm(
        data={"email": account["email"], "weekly_digest": account["weekly_digest"]}
    )
    if not form.validate_on_submit():
        return render_template("admin/own_account.html", form=form, account=account)
    if not accounts.password_matches(account, form.current.data):
        problem = "That is not your password now."
        return render_template(
            "admin/own_account.html", form=form, account=account, problem=problem
        ), 401
    if form.weekly_digest.data and not form.email.data:
        problem = "The weekly digest goes by email: please give your email address too."
        return render_template(
            "admin/own_account.html", form=form, account=account, problem=problem
        ), 422
    if form.password.data:
        problem = accounts.password_problem(form.password.data, form.again.data)
        if problem:
            return render_template(
                "admin/own_account.html", form=form, account=account, problem=problem
            ), 422
        # Ends every session of this account, this one too: sign in again.
        storage.set_password_hash(db, g.staff, accounts.hash_password(form.password.data))
        storage.audit(db, g.staff, "changed their password; signed out everywhere")
    if (form.email.data or "") != account["email"]:
        storage.change_account(db, g.staff, email=form.email.data or "")
        storage.audit(db, g.staff, "changed their email address")
    if form.weekly_digest.data != account["weekly_digest"]:
        storage.change_account(db, g.staff, weekly_digest=form.weekly_digest.data)
        storage.audit(
            db,
            g.staff,
            "asked for the weekly digest"
            if form.weekly_digest.data
            else "stopped the weekly digest",
        )
    if form.password.data:
        flash("Your password is changed. Please sign in with it.")
        return redirect(url_for("admin.sign_in"))
    flash("Saved.")
    return redirect(url_for("admin.own_account"))


@bp.route("/password/<token>", methods=["GET", "POST"])
def choose_password(token: str):
    """The one-time link an administrator sent: choose your own password."""
    db = staff_database()
    token_hash = accounts.hash_secret(token)
    name = storage.password_link_owner(db, token_hash, time.time())
    if name is None:
        problem = "This link has been used or has expired. Ask an administrator for a new one."
        return render_template("admin/choose_password.html", form=None, problem=problem), 404
    form = ChoosePasswordForm()
    if not form.validate_on_submit():
        return render_template("admin/choose_password.html", form=form, name=name)
    problem = accounts.password_problem(form.password.data, form.again.data)
    if problem:
        return render_template(
            "admin/choose_password.html", form=form, name=name, problem=problem
        ), 422
    if (
        storage.use_password_link(
            db, token_hash, accounts.hash_password(form.password.data), time.time()
        )
        is None
    ):
        return redirect(url_for("admin.sign_in"))
    storage.audit(db, name, "chose a password with a one-time link")
    accounts.start_session(db, name, time.time())
    return redirect(url_for("admin.summary"))
