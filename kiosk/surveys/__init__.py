"""Surveys: what they ask (definitions), and answers checked against them (answers).

Import names from here: `from kiosk.surveys import Survey, parse_submission`.
"""

from kiosk.surveys.answers import (
    SUBMISSION_ID,
    InvalidSubmission,
    Submission,
    check_answers,
    check_date,
    iso_week,
    parse_submission,
)
from kiosk.surveys.definitions import (
    ADULT_EVALUATION,
    AUDIENCES,
    BUILT_IN,
    CHILD_EVALUATION,
    FACES,
    FACES_KIND,
    KINDS,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    MIN_OPTIONS,
    SCALE_KIND,
    SKIP,
    TEXT_KIND,
    Answer,
    InvalidSurvey,
    Question,
    Survey,
    check_survey,
    top_box,
)

BUILT_IN_BY_SLUG = {survey.slug: survey for survey in BUILT_IN}

__all__ = [
    "ADULT_EVALUATION",
    "AUDIENCES",
    "BUILT_IN",
    "BUILT_IN_BY_SLUG",
    "CHILD_EVALUATION",
    "FACES",
    "FACES_KIND",
    "KINDS",
    "MAX_OPTIONS",
    "MAX_QUESTIONS",
    "MIN_OPTIONS",
    "SCALE_KIND",
    "SKIP",
    "SUBMISSION_ID",
    "TEXT_KIND",
    "Answer",
    "InvalidSubmission",
    "InvalidSurvey",
    "Question",
    "Submission",
    "Survey",
    "check_answers",
    "check_date",
    "check_survey",
    "iso_week",
    "parse_submission",
    "top_box",
]
