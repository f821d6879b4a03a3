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
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import groupby

# Lean towards a match, but not for a word children use every day for something
# else: "hit" alone is a hit song or hitting a ball, so only "hit me" and "hit us".
DEFAULT_CONCERN_PHRASES = (
    # Someone hurting them
    "hurt", "harm me", "hit me", "hit us", "beat me", "punch me", "kick me", "slap me",
    "choke me", "strangle", "burn me", "kill me", "abuse", "abusive", "neglect", "bully",
    "threaten",
    # Sexual harm
    "rape", "rapist", "molest", "touch me", "touched my", "private parts", "privates",
    "sex with me", "nudes", "naked pictures", "naked photos", "groom me", "groomed",
    "our secret", "not allowed to tell",
    # Not safe
    "unsafe", "not safe", "dont feel safe", "not feel safe", "scared to go home",
    "afraid to go home", "frightened to go home", "dont want to go home", "scared of my",
    "afraid of my", "run away from home", "no food at home",
    # Self-harm and suicide
    "self harm", "harm myself", "cut myself", "kill myself", "kms", "kill yourself", "kys",
    "suicide", "suicidal", "sucide", "suiside", "want to die", "wanna die", "want 2 die",
    "want to be dead", "wish i was dead", "wish i were dead", "better off dead",
    "end my life", "take my own life", "end it all", "overdose", "hang myself",
    "no reason to live", "dont want to live", "not want to live", "dont want to be alive",
)  # fmt: skip

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


def normalise(text: str) -> str:
    """The text as the matcher reads it: NFKC, casefolded, with accents,
    zero-width characters and look-alike letters from other alphabets removed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) not in _INVISIBLE)
    return unicodedata.normalize("NFC", bare).translate(_LOOK_ALIKES)


def is_concern(text: str, phrases: Iterable[str] | None = None) -> bool:
    """True when the text contains any concern phrase (the default list, or the site's)."""
    readings = _readings(text)
    return any(
        pattern.search(reading)
        for _, pattern in _patterns(_as_tuple(phrases))
        for reading in readings
    )


def concern_matches(text: str, phrases: Iterable[str] | None = None) -> list[str]:
    """The concern phrases found in the text, as written in the list: staff see why."""
    readings = _readings(text)
    return [
        phrase
        for phrase, pattern in _patterns(_as_tuple(phrases))
        if any(pattern.search(reading) for reading in readings)
    ]


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


def _as_tuple(phrases: Iterable[str] | None) -> tuple[str, ...]:
    return DEFAULT_CONCERN_PHRASES if phrases is None else tuple(phrases)


@lru_cache(maxsize=16)
def _patterns(phrases: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((phrase, re.compile(_phrase_pattern(phrase))) for phrase in phrases)


def _phrase_pattern(phrase: str) -> str:
    words = re.findall(r"[^\W_]+", normalise(phrase))
    if not words:
        raise ValueError(f"A concern phrase needs a letter or a digit: {phrase!r}")
    return _START + _GAP.join(_word_pattern(word) for word in words) + _END


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
