"""What a survey is: ordered questions, each with a kind, fixed once published.

A survey has a slug, a title and an audience, and each published version of
it is kept for ever, never changed: answers keep the survey and the version
they were given to, so their meaning cannot move under them. Staff edit a
draft; publishing it makes the next version (kiosk/storage/surveys.py).

Three kinds of question, every one of which can be skipped:
- faces: Yes, Sometimes, No, as the kiosk's faces;
- scale: 2 to 7 labelled options in order, kept as "1".."7";
- text: answered in words only, which are kept as comments, not answers.
Any question may have a comments box; its words are comments too.
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from kiosk.surveys import translations as _translations
from kiosk.surveys.translations import Translation

FACES_KIND, SCALE_KIND, TEXT_KIND = "faces", "scale", "text"
KINDS = (FACES_KIND, SCALE_KIND, TEXT_KIND)
KIND_NAMES = {
    FACES_KIND: "Faces (Yes, Sometimes, No)",
    SCALE_KIND: "Scale",
    TEXT_KIND: "Words only",
}
AUDIENCES = {"children": "Children and young people", "adults": "Adults"}
MIN_OPTIONS, MAX_OPTIONS = 2, 7
MAX_QUESTIONS = 20
WORDING_MAX = 300
OPTION_MAX = 60
TITLE_MAX = 80
INTRO_MAX = 600
SLUG_MAX = 40
SURVEY_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")
QUESTION_KEY = re.compile(r"[a-z0-9][a-z0-9-]{0,19}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

SKIP = "skip"

# The languages a survey can be translated into, each named in its own words
# and script; English is the source. (When the site languages list lands, this
# points at it.) Arabic and Urdu are written right to left.
TRANSLATED_LANGUAGES = {
    "pl": "Polski",
    "ro": "Română",
    "ur": "اردو",
    "ar": "العربية",
    "pa": "ਪੰਜਾਬੀ",
}
RIGHT_TO_LEFT = frozenset({"ur", "ar"})
# For the staff area, which stays English: staff may not tell اردو from العربية.
ENGLISH_NAMES = {"pl": "Polish", "ro": "Romanian", "ur": "Urdu", "ar": "Arabic", "pa": "Punjabi"}


@dataclass(frozen=True)
class Answer:
    key: str
    word: str


FACES = (Answer("yes", "Yes"), Answer("sometimes", "Sometimes"), Answer("no", "No"))


class InvalidSurvey(ValueError):
    """A survey staff cannot publish as it is; the message is shown to them."""


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    kind: str = FACES_KIND
    options: tuple[str, ...] = ()  # a scale's words, in order
    comments: bool = False  # whether it has a "Comments" box
    # The language its words are in: "en", or a survey.in_language() code
    # when this question was translated (a missing one stays "en").
    language: str = field(default="en", compare=False)

    @property
    def choices(self) -> tuple[Answer, ...]:
        """What can be chosen, in order: the faces, a scale's options, or nothing."""
        if self.kind == FACES_KIND:
            return FACES
        if self.kind == SCALE_KIND:
            return tuple(Answer(str(n), word) for n, word in enumerate(self.options, start=1))
        return ()

    @property
    def answer_keys(self) -> tuple[str, ...]:
        """What may be stored as its answer: a choice, or skip."""
        return (*(choice.key for choice in self.choices), SKIP)

    @property
    def has_choices(self) -> bool:
        return self.kind != TEXT_KIND

    @property
    def takes_words(self) -> bool:
        """Whether a person may write words for it: a text question or a comments box."""
        return self.kind == TEXT_KIND or self.comments

    def word_for(self, answer: str) -> str:
        return next((c.word for c in self.choices if c.key == answer), "Skipped")

    def as_dict(self) -> dict:
        data = {"key": self.key, "text": self.text, "kind": self.kind}
        if self.kind == SCALE_KIND:
            data["options"] = list(self.options)
        if self.comments:
            data["comments"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Question":
        return cls(
            key=data["key"],
            text=data["text"],
            kind=data.get("kind", FACES_KIND),
            options=tuple(data.get("options", ())),
            comments=bool(data.get("comments", False)),
        )


@dataclass(frozen=True)
class Survey:
    """One version of a survey: what was asked, exactly as it was asked.

    version is None for a draft that has not been published."""

    slug: str
    title: str
    audience: str
    questions: tuple[Question, ...]
    intro: str = ""
    closing: str = ""
    version: int | None = None
    published_on: str | None = None  # a date, never a time
    extra: dict = field(default_factory=dict, compare=False)
    translations: dict[str, Translation] = field(default_factory=dict)  # by language code
    language: str = field(default="en", compare=False)  # what in_language() made it

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    @property
    def choice_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.has_choices)

    @property
    def for_children(self) -> bool:
        return self.audience == "children"

    def questions_json(self) -> list[dict]:
        return [q.as_dict() for q in self.questions]

    def in_language(self, code: str) -> "Survey":
        """The survey as asked in that language; each missing piece in English."""
        return _translations.in_language(self, code)

    def missing_translations(self, code: str) -> list[Question]:
        """The questions that would be asked in English in that language."""
        return _translations.missing_translations(self, code)


def clean_words(value: object, max_chars: int, what: str, required: bool = True) -> str:
    """Staff's wording on one line, tidied; InvalidSurvey says what is wrong."""
    text = unicodedata.normalize("NFC", str(value or "")).strip()
    text = " ".join(text.split())
    if not text and required:
        raise InvalidSurvey(f"Please write the {what}.")
    if len(text) > max_chars:
        raise InvalidSurvey(f"The {what} is too long: at most {max_chars} letters.")
    if _CONTROL.search(text):
        raise InvalidSurvey(f"The {what} has a character we cannot keep.")
    return text


def check_survey(survey: Survey) -> Survey:
    """The whole survey as staff may publish it, or InvalidSurvey with a plain reason."""
    if not SURVEY_SLUG.fullmatch(survey.slug or ""):
        raise InvalidSurvey(
            "The web address part can use only small letters, digits and dashes,"
            f" 1 to {SLUG_MAX} of them."
        )
    if survey.audience not in AUDIENCES:
        raise InvalidSurvey("Please choose who the survey is for.")
    clean_words(survey.title, TITLE_MAX, "title")
    if not survey.questions:
        raise InvalidSurvey("A survey needs at least one question.")
    if len(survey.questions) > MAX_QUESTIONS:
        raise InvalidSurvey(f"A survey can have at most {MAX_QUESTIONS} questions.")
    keys = [q.key for q in survey.questions]
    if len(set(keys)) != len(keys) or not all(QUESTION_KEY.fullmatch(k) for k in keys):
        raise InvalidSurvey("Each question needs its own name.")
    for number, question in enumerate(survey.questions, start=1):
        check_question(question, number)
    _translations.check_translations(survey)
    return survey


def check_question(question: Question, number: int) -> None:
    clean_words(question.text, WORDING_MAX, f"wording of question {number}")
    if question.kind not in KINDS:
        raise InvalidSurvey(f"Question {number}: please choose a kind of answer.")
    if question.kind != SCALE_KIND:
        return
    what = f"options of question {number}"
    options = [clean_words(option, OPTION_MAX, what) for option in question.options]
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise InvalidSurvey(
            f"Question {number}: a scale has {MIN_OPTIONS} to {MAX_OPTIONS} options, one per line."
        )
    if len({o.casefold() for o in options}) != len(options):
        raise InvalidSurvey(f"Question {number}: two options have the same words.")


def top_box(question: Question) -> tuple[Answer, ...]:
    """The options counted as the good end in a trend: Yes for faces; for a
    scale, its first option, or its first two when it has five or more."""
    if question.kind == FACES_KIND:
        return FACES[:1]
    if question.kind == SCALE_KIND:
        return question.choices[: 2 if len(question.options) >= 5 else 1]
    return ()


CHILD_EVALUATION = "child-evaluation"
ADULT_EVALUATION = "adult-evaluation"

# The two forms at the end of the co-production guide, word for word.
BUILT_IN = (
    Survey(
        slug=CHILD_EVALUATION,
        title="Co-production evaluation for children",
        audience="children",
        intro="Hi there! We want to ensure our meetings are as helpful as possible for you.",
        questions=(
            Question("safe", "Do you feel safe during our meetings?"),
            Question("talk", "Do you get a chance to talk?"),
            Question("team", "Do you feel part of the team?"),
            Question("ideas", "Are your ideas helping to change things?"),
        ),
    ),
    Survey(
        slug=ADULT_EVALUATION,
        title="Co-production evaluation for adults",
        audience="adults",
        intro=(
            "Many thanks for your participation in this process so far. Please tick which"
            " statement applies to you for each question below. Use the comments space for"
            " any suggestions you would like us to consider."
        ),
        closing=(
            "Thank you for taking the time to provide your feedback. We are committed to"
            " continuously improving our co-production process and value your input in"
            " shaping our future meetings."
        ),
        questions=(
            Question(
                "satisfied",
                "Overall, how satisfied are you with our co-production meetings?",
                SCALE_KIND,
                (
                    "Very Satisfied",
                    "Somewhat Satisfied",
                    "Neutral",
                    "Somewhat Dissatisfied",
                    "Very Dissatisfied",
                ),
                comments=True,
            ),
            Question(
                "organised",
                "Do you feel that the meetings are well-organised and productive?",
                SCALE_KIND,
                ("Yes", "No", "Sometimes"),
                comments=True,
            ),
            Question(
                "contribute",
                "Do you have adequate opportunities to contribute and share your ideas?",
                SCALE_KIND,
                ("Always", "Often", "Sometimes", "Rarely", "Never"),
                comments=True,
            ),
            Question(
                "included",
                "How included do you feel in the decision-making process?",
                SCALE_KIND,
                (
                    "Very Included",
                    "Somewhat Included",
                    "Neutral",
                    "Somewhat Excluded",
                    "Very Excluded",
                ),
                comments=True,
            ),
            Question(
                "suggestions",
                "Do you have suggestions for improvements we could make to the meetings?",
                TEXT_KIND,
            ),
        ),
    ),
)


# Every shipped language, for both of the guide's forms (built_in_translations.py).
def _with_translations(survey: Survey) -> Survey:
    from kiosk.surveys.built_in_translations import BUILT_IN_TRANSLATIONS

    english = {question.key: _translations.english_of(question) for question in survey.questions}
    translations = {
        code: replace(
            t,
            questions={k: replace(w, source=english[k]) for k, w in t.questions.items()},
        )
        for code, t in BUILT_IN_TRANSLATIONS[survey.slug].items()
    }
    return replace(survey, translations=translations)


BUILT_IN = tuple(_with_translations(survey) for survey in BUILT_IN)
