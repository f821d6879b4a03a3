"""The guide's planning proforma: for each piece of work a group takes on, a
title and the guide's six questions. Each intended change can later be linked
to the "You said, we did" entry that delivered it, so the plan shows what was
done. A plan prints on one A4 page.
"""

import datetime

from flask import abort, flash, g, make_response, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from admin import bp
from admin.coproduction import group_section
from admin.coproduction.groups import group_or_404
from admin.coproduction.readiness import reflection_note
from kiosk import storage
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, staff_database
from kiosk.coproduction.guide import PROFORMA
from kiosk.storage.plans import ANSWER_MAX, ANSWERS, CHANGE_MAX, CHANGES_MAX, TITLE_MAX, InvalidPlan

QUESTIONS = dict(PROFORMA)
PROBLEMS = {
    "title": f"Please give the piece of work a title, at most {TITLE_MAX} letters.",
    **{field: f"At most {ANSWER_MAX} letters, please." for field in ANSWERS},
    "changes": (
        f"Please write at most {CHANGES_MAX} intended changes, one a line,"
        f" each at most {CHANGE_MAX} letters."
    ),
}


class PlanForm(FlaskForm):
    title = StringField("Title of the piece of work")
    aim = TextAreaField(QUESTIONS["aim"])
    impact = TextAreaField(QUESTIONS["impact"])
    team = TextAreaField(QUESTIONS["team"])
    invite = TextAreaField(QUESTIONS["invite"])
    benefit = TextAreaField(QUESTIONS["benefit"])
    changes = TextAreaField(QUESTIONS["changes"])


def plan_or_404(group: dict, plan_id: str) -> dict:
    """The group's plan a URL names, or a page saying there is none."""
    plan = storage.find_plan(database(), plan_id)
    if plan is None or plan["group_slug"] != group["slug"]:
        message = (
            "There is no such plan in this group. It may have been made for another group:"
            " find it from the group's page."
        )
        abort(make_response(error_response(404, message)))
    return plan


def plan_form_page(group: dict, form: PlanForm, plan: dict | None, field: str | None = None):
    return render_template(
        "admin/coproduction/plan_form.html",
        group=group,
        form=form,
        plan=plan,
        answers=ANSWERS,
        field_problem=field,
        problems=PROBLEMS,
        problem=field and f"{PROBLEMS[field]} Nothing was saved.",
        limits={"title": TITLE_MAX, "answer": ANSWER_MAX, "change": CHANGE_MAX},
        changes_max=CHANGES_MAX,
    ), 422 if field else 200


def typed(form: PlanForm) -> tuple[str, dict, list[str]]:
    answers = {field: form[field].data or "" for field in ANSWERS}
    return form.title.data or "", answers, (form.changes.data or "").splitlines()


@bp.route("/co-production/<group>/plans/new", methods=["GET", "POST"])
def new_plan(group: str):
    """Plan a piece of work: a title and the guide's six questions."""
    found = group_or_404(group)
    form = PlanForm()
    if request.method == "GET":
        return plan_form_page(found, form, None)
    try:
        plan_id = storage.add_plan(database(), found["slug"], *typed(form), datetime.date.today())
    except InvalidPlan as error:
        return plan_form_page(found, form, None, error.field)
    title = storage.find_plan(database(), plan_id)["title"]
    storage.audit(staff_database(), g.staff, "planned a piece of work", f"group {group}: {title}")
    flash("Plan saved. You can print it, or link each change to what was done later.")
    return redirect(url_for("admin.plan", group=group, plan_id=plan_id))


@bp.route("/co-production/<group>/plans/<plan_id>/edit", methods=["GET", "POST"])
def edit_plan(group: str, plan_id: str):
    """Change a plan's title, answers or intended changes."""
    found = group_or_404(group)
    plan = plan_or_404(found, plan_id)
    if request.method == "GET":
        changes = "\n".join(change["change"] for change in plan["changes"])
        return plan_form_page(found, PlanForm(data={**plan, "changes": changes}), plan)
    form = PlanForm()
    try:
        storage.change_plan(database(), plan_id, *typed(form))
    except InvalidPlan as error:
        return plan_form_page(found, form, plan, error.field)
    title = storage.find_plan(database(), plan_id)["title"]
    storage.audit(staff_database(), g.staff, "changed a plan", f"group {group}: {title}")
    flash("Plan saved.")
    return redirect(url_for("admin.plan", group=group, plan_id=plan_id))


@bp.get("/co-production/<group>/plans/<plan_id>")
def plan(group: str, plan_id: str):
    """One plan, as it prints; each change with what was done, or a choice of
    the site's "You said, we did" entries to say so."""
    found = group_or_404(group)
    return plan_page(found, plan_or_404(found, plan_id))


def plan_page(group: dict, plan: dict, problem: str | None = None, status: int = 200):
    back_to = url_for("admin.plan", group=group["slug"], plan_id=plan["id"])
    return render_template(
        "admin/coproduction/plan.html",
        group=group,
        plan=plan,
        questions=[(field, QUESTIONS[field]) for field in ANSWERS],
        changes_question=QUESTIONS["changes"],
        entries=storage.you_said_entries(database(), group["site"]),
        note=reflection_note(group, "good-practice", back_to),
        problem=problem,
    ), status


@bp.post("/co-production/<group>/plans/<plan_id>/changes/<int:number>")
def link_change(group: str, plan_id: str, number: int):
    """Say which "You said, we did" entry delivered an intended change, or "not yet"."""
    found = group_or_404(group)
    plan = plan_or_404(found, plan_id)
    entry = request.form.get("you_said") or None
    try:
        linked = storage.link_change(database(), plan_id, number, entry, found["site"])
    except InvalidPlan:
        problem = "Please choose one of this site's You said, we did entries. Nothing was saved."
        return plan_page(found, plan, problem, 422)
    if not linked:
        abort(make_response(error_response(404, "This plan has no such intended change.")))
    detail = f"group {group}: {plan['title']}, change {number}"
    storage.audit(staff_database(), g.staff, "linked a planned change", detail)
    flash(f"Change {number}: " + ("marked as done." if entry else "marked as not done yet."))
    return redirect(url_for("admin.plan", group=group, plan_id=plan_id) + f"#change-{number}")


@group_section(20, "admin/coproduction/_plans_section.html")
def plans_section(group: dict) -> dict:
    # The good-practice question here too, so a group with no plan yet can answer it.
    back_to = url_for("admin.group", group=group["slug"]) + "#plans-heading"
    return {
        "plans": storage.group_plans(database(), group["slug"]),
        "note": reflection_note(group, "good-practice", back_to),
    }
