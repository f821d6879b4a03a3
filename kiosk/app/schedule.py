"""Jobs the running server does at fixed times, with no cron needed: the daily
tidy (DAILY_TIDY_TIME), the safeguarding alerts (ALERT_TIMES) and the weekly
digest (DIGEST_DAY at DIGEST_TIME).

Each server process (each gunicorn worker, or the development server) runs a
quiet thread that wakes every minute and runs what is due. A job is due once
its latest time (of any day, or of its day of the week) has passed since it
last ran; it is claimed in the staff file in one write transaction before it
runs, so however many workers or commands look at once, it runs once at each
time. A server that was off at that time runs it as soon as it starts.
"""

import datetime
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask

from admin import alerts
from admin import digest_job as digest
from kiosk import storage
from kiosk.app import retention

log = logging.getLogger(__name__)
WAKE_EVERY_SECONDS = 60


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Job:
    name: str
    setting: str  # the config key holding its times of day, "HH:MM", server's local time
    # run(app, due): due is the scheduled moment it runs for (a retry keeps it).
    run: Callable[[Flask, datetime.datetime], None]
    day_setting: str | None = None  # the config key of its day of the week; None: every day

    def latest_due(self, config, now: datetime.datetime) -> datetime.datetime:
        """The last moment this job was due at or before now, from its settings:
        the one place they are read (create_app reads them here too, at start)."""
        weekday = None if self.day_setting is None else day_of_week(config[self.day_setting])
        return latest_due(times_of_day(config[self.setting]), now, weekday)


def daily_tidy(app: Flask, due: datetime.datetime) -> None:
    with storage.both_files(app.config["DATABASE"]) as (db, staff_db):
        retention.daily_tidy(db, staff_db, app.config, "the daily tidy")


def send_alerts(app: Flask, due: datetime.datetime) -> None:
    log.info(alerts.send_alerts(app))


def send_digest(app: Flask, due: datetime.datetime) -> None:
    log.info(digest.send_digests(app, due))


JOBS = (
    Job("daily-tidy", "DAILY_TIDY_TIME", daily_tidy),
    Job("alerts", "ALERT_TIMES", send_alerts),
    Job("digest", "DIGEST_TIME", send_digest, day_setting="DIGEST_DAY"),
)
# A job whose last run failed is tried again each minute until it works. Each
# keeps its own record, so a digest that keeps failing never holds up an alert.
RETRIED = {"alerts": alerts.alerts_failing, "digest": digest.digests_failing}


def check_settings(config) -> None:
    """Stop the start on a time or day a job could not be scheduled at."""
    for job in JOBS:
        job.latest_due(config, datetime.datetime.now())


def times_of_day(value: str | list[str]) -> list[datetime.time]:
    """ "03:30" or ["09:00", "13:00"] as times; ValueError for anything else."""
    values = [value] if isinstance(value, str) else list(value)
    if not values:
        raise ValueError('give at least one time of day, like "03:30"')
    return [datetime.time.fromisoformat(text) for text in values]


def day_of_week(value: str) -> int:
    """ "Monday" (any case) as 0, ... "Sunday" as 6; ValueError for anything else.
    English names, whatever the server's locale, so a setting means one day everywhere."""
    names = [day.casefold() for day in DAYS]
    if not isinstance(value, str) or value.strip().casefold() not in names:
        raise ValueError(f"a day of the week is one of {', '.join(DAYS)}, not {value!r}")
    return names.index(value.strip().casefold())


def latest_due(
    times: list[datetime.time], now: datetime.datetime, weekday: int | None = None
) -> datetime.datetime:
    """The last of these times of day at or before now: today's or yesterday's,
    or with a weekday (0 is Monday), that day's this week or the week before."""
    if weekday is None:
        days = [now.date() - datetime.timedelta(days=back) for back in (0, 1)]
    else:
        last = now.date() - datetime.timedelta(days=(now.weekday() - weekday) % 7)
        days = [last, last - datetime.timedelta(weeks=1)]
    candidates = [datetime.datetime.combine(day, moment) for day in days for moment in times]
    return max(moment for moment in candidates if moment <= now)


def run_due_jobs(app: Flask, now: datetime.datetime) -> list[str]:
    """Run every job that is due at `now` (local time) and not claimed yet, and
    every failed job again (claimed for this minute). Returns the names of the
    jobs this process ran."""
    this_minute = now.replace(second=0, microsecond=0).timestamp()
    with storage.staff_file(app.config["DATABASE"]) as staff_db:
        claimed = []
        for job in JOBS:
            scheduled = job.latest_due(app.config, now)
            due = scheduled.timestamp()
            if job.name in RETRIED and RETRIED[job.name](app):
                due = max(due, this_minute)
            if storage.claim_job(staff_db, job.name, due=due, now=now.timestamp()):
                claimed.append((job, scheduled))
    for job, scheduled in claimed:
        try:
            job.run(app, scheduled)
        except Exception:
            # Logged without any time of day; tried again at its next time.
            log.exception("The scheduled job %s failed", job.name)
    return [job.name for job, _ in claimed]


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
