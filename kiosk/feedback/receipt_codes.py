"""Receipt codes: how an anonymous writer can take their comment back.

A receipt code is three words from receipt_words.txt ("apple-river-seven"):
short, kind, plain words a 9-year-old can read and type, with no rude,
scary or sad ones, no homophones and no word made of two others. It is shown
once, after sending, and stored only as a keyed hash.

Why HMAC-SHA256 with the app's secret, not a slow password hash such as argon2:
- 1,102 words, three at a time, is about 1.3 billion codes: 30 bits. A slow
  hash would only slow down someone who has copied the database, and at 50 ms
  a guess they would still try every code in two years on one core, far
  sooner on many. With a keyed hash they cannot test a single guess without
  the secret, which is never in the database: the key is what protects them.
- The withdraw page must find a comment from its code alone. A salted hash
  cannot be looked up (every row's salt would have to be tried); a keyed hash
  is the same for the same code, so the lookup is one indexed equality.
Guessing through the withdraw page is held back by the rate limit and by
WITHDRAW_DAYS, after which a code no longer works.
"""

import hashlib
import hmac
import re
import secrets
import unicodedata
from importlib import resources

WORDS_PER_CODE = 3
RECEIPT_WORDS = tuple(
    resources.files("kiosk.feedback").joinpath("receipt_words.txt").read_text("ascii").split()
)
_WORD_SET = frozenset(RECEIPT_WORDS)
_LONGEST_TYPED = 200  # three words of up to nine letters, with room for spaces
_NOT_A_LETTER = re.compile(r"[^a-z]+")


def new_receipt_code() -> str:
    """Three random words joined by dashes, e.g. "apple-river-seven"."""
    return "-".join(secrets.choice(RECEIPT_WORDS) for _ in range(WORDS_PER_CODE))


def normalise_receipt_code(typed: str) -> str | None:
    """The code someone typed, in the one spelling that was hashed; None when
    it cannot be a code.

    Forgiving of what a child or a phone keyboard does: capitals, accents,
    extra spaces, dashes, dots or commas between the words, a space inside a
    word ("deck chair") or no spaces at all ("appleriverseven").
    """
    if not isinstance(typed, str) or len(typed) > _LONGEST_TYPED:
        return None
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", typed).casefold())
    letters_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = [word for word in _NOT_A_LETTER.split(letters_only) if word]
    if len(words) == WORDS_PER_CODE and all(word in _WORD_SET for word in words):
        return "-".join(words)
    readings = _three_word_readings("".join(words))
    if len(readings) == 1:
        return readings[0]
    return None  # not words from the list, or two codes read the same without spaces


def hash_receipt_code(code: str, secret: bytes | str) -> str:
    """The keyed hash stored in place of the code, as 64 hex characters.

    The code is normalised first, so "Apple River Seven" and
    "apple-river-seven" hash the same.
    """
    canonical = normalise_receipt_code(code)
    if canonical is None:
        raise ValueError("That is not a receipt code.")
    key = secret.encode() if isinstance(secret, str) else secret
    if not key:
        raise ValueError("A receipt code needs a secret key to hash it.")
    # The prefix keeps these hashes apart from anything else made with the same key.
    message = b"kiosk receipt code:" + canonical.encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _three_word_readings(letters: str) -> list[str]:
    """Every way to read a run of letters as three words from the list."""
    readings = []
    for first_end in range(1, len(letters) - 1):
        if letters[:first_end] not in _WORD_SET:
            continue
        for second_end in range(first_end + 1, len(letters)):
            second, third = letters[first_end:second_end], letters[second_end:]
            if second in _WORD_SET and third in _WORD_SET:
                readings.append(f"{letters[:first_end]}-{second}-{third}")
    return readings
