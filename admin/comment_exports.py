"""Exports of what people wrote: comments as CSV or an Excel workbook, drawings
as a ZIP of PNGs, for a week or dates (the choice: admin/exports.py).

Where a site had fewer than MIN_GROUP_SIZE messages in a week, only the week
is given, not the day. Words written in a survey carry the survey and the
question they answer ("asked in"), exactly as that version asked it.

Drawings come as one ZIP rather than a link each: a team meeting wants the
week's drawings in one download and one audit entry, and the ZIP's names match
the "drawing" column of the comments CSV. Every entry in it carries the same
fixed timestamp, because a ZIP otherwise records a time of day.
"""

import io
import zipfile

from flask import current_app, g, request

from admin import bp
from admin.comments import asked_in
from admin.exports import Choice, chosen, download
from admin.spreadsheets import ZIP_TIMESTAMP, csv_bytes, filename_part, xlsx_bytes
from kiosk import storage
from kiosk.app.for_request import database, staff_database

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def asked(comment: dict) -> str:
    """ "Survey title: question wording" for words written in a survey; "" otherwise."""
    where = asked_in(comment)
    return f"{where['survey']}: {where['question']}" if where else ""


def drawing_name(comment: dict) -> str:
    return f"{filename_part(comment['site'])}-{comment['week']}-{comment['id'][:8]}.png"


def comment_rows(choice: Choice) -> tuple[list[str], list[list]]:
    """The comments file's heading and rows, for every download of the comments.
    Where a site had fewer than the minimum in a week, only the week is given,
    not the day; hidden comments only when the choice asks for them."""
    db = database()
    comments = storage.comments_between(db, choice.first, choice.last, choice.slug, choice.hidden)
    names = {site["slug"]: site["name"] for site in storage.list_sites(db)}
    smallest = current_app.config["MIN_GROUP_SIZE"]
    per_group: dict[tuple, int] = {}
    for comment in comments:
        group = (comment["site"], comment["week"])
        per_group[group] = per_group.get(group, 0) + 1

    def small(comment: dict) -> bool:
        return per_group[(comment["site"], comment["week"])] < smallest

    # By week and site (as stored), then by day only in a group whose days are shown:
    # a small group keeps its random order, so a comment's place gives no day away.
    comments.sort(key=lambda c: (c["week"], c["site"], "" if small(c) else c["date"]))
    header = [
        "site",
        "week",
        "date",
        "topic",
        "asked in",
        "text",
        "needs attention",
        "status",
        "drawing",
        "note",
    ]
    rows = []
    for comment in comments:
        note = f"fewer than {smallest} messages that week, so no day" if small(comment) else ""
        rows.append(
            [
                names.get(comment["site"], comment["site"]),
                comment["week"],
                "" if small(comment) else comment["date"],
                comment["topic"],
                asked(comment),
                comment["text"],
                "yes" if comment["concern"] else "",
                comment["status"],
                drawing_name(comment) if comment["has_drawing"] else "",
                note,
            ]
            + (["hidden" if comment["hidden"] else ""] if choice.hidden else [])
        )
    if choice.hidden:
        header.append("hidden")
    return header, rows


@bp.get("/export/comments.csv")
def export_comments():
    """Comments: words, topic, date, status (see comment_rows)."""
    choice = chosen(request.args)
    header, rows = comment_rows(choice)
    storage.audit(staff_database(), g.staff, "exported comments", choice.audit_detail())
    return download(csv_bytes(header, rows), "text/csv", choice.filename("comments", "csv"))


@bp.get("/export/comments.xlsx")
def export_comments_xlsx():
    """The comments CSV's rows as an Excel workbook, every cell text: Excel reads
    no formula in it, whatever its list separator (admin.spreadsheets)."""
    choice = chosen(request.args)
    header, rows = comment_rows(choice)
    detail = f"{choice.audit_detail()}, as Excel"
    storage.audit(staff_database(), g.staff, "exported comments", detail)
    return download(xlsx_bytes("Comments", header, rows), XLSX, choice.filename("comments", "xlsx"))


@bp.get("/export/drawings.zip")
def export_drawings():
    """The period's drawings as PNG files in one ZIP, named as in the comments CSV."""
    choice = chosen(request.args)
    db = database()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        drawings = storage.drawings_between(
            db, choice.first, choice.last, choice.slug, choice.hidden
        )
        for drawing in drawings:
            entry = zipfile.ZipInfo(drawing_name(drawing), date_time=ZIP_TIMESTAMP)
            archive.writestr(entry, drawing["drawing"])
    storage.audit(staff_database(), g.staff, "exported drawings", choice.audit_detail())
    return download(out.getvalue(), "application/zip", choice.filename("drawings", "zip"))
