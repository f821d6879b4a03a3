"""Surveys, their published versions and their drafts, and which sites run them.

A published version is never changed or deleted: answers point at it.
Staff change a survey by editing its draft and publishing it, which adds
the next version. Everything here is written by staff; nothing is about a child.
"""

import datetime
import json
import sqlite3

import sqlite_utils

from kiosk.storage.database import writing
from kiosk.surveys import Question, Survey, check_survey
from kiosk.surveys.translations import translations_from_json, translations_json

VERSION_COLUMNS = (
    "survey, version, title, audience, intro, closing, questions, published_on, translations"
)


def _from_row(row: dict | tuple) -> Survey:
    if not isinstance(row, dict):
        row = dict(zip([c.strip() for c in VERSION_COLUMNS.split(",")], row, strict=True))
    return Survey(
        slug=row["survey"],
        version=row["version"],
        title=row["title"],
        audience=row["audience"],
        intro=row["intro"],
        closing=row["closing"],
        questions=tuple(Question.from_dict(q) for q in json.loads(row["questions"])),
        published_on=row["published_on"],
        translations=translations_from_json(json.loads(row["translations"] or "{}")),
    )


def _draft_json(survey: Survey) -> str:
    return json.dumps(
        {
            "title": survey.title,
            "audience": survey.audience,
            "intro": survey.intro,
            "closing": survey.closing,
            "questions": survey.questions_json(),
            "translations": translations_json(survey.translations),
        }
    )


def _from_draft(slug: str, draft: str) -> Survey:
    data = json.loads(draft)
    return Survey(
        slug=slug,
        title=data["title"],
        audience=data["audience"],
        intro=data.get("intro", ""),
        closing=data.get("closing", ""),
        questions=tuple(Question.from_dict(q) for q in data["questions"]),
        # A draft saved before translations existed has none.
        translations=translations_from_json(data.get("translations")),
    )


def survey_version(db: sqlite_utils.Database, slug: str, version: int) -> Survey | None:
    """One published version, exactly as it was asked; None if there is no such version."""
    row = db.execute(
        f"SELECT {VERSION_COLUMNS} FROM survey_versions WHERE survey = ? AND version = ?",  # noqa: S608
        [slug, version],
    ).fetchone()
    return None if row is None else _from_row(row)


def latest_version(db: sqlite_utils.Database, slug: str) -> Survey | None:
    """What a kiosk or phone asks today: the survey's newest published version."""
    row = db.execute(
        f"SELECT {VERSION_COLUMNS} FROM survey_versions WHERE survey = ?"  # noqa: S608
        " ORDER BY version DESC LIMIT 1",
        [slug],
    ).fetchone()
    return None if row is None else _from_row(row)


def survey_versions(db: sqlite_utils.Database, slug: str) -> list[Survey]:
    """Every published version of a survey, newest first."""
    rows = db.execute(
        f"SELECT {VERSION_COLUMNS} FROM survey_versions WHERE survey = ?"  # noqa: S608
        " ORDER BY version DESC",
        [slug],
    ).fetchall()
    return [_from_row(row) for row in rows]


def current_during(
    versions: list[Survey], index: int, first: datetime.date, last: datetime.date
) -> bool:
    """Whether versions[index] (newest first) was the one asked at some time
    from `first` to `last`: from the day it was published (the first version:
    from the start) to the day the next one was, that day included, as a
    tablet may ask the old wording until it loads the new."""
    survey = versions[index]
    start = survey.published_on and datetime.date.fromisoformat(survey.published_on)
    newer = versions[index - 1] if index > 0 else None
    end = newer and newer.published_on and datetime.date.fromisoformat(newer.published_on)
    return bool((not start or start <= last) and (not end or end >= first))


def list_surveys(db: sqlite_utils.Database) -> list[dict]:
    """Every survey: {"slug", "latest" (Survey or None), "draft" (Survey or None),
    "built_in"}; built-in ones first, then by title."""
    surveys = []
    for row in db.query("SELECT slug, draft, built_in FROM surveys"):
        surveys.append(
            {
                "slug": row["slug"],
                "latest": latest_version(db, row["slug"]),
                "draft": _from_draft(row["slug"], row["draft"]) if row["draft"] else None,
                "built_in": bool(row["built_in"]),
            }
        )
    return sorted(
        surveys,
        key=lambda s: (not s["built_in"], (s["latest"] or s["draft"]).title.casefold()),
    )


def published_slugs(db: sqlite_utils.Database) -> list[str]:
    """The surveys that have at least one published version, so a site can run them."""
    return [row[0] for row in db.execute("SELECT DISTINCT survey FROM survey_versions")]


def find_draft(db: sqlite_utils.Database, slug: str) -> Survey | None:
    row = db.execute("SELECT draft FROM surveys WHERE slug = ?", [slug]).fetchone()
    return _from_draft(slug, row[0]) if row and row[0] else None


def create_survey(db: sqlite_utils.Database, draft: Survey) -> bool:
    """A new survey with only a draft. False when the slug is taken."""
    try:
        with writing(db):
            db.execute(
                "INSERT INTO surveys (slug, draft) VALUES (?, ?)", [draft.slug, _draft_json(draft)]
            )
    except sqlite3.IntegrityError:
        return False
    return True


def save_draft(db: sqlite_utils.Database, draft: Survey) -> None:
    """Keep staff's unfinished changes; what kiosks and phones ask does not change."""
    with writing(db):
        db.execute("UPDATE surveys SET draft = ? WHERE slug = ?", [_draft_json(draft), draft.slug])


def discard_draft(db: sqlite_utils.Database, slug: str) -> None:
    with writing(db):
        db.execute("UPDATE surveys SET draft = NULL WHERE slug = ?", [slug])


def publish_draft(db: sqlite_utils.Database, slug: str, today: datetime.date) -> Survey:
    """The draft becomes the next version, which kiosks and phones ask from now.

    A draft with the same words as the newest version, in English and in every
    translation, adds no version: a changed translation is a new version.
    InvalidSurvey when the draft cannot be published; LookupError without one."""
    with writing(db):
        draft = find_draft(db, slug)
        if draft is None:
            raise LookupError(slug)
        check_survey(draft)
        latest = latest_version(db, slug)
        db.execute("UPDATE surveys SET draft = NULL WHERE slug = ?", [slug])
        if latest is not None and _draft_json(latest) == _draft_json(draft):
            return latest
        version = 1 if latest is None else latest.version + 1
        db.execute(
            f"INSERT INTO survey_versions ({VERSION_COLUMNS})"  # noqa: S608
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                slug,
                version,
                draft.title,
                draft.audience,
                draft.intro,
                draft.closing,
                json.dumps(draft.questions_json()),
                today.isoformat(),
                json.dumps(translations_json(draft.translations)),
            ],
        )
    return survey_version(db, slug, version)


def kiosk_survey(db: sqlite_utils.Database, site: str) -> str:
    row = db.execute("SELECT kiosk_survey FROM sites WHERE slug = ?", [site]).fetchone()
    return row[0] if row else ""


def set_kiosk_survey(db: sqlite_utils.Database, site: str, slug: str) -> None:
    with writing(db):
        db.execute("UPDATE sites SET kiosk_survey = ? WHERE slug = ?", [slug, site])


def offered_surveys(db: sqlite_utils.Database, site: str) -> list[str]:
    """The surveys a site offers by QR code on a phone, by slug."""
    rows = db.execute("SELECT survey FROM site_surveys WHERE site = ? ORDER BY survey", [site])
    return [row[0] for row in rows]


def set_offered_surveys(db: sqlite_utils.Database, site: str, slugs: list[str]) -> None:
    with writing(db):
        db.execute("DELETE FROM site_surveys WHERE site = ?", [site])
        for slug in slugs:
            db.execute("INSERT INTO site_surveys (site, survey) VALUES (?, ?)", [site, slug])
