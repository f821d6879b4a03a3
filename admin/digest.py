"""What the weekly digest email says: last week's figures of every survey in
use or answered, for all sites and each site, the number of comments, the
concerns still open, and the biggest change worth a look, with a link to the
summary.

Every figure comes through admin/figures.py (only_if_safe for a site,
all_sites for all of them), exactly as the summary page shows it for that
survey, version, site and week: a site or week the page would hide arrives as
None and the email says "fewer than N responses: not shown"; all sites leave
out a site too small to show and say how many they leave out; and a change is
only ever found between two figures the page shows. Each version of a survey
is its own block, as on the page; no total across versions is given. So the
email gives nothing away by subtraction that the page does not. It holds
counts only: never a child's words, never a time of day.
"""

from dataclasses import dataclass

import sqlite_utils
from flask import Flask, render_template

from admin.charts import choices_of
from admin.figures import Shown, all_sites, current_during, of_version, only_if_safe
from admin.periods import Period, read_period
from kiosk import storage
from kiosk.surveys import SKIP, Survey

ALL_SITES = "All sites"
SUBJECT = "Feedback kiosk: the weekly digest for {week}"


@dataclass(frozen=True)
class Place:
    """All sites, or one site: one version's figures last week and the week before."""

    name: str
    now: Shown
    before: Shown


@dataclass(frozen=True)
class VersionBlock:
    survey: Survey  # one version, exactly as it was asked
    places: list[Place]  # all sites first, then each site by name


@dataclass(frozen=True)
class SurveyBlock:
    title: str
    versions: list[VersionBlock]  # newest first


@dataclass(frozen=True)
class Change:
    place: str
    question: str
    answer: str
    now: int
    before: int
    responses_now: int
    responses_before: int

    @property
    def words(self) -> str:
        if self.now >= 2 * self.before:
            how = "more than doubled" if self.now > 2 * self.before else "doubled"
        else:
            how = "more than halved" if 2 * self.now < self.before else "halved"
        return (
            f'"{self.answer}" to "{self.question}" ({self.place}) {how}: {self.now} of'
            f" {self.responses_now} responses, against {self.before} of"
            f" {self.responses_before} the week before."
        )


@dataclass(frozen=True)
class Digest:
    week: Period
    surveys: list[SurveyBlock]
    comments: int
    open_concerns: int
    change: Change | None
    minimum: int
    link: str


def left_out(count: int, minimum: int) -> str:
    """All sites' note, as the summary page words it for a week."""
    sites = "1 site" if count == 1 else f"{count} sites"
    verb = "is" if count == 1 else "are"
    return f"{sites} with fewer than {minimum} responses {verb} not included"


def digest_email(app: Flask, db: sqlite_utils.Database, week: str) -> tuple[str, str, str]:
    """The subject, plain text and HTML of the digest of `week` ("2026-W48")."""
    config = app.config
    digest = weekly_digest(
        db, read_period("week", week), config["MIN_GROUP_SIZE"], config["PUBLIC_BASE_URL"]
    )
    parts = {"digest": digest, "choices_of": choices_of, "left_out": left_out}
    with app.app_context():
        text = render_template("admin/digest_email.txt", **parts)
        html = render_template("admin/digest_email.html", **parts)
    return SUBJECT.format(week=week), text, html


def surveys_to_cover(db: sqlite_utils.Database, sites: list[dict], week: Period) -> list[str]:
    """The surveys a site runs on its kiosk or offers by QR code, whether or
    not anyone answered (so a survey's presence gives nothing away), and any
    other survey answered that week; in the order of the surveys page."""
    in_use = set()
    for site in sites:
        if not site["retired"]:
            in_use.add(site["kiosk_survey"])
            in_use.update(storage.offered_surveys(db, site["slug"]))
    covered = []
    for survey in storage.list_surveys(db):
        if survey["latest"] is None:
            continue
        answered = storage.answer_counts(db, [week.key], survey=survey["slug"])[week.key]
        if survey["slug"] in in_use or answered["responses"]:
            covered.append(survey["slug"])
    return covered


def survey_block(db, slug: str, sites: list[dict], week: Period, minimum: int) -> SurveyBlock:
    """One survey's figures: each version a page would list, for all sites and each site."""
    before = week.shifted(-1)
    keys = [before.key, week.key]
    versions = storage.survey_versions(db, slug)  # newest first
    every_site = {s["slug"]: storage.answer_counts(db, keys, s["slug"], survey=slug) for s in sites}
    per_site = {}
    for site in sites:
        if site["retired"] and not every_site[site["slug"]][week.key]["responses"]:
            continue
        per_site[site["name"]] = every_site[site["slug"]]
    blocks = []
    for index, version in enumerate(versions):
        # All sites as the summary page adds them up: each site's shown figures,
        # a site too small to show left out and counted (admin/figures.py).
        own_sites = [of_version(weekly, version.version) for weekly in every_site.values()]
        places = [
            Place(ALL_SITES, *(all_sites(p, own_sites, minimum, version) for p in (week, before)))
        ]
        for name, weekly in per_site.items():
            own = of_version(weekly, version.version)
            now, earlier = (only_if_safe(p, own, minimum, version) for p in (week, before))
            places.append(Place(name, now, earlier))
        shown = any(place.now.counts is not None for place in places)
        if shown or current_during(versions, index, week.first_day, week.last_day):
            blocks.append(VersionBlock(version, places))
    return SurveyBlock(versions[0].title, blocks)


def weekly_digest(db: sqlite_utils.Database, week: Period, minimum: int, base_url: str) -> Digest:
    """The digest of `week` (read from the answers file, counts only)."""
    sites = sorted(storage.list_sites(db), key=lambda s: s["name"].casefold())
    surveys = [
        survey_block(db, slug, sites, week, minimum) for slug in surveys_to_cover(db, sites, week)
    ]
    return Digest(
        week=week,
        surveys=surveys,
        comments=storage.count_comments(db, week.key),
        open_concerns=storage.count_open_concerns(db),
        change=biggest_change(surveys, minimum),
        minimum=minimum,
        link=f"{base_url.rstrip('/')}/admin/?week={week.key}",
    )


def biggest_change(surveys: list[SurveyBlock], minimum: int) -> Change | None:
    """The answer whose count doubled or halved by the most, by at least
    `minimum` answers (so never one child's), between two weeks of the same
    version that are both shown; None when there is no such clear change."""
    found = []
    for block in (version for survey in surveys for version in survey.versions):
        for place in block.places:
            if place.now.counts is None or place.before.counts is None:
                continue  # a hidden figure is never compared, nor given away
            for question in block.survey.choice_questions:
                for key, word in choices_of(question):
                    if key == SKIP:
                        continue
                    now = place.now.answers(question.key)[key]
                    before = place.before.answers(question.key)[key]
                    doubled_or_halved = max(now, before) >= 2 * min(now, before)
                    if doubled_or_halved and abs(now - before) >= max(minimum, 1):
                        change = Change(
                            place.name, question.text, word, now, before,
                            place.now.responses, place.before.responses,
                        )  # fmt: skip
                        # As big at one site as at all: name the site.
                        one_site = place.name != ALL_SITES
                        found.append((abs(now - before), one_site, -len(found), change))
    return max(found, key=lambda entry: entry[:3])[3] if found else None
