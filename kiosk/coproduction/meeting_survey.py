"""A survey after a co-production meeting: /meeting/<code>/<survey>, opened
from the QR codes staff print for that meeting (admin/coproduction/meetings.py).

It is the phone survey's page (kiosk/surveys/phone.py), in the group's site's
languages and with its name, posting back here. The choices are kept with
record_meeting_answers, in their own table and never in submissions, so they
count only for this meeting (admin/meeting_figures.py), dated by the server
with no time of day. The words written go to the comments list exactly as the
phone survey sends them (the group's site, the concern matcher, a receipt code)
and carry NO meeting id: a comment tied to a meeting of 3 children would
narrow down who wrote it.

The code takes answers from the meeting's date until it closes (a week later,
or sooner if staff close it). Before that, the page says when it opens; after,
410 Gone, and a page sent after closing keeps no choices but still keeps its
words, so a worry written late still reaches staff. A retired site's meetings
rest, as its kiosk and box do: the page is the calm retired page, and what a
page already open sends is still kept.
"""

import datetime

from flask import Blueprint, abort, current_app, render_template, url_for
from flask_babel import format_date
from flask_babel import gettext as _

from kiosk import storage
from kiosk.app import languages, limits
from kiosk.app.csrf import csrf
from kiosk.app.for_request import database
from kiosk.app.limits import limiter
from kiosk.storage.meetings import is_closed
from kiosk.surveys import Submission, Survey
from kiosk.surveys.kiosk import resting
from kiosk.surveys.phone import (
    Sent,
    read_sent,
    render_survey,
    render_thanks,
    sent_comments,
    taken_back,
)
from kiosk.surveys.translations import in_requested_language

bp = Blueprint("meeting_survey", __name__)


def meeting_or_404(code: str, slug: str) -> tuple[dict, dict, Survey]:
    """The meeting, its group's site and the survey's newest version, or a 404
    page: an unknown code, or a survey the meeting does not offer."""
    db = database()
    meeting = storage.meeting_with_code(db, code)
    if meeting is None or slug not in meeting["surveys"]:
        abort(404)
    group = storage.find_group(db, meeting["group_slug"])
    site = group and storage.find_site(db, group["site"])
    survey = storage.latest_version(db, slug)
    if site is None or survey is None:
        abort(404)
    languages.for_site(site)
    return meeting, site, survey


def not_yet(meeting: dict, site: dict, survey: Survey, status: int = 200):
    opens = datetime.date.fromisoformat(meeting["date"])
    message = _("This survey opens on %(day)s.", day=format_date(opens, "EEEE d MMMM"))
    return plain_page(site, survey, message, status)


def closed(site: dict, survey: Survey, kept_words: bool = False, receipt_code=None):
    message = _("This meeting's survey has closed. Thank you for wanting to tell us.")
    return plain_page(site, survey, message, 410, kept_words, receipt_code)


def plain_page(site, survey, message, status, kept_words=False, receipt_code=None):
    return render_template(
        "kiosk/meeting_closed.html",
        site=site,
        survey=in_requested_language(survey, languages.survey_language()),
        message=message,
        kept_words=kept_words,
        receipt_code=receipt_code,
    ), status


def action(meeting: dict, slug: str) -> str:
    return url_for(
        "meeting_survey.send", code=meeting["code"], slug=slug, **languages.language_args()
    )


@bp.get("/meeting/<code>/<slug>")
def survey_page(code: str, slug: str):
    meeting, site, survey = meeting_or_404(code, slug)
    if site["retired"]:
        return resting(site)
    today = datetime.date.today()
    if is_closed(meeting, today):
        return closed(site, survey)
    if today.isoformat() < meeting["date"]:
        return not_yet(meeting, site, survey)
    return render_survey(site, survey, action=action(meeting, slug))


@bp.post("/meeting/<code>/<slug>")
@csrf.exempt  # checked in phone.read_sent, so a stale page keeps what was chosen
@limiter.limit(lambda: limits.share(current_app.config["FEEDBACK_RATE_LIMIT"]))
def send(code: str, slug: str):
    """Keep the choices for the meeting and the words as comments, once each."""
    meeting, site, survey = meeting_or_404(code, slug)
    if datetime.date.today().isoformat() < meeting["date"]:
        return not_yet(meeting, site, survey, 409)  # no page to send this from yet
    sent = read_sent(site, slug, action(meeting, slug))
    if not isinstance(sent, Sent):
        return sent
    # Read as this request came in: it may have closed while the page was open.
    is_late = is_closed(meeting, sent.today)
    if sent.is_empty:
        return closed(site, sent.survey) if is_late else render_thanks(site, sent.survey, None, 200)
    # No meeting id on these: see the module's docstring.
    comments = sent_comments(site, sent)
    db = database()
    if comments and storage.was_withdrawn(db, *(comment.id for comment in comments)):
        return taken_back(site, sent.survey, action(meeting, slug))
    new = storage.record_comments(db, comments) > 0
    code_shown = sent.receipt_code if comments else None
    if is_late:
        return closed(site, sent.survey, bool(comments), code_shown)
    submission = Submission(
        id=sent.submission_id,
        site=site["slug"],
        survey=sent.survey.slug,
        answers=sent.answers,
        date=sent.today,
        version=sent.survey.version,
    )
    new = storage.record_meeting_answers(db, meeting["id"], submission, sent.survey) or new
    return render_thanks(site, sent.survey, code_shown, 201 if new else 200)
