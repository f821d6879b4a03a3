"""/healthz, for a monitor or a load balancer: 200 when both database files can
be read and written now, 503 with the reason when they cannot (the disk is
full, the files are read-only, or another writer held the lock too long).

No sign-in (it says nothing about what anyone sent), never kept by a cache,
and nothing is logged: a monitor asks every minute.
"""

import sqlite3

from flask import Blueprint, current_app, jsonify

from kiosk import storage
from kiosk.app.for_request import database, staff_database

bp = Blueprint("health", __name__)

# What each reason means, for the person reading the monitor's alert.
EXPLAINED = {
    storage.DISK_FULL: "The disk is full: nothing new can be saved. Free some space.",
    storage.READ_ONLY: "The database files cannot be written to. Check the disk and who owns them.",
    storage.LOCKED: "The database was locked for too long by another writer.",
    storage.DISK_ERROR: "The disk could not be written to.",
}


@bp.get("/healthz")
def healthz():
    """{"status": "ok"}, or a 503 saying why the database cannot take answers."""
    reason = problem()
    if reason is None:
        return jsonify({"status": "ok"})
    body = {"status": "unavailable", "reason": reason, "message": EXPLAINED[reason]}
    return jsonify(body), 503


def problem() -> str | None:
    """None when both files can be read and written; otherwise why not."""
    paths = database_paths()
    for connect in (database, staff_database):
        try:
            storage.read_and_write(connect())
        except (sqlite3.Error, OSError) as error:
            reason = storage.trouble(error, paths)
            if reason is None:
                raise
            return reason
    return None


def database_paths():
    answers = current_app.config["DATABASE"]
    return [answers, storage.staff_path(answers)]
