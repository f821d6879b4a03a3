"""The guide's readiness check ("Is your service ready?") and the team's
reflection notes, for a co-production group.

Each time a team answers the four conditions is a numbered check, kept with
its date and never changed, so the team sees its progress. A reflection note
is one a prompt, replaced when saved again. Dates only, no author (the audit
log has who did it).
"""

import datetime

import sqlite_utils

from kiosk.storage.database import writing
from kiosk.storage.schema_coproduction import READINESS_ANSWERS

CONDITIONS = 4
# Two or three sentences: what needs to happen first, in the team's words.
FIRST_STEP_MAX = 500
REFLECTION_MAX = 1000


class InvalidReadiness(ValueError):
    """A check that cannot be kept: the numbers (1 to 4) of the conditions not
    answered with one of READINESS_ANSWERS, and of those whose words are too long."""

    def __init__(self, unanswered: list[int], too_long: list[int]):
        super().__init__(f"unanswered {unanswered}, too long {too_long}")
        self.unanswered, self.too_long = unanswered, too_long


def record_readiness(db: sqlite_utils.Database, group: str, answers, today: datetime.date) -> int:
    """Keep a new check of the four conditions, all of it or nothing, and
    return its number. `answers` has one (answer, first step) a condition, in
    the guide's order; every answer must be one of READINESS_ANSWERS."""
    answers = list(answers)
    if len(answers) != CONDITIONS:
        raise InvalidReadiness(list(range(1, CONDITIONS + 1)), [])
    unanswered = [n for n, (answer, _) in enumerate(answers, 1) if answer not in READINESS_ANSWERS]
    too_long = [n for n, (_, step) in enumerate(answers, 1) if len(step.strip()) > FIRST_STEP_MAX]
    if unanswered or too_long:
        raise InvalidReadiness(unanswered, too_long)
    with writing(db):
        number = (
            1
            + db.execute(
                "SELECT COALESCE(MAX(number), 0) FROM readiness_checks WHERE group_slug = ?",
                [group],
            ).fetchone()[0]
        )
        db.conn.executemany(
            "INSERT INTO readiness_checks"
            " (group_slug, number, answered_on, condition, answer, first_step)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (group, number, today.isoformat(), condition, answer, step.strip())
                for condition, (answer, step) in enumerate(answers, 1)
            ],
        )
    return number


def readiness_checks(db: sqlite_utils.Database, group: str) -> list[dict]:
    """Every check of a group, newest first: its number, its date, and its
    answers in the guide's order (answer, first_step)."""
    checks: dict[int, dict] = {}
    rows = db.query(
        "SELECT number, answered_on, answer, first_step FROM readiness_checks"
        " WHERE group_slug = ? ORDER BY number DESC, condition",
        [group],
    )
    for row in rows:
        check = checks.setdefault(
            row["number"],
            {"number": row["number"], "answered_on": row["answered_on"], "answers": []},
        )
        check["answers"].append({"answer": row["answer"], "first_step": row["first_step"]})
    return list(checks.values())


def latest_readiness(db: sqlite_utils.Database, group: str) -> dict | None:
    checks = readiness_checks(db, group)
    return checks[0] if checks else None


def save_reflection(
    db: sqlite_utils.Database, group: str, prompt: str, note: str, today: datetime.date
) -> None:
    """Keep the team's note on one reflection prompt; an empty note clears it.
    ValueError when it is longer than REFLECTION_MAX."""
    note = note.strip()
    if len(note) > REFLECTION_MAX:
        raise ValueError("a reflection note is at most REFLECTION_MAX letters")
    with writing(db):
        if not note:
            db.execute(
                "DELETE FROM reflections WHERE group_slug = ? AND prompt = ?", [group, prompt]
            )
            return
        db.execute(
            "INSERT INTO reflections (group_slug, prompt, note, saved_on) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (group_slug, prompt) DO UPDATE"
            " SET note = excluded.note, saved_on = excluded.saved_on",
            [group, prompt, note, today.isoformat()],
        )


def reflections(db: sqlite_utils.Database, group: str) -> dict[str, dict]:
    """A group's notes by prompt: {"note", "saved_on"}."""
    rows = db.query("SELECT prompt, note, saved_on FROM reflections WHERE group_slug = ?", [group])
    return {row["prompt"]: {"note": row["note"], "saved_on": row["saved_on"]} for row in rows}
