"""Dates and times in words on staff pages, and dates as staff type them.

Staff pages say "Monday 30 November" rather than 2026-11-30, and the audit
log's times (kept in UTC) in the server's local time, the clock the alert and
digest times in config.toml are read on. A date field is a text box that
takes the day first, 30/11/2026, whatever language the browser is set to
(admin/templates/admin/export.html says why).
"""

import datetime
import re

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# ASCII digits only: \d would take other scripts' digits, which no one types here.
DAY_FIRST = re.compile(r"([0-9]{1,2})\s*[/.\- ]\s*([0-9]{1,2})\s*[/.\- ]\s*([0-9]{4})")
YEAR_FIRST = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# A week with no answers is an ordinary week: a tablet is quiet after more than this.
QUIET_AFTER_DAYS = 7


def as_date(day: datetime.date | str) -> datetime.date:
    return day if isinstance(day, datetime.date) else datetime.date.fromisoformat(day)


def day_in_words(day: datetime.date | str, today: datetime.date | None = None) -> str:
    """Monday 30 November (with its year when it is not this year's)."""
    day, today = as_date(day), today or datetime.date.today()
    words = f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return words if day.year == today.year else f"{words} {day.year}"


def time_in_words(at: str) -> str:
    """An audit time kept as UTC ISO text, on this server's clock:
    Monday 30 November 2026, 2:05pm."""
    moment = datetime.datetime.fromisoformat(at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    local = moment.astimezone()
    hour = local.hour % 12 or 12
    half = "am" if local.hour < 12 else "pm"
    day = f"{DAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} {local.year}"
    return f"{day}, {hour}:{local.minute:02d}{half}"


def days_quiet(day: datetime.date | str | None, today: datetime.date | None = None) -> int | None:
    """How many days since `day`, when that is more than QUIET_AFTER_DAYS; else None."""
    if day is None:
        return None
    days = ((today or datetime.date.today()) - as_date(day)).days
    return days if days > QUIET_AFTER_DAYS else None


def typed_date(text: object) -> datetime.date | None:
    """A date as staff type it: 30/11/2026 (also 30-11-2026, 30.11.2026 or
    30 11 2026), or 2026-11-30 as links made before kept it; None otherwise."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    text = text.strip()
    if found := DAY_FIRST.fullmatch(text):
        day, month, year = found.groups()
    elif found := YEAR_FIRST.fullmatch(text):
        year, month, day = found.groups()
    else:
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def shown_date(day: datetime.date) -> str:
    """A date as a date field shows it: 01/11/2026."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
