"""The guide's six principles, visible: staff tag comments, drawings and "You said,
we did" entries with the principles they touch (the forms are on the Comments and
You said, we did pages; save_principles keeps what they send), and the
principles page shows, principle by principle, what children raised and what was
done: the evidence a team shows an inspector.

The page shows children's words, which staff read anyway on the Comments page,
and how many comments were tagged; never a count of survey answers, so the
small-number rule has nothing to hide here.
"""

import datetime
import functools

from flask import abort, flash, g, make_response, render_template, request
from markupsafe import Markup

from admin import bp
from kiosk import storage
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, staff_database
from kiosk.coproduction.guide import PRINCIPLE_WORDS

# The stretches of time the page offers, by the word in its address: how many
# calendar months, this one included (None: everything kept).
PERIODS = {
    "this-month": ("This month", 1),
    "3-months": ("The last 3 months", 3),
    "12-months": ("The last 12 months", 12),
    "all": ("Everything kept", None),
}
DEFAULT_PERIOD = "3-months"


@bp.app_template_global("six_principles")
def six_principles() -> dict[str, str]:
    """The guide's six principles in its order: slug, words."""
    return PRINCIPLE_WORDS


@bp.app_template_global("principle_boxes")
def principle_boxes(chosen) -> Markup:
    """The six checkboxes, each inside its words' label, those chosen ticked.
    A list of a hundred messages or entries has one a row: made once for each
    of the 64 ways to tick them, not for every row."""
    return _boxes(frozenset(chosen))


@functools.cache
def _boxes(chosen: frozenset) -> Markup:
    box = Markup(
        '<li><label><input type="checkbox" name="principles" value="{}"{}> {}</label></li>'
    )
    ticked = Markup(" checked")
    return Markup("").join(
        box.format(slug, ticked if slug in chosen else "", words)
        for slug, words in PRINCIPLE_WORDS.items()
    )


@bp.app_template_filter("principle_words")
def principle_words(text: str | None) -> list[str]:
    """The words of the principles a row is tagged with, in the guide's order."""
    return [PRINCIPLE_WORDS[slug] for slug in storage.principles_of(text)]


def save_principles(kind: str, row_id: str, where: str, back):
    """Keep the principles ticked on a tagging form ("comment" or "you-said"):
    all of them or, for anything that is not a principle, none (422). The audit
    log gets where and which principles, never the child's words."""
    chosen = request.form.getlist("principles")
    try:
        kept = storage.set_principles(database(), kind, row_id, chosen)
    except storage.UnknownPrinciple as problem:
        return error_response(422, str(problem))
    if kept is None:
        abort(404)
    thing = "a comment" if kind == "comment" else "a You said, we did entry"
    storage.audit(
        staff_database(), g.staff, f"tagged {thing} with principles", f"{where}: {kept or 'none'}"
    )
    words = principle_words(kept)
    flash(f"Principles saved: {', '.join(words)}." if words else "Principles taken off.")
    return back


def first_day(months: int | None, today: datetime.date) -> datetime.date | None:
    """The 1st of the month `months - 1` before this one (None: no limit)."""
    if months is None:
        return None
    month = today.year * 12 + today.month - 1 - (months - 1)
    return datetime.date(month // 12, month % 12 + 1, 1)


def in_words(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def asked_or_400(sites: list[dict]) -> tuple[str, str | None]:
    """The period and site the address asks for (none: the default and all sites);
    a plain 400 page for one the page does not offer."""
    period = request.args.get("period") or DEFAULT_PERIOD
    site = request.args.get("site") or None
    if period not in PERIODS:
        message = "There is no such period. Choose one from the list on the principles page."
        abort(make_response(error_response(400, message)))
    if site is not None and site not in {s["slug"] for s in sites}:
        message = "There is no such site. Choose one from the list on the principles page."
        abort(make_response(error_response(400, message)))
    return period, site


@bp.get("/co-production/principles")
def principles():
    """Per principle, in the guide's order: the comments and drawings tagged with
    it (newest first, hidden ones left out) and the "You said, we did" entries."""
    db = database()
    sites = storage.list_sites(db)
    period, site = asked_or_400(sites)
    today = datetime.date.today()
    first = first_day(PERIODS[period][1], today)
    comments = storage.tagged_comments(db, first, today, site)
    entries = storage.tagged_you_said(db, first, today, site)
    shown = []
    for slug, words in PRINCIPLE_WORDS.items():
        shown.append(
            {
                "slug": slug,
                "words": words,
                "comments": [c for c in comments if slug in c["principles"].split()],
                "entries": [e for e in entries if slug in e["principles"].split()],
            }
        )
    return render_template(
        "admin/coproduction/principles.html",
        principles=shown,
        periods=PERIODS,
        period=period,
        dates=f"{in_words(first)} to {in_words(today)}"
        if first
        else f"everything kept, up to {in_words(today)}",
        sites=sites,
        site=site,
        site_names={s["slug"]: s["name"] for s in sites},
    )
