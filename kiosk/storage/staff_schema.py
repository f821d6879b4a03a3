"""The staff file's schema (kiosk-staff.db), as numbered sqlite-utils migrations.

Everything here is about staff and their tools, never about a child, so rows
may keep a time of day. None of it may ever sit in the answers file
(kiosk/storage/database.py says why).
"""

import sqlite_utils
from sqlite_utils.migrations import Migrations

staff_migrations = Migrations("kiosk-staff")


@staff_migrations(name="0001_accounts_and_audit_log")
def _create_accounts(db: sqlite_utils.Database) -> None:
    db.execute(
        "CREATE TABLE staff (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL) WITHOUT ROWID"
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


@staff_migrations(name="0002_sessions_and_sign_in_failures")
def _create_sessions(db: sqlite_utils.Database) -> None:
    # A staff sign-in lives here, not only in its cookie, so that signing out
    # (or a new password) ends it even for a copy of the cookie. The cookie
    # holds the session's secret; this table holds only its hash.
    db.execute(
        """
        CREATE TABLE sessions (
            id_hash TEXT PRIMARY KEY,
            staff TEXT NOT NULL,
            signed_in_at REAL NOT NULL,
            seen_at REAL NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX sessions_by_staff ON sessions (staff)")
    # Wrong passwords, counted per name typed (known or not, so the answers do
    # not tell which names exist) and per sender. Both are keyed hashes: the
    # name's with the app's secret, the sender's with a key that lives only
    # in the server's memory, so no address can be read back from this file.
    db.execute(
        """
        CREATE TABLE sign_in_failures (
            key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            last_failed_at REAL NOT NULL
        ) WITHOUT ROWID
        """
    )


@staff_migrations(name="0003_scheduled_jobs")
def _create_scheduled_jobs(db: sqlite_utils.Database) -> None:
    # When each scheduled job (the daily tidy of the answers file) last ran, so
    # that however many workers run, each job runs once at each due time.
    db.execute("CREATE TABLE scheduled_jobs (name TEXT PRIMARY KEY, last_run_at REAL NOT NULL)")


@staff_migrations(name="0004_tablets")
def _create_tablets(db: sqlite_utils.Database) -> None:
    # A pairing code is kept only as a keyed hash, for about 30 minutes, and
    # works once. The tablet it sets up then holds a token of its own, kept
    # here only as its hash: the primary key, looked up on every submission.
    db.execute(
        """
        CREATE TABLE pairing_codes (
            code_hash TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            tablet_name TEXT NOT NULL DEFAULT '',
            expires_at REAL NOT NULL
        ) WITHOUT ROWID
        """
    )
    # Dates only: which day a tablet was set up (answers dated before it are
    # refused) and, once staff stop it, which day that was.
    db.execute(
        """
        CREATE TABLE tablets (
            token_hash TEXT PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            site TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            enrolled_on TEXT NOT NULL,
            revoked_on TEXT
        ) WITHOUT ROWID
        """
    )


@staff_migrations(name="0005_roles_email_and_disabled")
def _add_roles(db: sqlite_utils.Database) -> None:
    # Accounts made before roles existed could do everything: they keep it.
    db.execute("ALTER TABLE staff ADD COLUMN email TEXT NOT NULL DEFAULT ''")
    db.execute(
        "ALTER TABLE staff ADD COLUMN roles TEXT NOT NULL"
        " DEFAULT 'administrator safeguarding-lead staff'"
    )
    db.execute("ALTER TABLE staff ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0")


@staff_migrations(name="0006_password_links")
def _create_password_links(db: sqlite_utils.Database) -> None:
    # A one-time link that lets one account choose a new password: a new member
    # of staff, or one who forgot theirs. Kept only as a hash.
    db.execute(
        "CREATE TABLE password_links (token_hash TEXT PRIMARY KEY, staff TEXT NOT NULL,"
        " expires_at REAL NOT NULL) WITHOUT ROWID"
    )


@staff_migrations(name="0007_alert_state")
def _create_alert_state(db: sqlite_utils.Database) -> None:
    # One row: since when alerts could not be sent (shown on every staff page
    # until one is), and why, in the mail server's words.
    db.execute(
        "CREATE TABLE alert_state (one INTEGER PRIMARY KEY CHECK (one = 1),"
        " failing_since REAL, problem TEXT NOT NULL DEFAULT '')"
    )
    db.execute("INSERT INTO alert_state (one) VALUES (1)")


@staff_migrations(name="0008_weekly_digest")
def _add_weekly_digest(db: sqlite_utils.Database) -> None:
    # Each person chooses the weekly digest on their own account page; nobody
    # had chosen it before, so existing accounts start without it.
    db.execute("ALTER TABLE staff ADD COLUMN weekly_digest INTEGER NOT NULL DEFAULT 0")
    # Which week's digest each account is owed or has had, so it goes once per
    # week and one that could not be sent is tried again (admin/digest_job.py).
    db.execute(
        """
        CREATE TABLE digests (
            staff TEXT NOT NULL,
            week TEXT NOT NULL,
            sent INTEGER NOT NULL DEFAULT 0,
            failing_since REAL,
            problem TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (staff, week)
        ) WITHOUT ROWID
        """
    )


@staff_migrations(name="0009_tablet_last_answers")
def _add_tablet_last_answers(db: sqlite_utils.Database) -> None:
    # The day a tablet's answers last arrived here (a date, never a time), so
    # staff notice a tablet that has gone quiet. Nothing ties it to any answer:
    # the answers file never learns which tablet sent what.
    db.execute("ALTER TABLE tablets ADD COLUMN last_answers_on TEXT")
