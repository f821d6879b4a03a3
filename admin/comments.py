"""Staff act on the feedback box: a week's comments and drawings, concerns first,
each marked new, seen or actioned, hidden from the list or deleted for good.

Every action goes to the audit log with the site and week only, never the words.
"""

import datetime

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.fields import SelectChoice
from wtforms.validators import InputRequired

from admin import bp
from admin.coproduction.principles import save_principles
from admin.periods import Period, asked_period, has_begun, read_week
from kiosk import storage
from kiosk.app.for_request import database, staff_database


class StatusForm(FlaskForm):
    """The status choice; the template offers the same storage.STATUSES."""

    status = SelectField(
        "Status",
        choices=[SelectChoice(status, status.capitalize()) for status in storage.STATUSES],
        validators=[InputRequired()],
    )


def chosen_week(text: str | None) -> str:
    """The week an action form carries back (always one the page showed), or this week."""
    today = datetime.date.today()
    period = read_week((text or "").strip(), today)
    return (period or Period.week_of(today)).key


def week_after(week: str, weeks: int) -> str:
    return Period("week", week).shifted(weeks).key


def chosen_site(text: str | None, sites: list[dict]) -> str | None:
    """A site's slug, or None for all sites (also for one that does not exist)."""
    return text if text in {s["slug"] for s in sites} else None


def list_values(values, sites: list[dict] | None = None) -> dict:
    """Which list the staff member was looking at, from the query or an action
    form's hidden fields, so each action goes back to the same list. Pass the
    sites when they are read already."""
    if sites is None:
        sites = storage.list_sites(database())
    return {
        "site": chosen_site(values.get("site"), sites),
        "week": chosen_week(values.get("week")),
        "hidden": "1" if values.get("hidden") == "1" else None,
    }


def back_to_list():
    return redirect(url_for("admin.comments", **list_values(request.form)))


@bp.app_template_global("asked_in")
def asked_in(comment: dict) -> dict | None:
    """For words written in a survey: the survey's title and the question's wording,
    exactly as that version asked it. None for the feedback box (or a version
    no longer known). Each version is read once per page."""
    if not comment.get("survey") or comment.get("version") is None:
        return None
    versions = g.setdefault("survey_versions_read", {})
    key = (comment["survey"], comment["version"])
    if key not in versions:
        versions[key] = storage.survey_version(database(), *key)
    survey = versions[key]
    question = survey and survey.question(comment.get("question") or "")
    if question is None:
        return None
    return {"survey": survey.title, "question": question.text}


def comment_or_404(comment_id: str) -> dict:
    comment = storage.find_comment(database(), comment_id)
    if comment is None:
        abort(404)
    return comment


def where(comment: dict) -> str:
    """The audit detail: which site and week, nothing the child said."""
    return f"site {comment['site']}, {comment['week']}"


@bp.get("/comments")
def comments():
    """The week's comments and drawings, those that need attention first."""
    db = database()
    sites = storage.list_sites(db)
    today = datetime.date.today()
    # The week box takes a date, a week number or 2026-W49, as the summary's does;
    # words that name no week are said to be so (400), never silently this week.
    asked = asked_period({"week": request.args.get("week")}, today)
    shown = {**list_values(request.args, sites), "week": asked.period.key}
    next_week = week_after(shown["week"], 1)
    page = render_template(
        "admin/comments.html",
        sites=sites,
        site_names={s["slug"]: s["name"] for s in sites},
        shown=shown,
        week_asked=asked,
        previous_week=week_after(shown["week"], -1),
        next_week=next_week if has_begun(Period("week", next_week), today) else None,
        comments=storage.comments_for_week(
            db, shown["week"], shown["site"], include_hidden=bool(shown["hidden"])
        ),
        statuses=storage.STATUSES,
    )
    return page, 200 if asked.understood else 400


@bp.get("/comments/<comment_id>/drawing.png")
def comment_drawing(comment_id: str):
    """A comment's drawing, for staff only (the guard covers this route too)."""
    drawing = storage.drawing_for(database(), comment_id)
    if drawing is None:
        abort(404)
    response = Response(drawing, mimetype="image/png")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/comments/<comment_id>/status")
def comment_status(comment_id: str):
    """Mark a comment new, seen or actioned."""
    comment = comment_or_404(comment_id)
    form = StatusForm()
    if not form.validate():
        abort(422)
    storage.set_comment_status(database(), comment_id, form.status.data)
    storage.audit(staff_database(), g.staff, f"marked a comment {form.status.data}", where(comment))
    flash(f"Comment marked {form.status.data}.")
    return back_to_list()


@bp.post("/comments/<comment_id>/principles")
def comment_principles(comment_id: str):
    """Change which of the guide's six principles a comment or drawing touches."""
    comment = comment_or_404(comment_id)
    back = url_for("admin.comments", **list_values(request.form), _anchor=f"comment-{comment_id}")
    return save_principles("comment", comment_id, where(comment), redirect(back))


@bp.post("/comments/<comment_id>/hide")
def hide_comment(comment_id: str):
    """Take a comment out of the usual list; it is kept, and "show hidden" finds it."""
    return change_hidden(comment_id, True, "hid a comment", "Comment hidden.")


@bp.post("/comments/<comment_id>/unhide")
def unhide_comment(comment_id: str):
    """Put a hidden comment back in the usual list."""
    return change_hidden(comment_id, False, "showed a hidden comment again", "Comment shown again.")


def change_hidden(comment_id: str, hidden: bool, action: str, message: str):
    comment = comment_or_404(comment_id)
    storage.set_comment_hidden(database(), comment_id, hidden)
    storage.audit(staff_database(), g.staff, action, where(comment))
    flash(message)
    return back_to_list()


@bp.route("/comments/<comment_id>/delete", methods=["GET", "POST"])
def delete_comment(comment_id: str):
    """Ask first; on the second step delete the comment and its drawing for good."""
    comment = comment_or_404(comment_id)
    if request.method == "GET":
        shown = list_values(request.args)
        site = storage.find_site(database(), comment["site"])
        return render_template(
            "admin/comment_delete.html",
            comment=comment,
            site_name=site["name"] if site else comment["site"],
            shown=shown,
        )
    storage.delete_comment(database(), comment_id)
    storage.audit(staff_database(), g.staff, "deleted a comment", where(comment))
    flash("Comment deleted for good.")
    return back_to_list()
