"""A co-production group's meetings. Each has a date and a code, the one part
of its QR codes' addresses; the code takes answers from the meeting's date to
closes_on (about a week later), or until staff close it early. Once closed, a
meeting never takes another answer, so its figures never change again: that
is what lets admin/meeting_figures.py count closed meetings together safely.
How they are cut into blocks (cut_into_blocks) is here, in storage, because
retention (retention.py) must delete their answers in the same whole blocks.
"""

import datetime
import secrets

import sqlite_utils

from kiosk.storage.database import writing
from kiosk.storage.surveys import current_during

OPEN_FOR_DAYS = 7  # the day of the meeting and the 7 after it


class InvalidMeeting(ValueError):
    """A meeting that cannot be kept or changed as asked; shown to staff."""


def add_meeting(
    db: sqlite_utils.Database, group: str, date: datetime.date, surveys: list[str]
) -> str:
    """Keep a new meeting of a group, offering `surveys`; return its id."""
    if not surveys:
        raise InvalidMeeting(
            "The group has no surveys to ask after meetings. Choose some in its settings first."
        )
    meeting_id = secrets.token_hex(16)
    closes_on = date + datetime.timedelta(days=OPEN_FOR_DAYS)
    with writing(db):
        db.execute(
            "INSERT INTO meetings (id, group_slug, date, code, closes_on) VALUES (?, ?, ?, ?, ?)",
            [meeting_id, group, date.isoformat(), secrets.token_urlsafe(9), closes_on.isoformat()],
        )
        db.conn.executemany(
            "INSERT INTO meeting_surveys (meeting, survey) VALUES (?, ?)",
            [(meeting_id, survey) for survey in sorted(set(surveys))],
        )
    return meeting_id


def _with_surveys(db: sqlite_utils.Database, row: dict | None) -> dict | None:
    if row is not None:
        row["surveys"] = [
            r[0]
            for r in db.execute(
                "SELECT survey FROM meeting_surveys WHERE meeting = ? ORDER BY survey", [row["id"]]
            )
        ]
    return row


COLUMNS = "id, group_slug, date, code, closes_on, closed_early_on"


def find_meeting(db: sqlite_utils.Database, meeting_id: str) -> dict | None:
    rows = db.query(f"SELECT {COLUMNS} FROM meetings WHERE id = ?", [meeting_id])  # noqa: S608
    return _with_surveys(db, next(rows, None))


def meeting_with_code(db: sqlite_utils.Database, code: str) -> dict | None:
    """The meeting whose QR codes carry `code`, open or not; None for no meeting."""
    rows = db.query(f"SELECT {COLUMNS} FROM meetings WHERE code = ?", [code])  # noqa: S608
    return _with_surveys(db, next(rows, None))


def meetings_of_group(db: sqlite_utils.Database, group: str) -> list[dict]:
    """A group's meetings, oldest first (by date, then id: never by when made)."""
    rows = db.query(
        f"SELECT {COLUMNS} FROM meetings WHERE group_slug = ? ORDER BY date, id",  # noqa: S608
        [group],
    )
    return [_with_surveys(db, row) for row in rows]


def last_open_day(meeting: dict) -> datetime.date:
    """The last day the meeting takes answers."""
    if meeting["closed_early_on"]:
        return datetime.date.fromisoformat(meeting["closed_early_on"])
    return datetime.date.fromisoformat(meeting["closes_on"])


def is_open(meeting: dict, today: datetime.date) -> bool:
    """Whether the meeting's code takes answers today."""
    opens = datetime.date.fromisoformat(meeting["date"])
    return not meeting["closed_early_on"] and opens <= today <= last_open_day(meeting)


def is_closed(meeting: dict, today: datetime.date) -> bool:
    """Closed for good: closed early by staff, or past its last day."""
    return bool(meeting["closed_early_on"]) or today > last_open_day(meeting)


def close_meeting(db: sqlite_utils.Database, meeting_id: str, today: datetime.date) -> bool:
    """Close a meeting now, for good. False when it was already closed."""
    with writing(db):
        cursor = db.execute(
            "UPDATE meetings SET closed_early_on = ?"
            " WHERE id = ? AND closed_early_on IS NULL AND closes_on >= ?",
            [today.isoformat(), meeting_id, today.isoformat()],
        )
    return cursor.rowcount == 1


def delete_meeting(db: sqlite_utils.Database, meeting_id: str, today: datetime.date) -> bool:
    """Delete a meeting that has not begun (its date is after today), so it has
    no answers. A meeting that has begun stays: taking it out would change how
    the meetings after it are counted together."""
    with writing(db):
        cursor = db.execute(
            "DELETE FROM meetings WHERE id = ? AND date > ?", [meeting_id, today.isoformat()]
        )
        if cursor.rowcount == 1:
            db.execute("DELETE FROM meeting_surveys WHERE meeting = ?", [meeting_id])
    return cursor.rowcount == 1


def cut_into_blocks(responses: list[int], minimum: int) -> tuple[list[range], range]:
    """Cut a run of meetings' response counts, oldest first, into blocks: each
    block ends at the first meeting where its responses reach `minimum`.
    Returns the blocks (as index ranges) and the waiting meetings after them."""
    minimum = max(minimum, 1)
    blocks, start, total = [], 0, 0
    for index, n in enumerate(responses):
        total += n
        if total >= minimum:
            blocks.append(range(start, index + 1))
            start, total = index + 1, 0
    return blocks, range(start, len(responses))


def asked_during(versions: list, index: int, meetings: list[dict]) -> list[dict]:
    """The meetings during which versions[index] (newest first) was the version
    asked: from its meeting's day to its last open day (surveys.current_during)."""
    return [
        m
        for m in meetings
        if current_during(versions, index, datetime.date.fromisoformat(m["date"]), last_open_day(m))
    ]
