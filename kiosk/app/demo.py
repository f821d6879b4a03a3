"""Invented answers and comments, so a newcomer sees a full staff area at once:
the child evaluation's answers, and the adult evaluation's at every site too,
so the summary has both surveys to show.

`flask --app kiosk demo-data --weeks 12` fills an EMPTY database only: demo
answers look exactly like real ones (they are anonymous too), so once mixed
with what children said they could never be told apart or taken out again.

Everything goes through the real storage functions and the real checks: the
concern matcher decides which comments need attention, drawings are cleaned
like any drawing, receipt codes are hashed with the app's secret. Ids are
random and only dates are kept, as for real answers.
"""

import datetime
import io
import random
import secrets
from dataclasses import dataclass

import sqlite_utils
from PIL import Image, ImageDraw

from kiosk import storage
from kiosk.feedback import receipt_codes
from kiosk.feedback.comments import make_comment, make_survey_comment
from kiosk.feedback.drawings import clean_drawing
from kiosk.surveys import (
    ADULT_EVALUATION,
    CHILD_EVALUATION,
    FACES_KIND,
    SKIP,
    Submission,
    Survey,
)

# Plain, invented words of the kind children and young people write.
EVERYDAY_WORDS = (
    "The fish tank is my favourite thing here",
    "Can we have more comfy beanbags in the waiting room please",
    "I liked the drawing table today",
    "The music was too loud",
    "Please can we have squash not just water",
    "My worker listened to me and that was nice",
    "I want to choose where we meet next time",
    "The meeting was too long and I got bored",
    "Thank you for asking what I think",
    "Can there be games for older kids not just baby toys",
    "I didnt get to say my bit in the meeting",
    "I like the feelings cards at the start",
    "The wifi doesnt work on my phone",
    "It was good that I could bring my nan",
    "Can we meet after school not in the middle of it",
    "The new posters on the wall look good",
    "Sometimes people talk over me",
    "I felt listened to today",
    "The room is too cold",
    "Please dont change my worker again",
    "More snacks!!",
    "I like that you changed the chairs like we said",
    "The trip to the park was the best",
    "Nobody told me what the meeting was for",
)
# Mild and plainly invented, so the safeguarding list has something to show.
CONCERN_WORDS = (
    "someone at school keeps hitting me",
    "i dont feel safe on the bus home",
)
# Chance of each answer per question, at the start and at the end of the demo
# weeks: (yes, sometimes, no). Skips are a steady 6 %. Things get a bit better.
DRIFT = {
    "safe": ((0.62, 0.25, 0.13), (0.74, 0.18, 0.08)),
    "talk": ((0.40, 0.35, 0.25), (0.58, 0.28, 0.14)),
    "team": ((0.38, 0.37, 0.25), (0.50, 0.32, 0.18)),
    "ideas": ((0.25, 0.35, 0.40), (0.52, 0.30, 0.18)),
}
DRIFT_OTHERWISE = ((0.45, 0.33, 0.22), (0.55, 0.30, 0.15))
SKIP_CHANCE = 0.06
# Fewer adults than children answer: co-producers, parents and carers.
ADULTS_A_WEEK = (5, 12)


@dataclass
class DemoCounts:
    responses: int = 0
    comments: int = 0
    concerns: int = 0
    drawings: int = 0


def mondays(today: datetime.date, weeks: int) -> list[datetime.date]:
    """The Monday of each of the last `weeks` ISO weeks, this week included, oldest first."""
    this_monday = today - datetime.timedelta(days=today.weekday())
    return [this_monday - datetime.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def answers_for(progress: float, rng: random.Random, survey: Survey) -> dict:
    """Invented answers to every question with choices of one version: faces
    drift towards Yes, scales towards their first options, as things get better."""
    answers = {}
    for question in survey.choice_questions:
        keys = [choice.key for choice in question.choices]
        if question.kind == FACES_KIND:
            start, end = DRIFT.get(question.key, DRIFT_OTHERWISE)
            chances = [a + (b - a) * progress for a, b in zip(start, end, strict=True)]
        else:
            lean = 0.25 + 0.45 * progress  # how much more likely each option is than the next
            chances = [(1 + lean) ** -place for place in range(len(keys))]
        if rng.random() < SKIP_CHANCE:
            answers[question.key] = SKIP
        else:
            answers[question.key] = rng.choices(keys, chances)[0]
    return answers


def drawing(rng: random.Random, size=(300, 225)) -> bytes:
    """A small child-like picture: a sun, a house or a smiling face."""
    image = Image.new("RGB", size, "white")
    pen = ImageDraw.Draw(image)
    width, height = size
    kind = rng.choice(("sun", "house", "face"))
    if kind == "sun":
        pen.ellipse((110, 60, 190, 140), outline="#e0a100", width=6)
        for x, y in ((150, 20), (150, 180), (70, 100), (230, 100)):
            pen.line((150, 100, x, y), fill="#e0a100", width=4)
    elif kind == "house":
        pen.rectangle((90, 100, 210, 200), outline="#2f5d8a", width=5)
        pen.line((80, 105, 150, 40, 220, 105), fill="#a0522d", width=5)
        pen.rectangle((135, 150, 165, 200), outline="#2e8b57", width=4)
    else:
        pen.ellipse((90, 40, 210, 160), outline="#6a5acd", width=5)
        pen.ellipse((120, 75, 135, 90), fill="#6a5acd")
        pen.ellipse((165, 75, 180, 90), fill="#6a5acd")
        pen.arc((120, 90, 180, 140), 20, 160, fill="#6a5acd", width=5)
    pen.line((10, height - 10, width - 10, height - 10), fill="#2e8b57", width=4)
    png = io.BytesIO()
    image.save(png, format="PNG")
    return clean_drawing(png.getvalue(), max_width=width, max_height=height, max_bytes=png.tell())


# What adults might write in the adult evaluation's comments boxes.
ADULT_COMMENTS = (
    ("satisfied", "The meetings feel friendly and I look forward to them."),
    ("organised", "It would help to have the plan sent a few days before."),
    ("contribute", "Smaller groups made it easier for me to speak."),
    ("included", "I would like to hear what happened to our last ideas."),
    ("suggestions", "Could we meet later in the day, after school?"),
    ("suggestions", "More time for the young people to lead."),
)


def random_day(monday: datetime.date, today: datetime.date, rng: random.Random):
    last = min(6, (today - monday).days)
    return monday + datetime.timedelta(days=rng.randint(0, last))


def fill(
    db: sqlite_utils.Database,
    *,
    sites: list[str],
    weeks: int,
    today: datetime.date,
    secret: str,
    topics: list[str],
    concern_phrases: list[str] | None = None,
    rng: random.Random | None = None,
) -> DemoCounts:
    """Add invented responses and comments for every site, every one of the last
    `weeks` weeks: 5 to 40 children's responses a site a week and 5 to 12
    adults', a few comments, a couple of concerns in the last two weeks, and
    now and then a drawing."""
    rng = rng or random.Random()  # noqa: S311 - invented answers; ids come from secrets
    counts = DemoCounts()
    child = storage.latest_version(db, CHILD_EVALUATION)
    adult = storage.latest_version(db, ADULT_EVALUATION)
    base = {site: rng.randint(10, 28) for site in sites}
    concerns: dict[tuple[str, int], list[str]] = {}
    for i, words in enumerate(CONCERN_WORDS):
        concerns.setdefault((sites[i % len(sites)], max(0, weeks - 1 - i)), []).append(words)
    for index, monday in enumerate(mondays(today, weeks)):
        progress = index / max(1, weeks - 1)
        for site in sites:
            children = max(5, min(40, base[site] + rng.randint(-8, 12)))
            for survey, how_many in ((child, children), (adult, rng.randint(*ADULTS_A_WEEK))):
                for _ in range(how_many):
                    submission = Submission(
                        id=secrets.token_hex(16),
                        site=site,
                        survey=survey.slug,
                        version=survey.version,
                        answers=answers_for(progress, rng, survey),
                        date=random_day(monday, today, rng),
                    )
                    counts.responses += storage.record_submission(db, submission)
            everyday = rng.sample(EVERYDAY_WORDS, rng.randint(1, 4))
            for text in everyday + concerns.get((site, index), []):
                picture = drawing(rng) if text in everyday and rng.random() < 0.15 else None
                comment = make_comment(
                    submission_id=secrets.token_hex(16),
                    site=site,
                    topic=rng.choice([*topics, None]),
                    text=None if picture and rng.random() < 0.4 else text,
                    drawing=picture,
                    receipt_code=receipt_codes.new_receipt_code(),
                    secret=secret,
                    concern_phrases=concern_phrases,
                    today=random_day(monday, today, rng),
                )
                if storage.record_comment(db, comment):
                    counts.comments += 1
                    counts.concerns += comment.concern
                    counts.drawings += comment.drawing is not None
        for site in sites:
            for question, text in rng.sample(ADULT_COMMENTS, rng.randint(0, 2)):
                comment = make_survey_comment(
                    submission_id=secrets.token_hex(16),
                    site=site,
                    survey=adult.slug,
                    version=adult.version,
                    question=question,
                    text=text,
                    receipt_code=receipt_codes.new_receipt_code(),
                    secret=secret,
                    concern_phrases=concern_phrases,
                    today=random_day(monday, today, rng),
                )
                if storage.record_comment(db, comment):
                    counts.comments += 1
    # Adults at every site can answer their evaluation by QR code, so its
    # poster and its phone page are there to try.
    for site in sites:
        offered = storage.offered_surveys(db, site)
        if ADULT_EVALUATION not in offered:
            storage.set_offered_surveys(db, site, [*offered, ADULT_EVALUATION])
    return counts


def has_answers(db: sqlite_utils.Database) -> bool:
    """Whether anything has been stored yet (real or invented)."""
    return storage.count_submissions(db) > 0 or storage.any_comment(db)
