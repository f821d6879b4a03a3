"""A group's agreement on its public page, /agreement/<group>, when the group
chose to show it there; else the plain not-found page, as for a group that
does not exist, so the address never tells whether a group exists.

The page is in the language chosen as on other public pages (the group's
site's languages). The agreement's own words are the group's latest saved
version, marked with the language they were written in; a group that never
saved one has the starting text, shown in the page's language. The children's
version comes first for a group of children or young people.
"""

import sqlite_utils
from flask import Blueprint, abort, current_app, g, render_template, url_for

from kiosk import storage
from kiosk.app import languages
from kiosk.app.for_request import database
from kiosk.coproduction.agreement_texts import starting_text
from kiosk.storage.agreements import VERSIONS

bp = Blueprint("agreement", __name__)
YOUNG_AUDIENCES = ("children", "young-people")


def site_languages(group: dict) -> list[languages.Language]:
    """The languages of the group's site (English when the site has gone)."""
    site = storage.find_site(database(), group["site"])
    return languages.offered(site["languages"] if site else ["en"]) or [languages.BY_CODE["en"]]


def starting_language(db: sqlite_utils.Database, group: dict) -> str:
    site = storage.find_site(db, group["site"])
    return site["default_language"] if site else languages.ENGLISH


def current_agreement(db: sqlite_utils.Database, group: dict, language: str | None = None):
    """The group's latest saved version; else the starting text (version 0) in
    `language` (by default the site's own language), dated never."""
    saved = storage.find_agreement(db, group["slug"])
    if saved is not None:
        return saved
    language = language or starting_language(db, group)
    return {
        "version": 0,
        "saved_on": None,
        "language": language,
        **{which: starting_text(which, language) for which in VERSIONS},
    }


def public_url(group: str) -> str:
    """The public page's full address, as staff give it out."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return base + url_for("agreement.public_agreement", group=group)


def first_version(group: dict) -> str:
    return "children" if group["audience"] in YOUNG_AUDIENCES else "adults"


@bp.get("/agreement/<group>", defaults={"which": None})
@bp.get("/agreement/<group>/<which>")
def public_agreement(group: str, which: str | None):
    """The group's agreement, in big type, with read-aloud and languages. The
    version is part of the address, so the language links keep it."""
    db = database()
    found = storage.find_group(db, group)
    if found is None or not found["agreement_public"]:
        abort(404)
    site = storage.find_site(db, found["site"])
    if site is None:
        abort(404)
    if which is not None and which not in VERSIONS:
        abort(404)
    page_language = languages.for_site(site)
    which = which or first_version(found)
    agreement = current_agreement(db, found, g.language)
    text_language = languages.BY_CODE.get(agreement["language"], page_language)
    return render_template(
        "kiosk/agreement.html",
        group=found,
        site=site,
        which=which,
        other="adults" if which == "children" else "children",
        text=agreement[which],
        text_language=text_language,
        same_language=text_language.code == page_language.code,
        offered_codes=[language.code for language in g.languages],
    )
