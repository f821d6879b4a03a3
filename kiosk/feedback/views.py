"""The feedback box: words or a drawing, from a phone (via a QR code) or the kiosk."""

import datetime
import secrets

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from kiosk import storage
from kiosk.app import languages, limits, qr
from kiosk.app.errors import error_response, wants_json
from kiosk.app.for_request import database, site_or_404
from kiosk.app.limits import limiter
from kiosk.feedback import receipt_codes
from kiosk.feedback.comments import (
    InvalidComment,
    check_no_receipt,
    check_receipt,
    check_topic,
    clean_text,
    make_comment,
    no_receipt_seal,
    receipt_seal,
)
from kiosk.feedback.drawings import InvalidDrawing, drawing_from_upload
from kiosk.feedback.forms import FeedbackForm, WithdrawForm
from kiosk.surveys.kiosk import resting, still_there_seconds

bp = Blueprint("feedback", __name__)
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
# On the kiosk, the thank-you stays at least this long before going back to Start,
# however short KIOSK_THANKS_SECONDS is: it shows where to get help and the
# Childline number, and a child may need an adult to read them out first.
THANKS_MIN_SECONDS = 30
# The default FEEDBACK_TOPICS, for the catalogues. What is kept is the topic as
# configured (staff read it in English); only what the page shows is translated,
# and a topic set in config.toml that no catalogue has shows as written.
DEFAULT_TOPIC_WORDS = (_l("The waiting room"), _l("Our meetings"), _l("Something else"))


def from_kiosk() -> bool:
    """The box opened from the kiosk's shared tablet: a way the page looks and
    works (no receipt code, the kiosk's header, back to Start when left alone).
    Nothing of it is stored: what is kept looks the same from a phone."""
    return request.args.get("from") == "kiosk"


def kiosk_seconds() -> dict[str, int]:
    """How long the kiosk pages wait, worked out here once for the templates' scripts."""
    config = current_app.config
    return {
        "thanks_seconds": max(config["KIOSK_THANKS_SECONDS"], THANKS_MIN_SECONDS),
        "still_there_seconds": still_there_seconds(),
    }


def new_form() -> FeedbackForm:
    """A form with this page's own id and receipt code, sealed by the server.

    From the kiosk, no receipt code at all: on a shared tablet the next child
    could read it and take the message back. The id is sealed all the same."""
    form = FeedbackForm(formdata=None)
    form.topic.choices = [(topic, _(topic)) for topic in current_app.config["FEEDBACK_TOPICS"]]
    form.submission_id.data = secrets.token_hex(16)
    secret = current_app.config["SECRET_KEY"]
    if from_kiosk():
        form.receipt_seal.data = no_receipt_seal(secret, form.submission_id.data)
        return form
    form.receipt_code.data = unused_receipt_code()
    form.receipt_seal.data = receipt_seal(secret, form.submission_id.data, form.receipt_code.data)
    return form


def unused_receipt_code() -> str:
    """A code no kept comment has: the receipt hash is unique, so a page given a code
    already in use could never be sent (a 409 on every try, and the words lost)."""
    secret = current_app.config["SECRET_KEY"]
    while True:
        code = receipt_codes.new_receipt_code()
        if not storage.receipt_in_use(database(), receipt_codes.hash_receipt_code(code, secret)):
            return code


def render_box(site: dict, form: FeedbackForm, problem: str | None = None, status: int = 200):
    return render_template(
        "kiosk/feedback.html",
        site=site,
        form=form,
        problem=problem,
        from_kiosk=from_kiosk(),
        **kiosk_seconds(),
    ), status


@bp.get("/feedback/<site>")
def box(site: str):
    """The feedback box for one site: topic, words, drawing, Send."""
    place = site_or_404(site)
    # From the kiosk, never the shared tablet's browser language (as on the kiosk).
    languages.for_site(place, browser=not from_kiosk())
    if place["retired"]:
        return resting(place)
    return render_box(place, new_form())


def refuse(site: dict, status: int, message: str):
    """A plain 4xx: JSON for the page's script, the box again for a plain form."""
    if wants_json():
        return error_response(status, message)
    form = new_form()
    # Without JavaScript this page is all they have: keep what they wrote and chose.
    form.text.data = request.form.get("text", "")
    form.topic.data = request.form.get("topic")
    return render_box(site, form, message, status)


def thanks(site: dict, receipt_code: str | None, status: int = 201):
    """The thank-you; receipt_code None (from the kiosk): one with no code."""
    if wants_json():
        reply = {"status": "stored"}
        if receipt_code is not None:
            reply["receipt_code"] = receipt_code
        return jsonify(reply), status
    return render_template(
        "kiosk/feedback_thanks.html",
        site=site,
        receipt_code=receipt_code,
        from_kiosk=from_kiosk(),
        **kiosk_seconds(),
    ), status


@bp.post("/feedback/<site>")
@limiter.limit(lambda: limits.share(current_app.config["FEEDBACK_RATE_LIMIT"]))
def send(site: str):
    """Keep a comment and its drawing, once; show where to get help and the
    receipt code (none from the kiosk).

    A retired site's box still keeps what is sent: the page was opened before
    the site was retired, and the young person's words must not be lost.
    """
    place = site_or_404(site)
    # From the kiosk, never the shared tablet's browser language (as on the kiosk).
    languages.for_site(place, browser=not from_kiosk())
    config = current_app.config
    if request.mimetype not in FORM_TYPES:
        return error_response(415, _("Please send your message from the feedback page."))
    if request.form.get("website"):
        # Only a robot fills in the hidden field: thank it, keep nothing.
        return thanks(place, None if from_kiosk() else receipt_codes.new_receipt_code())
    try:
        receipt_code = checked_receipt()
        comment = make_comment(
            submission_id=request.form["submission_id"],
            site=site,
            topic=check_topic(request.form.get("topic"), config["FEEDBACK_TOPICS"]),
            text=clean_text(request.form.get("text"), config["FEEDBACK_MAX_CHARS"]),
            drawing=drawing_from_upload(request.files.get("drawing"), config),
            receipt_code=receipt_code,
            secret=config["SECRET_KEY"],
            concern_phrases=config.get("CONCERN_PHRASES"),
            today=datetime.date.today(),
        )
    except (InvalidComment, InvalidDrawing) as problem:
        # A drawing's problem is kept in English (drawings.py): shown translated.
        return refuse(place, 422, _(str(problem)))
    db = database()
    if storage.was_withdrawn(db, comment.id):
        # The thank-you page refreshed after its message was taken back.
        return refuse(place, 410, _("You took this message back, so it was not sent again."))
    if storage.record_comment(db, comment):
        return thanks(place, receipt_code)
    if receipt_code is None or storage.comment_with_receipt(db, comment.id, comment.receipt_hash):
        # The same page sent again after its reply was lost: same receipt. A page
        # with no receipt has an id the server sealed for it alone: only it has it.
        return thanks(place, receipt_code, 200)
    return refuse(place, 409, _("This page was used already. Please load it again."))


def checked_receipt() -> str | None:
    """The page's receipt code, once its seal proves the server made it; None for
    a page from the kiosk, whose seal must prove the server gave it no code."""
    secret = current_app.config["SECRET_KEY"]
    submission_id = request.form.get("submission_id", "")
    seal = request.form.get("receipt_seal", "")
    if from_kiosk():
        check_no_receipt(secret, submission_id, seal)
        return None
    return check_receipt(secret, submission_id, request.form.get("receipt_code", ""), seal)


def public_url(site: str) -> str:
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return base + url_for("feedback.box", site=site)


@bp.get("/feedback/<site>/qr.svg")
def qr_code_svg(site: str):
    """The site's one fixed code for posters: never a per-scan token."""
    place = site_or_404(site)
    label = f"QR code for the {place['name']} feedback box"
    return Response(str(qr.qr_svg(public_url(site), label)), mimetype="image/svg+xml")


@bp.get("/feedback/<site>/qr.png")
def qr_code_png(site: str):
    site_or_404(site)
    return Response(qr.qr_png(public_url(site)), mimetype="image/png")


@bp.route("/feedback/withdraw", methods=["GET", "POST"])
@limiter.limit(lambda: limits.share(current_app.config["WITHDRAW_RATE_LIMIT"]), methods=["POST"])
def withdraw():
    """Take a comment back with its receipt code, for WITHDRAW_DAYS after sending."""
    languages.choose()
    if request.method == "POST" and request.mimetype not in FORM_TYPES:
        # Flask-WTF would read a JSON body as the form, and a list or a number there is a 500.
        return error_response(415, _("Please type your receipt code into the box on the page."))
    form = WithdrawForm()
    days = current_app.config["WITHDRAW_DAYS"]
    if not form.validate_on_submit():
        return render_template("kiosk/withdraw.html", form=form, days=days)
    code = receipt_codes.normalise_receipt_code(form.receipt_code.data or "")
    if code is None:
        message = _(
            "That does not look like a receipt code. It is three words, like %(example)s.",
            example="apple-river-seven",
        )
        return render_template("kiosk/withdraw.html", form=form, days=days, problem=message), 422
    oldest = datetime.date.today() - datetime.timedelta(days=days)
    receipt_hash = receipt_codes.hash_receipt_code(code, current_app.config["SECRET_KEY"])
    if not storage.withdraw_comment(database(), receipt_hash, oldest):
        message = ngettext(
            "We could not find a message with that code. It may be more than %(num)d day old,"
            " or it may have been taken back already.",
            "We could not find a message with that code. It may be more than %(num)d days old,"
            " or it may have been taken back already.",
            days,
        )
        return render_template("kiosk/withdraw.html", form=form, days=days, problem=message), 404
    return render_template(
        "kiosk/withdraw.html", form=WithdrawForm(formdata=None), days=days, done=True
    )
