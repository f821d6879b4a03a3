"""Staff pages: sign in and out, first-account setup, the audit log.

The weekly summary, the landing page, is in admin/summary.py."""

import datetime
import time

from flask import current_app, flash, g, redirect, render_template, request, url_for

from admin import NAV, accounts, bp, dates, mail, may_open
from admin.forms import SetupForm, SignInForm, SignOutForm
from kiosk import storage
from kiosk.app import limits
from kiosk.app.for_request import database, staff_database
from kiosk.app.limits import limiter
from kiosk.feedback import safeguarding


@bp.context_processor
def staff_page_parts():
    """Every staff page has the links the account may open, the sign-out form,
    while any concern is unreviewed a banner saying how many (leading to the
    queue, or for staff who are not a safeguarding lead to the oldest week
    holding one), and whether safeguarding alerts are off or failing."""
    roles = g.get("roles", ())
    by_week, alerts = {}, None
    if g.get("staff") is not None:
        by_week = storage.unreviewed_concerns_by_week(database())
        alerts = storage.alert_state(staff_database())
    return {
        "nav": [(e, label) for e, label in NAV if may_open(roles, e, current_app)],
        "sign_out_form": SignOutForm(formdata=None),
        "unreviewed_concerns": sum(by_week.values()),
        "concern_weeks": list(by_week),
        "concerns_page": may_open(roles, "admin.concerns", current_app),
        "mail_on": mail.mail_is_on(current_app.config),
        "alerts_failing_since": alerts and alerts["failing_since"],
        "alerts_problem": alerts and alerts["problem"],
    }


def safe_next(target: str | None) -> str:
    """Only ever go back to a staff page of this site after signing in. A target
    starting "/admin" is a path on this site: "//host" and "/\\host", which a
    browser reads as another site, cannot start that way. A line break cannot go
    in a Location header, so such a target goes to the summary too."""
    if target and target.startswith("/admin") and target.isprintable():
        return target
    return url_for("admin.summary")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: limits.share("20 per 10 minutes"), methods=["POST"])
def sign_in():
    """Sign in with a name and password; slowed down after a few failures.

    The try is counted before the password is checked, in one transaction
    with the check of the wait (storage.claim_a_try), so tries sent at once
    are not all checked; a right password takes the count back."""
    form = SignInForm()
    if not form.validate_on_submit():
        return render_template("admin/sign_in.html", form=form)
    db = staff_database()
    now = time.time()
    name_key, sender_key = accounts.name_key(form.name.data), accounts.sender_key()
    wait = storage.claim_a_try(
        db,
        name_key,
        sender_key,
        now,
        lambda name, sender: accounts.seconds_to_wait(name, sender, now),
    )
    if wait:
        message = f"Too many wrong tries. Please wait {wait} seconds, then try again."
        return render_template("admin/sign_in.html", form=form, problem=message), 429
    account = storage.find_staff(db, form.name.data)
    if not accounts.password_matches(account, form.password.data):
        message = "That name and password do not match."
        return render_template("admin/sign_in.html", form=form, problem=message), 401
    storage.take_back_a_try(db, name_key, sender_key)
    accounts.start_session(db, account["name"], now)
    storage.audit(db, account["name"], "signed in")
    return redirect(safe_next(request.args.get("next")))


@bp.post("/sign-out")
def sign_out():
    """End the staff session, on the server too: a copy of the cookie opens nothing."""
    db = staff_database()
    storage.audit(db, g.staff, "signed out")
    accounts.end_session(db)
    flash("You have signed out.")
    return redirect(url_for("admin.sign_in"))


@bp.route("/setup/<token>", methods=["GET", "POST"])
def setup(token: str):
    """The one-time link `make run` prints while there is no account yet."""
    db = staff_database()
    token_hash = accounts.hash_secret(token)
    if storage.count_staff(db) or not storage.setup_link_is_valid(db, token_hash, time.time()):
        message = "This setup link has been used or has expired. Please sign in."
        return render_template("admin/setup.html", form=None, problem=message), 404
    form = SetupForm()
    if not form.validate_on_submit():
        return render_template("admin/setup.html", form=form)
    problem = accounts.password_problem(form.password.data, form.again.data)
    if problem:
        return render_template("admin/setup.html", form=form, problem=problem), 422
    if not storage.use_setup_link(db, token_hash, time.time()):
        return redirect(url_for("admin.sign_in"))
    storage.create_staff(db, form.name.data, accounts.hash_password(form.password.data))
    accounts.start_session(db, form.name.data, time.time())
    storage.audit(db, form.name.data, "created the first account")
    return redirect(url_for("admin.summary"))


@bp.get("/audit")
def audit_log():
    """What staff did, newest first. It never holds what a child said."""
    return render_template("admin/audit.html", entries=storage.audit_entries(staff_database()))


@bp.app_template_filter("alert_time")
def alert_time(timestamp: float) -> str:
    """When alerts started failing, on the server's clock: about the mail server,
    never about a child."""
    return datetime.datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


# Dates and times in words on staff pages (admin/dates.py).
bp.add_app_template_filter(dates.day_in_words, "day_in_words")
bp.add_app_template_filter(dates.time_in_words, "time_in_words")
bp.add_app_template_filter(dates.days_quiet, "days_quiet")


@bp.app_template_filter("flagged_by")
def flagged_by(text: str | None) -> str:
    """Which words or rules marked a message as needing attention, so staff see why."""
    found = safeguarding.concern_matches(text or "", current_app.config.get("CONCERN_PHRASES"))
    return ", ".join(dict.fromkeys(found))
