"""Migration 0014: the co-production companion (the guide's readiness check,
planning proforma, group agreement and meetings), kept apart from schema.py
only for length; it registers on the same numbered list.

Everything here but meeting_answers is written by staff and holds nothing
about a child. Like "You said, we did", it keeps dates, never times, and no
author (the audit log, in the staff file, has who did what and when): rows
with times in this file would bracket a child's answers between them. Order
within a day comes from numbers (a readiness check's number, an agreement's
version), never from a clock.

A meeting's answers are kept in their own table, never in submissions, so no
weekly or site figure can include them and no difference between a site's
week and a meeting can be taken (admin/meeting_figures.py shows them).
"""

import sqlite_utils

from kiosk.storage.schema import migrations

# What a group is for: who comes to its meetings.
AUDIENCES = ("children", "young-people", "adults", "mixed")
READINESS_ANSWERS = ("yes", "partly", "not-yet")
# The guide's six principles, in its order (kiosk/coproduction.py has their words).
PRINCIPLES = (
    "safety",
    "trustworthiness",
    "choice",
    "collaboration",
    "empowerment",
    "cultural",
)


@migrations(name="0014_co_production")
def _add_co_production(db: sqlite_utils.Database) -> None:
    audiences = ", ".join(f"'{a}'" for a in AUDIENCES)
    answers = ", ".join(f"'{a}'" for a in READINESS_ANSWERS)
    # A group's slug is its address (/agreement/<slug>) and never changes.
    db.execute(
        f"""
        CREATE TABLE coproduction_groups (
            slug TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            site TEXT NOT NULL,
            audience TEXT NOT NULL CHECK (audience IN ({audiences})),
            agreement_public INTEGER NOT NULL DEFAULT 0,
            created_on TEXT NOT NULL
        ) WITHOUT ROWID
        """  # noqa: S608 (constants)
    )
    # The surveys a group uses after its meetings.
    db.execute(
        "CREATE TABLE group_surveys (group_slug TEXT NOT NULL, survey TEXT NOT NULL,"
        " PRIMARY KEY (group_slug, survey)) WITHOUT ROWID"
    )
    # "Is your service ready?": each time it is answered is a numbered check of
    # the guide's four conditions, kept with its date.
    db.execute(
        f"""
        CREATE TABLE readiness_checks (
            group_slug TEXT NOT NULL,
            number INTEGER NOT NULL,
            answered_on TEXT NOT NULL,
            condition INTEGER NOT NULL CHECK (condition BETWEEN 1 AND 4),
            answer TEXT NOT NULL CHECK (answer IN ({answers})),
            first_step TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (group_slug, number, condition)
        ) WITHOUT ROWID
        """  # noqa: S608 (constants)
    )
    # The team's own notes on the guide's reflection questions, one a prompt.
    db.execute(
        """
        CREATE TABLE reflections (
            group_slug TEXT NOT NULL,
            prompt TEXT NOT NULL,
            note TEXT NOT NULL,
            saved_on TEXT NOT NULL,
            PRIMARY KEY (group_slug, prompt)
        ) WITHOUT ROWID
        """
    )
    # The planning proforma: one a piece of work, its six questions; the
    # intended changes are a list, each of which may later name the "You said,
    # we did" entry that delivered it.
    db.execute(
        """
        CREATE TABLE plans (
            id TEXT PRIMARY KEY,
            group_slug TEXT NOT NULL,
            title TEXT NOT NULL,
            aim TEXT NOT NULL DEFAULT '',
            impact TEXT NOT NULL DEFAULT '',
            team TEXT NOT NULL DEFAULT '',
            invite TEXT NOT NULL DEFAULT '',
            benefit TEXT NOT NULL DEFAULT '',
            planned_on TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX plans_by_group ON plans (group_slug, planned_on)")
    db.execute(
        """
        CREATE TABLE plan_changes (
            plan_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            change TEXT NOT NULL,
            you_said TEXT,
            PRIMARY KEY (plan_id, number)
        ) WITHOUT ROWID
        """
    )
    # The group agreement, a living document: every saved version is kept with
    # its date. Each version holds the adults' text and the children's (JSON:
    # an introduction and numbered points), in the language it was written in.
    db.execute(
        """
        CREATE TABLE agreements (
            group_slug TEXT NOT NULL,
            version INTEGER NOT NULL,
            saved_on TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'en',
            adults TEXT NOT NULL,
            children TEXT NOT NULL,
            PRIMARY KEY (group_slug, version)
        ) WITHOUT ROWID
        """
    )
    # A meeting: its date, and the code in its QR codes, which takes answers
    # from the meeting's date to closes_on (about a week), or until staff close
    # it early. The surveys it offers are fixed when it is made.
    db.execute(
        """
        CREATE TABLE meetings (
            id TEXT PRIMARY KEY,
            group_slug TEXT NOT NULL,
            date TEXT NOT NULL,
            code TEXT NOT NULL UNIQUE,
            closes_on TEXT NOT NULL,
            closed_early_on TEXT
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX meetings_by_group ON meetings (group_slug, date)")
    db.execute(
        "CREATE TABLE meeting_surveys (meeting TEXT NOT NULL, survey TEXT NOT NULL,"
        " PRIMARY KEY (meeting, survey)) WITHOUT ROWID"
    )
    # A meeting's answers: like a submission, a random id, the answers, a date
    # and its week, and the meeting instead of a site. No time of day.
    db.execute(
        """
        CREATE TABLE meeting_answers (
            id TEXT PRIMARY KEY,
            meeting TEXT NOT NULL,
            survey TEXT NOT NULL,
            version INTEGER NOT NULL,
            answers TEXT NOT NULL,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute(
        "CREATE INDEX meeting_answers_by_meeting"
        " ON meeting_answers (meeting, survey, version, answers)"
    )
    # The principles a "You said, we did" entry or a comment touches: slugs of
    # PRINCIPLES, separated by spaces, chosen by staff.
    db.execute("ALTER TABLE you_said_we_did ADD COLUMN principles TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE comments ADD COLUMN principles TEXT NOT NULL DEFAULT ''")


@migrations(name="0015_tagged_comments_index")
def _index_tagged_comments(db: sqlite_utils.Database) -> None:
    # The principles page reads only tagged comments: a few among thousands.
    # Without this index it would read every row past its drawing to find them.
    # (First written into 0014 after files had been made with 0014 without it:
    # a migration of its own, so those files get it too.)
    db.execute(
        "CREATE INDEX IF NOT EXISTS comments_tagged ON comments (date) WHERE principles != ''"
    )
