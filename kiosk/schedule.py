"""Jobs the running server does at fixed times of day, with no cron needed:
the daily tidy (DAILY_TIDY_TIME) and the safeguarding alerts (ALERT_TIMES).

Each server process (each gunicorn worker, or the development server) runs a
quiet thread that wakes every minute and runs what is due. A job is due once
its latest time of day has passed since it last ran; it is claimed in the
staff file in one write transaction before it runs, so however many workers
or commands look at once, it runs once at each time. A server that was off at
that time runs it as soon as it starts.
"""

import datetime
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask

from kiosk import alerts, retention, storage

log = logging.getLogger(__name__)
WAKE_EVERY_SECONDS = 60


@dataclass(frozen=True)
class Job:
    name: str
    setting: str  # the config key holding its times of day, "HH:MM", server's local time
    run: Callable[[Flask], None]


def daily_tidy(app: Flask) -> None:
    db = storage.open_database(app.config["DATABASE"])
    staff_db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    try:
        retention.daily_tidy(db, staff_db, app.config, "the daily tidy")
    finally:
        db.close()
        staff_db.close()


def send_alerts(app: Flask) -> None:
    log.info(alerts.send_alerts(app))


JOBS = (
    Job("daily-tidy", "DAILY_TIDY_TIME", daily_tidy),
    Job("alerts", "ALERT_TIMES", send_alerts),
)
# A job whose last run failed is tried again each minute until it works.
RETRIED = {"alerts": alerts.alerts_failing}


def times_of_day(value: str | list[str]) -> list[datetime.time]:
    """ "03:30" or ["09:00", "13:00"] as times; ValueError for anything else."""
    values = [value] if isinstance(value, str) else list(value)
    if not values:
        raise ValueError('give at least one time of day, like "03:30"')
    return [datetime.time.fromisoformat(text) for text in values]


def latest_due(times: list[datetime.time], now: datetime.datetime) -> datetime.datetime:
    """The last of these times of day at or before now (today's or yesterday's)."""
    candidates = [
        datetime.datetime.combine(now.date() - datetime.timedelta(days=back), moment)
        for back in (0, 1)
        for moment in times
    ]
    return max(moment for moment in candidates if moment <= now)


def run_due_jobs(app: Flask, now: datetime.datetime) -> list[str]:
    """Run every job that is due at `now` (local time) and not claimed yet, and
    every failed job again (claimed for this minute). Returns the names of the
    jobs this process ran."""
    this_minute = now.replace(second=0, microsecond=0).timestamp()
    staff_db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    try:
        claimed = []
        for job in JOBS:
            due = latest_due(times_of_day(app.config[job.setting]), now).timestamp()
            if job.name in RETRIED and RETRIED[job.name](app):
                due = max(due, this_minute)
            if storage.claim_job(staff_db, job.name, due=due, now=now.timestamp()):
                claimed.append(job)
    finally:
        staff_db.close()
    for job in claimed:
        try:
            job.run(app)
        except Exception:
            # Logged without any time of day; tried again at its next time.
            log.exception("The scheduled job %s failed", job.name)
    return [job.name for job in claimed]


def start(app: Flask) -> threading.Thread:
    """Start this process's scheduler thread (make run, and each gunicorn worker)."""

    def loop() -> None:
        while True:
            try:
                run_due_jobs(app, datetime.datetime.now())
            except Exception:
                log.exception("The scheduler could not check its jobs")
            time.sleep(WAKE_EVERY_SECONDS)

    thread = threading.Thread(target=loop, name="kiosk-schedule", daemon=True)
    thread.start()
    return thread
