"""A group's meetings in the staff area: plan one, print its QR codes, close
its answers early, delete one not begun yet, and the results.

Each meeting's QR codes open /meeting/<code>/<survey> (kiosk/coproduction/
meeting_survey.py). Results come only from admin/meeting_figures.py, which
counts closed meetings together in whole blocks: no count of one small
meeting, nor of the meetings still waiting, ever reaches a template.
"""

import datetime

from flask import (
    abort,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)

from admin import bp
from admin.coproduction import group_section, groups
from admin.coproduction.groups import group_or_404, survey_titles
from admin.dates import day_in_words, shown_date, typed_date
from admin.meeting_figures import results_for
from admin.posters import base_url_is_local
from kiosk import storage
from kiosk.app import qr
from kiosk.app.errors import error_response
from kiosk.app.for_request import database, staff_database
from kiosk.storage.meetings import InvalidMeeting, is_closed, is_open, last_open_day

NEWEST_SHOWN = 8  # meetings listed, and blocks of results, before "Show every meeting"
FARTHEST_DAYS = 366  # a meeting is planned at most about a year away, either way
BAD_DATE = "Please give the meeting's date as day, month and year, for example 03/12/2026."
TOO_FAR = "Please give a date within a year of today."
SITE_RETIRED = (
    "This group's site is retired, so a meeting's QR codes would not open."
    " Choose a site in use in the group's settings first."
)


@group_section(40, "admin/coproduction/_meetings_section.html")
def meetings_section(found: dict) -> dict:
    db, today = database(), datetime.date.today()
    meetings = storage.meetings_of_group(db, found["slug"])
    titles = survey_titles()
    offered = surveys_asked(found, meetings)
    minimum = current_app.config["MIN_GROUP_SIZE"]
    # A group that has met for years: the newest first, and the rest on asking.
    everything = request.args.get("all") == "1"
    return {
        "meetings": [(m, state(m, today)) for m in reversed(meetings)],
        "everything": everything,
        "newest": None if everything else NEWEST_SHOWN,
        "results": [
            (titles.get(slug, slug), results_for(db, found["slug"], slug, minimum, today))
            for slug in offered
        ],
        "date": g.get("meeting_date_typed") or shown_date(today),
        "problem": g.get("meeting_problem"),
        "dates_in_words": dates_in_words,
        "minimum": minimum,
        "site_retired": SITE_RETIRED if site_is_retired(db, found) else None,
    }


def site_is_retired(db, group: dict) -> bool:
    site = storage.find_site(db, group["site"])
    return site is None or site["retired"]


def surveys_asked(group: dict, meetings: list[dict]) -> list[str]:
    """The group's surveys now, and any its meetings asked before: each has results."""
    return sorted({*group["surveys"], *(s for m in meetings for s in m["surveys"])})


def state(meeting: dict, today: datetime.date) -> str:
    """The meeting's state in words: open until, closed, or not begun yet."""
    if is_closed(meeting, today):
        return "Closed"
    if is_open(meeting, today):
        return f"Open until {day_in_words(last_open_day(meeting))}"
    return f"Not begun yet: open from {day_in_words(meeting['date'])}"


def dates_in_words(meetings) -> str:
    """Monday 30 November, Monday 7 and Monday 14 December: each meeting's day."""
    days = [day_in_words(m["date"]) for m in meetings]
    return days[0] if len(days) == 1 else ", ".join(days[:-1]) + " and " + days[-1]


@bp.post("/co-production/<group>/meetings")
def plan_meeting(group: str):
    """Keep a new meeting on the day typed, offering the group's surveys."""
    found = group_or_404(group)
    typed = request.form.get("date", "")
    day, today = typed_date(typed), datetime.date.today()
    problem = BAD_DATE if day is None else None
    if site_is_retired(database(), found):
        problem = SITE_RETIRED
    elif day is not None and abs((day - today).days) > FARTHEST_DAYS:
        problem = TOO_FAR
    if problem is None:
        try:
            meeting_id = storage.add_meeting(database(), found["slug"], day, found["surveys"])
        except InvalidMeeting as refused:
            problem = str(refused)
    if problem is not None:
        g.meeting_problem, g.meeting_date_typed = problem, typed[:40]
        return groups.group(found["slug"]), 422
    storage.audit(staff_database(), g.staff, "planned a meeting", f"{group} {day.isoformat()}")
    flash(f"Meeting planned for {day_in_words(day)}. Print its QR codes below.")
    return redirect(url_for("admin.meeting", group=group, meeting_id=meeting_id))


def meeting_or_404(group: str, meeting_id: str) -> tuple[dict, dict]:
    """The group and its meeting, or a page saying there is no such meeting."""
    found = group_or_404(group)
    meeting = storage.find_meeting(database(), meeting_id)
    if meeting is None or meeting["group_slug"] != found["slug"]:
        message = "There is no such meeting in this group. Find it in the group's list of meetings."
        abort(make_response(error_response(404, message)))
    return found, meeting


def codes(meeting: dict) -> list[dict]:
    """For each survey of the meeting: its title, address and QR code."""
    titles = survey_titles()
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    shown = []
    for slug in meeting["surveys"]:
        path = url_for("meeting_survey.survey_page", code=meeting["code"], slug=slug)
        title = titles.get(slug, slug)
        address = base + path
        label = f"QR code for {title} after the meeting, {address}"
        shown.append({"title": title, "address": address, "qr_code": qr.qr_svg(address, label)})
    return shown


def meeting_page(template: str, found: dict, meeting: dict, **context):
    """One of a meeting's pages, for the group and meeting meeting_or_404 found."""
    today = datetime.date.today()
    return render_template(
        template,
        group=found,
        meeting=meeting,
        day=day_in_words(meeting["date"]),
        last_day=day_in_words(last_open_day(meeting)),
        state=state(meeting, today),
        closed=is_closed(meeting, today),
        may_delete=meeting["date"] > today.isoformat(),
        **context,
    )


@bp.get("/co-production/<group>/meetings/<meeting_id>")
def meeting(group: str, meeting_id: str):
    """A meeting's QR codes, one a survey, and what staff may do with it."""
    return qr_codes_page("admin/coproduction/meeting.html", group, meeting_id)


@bp.get("/co-production/<group>/meetings/<meeting_id>/sheet")
def meeting_sheet(group: str, meeting_id: str):
    """The meeting's QR codes on one A4 page, to print and put on the table."""
    return qr_codes_page("admin/coproduction/meeting_sheet.html", group, meeting_id)


def qr_codes_page(template: str, group: str, meeting_id: str):
    found, found_meeting = meeting_or_404(group, meeting_id)
    return meeting_page(
        template, found, found_meeting, codes=codes(found_meeting), local=base_url_is_local()
    )


@bp.route("/co-production/<group>/meetings/<meeting_id>/close", methods=["GET", "POST"])
def close_meeting(group: str, meeting_id: str):
    """Ask first; on the second step close the meeting's answers for good."""
    found, found_meeting = meeting_or_404(group, meeting_id)
    today = datetime.date.today()
    if is_closed(found_meeting, today):
        flash("This meeting's answers were already closed.")
        return redirect(url_for("admin.meeting", group=group, meeting_id=meeting_id))
    if request.method == "GET":
        return meeting_page("admin/coproduction/meeting_close.html", found, found_meeting)
    storage.close_meeting(database(), meeting_id, today)
    detail = f"{found['slug']} {found_meeting['date']}"
    storage.audit(staff_database(), g.staff, "closed a meeting's answers", detail)
    flash("Answers closed. No one can answer this meeting's surveys now.")
    return redirect(url_for("admin.group", group=group) + "#meetings")


@bp.route("/co-production/<group>/meetings/<meeting_id>/delete", methods=["GET", "POST"])
def delete_meeting(group: str, meeting_id: str):
    """Ask first; on the second step delete a meeting that has not begun."""
    found, found_meeting = meeting_or_404(group, meeting_id)
    today = datetime.date.today()
    if found_meeting["date"] <= today.isoformat():
        message = (
            "This meeting has begun, so it cannot be deleted: its answers count"
            " together with the group's other meetings. Close its answers instead."
        )
        return error_response(409, message)
    if request.method == "GET":
        return meeting_page("admin/coproduction/meeting_delete.html", found, found_meeting)
    storage.delete_meeting(database(), meeting_id, today)
    detail = f"{found['slug']} {found_meeting['date']}"
    storage.audit(staff_database(), g.staff, "deleted a meeting", detail)
    flash("Meeting deleted.")
    return redirect(url_for("admin.group", group=group) + "#meetings")
