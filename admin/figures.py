"""What a summary shows, prepared in one place so the small-number rule is kept
in one place: the counts of a period with fewer than MIN_GROUP_SIZE responses
are replaced by None here, before any template or chart sees them."""

from dataclasses import dataclass

import sqlite_utils

from admin.periods import Period
from kiosk import storage


@dataclass(frozen=True)
class Shown:
    """One period's figures; counts is None when the group is too small to show."""

    period: Period
    counts: dict | None

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


def only_if_enough(period: Period, counts: dict, minimum: int) -> Shown:
    return Shown(period, counts if counts["responses"] >= max(minimum, 1) else None)


def figures_for(
    db: sqlite_utils.Database, period: Period, site: str | None, minimum: int
) -> Figures:
    """The period asked for and the ones before it, in one query."""
    periods = period.trend()
    keys = [p.key for p in periods]
    if period.kind == "week":
        counts = storage.answer_counts(db, keys, site)
    else:
        counts = storage.answer_counts_by_month(db, keys, site)
    return Figures([only_if_enough(p, counts[p.key], minimum) for p in periods])
