"""Messages that need attention: the safeguarding lead's queue, its alerts and
its acknowledgements (in the answers file, dates only), and whether alerts
are getting through (in the staff file)."""

import datetime
import json

import sqlite_utils

from kiosk.storage.database import writing

NOTE_MAX_CHARS = 500


def concern_queue(db: sqlite_utils.Database) -> list[dict]:
    """Every message that needs attention, across all weeks and sites, oldest
    first (by date, then random id: never in order of arrival). No drawing bytes."""
    return list(
        db.query(
            "SELECT id, site, topic, text, drawing IS NOT NULL AS has_drawing, status, hidden,"
            " date, week, acknowledged_by, acknowledged_on, acknowledgement,"
            " survey, version, question FROM comments"
            " WHERE concern = 1 ORDER BY date, id"
        )
    )


def count_open_concerns(db: sqlite_utils.Database) -> int:
    """How many messages that need attention no safeguarding lead has acknowledged yet."""
    return db.execute(
        "SELECT count(*) FROM comments WHERE concern = 1 AND acknowledged_by IS NULL"
    ).fetchone()[0]


def taken_back_concerns(db: sqlite_utils.Database) -> list[dict]:
    """Messages that needed attention and were taken back by their writers: only
    the day each was taken back. Nothing of what they said is left."""
    return list(
        db.query(
            "SELECT id, taken_back_on FROM withdrawn WHERE concern = 1 ORDER BY taken_back_on, id"
        )
    )


def acknowledge(
    db: sqlite_utils.Database, comment_id: str, staff: str, note: str, today: datetime.date
) -> bool:
    """A safeguarding lead has dealt with a concern: who, which day, and a short
    private note. It also counts as seen. False when there is no such concern."""
    note = note.strip()[:NOTE_MAX_CHARS]
    with writing(db):
        cursor = db.execute(
            "UPDATE comments SET acknowledged_by = ?, acknowledged_on = ?, acknowledgement = ?,"
            " status = CASE status WHEN 'new' THEN 'seen' ELSE status END"
            " WHERE id = ? AND concern = 1",
            (staff, today.isoformat(), note, comment_id),
        )
    return cursor.rowcount == 1


def waiting_for_alert(db: sqlite_utils.Database) -> tuple[list[str], list[dict]]:
    """The concerns the lead has not been emailed about yet, and the taken-back
    ones (with their day) likewise."""
    flagged = [
        row[0] for row in db.execute("SELECT id FROM comments WHERE concern AND NOT alerted")
    ]
    taken_back = list(
        db.query("SELECT id, taken_back_on FROM withdrawn WHERE concern AND NOT alerted")
    )
    return flagged, taken_back


def mark_alerted(db: sqlite_utils.Database, comment_ids: list[str], withdrawn_ids: list[str]):
    with writing(db):
        db.execute(
            "UPDATE comments SET alerted = 1 WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(comment_ids)],
        )
        db.execute(
            "UPDATE withdrawn SET alerted = 1 WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(withdrawn_ids)],
        )


# In the staff file


def alert_state(staff_db: sqlite_utils.Database) -> dict:
    row = staff_db.execute("SELECT failing_since, problem FROM alert_state").fetchone()
    return {"failing_since": row[0], "problem": row[1]}


def note_alert_failed(staff_db: sqlite_utils.Database, now: float, problem: str) -> None:
    """Alerts could not be sent: keep since when (the first failure) and why."""
    with writing(staff_db):
        staff_db.execute(
            "UPDATE alert_state SET failing_since = coalesce(failing_since, ?), problem = ?",
            (now, problem),
        )


def note_alert_sent(staff_db: sqlite_utils.Database) -> None:
    with writing(staff_db):
        staff_db.execute("UPDATE alert_state SET failing_since = NULL, problem = ''")


def safeguarding_leads_emails(staff_db: sqlite_utils.Database) -> list[str]:
    """Where alerts go: every safeguarding lead who can sign in and has an email."""
    rows = staff_db.execute(
        "SELECT email FROM staff WHERE NOT disabled AND email != ''"
        " AND (' ' || roles || ' ') LIKE '% safeguarding-lead %' ORDER BY name"
    )
    return [row[0] for row in rows]
