"""Staff start a new survey, or copy one (a new survey that starts with its words).

A new survey has only a draft, and is asked nowhere until it is published in
the editor (admin/surveys.py). Its web address part is typed or made from its
title, and never changes: phone pages and posters point at it.
"""

import dataclasses

from flask import flash, g, redirect, render_template, request, url_for

from admin import bp
from admin.survey_forms import LIMITS, CopySurveyForm, NewSurveyForm, problems
from admin.surveys import survey_or_404
from kiosk import storage
from kiosk.app.for_request import database, staff_database
from kiosk.surveys import Question, Survey


def start_page(form, source=None, status=200):
    return render_template(
        "admin/survey_start.html",
        form=form,
        source=source,
        problems=problems(form),
        limits=LIMITS,
    ), status


def keep_new(form, draft: Survey, action: str, detail: str):
    """Create the new survey with only a draft, or say its address part is taken."""
    if not storage.create_survey(database(), draft):
        form.slug.errors.append(
            f"There is already a survey at “{draft.slug}”. Please choose another."
        )
        return None
    storage.audit(staff_database(), g.staff, action, detail)
    flash(f"“{draft.title}” is a draft: nobody is asked it until you publish it.")
    return redirect(url_for("admin.survey_edit", slug=draft.slug))


@bp.route("/surveys/new", methods=["GET", "POST"])
def new_survey():
    """Start an empty survey, with one question to write."""
    form = NewSurveyForm()
    if request.method == "GET":
        form.audience.data = "children"
    elif form.validate():
        draft = Survey(
            form.chosen_slug, form.clean_title, form.audience.data, (Question("q1", ""),)
        )
        done = keep_new(form, draft, "started a survey", draft.slug)
        return done or start_page(form, status=409)
    return start_page(form, status=422 if request.method == "POST" else 200)


@bp.route("/surveys/<slug>/copy", methods=["GET", "POST"])
def copy_survey(slug: str):
    """A new survey that starts with the words this one asks now."""
    latest, draft = survey_or_404(slug)
    source = latest or draft
    form = CopySurveyForm()
    if request.method == "GET":
        form.title.data = f"{source.title} (copy)"
    elif form.validate():
        copy = dataclasses.replace(
            source, slug=form.chosen_slug, title=form.clean_title, version=None, published_on=None
        )
        done = keep_new(form, copy, "copied a survey", f"{copy.slug}, from {slug}")
        return done or start_page(form, source, status=409)
    return start_page(form, source, status=422 if request.method == "POST" else 200)
