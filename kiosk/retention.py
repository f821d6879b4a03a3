"""When old answers are deleted: at every start, and by `flask --app kiosk purge`
(run daily from cron or a systemd timer, see README.md). The deleting itself is
kiosk/storage/retention.py."""

import datetime

import sqlite_utils

from kiosk import storage

# The audit log names who did what; a purge is done by the app itself.
SYSTEM = "system"


def purge_and_audit(
    db: sqlite_utils.Database, config, when: str, always_audit: bool = False
) -> storage.Purged:
    """Purge what is older than RETENTION_DAYS and write it to the audit log.

    At start the log only hears of a purge that deleted something: every
    worker and every command starts the app, and a line each time would bury
    what staff did. The daily command always writes a line, so staff can see
    the job runs.
    """
    days = config["RETENTION_DAYS"]
    purged = storage.purge_old(db, datetime.date.today(), days)
    if purged.anything or always_audit:
        storage.audit(
            db,
            SYSTEM,
            f"purged {purged.submissions} old submissions",
            f"{when}: {purged.comments} comments and {purged.withdrawn} taken-back ids too;"
            f" kept from {purged.kept_from.isoformat()} (RETENTION_DAYS {days})",
        )
    return purged
