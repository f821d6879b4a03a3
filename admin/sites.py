"""Staff pages: add, rename, retire and reopen the sites that have a kiosk.

Sites in config.toml are created at start when missing, and never renamed
from there: a name changed here stays changed (kiosk/storage/sites.py). A
site's address part (its slug) never changes, because printed posters point
at it. A retired site's kiosk and feedback box say kindly that they are
resting, but still take what a tablet queued while offline.

Each site chooses the survey its kiosk runs and the surveys it offers on
phones by QR code (each with its own poster, admin/posters.py), and the
languages its public pages offer, with the one they open in.
"""

import datetime

from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import StringField

from admin import bp
from kiosk import storage
from kiosk.app import languages
from kiosk.app.for_request import database, site_or_404, staff_database
from kiosk.storage.sites import slug_from_name


# Names and address parts are checked once, by the storage layer (InvalidSite),
# so the forms carry only their fields. The form token is checked for every
# POST by the app-wide CSRFProtect before any view here runs.
class AddSiteForm(FlaskForm):
    name = StringField("Name people see")
    slug = StringField("Web address part (leave empty to make it from the name)")


class RenameSiteForm(FlaskForm):
    name = StringField("New name")


def sites_page(problem: str | None = None, status: int = 200, add_form=None):
    """The Sites page. Each site and tablet shows the day its answers last
    arrived (dates only), so staff notice one that has gone quiet."""
    sites = storage.list_sites(database())
    tablets = {}
    for tablet in storage.working_tablets(staff_database()):
        tablets.setdefault(tablet["site"], []).append(tablet)
    db = database()
    return render_template(
        "admin/sites.html",
        sites=sites,
        tablets=tablets,
        surveys=published_surveys(),
        offered={site["slug"]: storage.offered_surveys(db, site["slug"]) for site in sites},
        last_answers=storage.last_answers_by_site(staff_database()),
        today=datetime.date.today(),
        add_form=add_form or AddSiteForm(formdata=None),
        default_site=current_app.config["DEFAULT_SITE"],
        shipped_languages=languages.shipped(),
        problem=problem,
    ), status


@bp.get("/sites")
def sites():
    """Every site: its name, addresses, whether it is open or resting."""
    return sites_page()


@bp.post("/sites")
def add_site():
    """Add a site; its address part is made from the name unless one is typed."""
    form = AddSiteForm()
    name = form.name.data or ""
    slug = (form.slug.data or "").strip() or slug_from_name(name)
    try:
        added = storage.add_site(database(), slug, name, languages.ALL_CODES)
    except storage.InvalidSite as problem:
        return sites_page(str(problem), 422, form)
    if not added:
        return sites_page(f"There is already a site at “{slug}”. Please choose another.", 409, form)
    storage.audit(staff_database(), g.staff, "added a site", slug)
    flash(f"Added {storage.find_site(database(), slug)['name']}. Its kiosk is at /kiosk/{slug}.")
    return redirect(url_for("admin.sites"))


@bp.post("/sites/<slug>/rename")
def rename_site(slug: str):
    """Change the name people see. The address stays, so posters keep working."""
    site = site_or_404(slug)
    form = RenameSiteForm()
    try:
        storage.rename_site(database(), slug, form.name.data)
    except storage.InvalidSite as problem:
        return sites_page(str(problem), 422)
    new_name = storage.find_site(database(), slug)["name"]
    storage.audit(
        staff_database(), g.staff, "renamed a site", f"{slug}: {site['name']} → {new_name}"
    )
    flash(f"{site['name']} is now called {new_name}.")
    return redirect(url_for("admin.sites"))


@bp.post("/sites/<slug>/retire")
def retire_site(slug: str):
    """Rest a site's kiosk and feedback box. Its answers stay until retention."""
    site = site_or_404(slug)
    if slug == current_app.config["DEFAULT_SITE"]:
        message = (
            f"{site['name']} is the default site: the kiosk at / opens it, so it cannot be"
            " retired. Change DEFAULT_SITE in config.toml first."
        )
        return sites_page(message, 409)
    return set_retired(site, True)


@bp.post("/sites/<slug>/reopen")
def reopen_site(slug: str):
    """Open a retired site's kiosk and feedback box again."""
    return set_retired(site_or_404(slug), False)


def set_retired(site: dict, retired: bool):
    storage.set_site_retired(database(), site["slug"], retired)
    action = "retired a site" if retired else "reopened a site"
    storage.audit(staff_database(), g.staff, action, site["slug"])
    flash(f"{site['name']} is {'resting' if retired else 'open again'}.")
    return redirect(url_for("admin.sites"))


def published_surveys() -> dict[str, str]:
    """Every survey with a published version, by slug: its newest title."""
    return {
        survey["slug"]: survey["latest"].title
        for survey in storage.list_surveys(database())
        if survey["latest"] is not None
    }


@bp.post("/sites/<slug>/surveys")
def choose_surveys(slug: str):
    """Choose the survey a site's kiosk runs and the surveys it offers on phones."""
    site = site_or_404(slug)
    published = published_surveys()
    kiosk = request.form.get("kiosk_survey", "")
    offered = request.form.getlist("offered")
    if kiosk not in published or any(survey not in published for survey in offered):
        return sites_page("Please choose surveys from the lists on the page.", 422)
    offered = [survey for survey in published if survey in offered]
    db = database()
    storage.set_kiosk_survey(db, slug, kiosk)
    storage.set_offered_surveys(db, slug, offered)
    storage.audit(
        staff_database(),
        g.staff,
        "chose a site's surveys",
        f"{slug}: kiosk {kiosk}; on phones {', '.join(offered) or 'none'}",
    )
    flash(f"Saved the surveys for {site['name']}.")
    return redirect(url_for("admin.sites", _anchor=f"surveys-{slug}"))


@bp.post("/sites/<slug>/languages")
def choose_languages(slug: str):
    """Choose the languages a site's kiosk and phone pages offer, and the one they
    open in. A listed language whose catalogue has not shipped yet stays listed
    (staff could not see it to untick it) and appears once it ships."""
    site = site_or_404(slug)
    shipped = languages.shipped_codes()
    chosen = request.form.getlist("languages")
    default = request.form.get("default_language", "")
    if any(code not in shipped for code in chosen) or default not in shipped:
        return sites_page("Please choose languages from the lists on the page.", 422)
    if default not in chosen:
        return sites_page(
            "The language the pages open in must be one of the site's languages.", 422
        )
    waiting = [code for code in site["languages"] if code not in shipped]
    kept = [code for code in languages.ALL_CODES if code in chosen or code in waiting]
    storage.set_site_languages(database(), slug, kept, default)
    storage.audit(
        staff_database(),
        g.staff,
        "chose a site's languages",
        f"{slug}: {', '.join(c for c in kept if c in shipped)}; opens in {default}",
    )
    flash(f"Saved the languages for {site['name']}.")
    return redirect(url_for("admin.sites", _anchor=f"languages-{slug}"))
