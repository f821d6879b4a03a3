"""What the summaries read: counts of answers by question, never rows."""

import functools
import json

import sqlite_utils

from kiosk.surveys import CHILD_EVALUATION


def answer_counts(
    db: sqlite_utils.Database,
    weeks: list[str],
    site: str | None = None,
    survey: str = CHILD_EVALUATION,
) -> dict:
    """For each week of one survey: {"responses": n, "sites": {site: n},
    "versions": {version: {"responses": n, "questions": {question: {answer: n}},
    "sites": {site: n}}}}. A version's "questions" hold only answers given (a
    missing one is 0); its "sites" let a page tell which parts are too small.

    Only admin/figures.py may turn these into figures a person sees: the
    week's totals across versions are for checks, never shown as they are.

    Grouping by the stored answers string reads only the covering index
    (survey, week, site, version, answers): a week has a few hundred distinct
    strings per site and version, which are tallied here. Grouping by site
    too, though a page may want all sites together, follows the index's own
    order, so SQLite counts as it reads instead of sorting (bench/README.md).
    """
    placeholders = ",".join("?" * len(weeks))  # only question marks go into the SQL
    sql = (
        "SELECT week, site, version, answers, count(*) FROM submissions"  # noqa: S608
        f" WHERE survey = ? AND week IN ({placeholders})"
    )
    params: list = [survey, *weeks]
    if site is not None:
        sql += " AND site = ?"
        params.append(site)
    sql += " GROUP BY week, site, version, answers"
    summary = {week: {"responses": 0, "sites": {}, "versions": {}} for week in weeks}
    for week, site_slug, version, answers, count in db.execute(sql, params).fetchall():
        counts = summary[week]
        counts["responses"] += count
        counts["sites"][site_slug] = counts["sites"].get(site_slug, 0) + count
        part = counts["versions"].get(version)
        if part is None:
            part = counts["versions"][version] = {"responses": 0, "questions": {}, "sites": {}}
        part["responses"] += count
        part["sites"][site_slug] = part["sites"].get(site_slug, 0) + count
        questions = part["questions"]
        for question, answer in _parsed(answers):
            tally = questions.setdefault(question, {})
            tally[answer] = tally.get(answer, 0) + count
    return summary


@functools.lru_cache(maxsize=16384)
def _parsed(answers: str) -> tuple:
    """(question, answer) pairs of a stored answers string: a few hundred per version."""
    return tuple(json.loads(answers).items())
