"""Posters: one printable A4 page per site, with its name, the kiosk's three
faces, its QR code and plain words about anonymity; and one for each survey a
site offers on phones. Each shows the service's logo when an administrator
has uploaded one (admin/logo.py).

The code is the site's one fixed feedback address (kiosk.feedback.views.public_url),
or the survey's (kiosk.surveys.phone.public_url), drawn inline as SVG so it
prints sharp at any size. poster.css makes the
browser's Print to PDF give one clean A4 page: only the poster, no staff header.
"""

from urllib.parse import urlsplit

from flask import Response, abort, current_app, g, render_template
from flask_babel import force_locale

from admin import bp, may_open
from kiosk import storage
from kiosk.app import languages, qr
from kiosk.app.for_request import database
from kiosk.feedback.views import public_url
from kiosk.surveys import phone

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}  # noqa: S104 (compared, never bound)


def base_url_is_local() -> bool:
    """A poster printed with the default PUBLIC_BASE_URL sends phones nowhere."""
    return urlsplit(current_app.config["PUBLIC_BASE_URL"]).hostname in LOCAL_HOSTS


@bp.get("/posters")
def posters():
    """Every site, with a link to its poster and to one for each survey it offers;
    for administrators, the logo that every poster shows."""
    return posters_page()


def posters_page(problem: str | None = None, status: int = 200):
    db = database()
    sites = storage.list_sites(db)
    offered = {
        site["slug"]: [
            storage.latest_version(db, slug) for slug in storage.offered_surveys(db, site["slug"])
        ]
        for site in sites
    }
    return render_template(
        "admin/posters.html",
        sites=sites,
        offered={slug: [s for s in surveys if s] for slug, surveys in offered.items()},
        local=base_url_is_local(),
        has_logo=storage.service_logo(db) is not None,
        may_change_logo=may_open(g.roles, "admin.upload_logo", current_app),
        problem=problem,
    ), status


@bp.get("/posters/logo.png")
def poster_logo():
    """The service's logo, as kept (admin/logo.py re-encoded it)."""
    png = storage.service_logo(database())
    if png is None:
        abort(404)
    return Response(png, mimetype="image/png", headers={"Cache-Control": "no-cache"})


@bp.get("/posters/<site>")
def poster(site: str):
    """One site's poster, ready to print on A4."""
    db = database()
    place = storage.find_site(db, site)
    if place is None:
        abort(404)
    address = public_url(place["slug"])
    label = f"QR code for the {place['name']} feedback box, {address}"
    return in_site_language(
        place,
        "admin/poster.html",
        site=place,
        address=address,
        qr_code=qr.qr_svg(address, label),
        local=base_url_is_local(),
        withdraw_days=current_app.config["WITHDRAW_DAYS"],
        has_logo=storage.service_logo(db) is not None,
    )


@bp.get("/posters/<site>/<survey>")
def survey_poster(site: str, survey: str):
    """A poster for one survey a site offers, its code pointing at the phone page."""
    db = database()
    place = storage.find_site(db, site)
    if place is None or survey not in storage.offered_surveys(db, site):
        abort(404)
    asked = storage.latest_version(db, survey)
    if asked is None:
        abort(404)
    address = phone.public_url(place["slug"], survey)
    label = f"QR code for {asked.title} at {place['name']}, {address}"
    return in_site_language(
        place,
        "admin/survey_poster.html",
        site=place,
        survey=asked,
        address=address,
        qr_code=qr.qr_svg(address, label),
        local=base_url_is_local(),
        withdraw_days=current_app.config["WITHDRAW_DAYS"],
        has_logo=storage.service_logo(db) is not None,
    )


def in_site_language(place: dict, template: str, **context) -> str:
    """A poster is printed in the site's default language: only its own words
    are marked for translation, so the staff help around it stays English."""
    language = languages.offered([place["default_language"]]) or [languages.BY_CODE["en"]]
    with force_locale(language[0].code):
        return render_template(template, poster_language=language[0], **context)
