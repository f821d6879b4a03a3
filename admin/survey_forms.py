"""The forms staff use to adapt a survey (admin/surveys.py), and how a form
becomes a survey draft and back.

Each rule (how long a wording may be, how many options a scale has) is read
from kiosk/surveys/definitions.py, which also checks every draft before it is
published: the form says what is wrong next to the field, and the storage
layer refuses what the form let through.
"""

import re

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields import SelectChoice
from wtforms.validators import ValidationError

from kiosk.storage.sites import slug_from_name
from kiosk.surveys import (
    AUDIENCES,
    KINDS,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    MIN_OPTIONS,
    SCALE_KIND,
    Question,
    Survey,
)
from kiosk.surveys.definitions import (
    INTRO_MAX,
    KIND_NAMES,
    OPTION_MAX,
    QUESTION_KEY,
    SLUG_MAX,
    SURVEY_SLUG,
    TITLE_MAX,
    WORDING_MAX,
    InvalidSurvey,
    clean_words,
)

# The longest each text may be, for the page's maxlength attributes.
LIMITS = {"title": TITLE_MAX, "intro": INTRO_MAX, "wording": WORDING_MAX, "slug": SLUG_MAX}

# The fields of question n are posted as questions-<n>-<name>; anything else
# under questions- is not from our page (and WTForms cannot read every number).
QUESTION_FIELD = re.compile(r"questions-[0-9]{1,4}-[a-z]{1,12}")


def words(max_chars: int, what: str, required: bool = True):
    """A validator: the words as clean_words keeps them, or its plain reason."""

    def check(form, field):
        try:
            clean_words(field.data, max_chars, what, required)
        except InvalidSurvey as problem:
            raise ValidationError(str(problem)) from None

    return check


def one_of(allowed, message: str):
    def check(form, field):
        if field.data not in allowed:
            raise ValidationError(message)

    return check


def option_lines(text: str | None) -> list[str]:
    """A scale's options as typed, one per line; empty lines do not count."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def scale_options(form, field):
    """A scale's options: 2 to 7, each short, no two the same."""
    if form.kind.data != SCALE_KIND:
        return
    options = option_lines(field.data)
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise ValidationError(
            f"A scale needs {MIN_OPTIONS} to {MAX_OPTIONS} options, one per line"
            f" (there {'is' if len(options) == 1 else 'are'} {len(options)})."
        )
    for option in options:
        try:
            clean_words(option, OPTION_MAX, "option")
        except InvalidSurvey:
            raise ValidationError(
                f"Each option can have at most {OPTION_MAX} letters, on one line: “{option[:30]}…”"
                if len(option) > OPTION_MAX
                else "An option has a character we cannot keep."
            ) from None
    seen = set()
    for option in options:
        if option.casefold() in seen:
            raise ValidationError(f"Two options have the same words: “{option}”.")
        seen.add(option.casefold())


class QuestionForm(Form):
    """One question. Its key is never typed: it stays the same across edits, so
    answers to the same question are counted together from version to version."""

    key = HiddenField()
    text = TextAreaField("Wording", validators=[words(WORDING_MAX, "wording")])
    kind = SelectField(
        "Kind of answer",
        choices=[SelectChoice(kind, KIND_NAMES[kind]) for kind in KINDS],
        validate_choice=False,
        validators=[one_of(KINDS, "Please choose a kind of answer.")],
    )
    options = TextAreaField("Options for a scale, one per line", validators=[scale_options])
    comments = BooleanField("Comments box")


AUDIENCE_CHOICES = [SelectChoice(key, words) for key, words in AUDIENCES.items()]


class SurveyForm(FlaskForm):
    title = StringField("Title", validators=[words(TITLE_MAX, "title")])
    audience = RadioField(
        "Who it is for",
        choices=AUDIENCE_CHOICES,
        validate_choice=False,
        validators=[one_of(AUDIENCES, "Please choose who the survey is for.")],
    )
    intro = TextAreaField(
        "Opening line (you can leave it empty)",
        validators=[words(INTRO_MAX, "opening line", required=False)],
    )
    closing = TextAreaField(
        "Closing line (you can leave it empty)",
        validators=[words(INTRO_MAX, "closing line", required=False)],
    )
    questions = FieldList(FormField(QuestionForm))

    count_problem: str | None = None

    def validate(self, extra_validators=None) -> bool:
        fields_right = super().validate(extra_validators)
        count = len(self.questions.entries)
        self.count_problem = None
        if count == 0:
            self.count_problem = "A survey needs at least one question. Please add one."
        elif count > MAX_QUESTIONS:
            self.count_problem = (
                f"A survey can have at most {MAX_QUESTIONS} questions: please remove"
                f" {count - MAX_QUESTIONS}."
            )
        return fields_right and self.count_problem is None

    def keys_are_sound(self) -> bool:
        """Every question has a well-formed key of its own: the page makes them,
        so a missing or repeated one was not typed by a person."""
        keys = [entry.form.key.data or "" for entry in self.questions]
        return len(set(keys)) == len(keys) and all(QUESTION_KEY.fullmatch(k) for k in keys)

    def draft(self, slug: str) -> Survey:
        """The survey as the form has it, with every wording tidied."""
        return Survey(
            slug=slug,
            title=clean_words(self.title.data, TITLE_MAX, "title"),
            audience=self.audience.data,
            intro=clean_words(self.intro.data, INTRO_MAX, "opening line", required=False),
            closing=clean_words(self.closing.data, INTRO_MAX, "closing line", required=False),
            questions=tuple(question_from(entry.form) for entry in self.questions),
        )

    def as_typed(self) -> dict:
        """Everything as typed, to show the form again after moving a question."""
        return {
            "title": self.title.data,
            "audience": self.audience.data,
            "intro": self.intro.data,
            "closing": self.closing.data,
            "questions": [entry.form.data for entry in self.questions],
        }


def question_from(form: QuestionForm) -> Question:
    kind = form.kind.data
    return Question(
        key=form.key.data,
        text=clean_words(form.text.data, WORDING_MAX, "wording"),
        kind=kind,
        options=tuple(option_lines(form.options.data)) if kind == SCALE_KIND else (),
        comments=bool(form.comments.data),
    )


def form_data(survey: Survey) -> dict:
    """A survey (a version or a draft) as the edit form shows it."""
    return {
        "title": survey.title,
        "audience": survey.audience,
        "intro": survey.intro,
        "closing": survey.closing,
        "questions": [question_data(q) for q in survey.questions],
    }


def question_data(question: Question) -> dict:
    return {
        "key": question.key,
        "text": question.text,
        "kind": question.kind,
        "options": "\n".join(question.options),
        "comments": question.comments,
    }


def new_key(taken: set[str]) -> str:
    """A key for a new question: q1, q2, ... whichever is free."""
    number = 1
    while f"q{number}" in taken:
        number += 1
    return f"q{number}"


# Starting or copying a survey: its title and its web address part.


def slug_for(title: str | None, typed: str | None) -> str:
    """The address part typed, or else one made from the title."""
    typed = (typed or "").strip()
    return typed or slug_from_name(title or "")[:SLUG_MAX].rstrip("-")


def known_slug(form, field):
    if not SURVEY_SLUG.fullmatch(slug_for(form.title.data, field.data)):
        raise ValidationError(
            "The web address part can use only small letters, digits and dashes,"
            f" 1 to {SLUG_MAX} of them, and must start and end with a letter or digit."
        )


class CopySurveyForm(FlaskForm):
    title = StringField("Title of the new survey", validators=[words(TITLE_MAX, "title")])
    slug = StringField(
        "Web address part (leave empty to make it from the title)", validators=[known_slug]
    )

    @property
    def chosen_slug(self) -> str:
        return slug_for(self.title.data, self.slug.data)

    @property
    def clean_title(self) -> str:
        return clean_words(self.title.data, TITLE_MAX, "title")


class NewSurveyForm(CopySurveyForm):
    audience = RadioField(
        "Who it is for",
        choices=AUDIENCE_CHOICES,
        validate_choice=False,
        validators=[one_of(AUDIENCES, "Please choose who the survey is for.")],
    )


def problems(form) -> list[tuple[str, str]]:
    """Every problem on a form, in the order of its fields, each with the id of
    the field it is about: the error summary links to them."""
    found = []
    for field in form:
        if field.type == "CSRFTokenField":
            continue
        if field.type == "FieldList":
            for number, entry in enumerate(field.entries, start=1):
                for part in entry.form:
                    found += [(part.id, f"Question {number}: {e}") for e in part.errors]
            if getattr(form, "count_problem", None):
                found.append(("questions", form.count_problem))
            continue
        # A group of radio buttons is reached through its first button.
        target = f"{field.id}-0" if field.type == "RadioField" else field.id
        found += [(target, error) for error in field.errors]
    return found
