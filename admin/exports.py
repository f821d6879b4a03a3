"""Exports: the page that offers them, what every export reads from its address
(site, week or dates, survey), and the counts export. Comments, the workbook
and drawings: admin/comment_exports.py.

Each follows the small-number rule of the summary page, and each is written to
the audit log (which site and which period; never what a child said).

Counts are of one survey, one row per answer to each question, and grouped by
version: each row carries its version and the exact wording and option words
it was asked with. A version's counts are never added to another's.

Counts over dates are counted in whole ISO weeks (Monday of the first day's
week to Sunday of the last day's). With single days, two ranges a day apart,
each of at least MIN_GROUP_SIZE responses, would differ by one day's answers:
perhaps one child's. And counts are given only when the summary page would show
every one of those weeks, for the same site or all sites (admin.figures): all
sites (13) less one site (10), or two weeks less one, would otherwise give away
a small group's answers that the summary page hides. All of this holds for
each version on its own, and no total across versions is given. So exports give away
nothing the summary page does not.
"""

import datetime
from dataclasses import dataclass

from flask import Response, current_app, g, render_template, request

from admin import bp, dates
from admin.charts import choices_of
from admin.figures import current_during, each_week_safe, of_version, summed
from admin.periods import FIRST_YEAR, LAST_YEAR, Period, read_period
from admin.spreadsheets import csv_bytes, filename_part
from kiosk import storage
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, staff_database
from kiosk.surveys import CHILD_EVALUATION, iso_week

LONGEST_RANGE_DAYS = 366


class Refused(ValueError):
    """A choice an export cannot take; raised only here, answered by refused() below."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@bp.errorhandler(Refused)
def refused(refusal: Refused):
    """A plain 400 or 404 with what was wrong, for any export."""
    return error_response(refusal.status, str(refusal))


@dataclass(frozen=True)
class Choice:
    """What an export is for: a site (None for all sites), a period, and whether
    comments and drawings that staff hid are included."""

    site: dict | None
    first: datetime.date
    last: datetime.date
    label: str  # for people: "2026-W48" or "2026-11-01 to 2026-11-30"
    hidden: bool = False

    @property
    def slug(self) -> str | None:
        return self.site["slug"] if self.site else None

    def filename(self, kind: str, extension: str) -> str:
        where = filename_part(self.slug) if self.site else "all-sites"
        return f"{kind}-{where}-{self.label.replace(' ', '-')}.{extension}"

    def audit_detail(self) -> str:
        hidden = ", hidden ones included" if self.hidden else ""
        return f"site {self.slug or 'all sites'}, {self.label}{hidden}"

    def weeks(self) -> list[Period]:
        """The ISO weeks from the first day's to the last day's."""
        monday = self.first - datetime.timedelta(days=self.first.weekday())
        count = (self.last - monday).days // 7 + 1
        return [Period.week_of(monday + datetime.timedelta(weeks=n)) for n in range(count)]

    def whole_weeks(self) -> "Choice":
        """The same choice from the Monday of its first week to the Sunday of its last."""
        first = self.first - datetime.timedelta(days=self.first.weekday())
        last = self.last + datetime.timedelta(days=6 - self.last.weekday())
        if (first, last) == (self.first, self.last):
            return self
        return Choice(self.site, first, last, f"{first} to {last}", self.hidden)


def chosen(args, offers_hidden: bool = True) -> Choice:
    """Read site, and week or from and to, and hidden where the export offers it
    (not counts: answers cannot be hidden), or say plainly what is wrong (Refused)."""
    hidden = offers_hidden and args.get("hidden") == "1"
    site = None
    if args.get("site"):
        site = storage.find_site(database(), args["site"])
        if site is None:
            raise Refused(404, "There is no site with that name.")
    week, first, last = args.get("week", ""), args.get("from", ""), args.get("to", "")
    if week and (first or last):
        raise Refused(400, "Choose a week, or a first and last date, not both.")
    if week:
        period = read_period("week", week)
        if period is None:
            raise Refused(400, f"A week looks like 2026-W48, from {FIRST_YEAR} to {LAST_YEAR}.")
        return Choice(site, period.first_day, period.last_day, period.key, hidden)
    first_day, last_day = read_day(first), read_day(last)
    if first_day > last_day:
        raise Refused(400, "The first date is after the last date.")
    if (last_day - first_day).days + 1 > LONGEST_RANGE_DAYS:
        raise Refused(400, f"Choose at most {LONGEST_RANGE_DAYS} days.")
    return Choice(site, first_day, last_day, f"{first_day} to {last_day}", hidden)


def read_day(text: str) -> datetime.date:
    """A date as staff type it (30/11/2026, or 2026-11-30 in a link: admin.dates),
    in the years the staff area's weeks are read in (admin.periods): a date near
    9999-12-31 has no whole week around it."""
    day = dates.typed_date(text)
    if day is None:
        raise Refused(400, "Choose a week, or a first and last date like 27/11/2026.")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Refused(400, f"Choose dates from {FIRST_YEAR} to {LAST_YEAR}.")
    return day


def download(body: bytes, mimetype: str, filename: str) -> Response:
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/export")
def export_page():
    """Choose a site and a week or dates, then download counts, comments or drawings."""
    today = datetime.date.today()
    surveys = [s for s in storage.list_surveys(database()) if s["latest"] is not None]
    return render_template(
        "admin/export.html",
        surveys=surveys,
        default_survey=CHILD_EVALUATION,
        sites=storage.list_sites(database()),
        this_week=iso_week(today),
        month_start=dates.shown_date(today.replace(day=1)),
        today=dates.shown_date(today),
        longest=LONGEST_RANGE_DAYS,
    )


def chosen_survey(args) -> list:
    """Every published version of the survey asked for (the child evaluation
    when none is), newest first; Refused when there is no such survey."""
    slug = args.get("survey") or CHILD_EVALUATION
    versions = storage.survey_versions(database(), slug)
    if not versions:
        raise Refused(404, "There is no survey with that name.")
    return versions


@bp.get("/export/counts.csv")
def export_counts():
    """How people answered each question of a survey, one row per answer, by
    version: no figures where the summary page would hide any week of the
    period for that version (see the module's docstring)."""
    choice = chosen(request.args, offers_hidden=False).whole_weeks()
    versions = chosen_survey(request.args)  # newest first
    slug = versions[0].slug
    weeks = choice.weeks()
    weekly = storage.answer_counts(database(), [w.key for w in weeks], choice.slug, survey=slug)
    smallest = current_app.config["MIN_GROUP_SIZE"]
    where = choice.site["name"] if choice.site else "All sites"
    header = [
        "site", "period", "survey", "version", "published", "question", "answer", "count",
        "responses", "note",
    ]  # fmt: skip
    rows = []
    for index in reversed(range(len(versions))):  # oldest first, as they were asked
        version = versions[index]
        own = of_version(weekly, version.version)
        counts = summed(weeks, own, version)
        if counts["responses"] < smallest:
            note = f"fewer than {smallest} responses, so no breakdown"
        elif not each_week_safe(weeks, own, smallest):
            note = f"a site or a week in it had fewer than {smallest} responses, so no figures"
        else:
            note = ""
        # As on the summary page, a version is listed when it was asked in the
        # period or has figures to show: never because a few answered it.
        if note and not current_during(versions, index, choice.first, choice.last):
            continue
        about = [where, choice.label, version.title, version.version, version.published_on]
        for question in version.questions:
            if not question.has_choices:
                rows.append([*about, question.text, "", "", "", "answered in words only"])
                continue
            for key, word in choices_of(question):
                if note:  # like the summary page, not even how many answered
                    figures = ["", ""]
                else:
                    figures = [counts["questions"][question.key][key], counts["responses"]]
                rows.append([*about, question.text, word, *figures, note])
    storage.audit(staff_database(), g.staff, "exported counts", counts_audit(choice, slug))
    name = choice.filename("counts", "csv")
    if slug != CHILD_EVALUATION:
        name = f"counts-{filename_part(slug)}-{name.removeprefix('counts-')}"
    return download(csv_bytes(header, rows), "text/csv", name)


def counts_audit(choice: Choice, slug: str) -> str:
    detail = choice.audit_detail()
    return detail if slug == CHILD_EVALUATION else f"survey {slug}, {detail}"
