"""The safeguarding lead's queue: every message that needs attention, across
all weeks and sites, oldest first, each acknowledged with a short private note.

The note and the acknowledgement go to the audit log with the site and week;
the child's words never do.
"""

import datetime

from flask import abort, flash, g, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from admin import bp
from kiosk import storage
from kiosk.app.for_request import database, staff_database
from kiosk.storage.concerns import NOTE_MAX_CHARS


class AcknowledgeForm(FlaskForm):
    note = TextAreaField(
        "What was done (a private note for staff)",
        validators=[DataRequired(), Length(max=NOTE_MAX_CHARS)],
    )


@bp.get("/concerns")
def concerns():
    """Every concern, oldest first; those not yet acknowledged at the top."""
    queue = storage.concern_queue(database())
    waiting = [c for c in queue if not c["acknowledged_by"]]
    done = [c for c in queue if c["acknowledged_by"]]
    return render_template(
        "admin/concerns.html",
        waiting=waiting,
        done=done,
        taken_back=storage.taken_back_concerns(database()),
        form=AcknowledgeForm(formdata=None),
        site_names={s["slug"]: s["name"] for s in storage.list_sites(database())},
    )


@bp.post("/concerns/<comment_id>/acknowledge")
def acknowledge_concern(comment_id: str):
    """Say what was done about a concern; it then counts as seen."""
    comment = storage.find_comment(database(), comment_id)
    if comment is None or not comment["concern"]:
        abort(404)
    form = AcknowledgeForm()
    if not form.validate_on_submit():
        flash(f"Please write what was done, in at most {NOTE_MAX_CHARS} characters.")
        return redirect(url_for("admin.concerns") + f"#comment-{comment_id}")
    storage.acknowledge(database(), comment_id, g.staff, form.note.data, datetime.date.today())
    storage.audit(
        staff_database(),
        g.staff,
        "acknowledged a concern",
        f"site {comment['site']}, week {comment['week']}: {form.note.data.strip()}",
    )
    flash("Acknowledged. Thank you.")
    return redirect(url_for("admin.concerns"))
