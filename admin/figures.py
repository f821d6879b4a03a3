"""What a summary shows, prepared in one place so the small-number rule is kept
in one place: the counts of a period that may not be shown are replaced by None
here, before any template, chart, export or email sees them.

Figures are always of one version of one survey: answers keep the wording they
were given to, and a version's counts are never added to another's.

A version's figures for a period are shown when it has at least MIN_GROUP_SIZE
responses and the part of it that shows nowhere on its own (the sites, in a
week of all sites; the weeks, in a month) is either nothing or again at least
MIN_GROUP_SIZE. Otherwise subtraction would give it away: all sites (12) less
the sites shown on their own (9) would be a site's 3 children's answers.

"All sites" is the sum of the sites whose own figures are shown, each exactly
as its own page shows it (all_sites): a site with too few responses is left
out, and the page says how many sites are left out, counting every site not
shown (those with none too). Nothing on it is then more than the sum of
figures shown one site at a time, so no subtraction can find a small site.

No total across versions is shown, except where the page lists one version
only (its own total): a week's 12 answers less version 2's 9 would be the 3
answers someone gave to version 1. Which versions a page lists never depends
on a small group (versions_to_list), so neither does the page's shape.
"""

import datetime
from dataclasses import dataclass

import sqlite_utils

from admin.periods import Period
from kiosk import storage
from kiosk.storage.surveys import current_during  # moved there for retention; used here
from kiosk.surveys import Question, Survey, top_box

EMPTY_WEEK = {"responses": 0, "questions": {}, "sites": {}}


@dataclass(frozen=True)
class Shown:
    """One period's figures of one version; counts is None when they may not be shown."""

    period: Period
    counts: dict | None
    too_few: bool = True  # when not shown: too few responses, or else a small part
    left_out: int | None = None  # all sites: how many sites are not in the sum

    @property
    def responses(self) -> int | None:
        return None if self.counts is None else self.counts["responses"]

    def answers(self, question: str) -> dict | None:
        return None if self.counts is None else self.counts["questions"][question]

    def top_box_share(self, question: Question) -> int | None:
        """The share of all responses that gave one of the question's top-box
        answers (kiosk.surveys.top_box), in whole per cent; None when not shown."""
        if self.counts is None:
            return None
        answers = self.counts["questions"][question.key]
        chosen = sum(answers[choice.key] for choice in top_box(question))
        return round(100 * chosen / self.counts["responses"])


def top_box_words(question: Question) -> str:
    """What a top-box share counts, for people: '"Yes"', or '"Always" or "Often"'."""
    return " or ".join(f'"{choice.word}"' for choice in top_box(question))


@dataclass(frozen=True)
class Figures:
    """One version's figures: the period asked for and the ones before it."""

    survey: Survey  # the version, exactly as it was asked
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


def summed(weeks: list[Period], weekly: dict, survey: Survey) -> dict:
    """One version's counts of some weeks added together, with a 0 for every
    answer its questions offer. `weekly` is {week: counts} of that version."""
    return added([weekly[week.key] for week in weeks], survey)


def added(parts: list[dict], survey: Survey) -> dict:
    """One version's counts (of weeks, or of sites) added together."""
    questions = {q.key: dict.fromkeys(q.answer_keys, 0) for q in survey.choice_questions}
    total = {"responses": 0, "questions": questions}
    for counts in parts:
        total["responses"] += counts["responses"]
        for question, answers in counts["questions"].items():
            tally = questions.get(question)
            if tally is None:
                continue  # not in this version: record_submission never lets one in
            for answer, n in answers.items():
                if answer in tally:
                    tally[answer] += n
    return total


def of_version(weekly: dict, version: int) -> dict:
    """{week: counts} of one version, from storage.answer_counts."""
    return {week: counts["versions"].get(version, EMPTY_WEEK) for week, counts in weekly.items()}


def may_show(period: Period, weekly: dict, minimum: int) -> tuple[bool, bool]:
    """(too few, safe) for one version's period (see the module's docstring)."""
    minimum = max(minimum, 1)
    weeks = period.weeks()
    responses = sum(weekly[week.key]["responses"] for week in weeks)
    hidden_part = 0
    for week in weeks:
        hidden_part += sum(n for n in weekly[week.key]["sites"].values() if n < minimum)
    if len(weeks) > 1 or len(weekly[weeks[0].key]["sites"]) > 1:
        safe = hidden_part == 0 or hidden_part >= minimum
    else:
        safe = True  # one week of one site: nothing smaller to subtract
    return responses < minimum, safe


def only_if_safe(period: Period, weekly: dict, minimum: int, survey: Survey) -> Shown:
    """One version's period summed, if it may be shown; `weekly` is of that
    version only (of_version)."""
    too_few, safe = may_show(period, weekly, minimum)
    shown = not too_few and safe
    return Shown(period, summed(period.weeks(), weekly, survey) if shown else None, too_few)


def all_sites(period: Period, per_site: list[dict], minimum: int, survey: Survey) -> Shown:
    """All sites: the sum of each site's figures that its own page shows
    (`per_site` holds one {week: counts} of this version for every site).
    A site not shown is left out and counted, whatever its number, so even
    whether a left-out site had any answers shows nowhere."""
    shown = [only_if_safe(period, weekly, minimum, survey).counts for weekly in per_site]
    included = [counts for counts in shown if counts is not None]
    total = added(included, survey) if included else None
    return Shown(period, total, too_few=False, left_out=len(shown) - len(included))


def each_week_safe(weeks: list[Period], weekly: dict, minimum: int) -> bool:
    """Whether every week with any responses would be shown on its own by the
    summary page (only_if_safe), for the same site or all sites and the same
    version (`weekly` is of one version).

    For a run of weeks chosen freely, as an export's dates are. A month may be
    shown when its small parts add up to MIN_GROUP_SIZE, because months never
    overlap; runs of weeks do. Weeks 10 to 11 and weeks 10 to 12 of one site,
    each made of small weeks adding up to enough, differ by week 12 alone. When
    every week is shown anyway, the difference of two runs is only whole weeks
    the summary page shows."""
    return all(
        weekly[week.key]["responses"] == 0 or may_show(week, weekly, minimum) == (False, True)
        for week in weeks
    )


def versions_to_list(figures: list[Figures], versions: list[Survey], period: Period) -> list:
    """The versions a page shows for `period`: the ones asked during it, and any
    other with a figure shown in its trend. Never chosen by whether a small
    group has answers, which would give away that someone answered."""
    return [
        own
        for index, own in enumerate(figures)
        if own.anything_in_trend
        or current_during(versions, index, period.first_day, period.last_day)
    ]


def figures_for(
    db: sqlite_utils.Database, survey: str, period: Period, site: str | None, minimum: int
) -> list[Figures]:
    """The figures of each version a page lists, newest first: one query for a
    site, one a site for all sites."""
    versions = storage.survey_versions(db, survey)
    periods = period.trend()
    weeks = sorted({week.key for p in periods for week in p.weeks()})
    places = [site] if site else [s["slug"] for s in storage.list_sites(db)]
    weekly = [storage.answer_counts(db, weeks, place, survey=survey) for place in places]
    every = []
    for version in versions:
        own = [of_version(counts, version.version) for counts in weekly]
        if site:
            trend = [only_if_safe(p, own[0], minimum, version) for p in periods]
        else:
            trend = [all_sites(p, own, minimum, version) for p in periods]
        every.append(Figures(version, trend))
    return versions_to_list(every, versions, period)


def wording_changes(listed: list[Figures], trend_start: datetime.date) -> list[str]:
    """Plain sentences for each listed version published within the trend's
    span, newest first: where the wording changed, and where older answers are."""
    notes = []
    for own in listed:
        survey = own.survey
        if survey.version > 1 and survey.published_on and survey.published_on >= str(trend_start):
            notes.append(
                f"The questions changed on {survey.published_on} (version {survey.version})."
                f" Answers before that are under version {survey.version - 1}."
            )
    return notes
