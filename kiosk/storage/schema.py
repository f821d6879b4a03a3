"""The schema, as numbered sqlite-utils migrations, applied at start and safe to run again.

Anonymity is built in here: a submission or comment keeps its site, what was
said, its date and ISO week, and nothing else. Ids are random and the tables
are WITHOUT ROWID, so not even the order of arrival survives.
"""

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("kiosk")


@migrations(name="0001_submissions")
def _create_submissions(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE submissions (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            survey TEXT NOT NULL,
            answers TEXT NOT NULL,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    # The weekly summary reads (survey, week, site) and groups by answers:
    # a covering index answers it without touching the table.
    db.execute("CREATE INDEX submissions_by_week ON submissions (survey, week, site, answers)")


@migrations(name="0002_sites")
def _create_sites(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE sites (
            slug TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """
    )


@migrations(name="0003_comments")
def _create_comments(db: sqlite_utils.Database) -> None:
    # A comment keeps its date and week, never a time; its receipt code is kept
    # only as a keyed hash, so the code itself is never in the file.
    db.execute(
        """
        CREATE TABLE comments (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            topic TEXT,
            text TEXT,
            drawing BLOB,
            concern INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'new',
            hidden INTEGER NOT NULL DEFAULT 0,
            receipt_hash TEXT NOT NULL UNIQUE,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX comments_by_week ON comments (week, site, concern)")


@migrations(name="0004_withdrawn")
def _create_withdrawn(db: sqlite_utils.Database) -> None:
    # The random id of each comment taken back, and nothing else: a page sent
    # again after its message was taken back must not bring it back.
    db.execute("CREATE TABLE withdrawn (id TEXT PRIMARY KEY, date TEXT NOT NULL) WITHOUT ROWID")


@migrations(name="0005_staff")
def _create_staff(db: sqlite_utils.Database) -> None:
    # Staff accounts and what staff did. These are about staff, never about a
    # child, so they keep times; the audit log never holds what a child said.
    db.execute(
        """
        CREATE TABLE staff (
            name TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            last_failed_at REAL
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE audit_log (
            at TEXT NOT NULL,
            staff TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX audit_log_by_time ON audit_log (at)")
    db.execute(
        "CREATE TABLE setup_links (token_hash TEXT PRIMARY KEY, expires_at REAL NOT NULL)"
        " WITHOUT ROWID"
    )


@migrations(name="0006_you_said_we_did")
def _create_you_said_we_did(db: sqlite_utils.Database) -> None:
    # What staff heard and what they did about it, for children to read. Written
    # by staff, not children, but kept to what the page shows: no author (the
    # audit log has that), no time, a random id, no order of writing.
    db.execute(
        """
        CREATE TABLE you_said_we_did (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            heard TEXT NOT NULL,
            did TEXT NOT NULL,
            date TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX you_said_we_did_by_site ON you_said_we_did (site, date)")


@migrations(name="0007_comments_unreviewed")
def _index_unreviewed_concerns(db: sqlite_utils.Database) -> None:
    # Every staff page shows how many concerns nobody has reviewed, and in which
    # weeks. Without this index that count scans the table, reading each row past
    # its drawing; with it, the count reads a few index entries and no drawing.
    db.execute("CREATE INDEX comments_unreviewed ON comments (concern, status, week)")


@migrations(name="0008_staff_records_to_their_own_file", transactional=False)
def _move_staff_records_out(db: sqlite_utils.Database) -> None:
    """Staff accounts, setup links and the audit log move to the staff file.

    The audit log's timed rows sat between the answers, in the -wal file and
    in the pages, so a copy of this file could bracket each answer between
    "signed in 13:14:07" and "signed out 13:14:11". The rows are copied to
    the staff file and made durable there first; then they are dropped here
    and the file is rewritten, so no page keeps their bytes. A crash between
    the two steps repeats the copy at the next start, which adds nothing twice.
    """
    from kiosk.storage.database import open_staff_database, staff_path, writing
    from kiosk.storage.maintenance import rewrite_in_key_order

    main_file = db.execute("PRAGMA database_list").fetchone()[2]
    staff_db = open_staff_database(staff_path(main_file))
    try:
        with staff_db.conn:
            staff_db.conn.executemany(
                "INSERT OR IGNORE INTO staff (name, password_hash) VALUES (?, ?)",
                db.execute("SELECT name, password_hash FROM staff").fetchall(),
            )
            staff_db.conn.executemany(
                "INSERT OR IGNORE INTO setup_links (token_hash, expires_at) VALUES (?, ?)",
                db.execute("SELECT token_hash, expires_at FROM setup_links").fetchall(),
            )
            # The audit log has no key: copy it only into an empty log, so a
            # repeated copy after a crash adds no line twice.
            if not staff_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]:
                staff_db.conn.executemany(
                    "INSERT INTO audit_log (at, staff, action, detail) VALUES (?, ?, ?, ?)",
                    db.execute(
                        "SELECT at, staff, action, detail FROM audit_log ORDER BY at, rowid"
                    ).fetchall(),
                )
    finally:
        staff_db.close()
    with writing(db):
        for table in ("staff", "audit_log", "setup_links"):
            db.execute(f"DROP TABLE {table}")
    rewrite_in_key_order(db)


@migrations(name="0009_alerts_and_acknowledgements")
def _add_alerts_and_acknowledgements(db: sqlite_utils.Database) -> None:
    # Whether the safeguarding lead has been emailed about a concern yet. The
    # alerts go out at fixed times (ALERT_TIMES), so no time is kept here, only
    # this flag. Concerns already reviewed before alerts existed need none.
    db.execute("ALTER TABLE comments ADD COLUMN alerted INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE comments SET alerted = 1 WHERE NOT concern OR status != 'new'")
    # A concern acknowledged by a safeguarding lead: who, on which day, and a
    # short private note in staff's words (never copied to the audit log).
    db.execute("ALTER TABLE comments ADD COLUMN acknowledged_by TEXT")
    db.execute("ALTER TABLE comments ADD COLUMN acknowledged_on TEXT")
    db.execute("ALTER TABLE comments ADD COLUMN acknowledgement TEXT")
    # A message taken back keeps a trace with no content when it needed
    # attention: the day it was taken back, so the lead is told.
    db.execute("ALTER TABLE withdrawn ADD COLUMN concern INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE withdrawn ADD COLUMN taken_back_on TEXT")
    db.execute("ALTER TABLE withdrawn ADD COLUMN alerted INTEGER NOT NULL DEFAULT 1")


@migrations(name="0010_surveys_as_data")
def _add_surveys(db: sqlite_utils.Database) -> None:
    """Surveys become data, with versions that never change once published.

    The answers given so far were to the guide's child evaluation as it was
    built in: they become child-evaluation version 1, word for word the same
    questions. Survey definitions are written by staff and hold nothing about
    a child; a version keeps the day it was published, never a time.
    """
    import json

    from kiosk.surveys import BUILT_IN

    db.execute(
        """
        CREATE TABLE surveys (
            slug TEXT PRIMARY KEY,
            draft TEXT,
            built_in INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE survey_versions (
            survey TEXT NOT NULL,
            version INTEGER NOT NULL,
            title TEXT NOT NULL,
            audience TEXT NOT NULL,
            intro TEXT NOT NULL DEFAULT '',
            closing TEXT NOT NULL DEFAULT '',
            questions TEXT NOT NULL,
            published_on TEXT,
            PRIMARY KEY (survey, version)
        ) WITHOUT ROWID
        """
    )
    for survey in BUILT_IN:
        db.execute("INSERT INTO surveys (slug, built_in) VALUES (?, 1)", [survey.slug])
        db.execute(
            "INSERT INTO survey_versions (survey, version, title, audience, intro, closing,"
            " questions, published_on) VALUES (?, 1, ?, ?, ?, ?, ?, NULL)",
            [
                survey.slug,
                survey.title,
                survey.audience,
                survey.intro,
                survey.closing,
                json.dumps(survey.questions_json()),
            ],
        )
    db.execute("ALTER TABLE submissions ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    db.execute("UPDATE submissions SET survey = 'child-evaluation' WHERE survey = 'child'")
    # The summary reads one survey's weeks and groups by site, version and
    # answers: the index holds them all, in that order.
    db.execute("DROP INDEX submissions_by_week")
    db.execute(
        "CREATE INDEX submissions_by_week ON submissions (survey, week, site, version, answers)"
    )
    # Each site's kiosk runs one survey; more may be offered by QR code.
    db.execute("ALTER TABLE sites ADD COLUMN kiosk_survey TEXT NOT NULL DEFAULT 'child-evaluation'")
    db.execute(
        "CREATE TABLE site_surveys (site TEXT NOT NULL, survey TEXT NOT NULL,"
        " PRIMARY KEY (site, survey)) WITHOUT ROWID"
    )
    _comments_know_their_question(db)


@migrations(name="0011_survey_translations")
def _add_survey_translations(db: sqlite_utils.Database) -> None:
    """A survey version may carry translations (kiosk/surveys/translations.py),
    as JSON by language, beside its English; a version made before has none.

    The guide's two forms ship translated. Version 1 of each was made by 0010
    from the English alone, and answers point at it, so its English is left
    exactly as it is: the translations are only added to it, and only when its
    English words are still exactly the guide's (they always are: a published
    version is never changed, but a file edited by hand is not trusted). They
    are copied in, not looked up from code at each read, so a version's words
    in every language stay fixed once in the file, as its English does: a later
    fix to a translation in code reaches a site only when staff publish it.
    """
    import json

    from kiosk.surveys import BUILT_IN
    from kiosk.surveys.translations import translations_json

    db.execute("ALTER TABLE survey_versions ADD COLUMN translations TEXT NOT NULL DEFAULT '{}'")
    for survey in BUILT_IN:
        db.execute(
            "UPDATE survey_versions SET translations = ? WHERE survey = ? AND version = 1"
            " AND title = ? AND audience = ? AND intro = ? AND closing = ? AND questions = ?"
            " AND survey IN (SELECT slug FROM surveys WHERE built_in)",
            [
                json.dumps(translations_json(survey.translations)),
                survey.slug,
                survey.title,
                survey.audience,
                survey.intro,
                survey.closing,
                json.dumps(survey.questions_json()),
            ],
        )


def _comments_know_their_question(db: sqlite_utils.Database) -> None:
    """Words written in a survey's comments box are comments, with the survey,
    version and question they were written for. One receipt code takes back
    all the words sent together, so receipt_hash is no longer unique: SQLite
    cannot drop a constraint in place, so the table is copied (in this
    migration's one transaction: a crash leaves the old table whole)."""
    db.execute(
        """
        CREATE TABLE comments_new (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            topic TEXT,
            text TEXT,
            drawing BLOB,
            concern INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'new',
            hidden INTEGER NOT NULL DEFAULT 0,
            receipt_hash TEXT NOT NULL,
            date TEXT NOT NULL,
            week TEXT NOT NULL,
            alerted INTEGER NOT NULL DEFAULT 0,
            acknowledged_by TEXT,
            acknowledged_on TEXT,
            acknowledgement TEXT,
            survey TEXT,
            version INTEGER,
            question TEXT
        ) WITHOUT ROWID
        """
    )
    columns = (
        "id, site, topic, text, drawing, concern, status, hidden, receipt_hash, date, week,"
        " alerted, acknowledged_by, acknowledged_on, acknowledgement"
    )
    db.execute(f"INSERT INTO comments_new ({columns}) SELECT {columns} FROM comments")  # noqa: S608
    db.execute("DROP TABLE comments")
    db.execute("ALTER TABLE comments_new RENAME TO comments")
    db.execute("CREATE INDEX comments_by_week ON comments (week, site, concern)")
    db.execute("CREATE INDEX comments_unreviewed ON comments (concern, status, week)")
    db.execute("CREATE INDEX comments_by_receipt ON comments (receipt_hash)")


# Every language in kiosk/app/languages.py when this migration (0012) was written.
# A language is offered only once its catalogue ships, so a site may list one
# that is not offered yet: it appears when its catalogue lands.
LANGUAGES_AT_0012 = "en pl ro ur ar pa"


@migrations(name="0012_site_languages")
def _add_site_languages(db: sqlite_utils.Database) -> None:
    """Each site's languages (codes, space-separated, in no particular order)
    and the one its pages open in. The language a person chose is never
    stored anywhere: only what staff chose for the site."""
    db.execute(
        f"ALTER TABLE sites ADD COLUMN languages TEXT NOT NULL DEFAULT '{LANGUAGES_AT_0012}'"  # noqa: S608 (a constant)
    )
    db.execute("ALTER TABLE sites ADD COLUMN default_language TEXT NOT NULL DEFAULT 'en'")


@migrations(name="0013_service_logo")
def _add_service_logo(db: sqlite_utils.Database) -> None:
    """The service's logo, shown on every poster: at most one, a PNG that the
    staff area re-encoded from the pixels alone (admin/logo.py)."""
    db.execute(
        "CREATE TABLE service_logo (one INTEGER PRIMARY KEY CHECK (one = 1), png BLOB NOT NULL)"
    )


# Later migrations, in modules of their own for length, register on the same list.
from kiosk.storage import schema_coproduction  # noqa: E402, F401
