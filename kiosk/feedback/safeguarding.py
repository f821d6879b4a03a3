"""Spot comments that may be a disclosure, so the safeguarding lead reads them first.

A false alarm only moves a comment up the staff list; a miss hides a child
saying that someone is hurting them. So matching leans towards a match: case,
accents, zero-width characters, look-alike letters, spaced or dotted letters
("k.i.l.l", "s e l f - h a r m"), number-for-letter spelling ("k1ll mys3lf"),
stretched letters ("hurttt") and common endings ("hurts", "hurting") all match.
It never matches inside another word: "shirt", "skill", "grape" and
"therapist" are not "hurt", "kill", "rape" and "rapist".

How a phrase becomes a pattern, so staff can write their own (CONCERN_PHRASES):
- it matches only where a word starts and ends; gaps between its words, and
  between its letters, may be any run of spaces and punctuation, or nothing
  ("self harm", "self-harm", "selfharm");
- each word of three or more letters also matches with -s, -es, -d, -ed, -ing,
  -er, -ers, with a final e dropped ("abusing"), a final y turned into -ies or
  -ied ("bullied") and a final consonant doubled ("hitting");
- a letter matches once or stretched to three or more ("hurttt"), and the last
  letter of a word any number of times ("hurtt"); two would make "rapped" and
  "rapper" into "raped" and "raper". A doubled letter ("kill") matches once
  ("kil"), twice, spaced ("k i l l") or stretched.

Phrases cannot say everything children write (issue 9): "i get battered", "no
food in the house", "he says its just between us", "everyone would be better
off without me", "i owe them", "gonna jump me". So the default list comes with
rules, regular expressions over the message as plain words, each with a name
staff see in place of a phrase; and a few everyday words ("hurt", "battered",
"bullying", "want to die") are let off when the message shows a harmless context
(sport, a game, a song, a lesson, hair dye, fun here). kiosk/feedback/concern_rules.py
holds the phrases, the rules, the contexts and which words each context excuses.
A site's own phrases (CONCERN_PHRASES) are added to all of it: they match as
the default phrases do, and are never excused by a context.
bench/concerns.py measures it against labelled messages in children's words.

Issue 11: every shipped language. Letters typed more than one way read as one
(Arabic and Farsi yeh, kaf and keheh, the heh forms; harakat and tatweel go;
Polish ł and every accent go, so "bił" matches "bil" and "mă" matches "ma"), and
Gurmukhi vowel signs read as vowel letters, so a Gurmukhi word stays one word
to the whole-word checks (Python's re does not count a vowel sign as a letter).
The rules for each language, and for each typed in Latin letters, are in
concern_rules.py (LANGUAGE_RULES); bench/concerns.py measures them language by
language.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from typing import NamedTuple

from kiosk.feedback.concern_rules import (
    CONCERN_RULES,
    DEFAULT_CONCERN_PHRASES,
    EXCUSES,
    HARMLESS_CONTEXTS,
)

# Letters from other alphabets that look like Latin ones (Cyrillic, Greek).
_LOOK_ALIKES = str.maketrans("аеорсухіјѕԁɡοαιкмтвнυ", "aeopcyxijsdgoaikmtbhu")
# Digits and symbols typed for letters ("k1ll mys3lf", "$uicide"). A symbol counts
# as a letter only when a letter or digit follows it, so "hurt!" still ends a word.
_NUMBER_LETTERS = {"0": "o", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g"}
_SYMBOL_LETTERS = {"@": "a", "$": "s", "+": "t", "!": "i"}
_ONE_AS = ("i", "l")  # "1" and "|" stand for either: "k1ll" and "ki11"
_SYMBOL_BEFORE_WORD = re.compile(r"[@$+!|](?=[^\W_])")
# Letters easy to misspell as another: "abuze", "suikide".
_LETTER_VARIANTS = {"c": "ck", "s": "sz"}
_ENDINGS = ("s", "es", "d", "ed", "ing", "er", "ers")
_AFTER_DROPPED_E = ("ing", "ed", "er", "ers")
_VOWELS = "aeiou"
# Between letters: any run of spaces and punctuation, or nothing.
_GAP = r"[\W_]*"
# A phrase starts and ends where a word does: no letter or digit on either side.
_START = r"(?<![^\W_])"
_END = r"(?![^\W_])"
_INVISIBLE = {"Mn", "Me", "Cf"}  # combining marks, zero-width and format characters
# Letters typed more than one way, folded to one (issue 11). Polish ł has no accent
# to strip ("bił" is typed "bil"). Arabic and Urdu: Arabic and Farsi yeh, Urdu bari
# yeh and alef maksura are one yeh; kaf and keheh one kaf; the heh forms and teh
# marbuta one heh; noon ghunna is noon; alef wasla is alef; tatweel (ـ, a stretch)
# goes. Harakat and hamza marks are combining marks and go with the accents.
_SCRIPT_LETTERS = str.maketrans(
    {
        "ł": "l",
        "\u064a": "\u06cc", "\u0649": "\u06cc", "\u06d2": "\u06cc", "\u06cd": "\u06cc",
        "\u06ce": "\u06cc", "\u06d0": "\u06cc",
        "\u0643": "\u06a9", "\u06aa": "\u06a9",
        "\u06c1": "\u0647", "\u06be": "\u0647", "\u06d5": "\u0647", "\u0629": "\u0647",
        "\u06c3": "\u0647",
        "\u06ba": "\u0646", "\u0671": "\u0627", "\u0640": None,
        # Gurmukhi vowel signs become the vowel letters: a vowel sign is not a letter
        # to Python's re, so "ਮਾਰਦਾ" would be cut into "ਮ" and "ਰਦ" and match "ਮਰਦ".
        # Nukta, addak, bindi, tippi and virama are combining marks and go, as
        # children often leave them out; the visarga goes too.
        "\u0a3e": "\u0a06", "\u0a3f": "\u0a07", "\u0a40": "\u0a08", "\u0a41": "\u0a09",
        "\u0a42": "\u0a0a", "\u0a47": "\u0a0f", "\u0a48": "\u0a10", "\u0a4b": "\u0a13",
        "\u0a4c": "\u0a14", "\u0a03": None,
    }
)  # fmt: skip
# A vowel typed as its carrier letter and a vowel sign ("ਅ" + "ਾ" for "ਆ").
_GURMUKHI_CARRIER = re.compile("[\u0a05\u0a72\u0a73](?=[\u0a3e-\u0a4c])")


def normalise(text: str) -> str:
    """The text as the matcher reads it: NFKC, casefolded, with accents,
    zero-width characters and look-alike letters from other alphabets removed,
    and letters typed more than one way folded to one (see _SCRIPT_LETTERS)."""
    return _fold(unicodedata.normalize("NFKC", text).casefold())


def _fold(text: str) -> str:
    """Accents, zero-width characters and look-alikes out, script variants folded.
    It leaves ASCII alone, so rules (regular expressions) are folded with it too
    and can be written with the letters children type: "bił", "ਮਾਰਦਾ", "يضربني"."""
    decomposed = _GURMUKHI_CARRIER.sub("", unicodedata.normalize("NFD", text))
    lettered = decomposed.translate(_SCRIPT_LETTERS)
    bare = "".join(ch for ch in lettered if unicodedata.category(ch) not in _INVISIBLE)
    return unicodedata.normalize("NFC", bare).translate(_LOOK_ALIKES)


def is_concern(text: str, phrases: Iterable[str] | None = None) -> bool:
    """True when the text contains any concern phrase or rule (the default list and
    rules, and the site's own phrases)."""
    return next(_found(text, phrases), None) is not None


def concern_matches(text: str, phrases: Iterable[str] | None = None) -> list[str]:
    """The concern phrases found in the text, as written in the list, and the names of
    the rules that matched: staff see why."""
    return list(_found(text, phrases))


def _found(text: str, phrases: Iterable[str] | None) -> Iterator[str]:
    """Each phrase or rule that matches, in list order, found lazily so is_concern stops
    at the first. A site's own phrases come first and are added to the defaults, rules
    and excuses, never put in their place: a site that adds one phrase must not lose
    every rule (a miss hides a child)."""
    readings = _readings(text)
    if phrases:
        yield from _matching(_patterns(tuple(phrases)), readings)
    words = {_as_words(reading) for reading in readings}
    contexts = _Contexts(words)
    for name in _matching(_patterns(DEFAULT_CONCERN_PHRASES), readings):
        if not contexts.excuse(name):
            yield name
    for needs, group in _RULE_GROUPS:
        if needs and not any(needs.search(reading) for reading in words):
            continue
        for name in _matching(group, words):
            if not contexts.excuse(name):
                yield name


def _matching(patterns: "_Patterns", readings: set[str]) -> Iterator[str]:
    """The names whose pattern matches a reading. One search with all the patterns
    together first: most messages match none, and that answer is then quick."""
    if any(patterns.together.search(reading) for reading in readings):
        for name, pattern in patterns.each:
            if any(pattern.search(reading) for reading in readings):
                yield name


class _Contexts:
    """The harmless contexts of one message, each looked for once and only when needed."""

    def __init__(self, words: set[str]):
        self.words = words
        self.seen: dict[str, bool] = {}

    def excuse(self, name: str) -> bool:
        return any(self.shows(context) for context in EXCUSES.get(name, ()))

    def shows(self, context: str) -> bool:
        if context not in self.seen:
            pattern = _CONTEXTS[context]
            self.seen[context] = any(pattern.search(reading) for reading in self.words)
        return self.seen[context]


def _as_words(reading: str) -> str:
    """A reading as rules see it: apostrophes dropped, each gap one space."""
    return " ".join(re.findall(r"[^\W_]+", reading.replace("'", "").replace("\u2019", "")))


def _rule_pattern(rule: str) -> str:
    return "(?:" + rule.replace(" … ", r" (?:\w+ ){0,3}") + r")\b"


class _Patterns(NamedTuple):
    each: tuple[tuple[str, re.Pattern], ...]
    together: re.Pattern


def _compiled(named: Iterable[tuple[str, str]], start: str) -> _Patterns:
    """Each pattern, and all of them in one, every one starting where a word does.
    The start is written once before the alternatives, not in each: the search
    then tries the alternatives only where a word starts, about nine times faster."""
    pairs = tuple(named)
    each = tuple((name, re.compile(start + pattern)) for name, pattern in pairs)
    together = start + "(?:" + "|".join(pattern for _, pattern in pairs) + ")"
    return _Patterns(each, re.compile(together))


def _rule_groups() -> tuple[tuple[re.Pattern | None, _Patterns], ...]:
    """The rules, one group for English and one for each other language (the name
    ends "(Polish)"), in list order. A message that matches a group's rules together
    is then tried against that group's rules one by one, not against all of them.
    A group written only in another script (Arabic, Urdu, Gurmukhi) is skipped for a
    message with none of its letters: its patterns would only fail, word by word."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, rule in CONCERN_RULES.items():
        language = name[name.rfind("(") :] if name.endswith(")") else ""
        groups.setdefault(language, []).append((name, _rule_pattern(_fold(rule))))
    return tuple(
        (_letters_needed([pattern for _, pattern in group]), _compiled(group, r"\b"))
        for group in groups.values()
    )


def _letters_needed(patterns: list[str]) -> re.Pattern | None:
    """A pattern for any letter these rules are written in, when they are written
    only in letters beyond ASCII (every alternative then needs one), else None."""
    literal = re.sub(r"\\[A-Za-z]|\(\?[:!=<]+", "", "".join(patterns))
    if re.search(r"[A-Za-z]", literal):
        return None
    letters = sorted({ch for ch in literal if ch.isalpha()})
    return re.compile("[" + "".join(letters) + "]")


_RULE_GROUPS = _rule_groups()
_CONTEXTS = {
    name: re.compile(r"\b" + _rule_pattern(_fold(context)))
    for name, context in HARMLESS_CONTEXTS.items()
}


def _readings(text: str) -> set[str]:
    """The normalised text, and the same with digits and symbols read as letters.

    Reading them in the text, not in the patterns, keeps every pattern free of
    letters that could match the same character: such patterns backtrack for
    minutes over a string like "k1111...".
    """
    plain = normalise(text)
    readings = {plain}
    for one in _ONE_AS:
        symbols = {**_SYMBOL_LETTERS, "|": one}
        spelled = _SYMBOL_BEFORE_WORD.sub(lambda found, s=symbols: s[found.group()], plain)
        readings.add(spelled.translate(str.maketrans({**_NUMBER_LETTERS, "1": one})))
    return readings


@lru_cache(maxsize=16)
def _patterns(phrases: tuple[str, ...]) -> _Patterns:
    return _compiled(((phrase, _phrase_pattern(phrase)) for phrase in phrases), _START)


def _phrase_pattern(phrase: str) -> str:
    words = re.findall(r"[^\W_]+", normalise(phrase))
    if not words:
        raise ValueError(f"A concern phrase needs a letter or a digit: {phrase!r}")
    return _GAP.join(_word_pattern(word) for word in words) + _END


def _word_pattern(word: str) -> str:
    forms = [_letters(word, stretch_last=True)]
    if len(word) >= 3 and word.isalpha():
        forms.append(_letters(word) + _choice(_ENDINGS))
        if word.endswith("e"):
            forms.append(_letters(word[:-1]) + _choice(_AFTER_DROPPED_E))
        if word.endswith("y") and word[-2] not in _VOWELS:
            forms.append(_letters(word[:-1]) + _choice(("ies", "ied")))
        if word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            forms.append(_letters(word) + _letter_class(word[-1]) + _choice(_AFTER_DROPPED_E))
    return "(?:" + "|".join(forms) + ")"


def _letters(word: str, stretch_last: bool = False) -> str:
    """A word's letters, any gap between them; each letter once or stretched (see top)."""
    runs = [(letter, len(list(run))) for letter, run in groupby(word)]
    parts = []
    for index, (letter, count) in enumerate(runs):
        one = _letter_class(letter)
        last = index == len(runs) - 1
        if count > 1:
            parts.append(f"{one}(?:{_GAP}{one})?{one}*")
        elif last and stretch_last:
            parts.append(f"{one}+")
        else:
            parts.append(f"{one}(?:{one}{one}+)?")
    return _GAP.join(parts)


def _letter_class(letter: str) -> str:
    variants = _LETTER_VARIANTS.get(letter)
    if variants is None:
        return re.escape(letter)
    return "[" + re.escape(variants) + "]"


def _choice(endings: Iterable[str]) -> str:
    return "(?:" + "|".join(_letters(ending, stretch_last=True) for ending in endings) + ")"
