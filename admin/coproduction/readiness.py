"""Is your service ready? The guide's four conditions, answered Yes, Partly or
Not yet, again as often as a team likes; and the team's notes on the guide's
three reflection questions, each where it belongs.

Each answer is a new numbered check kept with its date, so the team sees its
progress; the group's page shows the latest. A note is saved on its own, from
whichever page shows it, and the staff member is sent back there.
"""

import datetime

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.fields import SelectChoice

from admin import bp
from admin.coproduction import group_section
from admin.coproduction.groups import group_or_404
from kiosk import storage
from kiosk.app.for_request import database, staff_database
from kiosk.coproduction.guide import (
    READINESS_ANSWER_WORDS,
    READINESS_CONDITIONS,
    READINESS_INTRO,
    REFLECTIONS,
)
from kiosk.storage.readiness import FIRST_STEP_MAX, REFLECTION_MAX, InvalidReadiness

NUMBERS = range(1, len(READINESS_CONDITIONS) + 1)


class ReadinessForm(FlaskForm):
    """answer_1 .. answer_4 and first_step_1 .. first_step_4, added below."""


for _number, (_name, _question, _) in enumerate(READINESS_CONDITIONS, 1):
    setattr(
        ReadinessForm,
        f"answer_{_number}",
        RadioField(
            _question,
            choices=[SelectChoice(key, words) for key, words in READINESS_ANSWER_WORDS.items()],
            validate_choice=False,
        ),
    )
    setattr(ReadinessForm, f"first_step_{_number}", TextAreaField("What needs to happen first"))


def conditions(form: ReadinessForm) -> list[dict]:
    """The four conditions in the guide's words, each with its form fields."""
    return [
        {
            "number": number,
            "name": name,
            "question": question,
            "explanation": explanation,
            "answer": form[f"answer_{number}"],
            "first_step": form[f"first_step_{number}"],
        }
        for number, (name, question, explanation) in enumerate(READINESS_CONDITIONS, 1)
    ]


def reflection_note(group: dict, prompt: str, back_to: str) -> dict:
    """What _reflection_note.html needs to show the note box for one prompt."""
    saved = storage.reflections(database(), group["slug"]).get(prompt)
    return {
        "prompt": prompt,
        "words": REFLECTIONS[prompt],
        "text": saved["note"] if saved else "",
        "saved_on": saved and saved["saved_on"],
        "action": url_for("admin.save_reflection", group=group["slug"], prompt=prompt),
        "next": back_to,
        "max": REFLECTION_MAX,
    }


def readiness_problem(error: InvalidReadiness) -> str:
    names = [READINESS_CONDITIONS[n - 1][0] for n in error.unanswered]
    if names:
        return (
            "Please answer every condition with Yes, Partly or Not yet."
            f" Not answered: {', '.join(names)}. Nothing was saved."
        )
    names = [READINESS_CONDITIONS[n - 1][0] for n in error.too_long]
    return (
        f"What needs to happen first is too long for {', '.join(names)}:"
        f" at most {FIRST_STEP_MAX} letters each. Nothing was saved."
    )


@bp.route("/co-production/<group>/readiness", methods=["GET", "POST"])
def readiness(group: str):
    """The four conditions to answer, then every check so far, newest first."""
    found = group_or_404(group)
    db = database()
    checks = storage.readiness_checks(db, found["slug"])
    form, error, status = ReadinessForm(), None, 200
    if request.method == "GET" and checks:
        for number, answer in zip(NUMBERS, checks[0]["answers"], strict=True):
            form[f"answer_{number}"].data = answer["answer"]
            form[f"first_step_{number}"].data = answer["first_step"]
    if request.method == "POST":
        answers = [
            (form[f"answer_{n}"].data or "", form[f"first_step_{n}"].data or "") for n in NUMBERS
        ]
        try:
            number = storage.record_readiness(db, found["slug"], answers, datetime.date.today())
        except InvalidReadiness as problem:
            error, status = problem, 422
        else:
            detail = f"group {found['slug']}, check {number}"
            storage.audit(staff_database(), g.staff, "answered the readiness check", detail)
            flash("Answers saved. Your earlier answers are kept on the readiness page.")
            return redirect(url_for("admin.group", group=found["slug"]))
    return render_template(
        "admin/coproduction/readiness.html",
        group=found,
        intro=READINESS_INTRO,
        conditions=conditions(form),
        form=form,
        error=error,
        problem=error and readiness_problem(error),
        checks=checks,
        words=READINESS_ANSWER_WORDS,
        first_step_max=FIRST_STEP_MAX,
        note=reflection_note(found, "readiness", request.path),
    ), status


@bp.post("/co-production/<group>/reflections/<prompt>")
def save_reflection(group: str, prompt: str):
    """Save the team's note on one reflection question; an empty note clears it."""
    found = group_or_404(group)
    if prompt not in REFLECTIONS:
        abort(404)
    back_to = request.form.get("next", "")
    if not (back_to.startswith(f"/admin/co-production/{found['slug']}") and back_to.isprintable()):
        back_to = url_for("admin.group", group=found["slug"])
    text = request.form.get("note", "")
    try:
        storage.save_reflection(database(), found["slug"], prompt, text, datetime.date.today())
    except ValueError:
        note = {**reflection_note(found, prompt, back_to), "text": text}
        return render_template(
            "admin/coproduction/readiness_note.html",
            group=found,
            note=note,
            problem=f"The note is too long: at most {REFLECTION_MAX} letters. It was not saved.",
        ), 422
    detail = f"group {found['slug']}, {prompt}"
    storage.audit(staff_database(), g.staff, "saved a reflection note", detail)
    flash("Note saved." if text.strip() else "Note cleared.")
    return redirect(back_to)


@group_section(10, "admin/coproduction/_readiness_section.html")
def readiness_section(group: dict) -> dict:
    latest = storage.latest_readiness(database(), group["slug"])
    return {
        "latest": latest,
        "names": [name for name, _, _ in READINESS_CONDITIONS],
        "words": READINESS_ANSWER_WORDS,
        "ready": bool(latest) and all(a["answer"] == "yes" for a in latest["answers"]),
    }


@group_section(15, "admin/coproduction/_reflections_section.html")
def reflections_section(group: dict) -> dict:
    back_to = url_for("admin.group", group=group["slug"])
    return {"note": reflection_note(group, "adapting", back_to)}
