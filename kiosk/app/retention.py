"""When old answers are deleted and the answers file is tidied: at every start
(the purge only), each day at DAILY_TIDY_TIME by the running server
(kiosk/app/schedule.py), and by `flask --app kiosk purge`. The deleting itself is
kiosk/storage/retention.py; the rewrite is kiosk/storage/maintenance.py."""

import datetime
import time

import sqlite_utils

from kiosk import storage

# The audit log names who did what; a purge is done by the app itself.
SYSTEM = "system"


def purge_and_audit(
    db: sqlite_utils.Database,
    staff_db: sqlite_utils.Database,
    config,
    when: str,
    always_audit: bool = False,
) -> storage.Purged:
    """Purge what is older than RETENTION_DAYS and write it to the audit log.

    At start the log only hears of a purge that deleted something: every
    worker and every command starts the app, and a line each time would bury
    what staff did. The daily tidy always writes a line, so staff can see
    that it runs.
    """
    days = config["RETENTION_DAYS"]
    purged = storage.purge_old(
        db, datetime.date.today(), days, minimum=config.get("MIN_GROUP_SIZE", 5)
    )
    if purged.anything or always_audit:
        storage.audit(
            staff_db,
            SYSTEM,
            f"purged {purged.submissions} old submissions",
            f"{when}: {purged.comments} comments and {purged.withdrawn} taken-back ids too;"
            f" kept from {purged.kept_from.isoformat()} (RETENTION_DAYS {days});"
            f" {purged.meeting_answers} meeting answers, in whole blocks",
        )
    return purged


def daily_tidy(
    db: sqlite_utils.Database, staff_db: sqlite_utils.Database, config, when: str
) -> storage.Purged:
    """The purge, then the answers file rewritten in key order with its -wal
    file emptied, so a copy of the files gives away no order of arrival; and
    the staff file forgets sessions and wrong-password counts a day old."""
    purged = purge_and_audit(db, staff_db, config, when, always_audit=True)
    storage.rewrite_in_key_order(db)
    storage.forget_old_sign_ins(staff_db, time.time())
    return purged
