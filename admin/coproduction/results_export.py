"""A group's meeting results as a spreadsheet file (CSV), for a report or an
inspector: exactly what the group's page shows, and nothing more.

Every figure comes from admin/meeting_figures.py: whole blocks of closed
meetings, each of at least MIN_GROUP_SIZE responses, a version at a time. A
meeting still open, or a closed one waiting for the next to pass the minimum,
is listed with no figure at all, as on the page. Like every export, it is
written to the audit log (which group; never what anyone answered).
"""

import datetime

from flask import current_app, g

from admin import bp
from admin.charts import choices_of
from admin.coproduction.groups import group_or_404
from admin.coproduction.meetings import surveys_asked
from admin.exports import download
from admin.meeting_figures import results_for
from admin.spreadsheets import csv_bytes, filename_part
from kiosk import storage
from kiosk.app.for_request import database, staff_database

HEADER = [
    "group", "survey", "version", "meetings", "first meeting", "last meeting",
    "question", "answer", "count", "responses", "note",
]  # fmt: skip


def result_rows(group: dict, today: datetime.date) -> list[list]:
    """One row per answer to each question, for each block of each version,
    oldest first; a row with a note for meetings that have no figures yet."""
    db, minimum = database(), current_app.config["MIN_GROUP_SIZE"]
    rows = []
    for slug in surveys_asked(group, storage.meetings_of_group(db, group["slug"])):
        for own in reversed(results_for(db, group["slug"], slug, minimum, today)):
            version = own.survey
            about = [group["name"], version.title, version.version]
            for block in own.blocks:
                when = [len(block.meetings), block.first_day, block.last_day]
                for question in version.choice_questions:
                    for key, word in choices_of(question):
                        count = block.counts["questions"][question.key][key]
                        rows.append(
                            [*about, *when, question.text, word, count, block.responses, ""]
                        )
            for meetings, note in (
                (
                    own.waiting,
                    f"counted once these and the next meetings reach {minimum} responses",
                ),
                (own.still_open, "still taking answers, or not begun yet"),
            ):
                if meetings:
                    when = [len(meetings), meetings[0]["date"], meetings[-1]["date"]]
                    rows.append([*about, *when, "", "", "", "", note])
    return rows


@bp.get("/co-production/<group>/results.csv")
def export_meeting_results(group: str):
    """The group's meeting results, block by block, as the group's page shows them."""
    found = group_or_404(group)
    rows = result_rows(found, datetime.date.today())
    storage.audit(staff_database(), g.staff, "exported meeting results", found["slug"])
    name = f"meeting-results-{filename_part(found['slug'])}.csv"
    return download(csv_bytes(HEADER, rows), "text/csv", name)
