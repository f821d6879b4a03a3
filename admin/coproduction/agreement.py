"""A group's agreement in the staff area: edit both versions (the adults' and
the children's) and save them as a new dated version, read earlier versions,
choose whether it shows on a public page, and print it as an A4 poster.

The form works without script: each point is a row of fields numbered from 0;
a row left empty, or ticked "Remove this point", is dropped, and one blank row
under the last point adds one. What was typed comes back with a plain message
when something is missing, and nothing is kept.
"""

import datetime
import math

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale

from admin import bp
from admin.coproduction import group_section
from admin.coproduction.groups import group_or_404
from kiosk import storage
from kiosk.app import languages
from kiosk.app.for_request import database, staff_database
from kiosk.coproduction.agreement import current_agreement, public_url, site_languages
from kiosk.coproduction.agreement_texts import starting_text
from kiosk.storage.agreements import (
    INTRO_MAX,
    POINTS_MAX,
    TEXT_MAX,
    TITLE_MAX,
    VERSIONS,
    InvalidAgreement,
    checked_text,
)

POSTER_ROOM = 370_000
LETTERS_A_LINE_END = 30
POSTER_SMALLEST = 11
POSTER_LARGEST = {"adults": 18, "children": 22}
VERSION_WORDS = {"adults": "For adults", "children": "For children and young people"}


def text_from_form(which: str) -> dict:
    """One version as typed: rows ticked "Remove" or left empty are dropped."""
    form = request.form
    points = []
    for row in range(POINTS_MAX + 1):
        title = form.get(f"{which}-title-{row}", "")
        text = form.get(f"{which}-text-{row}", "")
        if form.get(f"{which}-remove-{row}") or not (title.strip() or text.strip()):
            continue
        points.append({"title": title, "text": text})
    return {"intro": form.get(f"{which}-intro", ""), "points": points}


def edit_page(group: dict, agreement: dict, problem: str | None = None, status: int = 200):
    db = database()
    return render_template(
        "admin/coproduction/agreement.html",
        group=group,
        agreement=agreement,
        versions=storage.agreement_versions(db, group["slug"]),
        languages=site_languages(group),
        version_words=VERSION_WORDS,
        public_address=public_url(group["slug"]),
        limits={"intro": INTRO_MAX, "title": TITLE_MAX, "text": TEXT_MAX, "points": POINTS_MAX},
        problem=problem,
    ), status


@bp.get("/co-production/<group>/agreement")
def agreement(group: str):
    """The group's agreement as it is now, ready to edit; with ?starting=<language>,
    the form filled in with the guide's starting text in that language instead."""
    found = group_or_404(group)
    now = current_agreement(database(), found)
    starting = request.args.get("starting")
    if starting in [language.code for language in site_languages(found)]:
        flash("The guide's starting text is filled in below. Save it to keep it.")
        texts = {which: starting_text(which, starting) for which in VERSIONS}
        now = {**now, "language": starting, **texts}
    return edit_page(found, now)


@bp.post("/co-production/<group>/agreement")
def save_agreement(group: str):
    """Both versions, kept as the next version with today's date."""
    found = group_or_404(group)
    db = database()
    typed = {which: text_from_form(which) for which in VERSIONS}
    language = request.form.get("language", "")
    as_typed = {"version": None, "language": language, **typed}
    if language not in [language.code for language in site_languages(found)]:
        return edit_page(found, as_typed, "Please choose the language it is written in.", 422)
    try:
        texts = {which: checked_text(typed[which], which) for which in VERSIONS}
    except InvalidAgreement as problem:
        return edit_page(found, as_typed, str(problem), 422)
    now = current_agreement(db, found)
    if (now["language"], now["adults"], now["children"]) == (language, *texts.values()):
        flash("Nothing has changed, so no new version was saved.")
        return redirect(url_for("admin.agreement", group=group))
    version = storage.save_agreement(
        db, found["slug"], language, texts["adults"], texts["children"], datetime.date.today()
    )
    storage.audit(staff_database(), g.staff, "saved a group agreement", f"{group} v{version}")
    flash(f"Saved as version {version}.")
    return redirect(url_for("admin.agreement", group=group))


@bp.get("/co-production/<group>/agreement/versions/<int:number>")
def agreement_version(group: str, number: int):
    """One earlier version, to read."""
    found = group_or_404(group)
    saved = storage.find_agreement(database(), found["slug"], number)
    if saved is None:
        abort(404)
    return render_template(
        "admin/coproduction/agreement_version.html",
        group=found,
        agreement=saved,
        language=languages.BY_CODE.get(saved["language"], languages.BY_CODE["en"]),
        version_words=VERSION_WORDS,
    )


@bp.post("/co-production/<group>/agreement/public")
def agreement_public(group: str):
    """Show the agreement on its public page, or stop showing it."""
    found = group_or_404(group)
    public = request.form.get("public") == "yes"
    storage.set_agreement_public(database(), found["slug"], public)
    action = "showed a group agreement on its public page" if public else "hid a group agreement"
    storage.audit(staff_database(), g.staff, action, group)
    flash("It is on its public page now." if public else "It is not on a public page now.")
    return redirect(url_for("admin.agreement", group=group))


@bp.get("/co-production/<group>/agreement/poster")
def agreement_poster(group: str):
    """The agreement as it is now, one version, on an A4 poster in large type."""
    found = group_or_404(group)
    which = request.args.get("version", "adults")
    if which not in VERSIONS:
        abort(404)
    db = database()
    now = current_agreement(db, found)
    language = languages.BY_CODE.get(now["language"], languages.BY_CODE["en"])
    text = now[which]
    with force_locale(language.code):
        return render_template(
            "admin/coproduction/agreement_poster.html",
            group=found,
            which=which,
            text=text,
            size=poster_size(text, which),
            poster_language=language,
            has_logo=storage.service_logo(db) is not None,
        )


def poster_size(text: dict, which: str) -> int:
    """The poster's type size in points: as large as the words allow on one A4
    page, up to 18 for adults and 22 for children. The page holds about
    POSTER_ROOM square points of words (measured with the starting texts in
    every language; tests/browser/test_group_agreement.py prints the longest)."""
    letters = len(text["intro"]) + sum(len(p["title"]) + len(p["text"]) for p in text["points"])
    # Each point and the introduction end part-way along a line.
    lines_end = LETTERS_A_LINE_END * (len(text["points"]) + 1)
    fits = int(math.sqrt(POSTER_ROOM / (letters + lines_end)))
    return max(POSTER_SMALLEST, min(fits, POSTER_LARGEST[which]))


@group_section(30, "admin/coproduction/_agreement_section.html")
def agreement_section(group: dict) -> dict:
    latest = storage.find_agreement(database(), group["slug"])
    return {"saved_on": latest and latest["saved_on"], "version": latest and latest["version"]}
