"""The public blueprint: the child kiosk and what its page talks to."""

import datetime

from flask import (
    Blueprint,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import lazy_pgettext, ngettext
from flask_wtf.csrf import generate_csrf
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from kiosk import storage
from kiosk.app import languages
from kiosk.app.csrf import csrf
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, site_exists_or_404, site_or_404, staff_database
from kiosk.surveys import (
    CHILD_EVALUATION,
    FACES,
    FACES_KIND,
    InvalidSubmission,
    Survey,
    parse_submission,
    tablets,
)
from kiosk.surveys.translations import in_requested_language

bp = Blueprint("kiosk", __name__)
# How many "You said, we did" entries the kiosk thank-you and the public page show.
YOU_SAID_ON_KIOSK = 3
YOU_SAID_ON_PAGE = 10
STILL_THERE_MIN_SECONDS = 20


def still_there_seconds() -> int:
    """How long "Are you still there?" waits for a tap, on the kiosk and its feedback box:
    at least STILL_THERE_MIN_SECONDS, time for a child to notice it and reach the
    button before their answers or words are cleared."""
    return max(current_app.config["KIOSK_STILL_THERE_SECONDS"], STILL_THERE_MIN_SECONDS)


def resting(site: dict):
    """A retired site's kiosk and feedback box: a calm thank-you with the same help.
    410 Gone, so a monitor notices; a person sees only the kind page."""
    return render_template("kiosk/retired.html", site=site), 410


@bp.get("/")
def home():
    """The default site's kiosk, so a tablet only needs the server's address."""
    return redirect(url_for("kiosk.kiosk", site=current_app.config["DEFAULT_SITE"]))


@bp.get("/kiosk/<site>")
def kiosk(site: str):
    """The site's kiosk survey, one question per screen, all in one page."""
    place = site_or_404(site)
    # Never the browser's language: a shared tablet's says nothing about the child.
    languages.for_site(place, browser=False)
    if place["retired"]:
        return resting(place)
    db = database()
    # A site whose survey has no published version (it cannot happen through
    # the staff area) still asks the child evaluation rather than failing.
    survey = storage.latest_version(db, place["kiosk_survey"]) or storage.latest_version(
        db, CHILD_EVALUATION
    )
    return offline_start.with_version(kiosk_page(place, survey))


# How many questions the start screen says there are, in words a child reads.
# A translator gives each number the form that goes with "question".
COUNT_WORDS = (
    lazy_pgettext("how many questions", "One"),
    lazy_pgettext("how many questions", "Two"),
    lazy_pgettext("how many questions", "Three"),
    lazy_pgettext("how many questions", "Four"),
    lazy_pgettext("how many questions", "Five"),
    lazy_pgettext("how many questions", "Six"),
    lazy_pgettext("how many questions", "Seven"),
    lazy_pgettext("how many questions", "Eight"),
    lazy_pgettext("how many questions", "Nine"),
    lazy_pgettext("how many questions", "Ten"),
)


def how_many_questions(survey: Survey) -> str:
    """ "Four quick questions", "One quick question", "12 questions"."""
    count = len(survey.questions)
    if count > len(COUNT_WORDS):
        return ngettext("%(num)d question", "%(num)d questions", count)
    return ngettext(
        "%(number)s quick question",
        "%(number)s quick questions",
        count,
        number=COUNT_WORDS[count - 1],
    )


def kiosk_page(site: dict, survey: Survey, preview: bool = False) -> str:
    """The kiosk page for one site running one version of a survey.

    preview=True is the staff area's preview of a draft (whose version is
    None): it never shows the setup screen and never sends or keeps anything;
    Send only shows the thank-you screen."""
    kinds = {question.kind for question in survey.questions}
    survey = in_requested_language(survey, languages.survey_language())
    return render_template(
        "kiosk/kiosk.html",
        site=site,
        survey=survey,
        preview=preview,
        how_many=how_many_questions(survey),
        all_faces=kinds == {FACES_KIND},
        faces=FACES,
        # The faces on the start screen say "faces are coming": only when they are.
        start_faces=FACES_KIND in kinds,
        still_there_seconds=still_there_seconds(),
        you_said=storage.you_said_entries(database(), site["slug"], limit=YOU_SAID_ON_KIOSK),
        auto_enrol_url=None if preview else enrolment.auto_enrol_url(site["slug"]),
    )


@bp.get("/you-said-we-did/<site>")
def you_said_we_did(site: str):
    """What children told a site's staff, and what the staff changed because of it."""
    place = site_or_404(site)
    languages.for_site(place)
    return render_template(
        "kiosk/you_said.html",
        site=place,
        you_said=storage.you_said_entries(database(), site, limit=YOU_SAID_ON_PAGE),
    )


@bp.get("/token")
def token():
    """A fresh form token: a kiosk page open for a week asks for one before it sends."""
    return jsonify({"token": generate_csrf()})


@bp.post("/kiosk/<site>/submissions")
@csrf.exempt
def submit(site: str):
    """Store one child's answers once. A repeat of the same id is not stored again.

    No form token: nobody is signed in, so a forged request could do nothing a
    direct one cannot, and only JSON is taken, which another site's page can
    only send after a cross-origin preflight this app never grants. Without
    the token the kiosk sets no cookie at all, and a page open for a week
    cannot go stale.

    A retired site still takes answers: a tablet that was offline sends what
    children gave before the site was retired, and those must not be lost.

    Only from a tablet staff set up for this site (kiosk/surveys/enrolment.py), and
    dated no earlier than the day it was set up: otherwise anyone could add
    answers to a past week and, by subtracting, see what one child said.
    """
    site_exists_or_404(site)
    set_up_on, refusal = enrolment.sending_tablet(site)
    if refusal:
        return refusal
    if not request.is_json:
        return error_response(415, "Send the answers as JSON.")
    # A kiosk submission is a few hundred bytes: anything much bigger is refused
    # before it is read, not after reading up to the app-wide MAX_CONTENT_LENGTH.
    request.max_content_length = current_app.config["SUBMISSION_MAX_BYTES"]
    try:
        body = request.get_json()
    except RequestEntityTooLarge:
        return error_response(413, "Those answers are too big to be from the kiosk.")
    # Nesting deeper than Python's JSON reader goes raises RecursionError, not
    # a ValueError that Flask would turn into a 400.
    except (BadRequest, RecursionError):
        return error_response(400, "The answers could not be read.")
    asked = []  # the version the answers name, read once

    def find_version(slug: str, version: int):
        asked.append(storage.survey_version(database(), slug, version))
        return asked[-1]

    try:
        submission = parse_submission(
            body,
            site=site,
            today=datetime.date.today(),
            max_age_days=current_app.config["SUBMISSION_MAX_AGE_DAYS"],
            find_version=find_version,
            not_before=set_up_on,
        )
    except InvalidSubmission as problem:
        return error_response(422, str(problem))
    if not storage.record_submission(database(), submission, asked[-1]):
        return error_response(409, "We already have these answers. Thank you!", "duplicate")
    tablets.note_answers_arrived(
        request.headers.get("Authorization"), staff_database, datetime.date.today()
    )
    return jsonify({"status": "stored", "id": submission.id}), 201


# Its routes go on bp too; it needs the helpers above, so it comes last.
from kiosk.surveys import enrolment, offline_start  # noqa: E402
