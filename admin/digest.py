"""What the weekly digest email says: last week's figures for all sites and each
site, the number of comments, the concerns still open, and the biggest change
worth a look, with a link to the summary.

Every figure comes through admin/figures.py's only_if_safe, exactly as the
summary page shows it for that site and week: a site or week the page would
hide arrives as None and the email says "fewer than N responses: not shown",
and a change is only ever found between two figures the page shows. So the
email gives nothing away by subtraction that the page does not. It holds
counts only: never a child's words, never a time of day.
"""

from dataclasses import dataclass

import sqlite_utils
from flask import Flask, render_template

from admin.charts import ANSWERS
from admin.figures import Shown, only_if_safe
from admin.periods import Period, read_period
from kiosk import storage
from kiosk.surveys import FACES
from kiosk.surveys.child import QUESTIONS

ALL_SITES = "All sites"
SUBJECT = "Feedback kiosk: the weekly digest for {week}"


@dataclass(frozen=True)
class Place:
    """All sites, or one site: its figures last week and the week before."""

    name: str
    now: Shown
    before: Shown


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
    places: list[Place]  # all sites first, then each site by name
    comments: int
    open_concerns: int
    change: Change | None
    minimum: int
    link: str


def digest_email(app: Flask, db: sqlite_utils.Database, week: str) -> tuple[str, str, str]:
    """The subject, plain text and HTML of the digest of `week` ("2026-W48")."""
    config = app.config
    digest = weekly_digest(
        db, read_period("week", week), config["MIN_GROUP_SIZE"], config["PUBLIC_BASE_URL"]
    )
    parts = {"digest": digest, "questions": QUESTIONS, "answers": ANSWERS}
    with app.app_context():
        text = render_template("admin/digest_email.txt", **parts)
        html = render_template("admin/digest_email.html", **parts)
    return SUBJECT.format(week=week), text, html


def weekly_digest(db: sqlite_utils.Database, week: Period, minimum: int, base_url: str) -> Digest:
    """The digest of `week` (read from the answers file, counts only)."""
    before = week.shifted(-1)
    keys = [before.key, week.key]
    weekly = storage.answer_counts(db, keys)
    places = [Place(ALL_SITES, *(only_if_safe(p, weekly, minimum) for p in (week, before)))]
    for site in sorted(storage.list_sites(db), key=lambda s: s["name"].casefold()):
        if site["retired"] and site["slug"] not in weekly[week.key]["sites"]:
            continue
        counts = storage.answer_counts(db, keys, site["slug"])
        places.append(
            Place(site["name"], *(only_if_safe(p, counts, minimum) for p in (week, before)))
        )
    return Digest(
        week=week,
        places=places,
        comments=storage.count_comments(db, week.key),
        open_concerns=storage.count_open_concerns(db),
        change=biggest_change(places, minimum),
        minimum=minimum,
        link=f"{base_url.rstrip('/')}/admin/?week={week.key}",
    )


def biggest_change(places: list[Place], minimum: int) -> Change | None:
    """The answer whose count doubled or halved by the most, by at least
    `minimum` answers (so never one child's), between two weeks that are both
    shown; None when there is no such clear change."""
    words = dict(ANSWERS)
    found = []
    for place in places:
        if place.now.counts is None or place.before.counts is None:
            continue  # a hidden figure is never compared, nor given away
        for question in QUESTIONS:
            for face in FACES:
                now = place.now.answers(question.key)[face.key]
                before = place.before.answers(question.key)[face.key]
                doubled_or_halved = max(now, before) >= 2 * min(now, before)
                if doubled_or_halved and abs(now - before) >= max(minimum, 1):
                    change = Change(
                        place.name, question.text, words[face.key], now, before,
                        place.now.responses, place.before.responses,
                    )  # fmt: skip
                    found.append((abs(now - before), -len(found), change))
    return max(found, key=lambda entry: entry[:2])[2] if found else None
