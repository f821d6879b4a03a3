"""Staff translate a survey: /admin/surveys/<slug>/translations/<lang>, one
page per shipped language, with the English beside each box.

A translation is part of the survey's draft, like its wording: saving keeps it
in the draft, and publishing makes a new version (kiosk/surveys/translations.py
says why). A box left empty is asked in English; a scale's options are
translated all together, one per line, in the English order, since the answer
kept is the option's place. Works without JavaScript.
"""

import datetime
import re
from dataclasses import replace

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import FieldList, Form, FormField, HiddenField, StringField, TextAreaField

from admin import bp
from admin.survey_forms import option_lines, problems, words
from admin.surveys import NOT_OUR_FORM, survey_or_404
from kiosk import storage
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, staff_database
from kiosk.surveys import SCALE_KIND, InvalidSurvey, Survey
from kiosk.surveys.definitions import (
    ENGLISH_NAMES,
    INTRO_MAX,
    OPTION_MAX,
    RIGHT_TO_LEFT,
    TITLE_MAX,
    TRANSLATED_LANGUAGES,
    WORDING_MAX,
    clean_words,
)
from kiosk.surveys.translations import (
    QuestionWords,
    Translation,
    english_of,
    translation_status,
)

FIELD = re.compile(r"questions-[0-9]{1,4}-[a-z]{1,12}")


class QuestionTranslationForm(Form):
    key = HiddenField()
    text = TextAreaField("Wording", validators=[words(WORDING_MAX, "wording", required=False)])
    options = TextAreaField("Options, one per line")


class TranslationForm(FlaskForm):
    title = StringField("Title", validators=[words(TITLE_MAX, "title", required=False)])
    intro = TextAreaField(
        "Opening line", validators=[words(INTRO_MAX, "opening line", required=False)]
    )
    closing = TextAreaField(
        "Closing line", validators=[words(INTRO_MAX, "closing line", required=False)]
    )
    questions = FieldList(FormField(QuestionTranslationForm))


def form_data(survey: Survey, code: str) -> dict:
    translation = survey.translations.get(code) or Translation()
    rows = []
    for question in survey.questions:
        done = translation.questions.get(question.key) or QuestionWords("")
        rows.append({"key": question.key, "text": done.text, "options": "\n".join(done.options)})
    return {
        "title": translation.title,
        "intro": translation.intro,
        "closing": translation.closing,
        "questions": rows,
    }


def language_or_404(code: str) -> str:
    if code not in TRANSLATED_LANGUAGES:
        abort(404)
    return code


def translation_page(form, slug, survey, code, latest, draft, status=200):
    return render_template(
        "admin/survey_translation.html",
        form=form,
        slug=slug,
        survey=survey,
        code=code,
        language=TRANSLATED_LANGUAGES[code],
        english_name=ENGLISH_NAMES[code],
        direction="rtl" if code in RIGHT_TO_LEFT else "ltr",
        status=translation_status(survey, code),
        latest=latest,
        draft=draft,
        problems=problems(form),
        limits={"title": TITLE_MAX, "intro": INTRO_MAX, "wording": WORDING_MAX},
    ), status


@bp.route("/surveys/<slug>/translations/<code>", methods=["GET", "POST"])
def survey_translation(slug: str, code: str):
    """Add or change a survey's translation into one language, in its draft."""
    language_or_404(code)
    latest, draft = survey_or_404(slug)
    survey = draft or latest
    if request.method == "GET":
        form = TranslationForm(formdata=None, data=form_data(survey, code))
        return translation_page(form, slug, survey, code, latest, draft)
    if any(n.startswith("questions-") and not FIELD.fullmatch(n) for n in request.form):
        return error_response(422, NOT_OUR_FORM)
    form = TranslationForm()
    keys = [entry.form.key.data for entry in form.questions]
    if keys != [question.key for question in survey.questions]:
        return error_response(
            409, "The survey's questions changed since this page was opened. Please open it again."
        )
    action = request.form.get("action", "save")
    if action not in ("save", "publish"):
        return error_response(422, NOT_OUR_FORM)
    fields_right = form.validate()
    translation = typed_translation(form, survey)
    if not fields_right or translation is None:
        return translation_page(form, slug, survey, code, latest, draft, status=422)
    return save(slug, survey, code, translation, publish=action == "publish")


def typed_translation(form: TranslationForm, survey: Survey) -> Translation | None:
    """The translation as typed, tidied; None, with each problem put on its
    field, when a question's options do not match the English ones."""
    found, sound = {}, True
    for entry, question in zip(form.questions, survey.questions, strict=True):
        part = entry.form
        text = " ".join(str(part.text.data or "").split())
        options = option_lines(part.options.data) if question.kind == SCALE_KIND else []
        wanted = len(question.options)
        if question.kind == SCALE_KIND and (text or options) and len(options) != wanted:
            part.options.errors = [
                *part.options.errors,
                f"Please write all {wanted} options, one per line, in the same order as the"
                f" English (there {'is' if len(options) == 1 else 'are'} {len(options)}).",
            ]
            sound = False
        elif options and not text:
            part.text.errors = [*part.text.errors, "Please translate the wording too."]
            sound = False
        try:
            options = [clean_words(o, OPTION_MAX, "option") for o in options]
        except InvalidSurvey:
            part.options.errors = [
                *part.options.errors,
                f"Each option can have at most {OPTION_MAX} letters, with no unusual characters.",
            ]
            sound = False
        if sound and text and not part.text.errors:
            text = clean_words(text, WORDING_MAX, "wording")
            found[question.key] = QuestionWords(text, tuple(options), english_of(question))
    about = (form.title, form.intro, form.closing)
    if not sound or any(field.errors for entry in form.questions for field in entry.form):
        return None
    if any(field.errors for field in about):
        return None
    return Translation(
        title=clean_words(form.title.data, TITLE_MAX, "title", required=False),
        intro=clean_words(form.intro.data, INTRO_MAX, "opening line", required=False),
        closing=clean_words(form.closing.data, INTRO_MAX, "closing line", required=False),
        questions=found,
    )


def save(slug: str, survey: Survey, code: str, translation: Translation, publish: bool):
    """Keep the translation in the draft; publishing makes it the next version."""
    latest = storage.latest_version(database(), slug)
    translations = dict(survey.translations)
    if translation == Translation():
        translations.pop(code, None)  # nothing typed: the whole survey is asked in English
    else:
        translations[code] = translation
    db = database()
    storage.save_draft(db, replace(survey, translations=translations))
    language = TRANSLATED_LANGUAGES[code]
    storage.audit(staff_database(), g.staff, "saved a survey translation", f"{slug} {code}")
    if not publish:
        flash(f"The {language} translation is saved in the draft. Publish it to ask it.")
        return redirect(url_for("admin.survey_edit", slug=slug))
    published = storage.publish_draft(db, slug, datetime.date.today())
    if latest is not None and published.version == latest.version:
        flash(f"Nothing to publish: version {latest.version} already has these words.")
        return redirect(url_for("admin.surveys"))
    storage.audit(
        staff_database(), g.staff, "published a survey", f"{slug} version {published.version}"
    )
    flash(f"Published version {published.version} of “{published.title}”, with its translations.")
    return redirect(url_for("admin.surveys"))
