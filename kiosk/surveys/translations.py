"""A survey in another language: its words, per language, beside the English.

A translation is part of a survey version, like its wording: staff change it
in the draft and publishing makes a new version, because the words a child
read are what was asked. Any piece left untranslated is asked in English.

A question's translation is all or nothing: its wording and, for a scale, one
word per English option, in the same order, since the answer kept is the
option's place ("1".."7"), never its words. One whose options no longer match
the English (staff changed the English options since) is not used: the
question is asked in English and listed as missing until it is put right.
"""

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.surveys.definitions import Question, Survey


@dataclass(frozen=True)
class QuestionWords:
    """One question's wording in one language, and a scale's option words.

    source is the English it was translated from (wording, then options): when
    staff change the English later, the staff area says the translation needs
    checking, since a child reading it would be asked something else."""

    text: str
    options: tuple[str, ...] = ()
    source: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        data = {"text": self.text}
        if self.options:
            data["options"] = list(self.options)
        if self.source:
            data["source"] = list(self.source)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "QuestionWords":
        return cls(
            text=str(data["text"]),
            options=tuple(map(str, data.get("options", ()))),
            source=tuple(map(str, data.get("source", ()))),
        )


def english_of(question: "Question") -> tuple[str, ...]:
    """What a translation of a question is made from: its wording, then a scale's options."""
    return (question.text, *(question.options if question.kind == "scale" else ()))


@dataclass(frozen=True)
class Translation:
    """A survey's words in one language; an empty piece is asked in English."""

    title: str = ""
    intro: str = ""
    closing: str = ""
    questions: dict[str, QuestionWords] = field(default_factory=dict)  # by question key

    def as_dict(self) -> dict:
        data = {k: v for k, v in (("title", self.title), ("intro", self.intro)) if v}
        if self.closing:
            data["closing"] = self.closing
        data["questions"] = {key: words.as_dict() for key, words in self.questions.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Translation":
        return cls(
            title=str(data.get("title", "")),
            intro=str(data.get("intro", "")),
            closing=str(data.get("closing", "")),
            questions={
                str(key): QuestionWords.from_dict(words)
                for key, words in dict(data.get("questions", {})).items()
            },
        )


def translations_json(translations: dict[str, Translation]) -> dict:
    return {code: translations[code].as_dict() for code in sorted(translations)}


def translations_from_json(data: dict | None) -> dict[str, Translation]:
    """Translations as stored; a version stored before translations has none."""
    return {str(code): Translation.from_dict(t) for code, t in (data or {}).items()}


def usable_words(question: "Question", translation: Translation | None) -> QuestionWords | None:
    """The question's words in the translation, or None when it must be asked in English."""
    words = translation.questions.get(question.key) if translation else None
    if words is None or not words.text:
        return None
    if question.kind == "scale" and len(words.options) != len(question.options):
        return None
    return words


def in_language(survey: "Survey", code: str) -> "Survey":
    """The survey as asked in one language: each piece in that language where
    it is translated, otherwise in English. Keys, kinds and version stay, so
    answers are kept exactly as for the English."""
    translation = survey.translations.get(code)
    if translation is None:
        return survey
    questions = []
    for question in survey.questions:
        words = usable_words(question, translation)
        if words is None:
            questions.append(question)
            continue
        options = words.options if question.kind == "scale" else question.options
        questions.append(replace(question, text=words.text, options=options, language=code))
    return replace(
        survey,
        title=translation.title or survey.title,
        intro=(translation.intro or survey.intro) if survey.intro else "",
        closing=(translation.closing or survey.closing) if survey.closing else "",
        questions=tuple(questions),
        language=code,
    )


def missing_translations(survey: "Survey", code: str) -> list["Question"]:
    """The questions asked in English in this language, in the survey's order."""
    translation = survey.translations.get(code)
    return [q for q in survey.questions if usable_words(q, translation) is None]


def missing_pieces(survey: "Survey", code: str) -> list[str]:
    """The title, opening or closing line asked in English in this language."""
    translation = survey.translations.get(code) or Translation()
    pieces = (("title", "title"), ("intro", "opening line"), ("closing", "closing line"))
    return [
        name for attr, name in pieces if getattr(survey, attr) and not getattr(translation, attr)
    ]


def in_requested_language(survey: "Survey", code: str | None) -> "Survey":
    """The survey in a language a page asked for, if it is one we ship; else as it is."""
    from kiosk.surveys.definitions import TRANSLATED_LANGUAGES

    return survey.in_language(code) if code in TRANSLATED_LANGUAGES else survey


def check_translations(survey: "Survey") -> None:
    """Every translation's words as clean_words keeps them, in a language we
    ship, for questions the survey has; InvalidSurvey says what is wrong.
    A scale's options that no longer match the English are allowed here (the
    question is asked in English), so changing the English never blocks."""
    from kiosk.surveys.definitions import (
        INTRO_MAX,
        OPTION_MAX,
        TITLE_MAX,
        TRANSLATED_LANGUAGES,
        WORDING_MAX,
        InvalidSurvey,
        clean_words,
    )

    keys = {question.key for question in survey.questions}
    for code, translation in survey.translations.items():
        if code not in TRANSLATED_LANGUAGES:
            raise InvalidSurvey("A translation is in a language we do not offer.")
        name = TRANSLATED_LANGUAGES[code]
        clean_words(translation.title, TITLE_MAX, f"{name} title", required=False)
        clean_words(translation.intro, INTRO_MAX, f"{name} opening line", required=False)
        clean_words(translation.closing, INTRO_MAX, f"{name} closing line", required=False)
        for key, words in translation.questions.items():
            if key not in keys:
                raise InvalidSurvey(f"The {name} translation is for a question the survey lacks.")
            clean_words(words.text, WORDING_MAX, f"{name} wording")
            for option in words.options:
                clean_words(option, OPTION_MAX, f"{name} option")


def carry_translations(changed: "Survey", before: "Survey | None") -> "Survey":
    """A survey staff changed in English, keeping the translations it had, for
    the questions it still has (a removed question's translation goes with it)."""
    if before is None or not before.translations:
        return changed
    keys = {question.key for question in changed.questions}
    kept = {
        code: replace(t, questions={k: w for k, w in t.questions.items() if k in keys})
        for code, t in before.translations.items()
    }
    return replace(changed, translations=kept)


def translation_status(survey: "Survey", code: str) -> dict:
    """How far a survey is translated into one language, for staff: how many
    questions are, which are not (in the survey's order, numbered from 1),
    which of title, opening and closing line are not, and whether it is complete."""
    missing = set(id(q) for q in missing_translations(survey, code))
    numbered = [(n, q) for n, q in enumerate(survey.questions, start=1) if id(q) in missing]
    pieces = missing_pieces(survey, code)
    translation = survey.translations.get(code)
    return {
        # Translated from English words that have changed since: to be checked.
        "outdated": [
            (n, q)
            for n, q in enumerate(survey.questions, start=1)
            if id(q) not in missing
            and usable_words(q, translation).source not in ((), english_of(q))
        ],
        "code": code,
        "translated": len(survey.questions) - len(numbered),
        "total": len(survey.questions),
        "missing": numbered,
        "missing_pieces": pieces,
        "complete": not numbered and not pieces,
        "started": code in survey.translations,
    }
