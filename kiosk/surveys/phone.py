"""A survey on a phone: /survey/<site>/<survey>, opened from a poster's QR code.

One plain page, no script: every question is a group of radio buttons and,
where it has one, a "Comments" box; all can be skipped, and nothing is kept
before Send. The page carries its own random id and a receipt code sealed by
the server, as the feedback box does, so a page sent twice (its reply lost)
is kept once and shows the same thank-you.

What is sent is checked against the exact version the page showed. The
choices become one Submission, dated by the server, never by the phone. The
words, one comment per question, go to the comments list through the concern
matcher, and share the page's receipt code: withdrawing with it takes all of
them back. A page with nothing chosen and nothing written keeps nothing.
"""

import datetime
import secrets
from dataclasses import dataclass

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from kiosk import storage
from kiosk.app import languages, limits
from kiosk.app.csrf import csrf
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, site_or_404
from kiosk.app.limits import limiter
from kiosk.feedback.comments import (
    InvalidComment,
    check_receipt,
    clean_text,
    make_survey_comment,
    receipt_seal,
)
from kiosk.feedback.views import FORM_TYPES, unused_receipt_code
from kiosk.surveys import SKIP, Submission, Survey
from kiosk.surveys.kiosk import resting
from kiosk.surveys.translations import in_requested_language

bp = Blueprint("phone_survey", __name__)
CHANGED = _l("This survey has changed since the page was opened. Please load it again.")
UNKNOWN = _l("Something on this page was not one of the survey's questions or answers.")
TWO_ANSWERS = _l("Please choose only one answer for each question.")
OPEN_TOO_LONG = _l(
    "This page was open a long time. Please check your answers and press Send again."
)


class InvalidAnswers(ValueError):
    """Answers the page could not have sent; the message is shown to the sender."""


def offered_survey(site: dict, slug: str) -> Survey:
    """The newest version of a survey this site offers, or a 404 page."""
    db = database()
    if slug not in storage.offered_surveys(db, site["slug"]):
        abort(404)
    survey = storage.latest_version(db, slug)
    if survey is None:
        abort(404)
    return survey


def new_page_fields() -> dict:
    """This page's own id and receipt code, sealed by the server."""
    submission_id = secrets.token_hex(16)
    receipt_code = unused_receipt_code()
    seal = receipt_seal(current_app.config["SECRET_KEY"], submission_id, receipt_code)
    return {"submission_id": submission_id, "receipt_code": receipt_code, "receipt_seal": seal}


def render_survey(
    site, survey, chosen=None, written=None, problem=None, status=200, action=None, **extra
):
    """The page to fill in. `action`: where it posts (None: /survey/<site>/<slug>)."""
    return render_template(
        "kiosk/survey.html",
        site=site,
        survey=in_requested_language(survey, languages.survey_language()),
        page=new_page_fields(),
        chosen=chosen or {},
        written=written or {},
        problem=problem,
        action=action,
        **extra,
    ), status


def phone_page(site: dict, survey: Survey, preview: bool = False) -> str:
    """The page as a phone shows it. preview=True is the staff area's preview of
    a draft (whose version is None): its Send does nothing and nothing is posted."""
    return render_template(
        "kiosk/survey.html",
        site=site,
        survey=in_requested_language(survey, languages.survey_language()),
        page={} if preview else new_page_fields(),
        chosen={},
        written={},
        problem=None,
        preview=preview,
    )


def render_thanks(site, survey, receipt_code: str | None, status: int, **extra):
    return render_template(
        "kiosk/survey.html",
        site=site,
        survey=in_requested_language(survey, languages.survey_language()),
        thanked=True,
        receipt_code=receipt_code,
        without_receipt=receipt_code is None,
        **extra,
    ), status


@bp.get("/survey/<site>/<slug>")
def survey_page(site: str, slug: str):
    """The survey's newest version, every question on one page, one Send button."""
    place = site_or_404(site)
    languages.for_site(place)
    survey = offered_survey(place, slug)
    if place["retired"]:
        return resting(place)
    return render_survey(place, survey)


@bp.post("/survey/<site>/<slug>")
@csrf.exempt  # checked in read_sent, so a stale page keeps what was chosen (see below)
@limiter.limit(lambda: limits.share(current_app.config["FEEDBACK_RATE_LIMIT"]))
def send(site: str, slug: str):
    """Keep the answers and words once; thank them, with a receipt code if they wrote.

    A retired site still keeps what is sent: the page was opened before the
    site was retired, and what the person gave must not be lost."""
    place = site_or_404(site)
    languages.for_site(place)
    offered_survey(place, slug)
    sent = read_sent(place, slug)
    if not isinstance(sent, Sent):
        return sent
    if sent.is_empty:
        # Nothing chosen and nothing written: nothing to keep, and a count of
        # empty pages would only pad the figures.
        return render_thanks(place, sent.survey, None, 200)
    comments = sent_comments(place, sent)
    if comments and storage.was_withdrawn(database(), *(comment.id for comment in comments)):
        return taken_back(place, sent.survey)
    submission = Submission(
        id=sent.submission_id,
        site=place["slug"],
        survey=sent.survey.slug,
        answers=sent.answers,
        date=sent.today,
        version=sent.survey.version,
    )
    new = storage.record_submission(database(), submission, sent.survey)
    new = storage.record_comments(database(), comments) > 0 or new
    # Sent again after its reply was lost: the same thank-you, and the same code.
    code = sent.receipt_code if comments else None
    return render_thanks(place, sent.survey, code, 201 if new else 200)


@dataclass(frozen=True)
class Sent:
    """A survey page as sent, checked: the version it showed, an answer for
    every question with choices, the words written, its id and receipt code."""

    survey: Survey
    answers: dict[str, str]
    words: dict[str, str]
    submission_id: str
    receipt_code: str
    today: datetime.date

    @property
    def is_empty(self) -> bool:
        return all(answer == SKIP for answer in self.answers.values()) and not self.words


def read_sent(place: dict, slug: str, action: str | None = None):
    """The page as sent (Sent), or the reply that refuses it: the page again
    with what was chosen and written and a plain problem, or a plain 415.
    `action` is where the page posts back (None: this module's own address);
    the survey at a meeting (kiosk/coproduction/meeting_survey.py) uses it too."""
    if request.mimetype not in FORM_TYPES:
        return error_response(415, _("Please send your answers from the survey page."))
    chosen, written = what_was_given()
    try:
        survey = version_sent(slug)
    except InvalidAnswers as problem:
        latest = storage.latest_version(database(), slug)
        return render_survey(place, latest, chosen, written, str(problem), 422, action)
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        try:
            csrf.protect()
        except CSRFError:
            # An hour on the page is enough for the form token to run out: keep what
            # they chose and wrote, with a fresh token, instead of an error page.
            return render_survey(place, survey, chosen, written, OPEN_TOO_LONG, 400, action)
    if request.form.get("website"):
        # Only a robot fills in the hidden field: thank it, keep nothing.
        return render_thanks(place, survey, None, 200)
    try:
        answers = check_choices(survey, chosen)
        words = check_words(survey, written)
        receipt_code = check_receipt(
            current_app.config["SECRET_KEY"],
            request.form.get("submission_id", ""),
            request.form.get("receipt_code", ""),
            request.form.get("receipt_seal", ""),
        )
    except (InvalidAnswers, InvalidComment) as problem:
        return render_survey(place, survey, chosen, written, str(problem), 422, action)
    submission_id = request.form["submission_id"]
    return Sent(survey, answers, words, submission_id, receipt_code, datetime.date.today())


def sent_comments(place: dict, sent: Sent) -> list:
    """The words, one comment per question, for the comments list: through the
    concern matcher, sharing the page's receipt code, dated by the server."""
    config = current_app.config
    return [
        make_survey_comment(
            submission_id=sent.submission_id,
            site=place["slug"],
            survey=sent.survey.slug,
            version=sent.survey.version,
            question=key,
            text=text,
            receipt_code=sent.receipt_code,
            secret=config["SECRET_KEY"],
            concern_phrases=config.get("CONCERN_PHRASES"),
            today=sent.today,
        )
        for key, text in sent.words.items()
    ]


def taken_back(place: dict, survey: Survey, action: str | None = None):
    """The thank-you page refreshed after its words were taken back."""
    problem = _("You took these answers back, so they were not sent again.")
    return render_survey(place, survey, problem=problem, status=410, action=action)


def version_sent(slug: str) -> Survey:
    """The exact version the page showed, named in its hidden field."""
    text = request.form.get("version", "")
    version = int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None
    survey = storage.survey_version(database(), slug, version) if version else None
    if survey is None:
        raise InvalidAnswers(CHANGED)
    return survey


def what_was_given() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Everything the form sent for the questions, by question key, as sent:
    nothing is checked yet, so a refused page can show it again."""
    chosen, written = {}, {}
    for name in request.form:
        kind, _, key = name.partition("-")
        if kind == "answer" and key:
            chosen[key] = request.form.getlist(name)
        elif kind == "comments" and key:
            written[key] = request.form.getlist(name)
        # Any other field (a "date", say) is not read: the server dates what is kept.
    return chosen, written


def check_choices(survey: Survey, chosen: dict[str, list[str]]) -> dict[str, str]:
    """An answer for every question with choices, in the survey's order: the
    one chosen, or skip."""
    questions = {q.key: q for q in survey.choice_questions}
    if set(chosen) - set(questions):
        raise InvalidAnswers(UNKNOWN)
    answers = {}
    for key, question in questions.items():
        values = chosen.get(key, [])
        if len(values) > 1:
            raise InvalidAnswers(TWO_ANSWERS)
        answer = values[0] if values else SKIP
        if answer not in question.answer_keys:
            raise InvalidAnswers(UNKNOWN)
        answers[key] = answer
    return answers


def check_words(survey: Survey, written: dict[str, list[str]]) -> dict[str, str]:
    """The words written for each question that takes words, tidied; a box left
    empty is left out."""
    boxes = {q.key for q in survey.questions if q.takes_words}
    if set(written) - boxes:
        raise InvalidAnswers(UNKNOWN)
    words = {}
    for question in survey.questions:
        values = written.get(question.key, [])
        if len(values) > 1:
            raise InvalidAnswers(UNKNOWN)
        text = clean_text(values[0], current_app.config["FEEDBACK_MAX_CHARS"]) if values else None
        if text:
            words[question.key] = text
    return words


def public_url(site: str, slug: str) -> str:
    """The survey's address on a poster's QR code: one fixed address, never a token."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return base + url_for("phone_survey.survey_page", site=site, slug=slug)
