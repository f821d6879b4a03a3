"""What a summary shows, prepared in one place so the small-number rule is kept
in one place: the counts of a period that may not be shown are replaced by None
here, before any template or chart sees them.

A period's figures are shown when it has at least MIN_GROUP_SIZE responses and
the part of it that shows nowhere on its own (the sites, in a week of all
sites; the weeks, in a month) is either nothing or again at least
MIN_GROUP_SIZE. Otherwise subtraction would give it away: all sites (12) less
the sites shown on their own (9) would be a site's 3 children's answers.
"""

from dataclasses import dataclass

import sqlite_utils

from admin.periods import Period
from kiosk import storage
from kiosk.surveys.child import ANSWER_KEYS, QUESTION_KEYS


@dataclass(frozen=True)
class Shown:
    """One period's figures; counts is None when they may not be shown."""

    period: Period
    counts: dict | None
    too_few: bool = True  # when not shown: too few responses, or else a small part

    @property
    def responses(self) -> int | None:
        return None if self.counts is None else self.counts["responses"]

    def answers(self, question: str) -> dict | None:
        return None if self.counts is None else self.counts["questions"][question]

    def yes_share(self, question: str) -> int | None:
        """The share of Yes, in whole per cent, or None when not shown."""
        if self.counts is None:
            return None
        return round(100 * self.counts["questions"][question]["yes"] / self.counts["responses"])


@dataclass(frozen=True)
class Figures:
    trend: list[Shown]  # oldest first; the last is the period asked for

    @property
    def now(self) -> Shown:
        return self.trend[-1]

    @property
    def before(self) -> Shown:
        return self.trend[-2]

    @property
    def anything_in_trend(self) -> bool:
        return any(shown.counts is not None for shown in self.trend)


def summed(weeks: list[Period], weekly: dict) -> dict:
    """The counts of some weeks (from storage.answer_counts) added together."""
    total = {"responses": 0, "questions": {q: dict.fromkeys(ANSWER_KEYS, 0) for q in QUESTION_KEYS}}
    for week in weeks:
        counts = weekly[week.key]
        total["responses"] += counts["responses"]
        for question, answers in counts["questions"].items():
            for answer, n in answers.items():
                total["questions"][question][answer] += n
    return total


def only_if_safe(period: Period, weekly: dict, minimum: int) -> Shown:
    """The sum of the period's weeks, if it may be shown (see the module's docstring)."""
    minimum = max(minimum, 1)
    total = summed(period.weeks(), weekly)
    hidden_part = 0
    for week in period.weeks():
        hidden_part += sum(n for n in weekly[week.key]["sites"].values() if n < minimum)
    if len(period.weeks()) > 1 or len(weekly[period.weeks()[0].key]["sites"]) > 1:
        safe = hidden_part == 0 or hidden_part >= minimum
    else:
        safe = True  # one week of one site: nothing smaller to subtract
    too_few = total["responses"] < minimum
    return Shown(period, None if too_few or not safe else total, too_few)


def each_week_safe(weeks: list[Period], weekly: dict, minimum: int) -> bool:
    """Whether every week with any responses would be shown on its own by the
    summary page (only_if_safe), for the same site or all sites.

    For a run of weeks chosen freely, as an export's dates are. A month may be
    shown when its small parts add up to MIN_GROUP_SIZE, because months never
    overlap; runs of weeks do. Weeks 10 to 11 and weeks 10 to 12 of one site,
    each made of small weeks adding up to enough, differ by week 12 alone. When
    every week is shown anyway, the difference of two runs is only whole weeks
    the summary page shows."""
    return all(
        weekly[week.key]["responses"] == 0 or only_if_safe(week, weekly, minimum).counts is not None
        for week in weeks
    )


def figures_for(
    db: sqlite_utils.Database, period: Period, site: str | None, minimum: int
) -> Figures:
    """The period asked for and the ones before it, in one query."""
    periods = period.trend()
    weeks = sorted({week.key for p in periods for week in p.weeks()})
    weekly = storage.answer_counts(db, weeks, site)
    return Figures([only_if_safe(p, weekly, minimum) for p in periods])
