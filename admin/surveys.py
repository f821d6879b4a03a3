"""Staff adapt surveys: the list of surveys, and changing, publishing or throwing
away a survey's draft (starting or copying a survey: admin/survey_start.py).

A published version is never changed (kiosk/storage/surveys.py). Staff edit the
survey's draft, which starts as a copy of its newest version; publishing the
draft adds the next version, which kiosks and phones ask from then on, while
answers already given stay with the version they were given to.

Everything works without JavaScript: moving, adding or removing a question
sends the whole form, and the page comes back with the change made and nothing
saved until "Save draft" or "Publish". Survey wording is written by staff, so
the audit log may name a survey and its version; it never holds an answer.
"""

import datetime
import re

from flask import abort, flash, g, redirect, render_template, request, url_for

from admin import bp
from admin.survey_forms import (
    LIMITS,
    QUESTION_FIELD,
    SurveyForm,
    form_data,
    new_key,
    problems,
    question_data,
)
from kiosk import storage
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, staff_database
from kiosk.surveys import AUDIENCES, MAX_QUESTIONS, InvalidSurvey, Question, Survey, check_survey
from kiosk.surveys.definitions import ENGLISH_NAMES, RIGHT_TO_LEFT, TRANSLATED_LANGUAGES
from kiosk.surveys.kiosk import kiosk_page
from kiosk.surveys.phone import phone_page
from kiosk.surveys.translations import carry_translations, translation_status

NOT_OUR_FORM = "This form was changed in a way our page never sends. Please open the survey again."
MOVE = re.compile(r"(up|down|remove)-([0-9]{1,3})")


def where_asked(db) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The names of the sites whose kiosk runs each survey, and of those that offer it on phones."""
    kiosks, phones = {}, {}
    for site in storage.list_sites(db):
        name = site["name"] + (" (resting)" if site["retired"] else "")
        kiosks.setdefault(site["kiosk_survey"], []).append(name)
        for slug in storage.offered_surveys(db, site["slug"]):
            phones.setdefault(slug, []).append(name)
    return kiosks, phones


@bp.get("/surveys")
def surveys():
    """Every survey: what it asks now, whether a draft is waiting, where it is asked."""
    db = database()
    kiosks, phones = where_asked(db)
    return render_template(
        "admin/surveys.html",
        surveys=storage.list_surveys(db),
        kiosks=kiosks,
        phones=phones,
        audiences=AUDIENCES,
    )


def survey_or_404(slug: str) -> tuple[Survey | None, Survey | None]:
    """The survey's newest version and its draft; at least one of them exists."""
    db = database()
    latest, draft = storage.latest_version(db, slug), storage.find_draft(db, slug)
    if latest is None and draft is None:
        abort(404)
    return latest, draft


def edit_page(form, slug, latest, draft, status=200, notice=None):
    kiosks, phones = where_asked(database())
    return render_template(
        "admin/survey_edit.html",
        form=form,
        slug=slug,
        latest=latest,
        draft=draft,
        kiosks=kiosks.get(slug, []),
        phones=phones.get(slug, []),
        problems=problems(form),
        notice=notice,
        max_questions=MAX_QUESTIONS,
        limits=LIMITS,
        translations=[translation_status(draft or latest, code) for code in TRANSLATED_LANGUAGES],
        languages=TRANSLATED_LANGUAGES,
        english_names=ENGLISH_NAMES,
        right_to_left=RIGHT_TO_LEFT,
    ), status


@bp.route("/surveys/<slug>/edit", methods=["GET", "POST"])
def survey_edit(slug: str):
    """Change a survey's draft (or, with none, a copy of its newest version);
    save it, publish it, or throw it away."""
    latest, draft = survey_or_404(slug)
    if request.method == "GET":
        form = SurveyForm(formdata=None, data=form_data(draft or latest))
        return edit_page(form, slug, latest, draft)
    action = request.form.get("action", "save")
    if action == "discard":
        return throw_away(slug, latest, draft)
    if any(
        name.startswith("questions-") and not QUESTION_FIELD.fullmatch(name)
        for name in request.form
    ):
        return error_response(422, NOT_OUR_FORM)
    form = SurveyForm()
    if not form.keys_are_sound():
        return error_response(422, NOT_OUR_FORM)
    if action in ("save", "publish"):
        return save(form, slug, latest, draft, publish=action == "publish")
    if action in PREVIEWS:
        return preview(form, slug, latest, draft, action)
    return rearrange(form, action, slug, latest, draft)


PREVIEWS = ("preview-kiosk", "preview-phone")


def preview(form: SurveyForm, slug, latest, draft, action: str):
    """The survey as typed, exactly as a kiosk or a phone will show it, with
    nothing saved and nothing sent. It opens in its own tab, so the form as
    typed stays open in this one."""
    if not form.validate():
        return edit_page(form, slug, latest, draft, status=422)
    typed = carry_translations(form.draft(slug), draft or latest)
    try:
        check_survey(typed)
    except InvalidSurvey as problem:
        form.count_problem = str(problem)
        return edit_page(form, slug, latest, draft, status=422)
    sites = [site for site in storage.list_sites(database()) if not site["retired"]]
    site = next((s for s in sites if s["kiosk_survey"] == slug), sites[0] if sites else None)
    site = site or {"slug": "preview", "name": "Your site", "retired": 0, "kiosk_survey": slug}
    if action == "preview-kiosk":
        return kiosk_page(site, typed, preview=True)
    return phone_page(site, typed, preview=True)


def save(form: SurveyForm, slug, latest, draft, publish: bool):
    if not form.validate():
        return edit_page(form, slug, latest, draft, status=422)
    changed = carry_translations(form.draft(slug), draft or latest)
    try:
        check_survey(changed)
    except InvalidSurvey as problem:  # the form checks all this; storage checks again
        form.count_problem = str(problem)
        return edit_page(form, slug, latest, draft, status=422)
    db = database()
    storage.save_draft(db, changed)
    if not publish:
        storage.audit(staff_database(), g.staff, "saved a survey draft", slug)
        asked = f"ask version {latest.version}" if latest else "do not ask this survey"
        flash(f"Draft saved. Kiosks and phones {asked} until you publish it.")
        return redirect(url_for("admin.survey_edit", slug=slug))
    published = storage.publish_draft(db, slug, datetime.date.today())
    if latest is not None and published.version == latest.version:
        flash(
            f"Nothing to publish: the draft has the same words as version {latest.version},"
            " so no new version was made. Kiosks and phones ask the same as before."
        )
        return redirect(url_for("admin.surveys"))
    detail = f"{slug} version {published.version}"
    storage.audit(staff_database(), g.staff, "published a survey", detail)
    earlier = (
        f" Answers given before stay with the version they were given to (version"
        f" {latest.version} and earlier)."
        if latest
        else ""
    )
    flash(
        f"Published version {published.version} of “{published.title}”. Kiosks and phones"
        f" that run it ask the new wording from now on.{earlier}"
    )
    return redirect(url_for("admin.surveys"))


def throw_away(slug: str, latest, draft):
    if latest is None:
        return error_response(
            409,
            "This survey has never been published, so its draft is all there is: it cannot be"
            " thrown away.",
        )
    if draft is not None:
        storage.discard_draft(database(), slug)
        storage.audit(staff_database(), g.staff, "threw away a survey draft", slug)
    flash(f"The draft is thrown away. Kiosks and phones still ask version {latest.version}.")
    return redirect(url_for("admin.surveys"))


def keys_ever_used(slug: str) -> set[str]:
    """A new question never takes the key of one asked in an earlier version,
    so its answers are never counted with another question's."""
    versions = storage.survey_versions(database(), slug)
    return {question.key for version in versions for question in version.questions}


def rearrange(form: SurveyForm, action: str, slug: str, latest, draft):
    """Add, move or remove a question in the form as typed; nothing is saved."""
    typed = form.as_typed()
    questions = typed["questions"]
    move = MOVE.fullmatch(action)
    if action == "add":
        if len(questions) >= MAX_QUESTIONS:
            form.count_problem = f"A survey can have at most {MAX_QUESTIONS} questions."
            return edit_page(form, slug, latest, draft, status=422)
        taken = {q["key"] for q in questions} | keys_ever_used(slug)
        questions.append(question_data(Question(new_key(taken), "")))
        done = f"Question {len(questions)} added at the end."
    elif move and int(move[2]) < len(questions):
        verb, index = move[1], int(move[2])
        other = index - 1 if verb == "up" else index + 1
        if verb == "remove":
            questions.pop(index)
            done = f"Question {index + 1} removed."
        elif 0 <= other < len(questions):
            questions[index], questions[other] = questions[other], questions[index]
            done = f"Question {index + 1} moved {verb}: it is now question {other + 1}."
        else:
            return error_response(422, NOT_OUR_FORM)
    else:
        return error_response(422, NOT_OUR_FORM)
    shown = SurveyForm(formdata=None, data=typed)
    notice = f"{done} Nothing is saved until you press Save draft or Publish."
    return edit_page(shown, slug, latest, draft, notice=notice)
