"""'You said, we did': staff write what they heard and what they changed, and the
kiosk thank-you and /you-said-we-did/<site> show it to children."""

import datetime

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from admin import bp
from admin.coproduction.principles import save_principles
from kiosk import storage
from kiosk.app.for_request import database, staff_database
from kiosk.storage.you_said import DID_MAX_CHARS, HEARD_MAX_CHARS


def not_in_the_future(form, field):
    if field.data and field.data > datetime.date.today():
        raise ValidationError("Choose today or a day before.")


class YouSaidForm(FlaskForm):
    site = SelectField("Site", validators=[InputRequired()])
    heard = TextAreaField(
        "You said (what children told us)",
        validators=[DataRequired(), Length(max=HEARD_MAX_CHARS)],
    )
    did = TextAreaField(
        "We did (what we changed)", validators=[DataRequired(), Length(max=DID_MAX_CHARS)]
    )
    date = DateField("Date", validators=[DataRequired(), not_in_the_future])


def entry_or_404(entry_id: str) -> dict:
    entry = storage.find_you_said(database(), entry_id)
    if entry is None:
        abort(404)
    return entry


@bp.route("/you-said-we-did", methods=["GET", "POST"])
def you_said():
    """Write a new entry; below, the entries already shown to children."""
    db = database()
    sites = storage.list_sites(db)
    form = YouSaidForm()
    form.site.choices = [SelectChoice(s["slug"], s["name"]) for s in sites]
    if request.method == "GET":
        form.date.data = datetime.date.today()
        started_from(form, request.args.get("from"))
    status, problem = 200, None
    principles = request.form.getlist("principles")
    if form.validate_on_submit():
        try:
            storage.add_you_said(
                db, form.site.data, form.heard.data, form.did.data, form.date.data, principles
            )
        except storage.UnknownPrinciple as unknown:
            problem = str(unknown)
        else:
            detail = f"site {form.site.data}, {form.date.data.isoformat()}"
            tags = storage.principles_text(principles)  # as kept: checked, in order
            detail += f": {tags}" if tags else ""
            storage.audit(staff_database(), g.staff, "added a You said, we did entry", detail)
            flash("Entry added. Children will see it on the kiosk thank-you and the site's page.")
            return redirect(url_for("admin.you_said"))
    if request.method == "POST":
        status = 422
    names = {s["slug"]: s["name"] for s in sites}
    return render_template(
        "admin/you_said.html",
        form=form,
        entries=storage.you_said_entries(db),
        names=names,
        heard_max=HEARD_MAX_CHARS,
        did_max=DID_MAX_CHARS,
        chosen_principles=principles,
        problem=problem,
    ), status


def started_from(form: YouSaidForm, comment_id: str | None) -> None:
    """An entry begun from a comment ("Write a You said, we did" on the Comments
    page): its site, and its words to rewrite for a child of about 9."""
    comment = storage.find_comment(database(), comment_id) if comment_id else None
    if comment is not None:
        form.site.data = comment["site"]
        form.heard.data = (comment["text"] or "")[:HEARD_MAX_CHARS]


@bp.route("/you-said-we-did/<entry_id>/delete", methods=["GET", "POST"])
def delete_you_said(entry_id: str):
    """Ask first; on the second step delete the entry."""
    entry = entry_or_404(entry_id)
    if request.method == "GET":
        site = storage.find_site(database(), entry["site"])
        name = site["name"] if site else entry["site"]
        return render_template("admin/you_said_delete.html", entry=entry, site_name=name)
    storage.delete_you_said(database(), entry_id)
    detail = f"site {entry['site']}, {entry['date']}"
    storage.audit(staff_database(), g.staff, "deleted a You said, we did entry", detail)
    flash("Entry deleted.")
    return redirect(url_for("admin.you_said"))


@bp.post("/you-said-we-did/<entry_id>/principles")
def you_said_principles(entry_id: str):
    """Change which of the guide's six principles an entry touches."""
    entry = entry_or_404(entry_id)
    where = f"site {entry['site']}, {entry['date']}"
    return save_principles("you-said", entry_id, where, redirect(url_for("admin.you_said")))
