"""The child evaluation's first version, as names the staff pages used before
surveys were data. Being replaced: each page reads the survey it shows."""

from kiosk.surveys.definitions import BUILT_IN, CHILD_EVALUATION, FACES, SKIP

CHILD_SURVEY = CHILD_EVALUATION
QUESTIONS = BUILT_IN[0].questions
QUESTION_KEYS = tuple(question.key for question in QUESTIONS)
ANSWER_KEYS = (*(face.key for face in FACES), SKIP)
