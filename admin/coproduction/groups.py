"""Co-production groups: the list, a new group, a group's page and its settings.

Any signed-in staff member may run a group (admin/__init__.py gives this
module the STAFF role); an account without it is told so, and nothing is kept.
"""

import datetime

from flask import abort, flash, g, make_response, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, SelectMultipleField, StringField
from wtforms.fields import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from admin import bp
from admin.coproduction import SECTIONS
from kiosk import storage
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, staff_database
from kiosk.coproduction.guide import AUDIENCE_WORDS
from kiosk.storage.groups import GROUP_NAME_MAX, InvalidGroup

# The surveys a new group starts with, by audience: the guide's evaluations.
STARTING_SURVEYS = {
    "children": ["child-evaluation"],
    "young-people": ["child-evaluation"],
    "adults": ["adult-evaluation"],
    "mixed": ["child-evaluation", "adult-evaluation"],
}


class GroupForm(FlaskForm):
    # Checked once, by the storage layer (InvalidGroup), as sites are.
    name = StringField("Name of the group")
    site = SelectField("Site", validate_choice=False)
    audience = RadioField(
        "Who comes to its meetings",
        choices=[SelectChoice(key, words) for key, words in AUDIENCE_WORDS.items()],
        validate_choice=False,
    )
    surveys = SelectMultipleField(
        "Surveys to ask after each meeting",
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validate_choice=False,
    )


def group_form(group: dict | None = None, keep_site: str | None = None) -> GroupForm:
    """The group's form; its sites are those in use, and the site the group
    has now even if retired (keep_site), so saving a new name never moves the
    group to another site without being asked."""
    db = database()
    form = GroupForm(data=group and {k: group[k] for k in ("name", "site", "audience", "surveys")})
    sites = storage.list_sites(db)
    form.site.choices = [
        SelectChoice(s["slug"], s["name"] + (" (retired)" if s["retired"] else ""))
        for s in sites
        if not s["retired"] or s["slug"] == keep_site
    ]
    form.surveys.choices = [SelectChoice(slug, title) for slug, title in survey_titles().items()]
    return form


def survey_titles() -> dict[str, str]:
    """Every published survey's title, by slug; read once a request (the group
    page and its meetings section both need them)."""
    if "survey_titles" not in g:
        db = database()
        g.survey_titles = {}
        for slug in storage.published_slugs(db):
            survey = storage.latest_version(db, slug)
            if survey is not None:
                g.survey_titles[slug] = survey.title
    return g.survey_titles


def group_or_404(slug: str) -> dict:
    """The group a URL names, or a page saying there is none."""
    group = storage.find_group(database(), slug)
    if group is None:
        message = (
            "There is no co-production group at this address."
            " Check the link, or find the group on the Co-production page."
        )
        abort(make_response(error_response(404, message)))
    return group


def groups_page(form: GroupForm | None = None, problem: str | None = None, status: int = 200):
    db = database()
    return render_template(
        "admin/coproduction/groups.html",
        groups=storage.list_groups(db),
        sites={s["slug"]: s["name"] for s in storage.list_sites(db)},
        audiences=AUDIENCE_WORDS,
        form=form or group_form(),
        name_max=GROUP_NAME_MAX,
        problem=problem,
    ), status


@bp.get("/co-production")
def coproduction():
    """Every group, and a form to start one."""
    form = group_form()
    form.audience.data = form.audience.data or "children"
    form.surveys.data = STARTING_SURVEYS[form.audience.data]
    return groups_page(form)


@bp.post("/co-production")
def add_group():
    form = group_form()
    try:
        slug = storage.add_group(
            database(),
            form.name.data or "",
            form.site.data or "",
            form.audience.data or "",
            form.surveys.data or [],
            datetime.date.today(),
        )
    except InvalidGroup as problem:
        return groups_page(form, str(problem), 422)
    storage.audit(staff_database(), g.staff, "started a co-production group", slug)
    flash("Group started. Next: is your service ready? Answer the four questions below.")
    return redirect(url_for("admin.group", group=slug))


@bp.get("/co-production/<group>")
def group(group: str):
    """One group: each of the companion's tools, as far as the group has got."""
    found = group_or_404(group)
    db = database()
    site = storage.find_site(db, found["site"])
    titles = survey_titles()
    return render_template(
        "admin/coproduction/group.html",
        group=found,
        site_name=site["name"] if site else found["site"],
        audience=AUDIENCE_WORDS[found["audience"]],
        survey_titles=[titles.get(slug, slug) for slug in found["surveys"]],
        sections=[(template, make_context(found)) for _, template, make_context in SECTIONS],
    )


@bp.route("/co-production/<group>/settings", methods=["GET", "POST"])
def group_settings(group: str):
    """Rename the group, or change its site, who it is for, or its surveys."""
    found = group_or_404(group)
    keep = found["site"]
    form = group_form(found, keep) if request.method == "GET" else group_form(keep_site=keep)
    problem, status = None, 200
    if request.method == "POST":
        try:
            storage.change_group(
                database(),
                found["slug"],
                form.name.data or "",
                form.site.data or "",
                form.audience.data or "",
                form.surveys.data or [],
            )
        except InvalidGroup as error:
            problem, status = str(error), 422
        else:
            storage.audit(staff_database(), g.staff, "changed a co-production group", group)
            flash("Group saved.")
            return redirect(url_for("admin.group", group=group))
    return render_template(
        "admin/coproduction/group_settings.html",
        group=found,
        form=form,
        name_max=GROUP_NAME_MAX,
        problem=problem,
    ), status
