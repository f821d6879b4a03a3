"""The stretch of time a summary covers: an ISO week, or a month (offered when
a week has too few responses to show).

A month is counted in whole ISO weeks, those whose Thursday falls in it (as
ISO gives a week its year), so a month is exactly the sum of its weeks: a
month cut at the 1st would differ from its weeks by a day or two of answers,
perhaps one child's, which anyone could work out by subtraction."""

import datetime
import re
from dataclasses import dataclass

from kiosk.surveys import iso_week

ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
MONTH = re.compile(r"(\d{4})-(\d{2})")
TREND_LENGTH = 12


@dataclass(frozen=True)
class Period:
    kind: str  # "week" or "month"
    key: str  # "2026-W48" or "2026-11"

    @classmethod
    def week_of(cls, day: datetime.date) -> "Period":
        return cls("week", iso_week(day))

    @classmethod
    def month_of_day(cls, day: datetime.date) -> "Period":
        return cls("month", f"{day.year:04d}-{day.month:02d}")

    @property
    def calendar_start(self) -> datetime.date:
        """The Monday of a week, the 1st of a month."""
        if self.kind == "week":
            year, number = ISO_WEEK.fullmatch(self.key).groups()
            return datetime.date.fromisocalendar(int(year), int(number), 1)
        year, month = MONTH.fullmatch(self.key).groups()
        return datetime.date(int(year), int(month), 1)

    def weeks(self) -> list["Period"]:
        """The ISO weeks counted in this period: a week itself, or a month's
        weeks whose Thursday is in the month (four or five)."""
        if self.kind == "week":
            return [self]
        start = self.calendar_start
        thursday = start + datetime.timedelta(days=(3 - start.weekday()) % 7)
        weeks = []
        while thursday.month == start.month:
            weeks.append(Period.week_of(thursday))
            thursday += datetime.timedelta(weeks=1)
        return weeks

    @property
    def first_day(self) -> datetime.date:
        return self.weeks()[0].calendar_start

    @property
    def last_day(self) -> datetime.date:
        return self.weeks()[-1].calendar_start + datetime.timedelta(days=6)

    def shifted(self, steps: int) -> "Period":
        """The period `steps` weeks or months later (earlier when negative)."""
        if self.kind == "week":
            return Period.week_of(self.calendar_start + datetime.timedelta(weeks=steps))
        months = self.calendar_start.year * 12 + self.calendar_start.month - 1 + steps
        return Period("month", f"{months // 12:04d}-{months % 12 + 1:02d}")

    def month(self) -> "Period":
        """The calendar month of a week: the month of its Thursday, as ISO counts weeks."""
        return Period.month_of_day(self.calendar_start + datetime.timedelta(days=3))

    def trend(self) -> list["Period"]:
        """This period and the ones before it, oldest first."""
        return [self.shifted(-steps) for steps in range(TREND_LENGTH - 1, -1, -1)]

    @property
    def name(self) -> str:
        """ "week 2026-W48" or "November 2026": the key is kept in a week's name
        so a reader can find it again."""
        if self.kind == "week":
            return f"week {self.key}"
        return self.calendar_start.strftime("%B %Y")

    @property
    def title(self) -> str:
        return self.name[0].upper() + self.name[1:]

    def first_week(self) -> "Period":
        return self.weeks()[0]

    @property
    def dates(self) -> str:
        first, last = self.first_day, self.last_day
        dates = f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"
        if self.kind == "month":
            weeks = self.weeks()
            return f"weeks {weeks[0].key} to {weeks[-1].key}, {dates}"
        return dates

    @property
    def short(self) -> str:
        """A label under a trend chart's column: "W48" or "Nov"."""
        return self.key[5:] if self.kind == "week" else self.calendar_start.strftime("%b")

    def query(self) -> dict:
        return {self.kind: self.key}


FIRST_YEAR, LAST_YEAR = 1900, 9000  # far from any real period, and far from date's limits


def read_period(kind: str, text: str) -> Period | None:
    """The month ("2026-11") or week ("2026-W48") that `text` names, or None for
    nonsense or a year outside FIRST_YEAR to LAST_YEAR: one parser for the staff area.
    The limit leaves room for the periods a page or an export steps to around it."""
    pattern = MONTH if kind == "month" else ISO_WEEK
    if not (pattern.fullmatch(text) and FIRST_YEAR <= int(text[:4]) <= LAST_YEAR):
        return None
    try:
        period = Period(kind, text)
        if period.shifted(0) == period:  # also refuses 2026-W53 and digits other than 0-9
            return period
    except ValueError:
        pass
    return None


# What staff may type in the week box: a date, a week number of this year, or
# an ISO week. Digits are 0-9 only: int() would read other scripts' digits too.
ISO_WEEK_TYPED = re.compile(r"([0-9]{4}) ?-? ?w(?:eek)? ?([0-9]{1,2})")
WEEK_NUMBER = re.compile(r"(?:w|wk|week)? ?([0-9]{1,2})")
DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
YEAR_MONTH_DAY = re.compile(r"([0-9]{4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})")
NAMED_MONTH = re.compile(r"([0-9]{1,2}) ([a-z]{3,9})\.?,? ([0-9]{4})")
WEEK_NOT_UNDERSTOOD = (
    "We did not understand that week. Try a date like 30/11/2026 or a week number like 49."
)
MONTH_NOT_UNDERSTOOD = "We did not understand that month. Try a month like 2026-11."
NOT_YET = "That {kind} has not happened yet, so this shows {name} instead."


def week_in(year: int, number: int) -> Period | None:
    """ISO week `number` of `year`; a year after LAST_YEAR is one not begun."""
    if not FIRST_YEAR <= year <= datetime.MAXYEAR:
        return None
    try:
        return Period.week_of(datetime.date.fromisocalendar(year, number, 1))
    except ValueError:  # week 0, or a 53rd week in a year of 52
        return None


MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)


def month_named(word: str) -> int | None:
    """1 to 12 for a month's English name or its first three letters or more ("sept")."""
    return next((n for n, name in enumerate(MONTH_NAMES, 1) if name.startswith(word)), None)


def day_typed(text: str) -> datetime.date | None:
    """The day that "30/11/2026", "2026-11-30" or "30 Nov 2026" names, or None."""
    try:
        if match := DAY_MONTH_YEAR.fullmatch(text):
            day, month, year = map(int, match.groups())
        elif match := YEAR_MONTH_DAY.fullmatch(text):
            year, month, day = map(int, match.groups())
        elif (match := NAMED_MONTH.fullmatch(text)) and month_named(match[2]):
            day, month, year = int(match[1]), month_named(match[2]), int(match[3])
        else:
            return None
        return datetime.date(year, month, day)
    except ValueError:
        return None


def read_week(text: str, today: datetime.date) -> Period | None:
    """The week that `text` names: a date in it, a week number of this year
    ("49", "week 49") or an ISO week ("2026-W49", "2026 w49"); None otherwise."""
    text = " ".join(text.lower().split())
    if match := ISO_WEEK_TYPED.fullmatch(text):
        return week_in(int(match[1]), int(match[2]))
    if match := WEEK_NUMBER.fullmatch(text):
        return week_in(today.isocalendar().year, int(match[1]))
    day = day_typed(text.replace(",", ""))
    if day is None or day.year < FIRST_YEAR:
        return None
    return Period.week_of(day)


def far_month(text: str) -> bool:
    """Whether `text` is a month after LAST_YEAR ("9999-12"): one not begun."""
    match = MONTH.fullmatch(text) if text.isascii() else None
    return bool(match and int(match[1]) > LAST_YEAR and 1 <= int(match[2]) <= 12)


@dataclass(frozen=True)
class Asked:
    """The period a summary shows, and what to tell staff about what they typed."""

    period: Period
    problem: str | None = None
    typed: str | None = None  # kept in the box when it was not understood
    understood: bool = True


def asked_period(args, today: datetime.date) -> Asked:
    """The month or week asked for (this week when none is): a period that has
    not started yet shows the current one, with a message; words that name no
    period show this week with a message, never silently."""
    this_week = Period.week_of(today)
    month, week = (args.get("month") or "").strip(), (args.get("week") or "").strip()
    if month:
        period = read_period("month", month)
        if period is None and not far_month(month):
            return Asked(this_week, MONTH_NOT_UNDERSTOOD, month[:40], understood=False)
    elif week:
        period = read_week(week, today)
        if period is None:
            return Asked(this_week, WEEK_NOT_UNDERSTOOD, week[:40], understood=False)
    else:
        return Asked(this_week)
    if period is None or period.first_day > today:
        now = this_week.month() if month else this_week
        kind = "month" if month else "week"
        return Asked(now, NOT_YET.format(kind=kind, name=now.name))
    return Asked(period)


def has_begun(period: Period, today: datetime.date) -> bool:
    """Whether a period has started by `today`: the summary links no later one."""
    return period.first_day <= today
