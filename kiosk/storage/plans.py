"""The guide's planning proforma: a co-production group's pieces of work.

A plan has a title and the answers to the guide's questions; its intended
changes are a numbered list, and each may later name the "You said, we did"
entry that delivered it. The limits keep a plan, with every change done,
on one printed A4 page (tests/browser/test_coproduction_planning.py).
"""

import datetime
import secrets

import sqlite_utils

from kiosk.storage.database import writing

# The answers a plan keeps in its own columns, in the guide's order.
ANSWERS = ("aim", "impact", "team", "invite", "benefit")
TITLE_MAX = 100
ANSWER_MAX = 300
CHANGE_MAX = 150
CHANGES_MAX = 6


class InvalidPlan(ValueError):
    """A plan that cannot be kept as asked: `field` is what is wrong ("title",
    one of ANSWERS, "changes", or "you_said")."""

    def __init__(self, field: str):
        super().__init__(f"{field} cannot be kept as it is")
        self.field = field


def _checked(title: str, answers: dict, changes) -> tuple[str, dict, list[str]]:
    title = " ".join(title.split())
    if not title or len(title) > TITLE_MAX:
        raise InvalidPlan("title")
    kept = {}
    for field in ANSWERS:
        kept[field] = answers.get(field, "").strip()
        if len(kept[field]) > ANSWER_MAX:
            raise InvalidPlan(field)
    changes = [" ".join(change.split()) for change in changes]
    changes = [change for change in changes if change]
    if len(changes) > CHANGES_MAX or any(len(change) > CHANGE_MAX for change in changes):
        raise InvalidPlan("changes")
    return title, kept, changes


def add_plan(
    db: sqlite_utils.Database,
    group: str,
    title: str,
    answers: dict,
    changes,
    today: datetime.date,
) -> str:
    """Keep a new plan, all of it or nothing, and return its random id."""
    title, answers, changes = _checked(title, answers, changes)
    plan_id = secrets.token_hex(8)
    with writing(db):
        db.execute(
            "INSERT INTO plans (id, group_slug, title, aim, impact, team, invite, benefit,"
            " planned_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [plan_id, group, title, *(answers[f] for f in ANSWERS), today.isoformat()],
        )
        _keep_changes(db, plan_id, changes, {})
    return plan_id


def change_plan(db: sqlite_utils.Database, plan_id: str, title: str, answers: dict, changes):
    """Rewrite a plan. A change whose words are kept keeps its link to the
    "You said, we did" entry that delivered it."""
    title, answers, changes = _checked(title, answers, changes)
    with writing(db):
        links = dict(
            db.execute(
                "SELECT change, you_said FROM plan_changes WHERE plan_id = ?"
                " AND you_said IS NOT NULL",
                [plan_id],
            ).fetchall()
        )
        db.execute(
            "UPDATE plans SET title = ?, aim = ?, impact = ?, team = ?, invite = ?, benefit = ?"
            " WHERE id = ?",
            [title, *(answers[f] for f in ANSWERS), plan_id],
        )
        db.execute("DELETE FROM plan_changes WHERE plan_id = ?", [plan_id])
        _keep_changes(db, plan_id, changes, links)


def _keep_changes(db, plan_id: str, changes: list[str], links: dict[str, str]) -> None:
    db.conn.executemany(
        "INSERT INTO plan_changes (plan_id, number, change, you_said) VALUES (?, ?, ?, ?)",
        [(plan_id, n, change, links.get(change)) for n, change in enumerate(changes, 1)],
    )


def link_change(
    db: sqlite_utils.Database, plan_id: str, number: int, you_said: str | None, site: str
) -> bool:
    """Name the entry of the group's site that delivered a change (None: not
    yet). InvalidPlan("you_said") for an entry that is not the site's; False
    when the plan has no such change."""
    with writing(db):
        if you_said is not None and not next(
            db.query("SELECT 1 FROM you_said_we_did WHERE id = ? AND site = ?", [you_said, site]),
            None,
        ):
            raise InvalidPlan("you_said")
        cursor = db.execute(
            "UPDATE plan_changes SET you_said = ? WHERE plan_id = ? AND number = ?",
            [you_said, plan_id, number],
        )
    return cursor.rowcount == 1


def find_plan(db: sqlite_utils.Database, plan_id: str) -> dict | None:
    """A plan with its changes; a change's `did` and `done_on` are those of the
    entry that delivered it, None when none does (or it was deleted)."""
    plan = next(
        db.query(
            "SELECT id, group_slug, title, aim, impact, team, invite, benefit, planned_on"
            " FROM plans WHERE id = ?",
            [plan_id],
        ),
        None,
    )
    if plan is None:
        return None
    plan["changes"] = list(
        db.query(
            "SELECT c.number, c.change, y.id AS you_said, y.did, y.date AS done_on"
            " FROM plan_changes c LEFT JOIN you_said_we_did y ON y.id = c.you_said"
            " WHERE c.plan_id = ? ORDER BY c.number",
            [plan_id],
        )
    )
    return plan


def group_plans(db: sqlite_utils.Database, group: str) -> list[dict]:
    """A group's plans, newest first, each with how many changes it intends
    and how many are done."""
    return list(
        db.query(
            "SELECT p.id, p.title, p.planned_on, COUNT(c.number) AS changes,"
            " COUNT(y.id) AS done FROM plans p"
            " LEFT JOIN plan_changes c ON c.plan_id = p.id"
            " LEFT JOIN you_said_we_did y ON y.id = c.you_said"
            " WHERE p.group_slug = ? GROUP BY p.id ORDER BY p.planned_on DESC, p.title",
            [group],
        )
    )
