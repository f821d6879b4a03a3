"""What the weekly summary reads: counts of answers by question, never rows."""

import json

import sqlite_utils

from kiosk.survey import ANSWER_KEYS, CHILD_SURVEY, QUESTION_KEYS


def answer_counts(db: sqlite_utils.Database, weeks: list[str], site: str | None = None) -> dict:
    """For each week: {"responses": n, "questions": {question: {answer: n}}}.

    Grouping by the stored answers string reads only the covering index
    (survey, week, site, answers): a week has at most 4^4 distinct strings,
    which are tallied here.
    """
    placeholders = ",".join("?" * len(weeks))  # only question marks go into the SQL
    sql = (
        "SELECT week, answers, count(*) FROM submissions"  # noqa: S608
        f" WHERE survey = ? AND week IN ({placeholders})"
    )
    params: list = [CHILD_SURVEY, *weeks]
    if site is not None:
        sql += " AND site = ?"
        params.append(site)
    sql += " GROUP BY week, answers"
    summary = {
        week: {
            "responses": 0,
            "questions": {q: dict.fromkeys(ANSWER_KEYS, 0) for q in QUESTION_KEYS},
        }
        for week in weeks
    }
    for week, answers, count in db.execute(sql, params).fetchall():
        summary[week]["responses"] += count
        for question, answer in json.loads(answers).items():
            summary[week]["questions"][question][answer] += count
    return summary
