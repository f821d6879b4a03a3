"""A comment in the feedback box: words, a drawing, or both; or words written
for one question of a survey on a phone.

What a young person sends is checked here, once, before it can be stored:
the rules are the same for the phone, the kiosk tablet and a page without
JavaScript.
"""

import datetime
import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from kiosk.app.text_direction import without_bidi_controls
from kiosk.feedback import receipt_codes, safeguarding
from kiosk.surveys import SUBMISSION_ID, iso_week

# Tab and newline are how people write; every other control character is not.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


OUT_OF_DATE = _l("This page is out of date. Please load it again.")


class InvalidComment(ValueError):
    """A comment that cannot be stored; the message is shown to the writer."""


@dataclass(frozen=True)
class Comment:
    id: str
    site: str
    topic: str | None
    text: str | None
    drawing: bytes | None
    concern: bool
    receipt_hash: str
    date: datetime.date
    # Set only for words written in a survey: which version and question they answer.
    survey: str | None = None
    version: int | None = None
    question: str | None = None

    @property
    def week(self) -> str:
        return iso_week(self.date)


def clean_text(text: str | None, max_chars: int) -> str | None:
    """The comment's words, or None when there are none."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Invisible direction changes would make staff read the words in another order.
    text = without_bidi_controls(text).strip()
    if CONTROL_CHARACTERS.search(text):
        raise InvalidComment(_l("Your message has a character we cannot keep. Please take it out."))
    if len(text) > max_chars:
        raise InvalidComment(
            _l("Your message is too long. Please keep it under %(num)d letters.", num=max_chars)
        )
    return text or None


def check_topic(topic: str | None, topics: list[str]) -> str | None:
    if not topic:
        return None
    if topic not in topics:
        raise InvalidComment(_l("Please choose one of the topics on the page."))
    return topic


def receipt_seal(secret: str, submission_id: str, receipt_code: str) -> str:
    """Proof that this page's receipt code was made by the server, not the sender.

    The code is made when the page is shown, so a page whose reply was lost can
    still show it after sending again; the seal stops a sender picking their own.
    """
    message = f"{submission_id}:{receipt_code}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def check_receipt(secret: str, submission_id: str, receipt_code: str, seal: str) -> str:
    if not SUBMISSION_ID.fullmatch(submission_id or ""):
        raise InvalidComment(OUT_OF_DATE)
    code = receipt_codes.normalise_receipt_code(receipt_code or "")
    expected = receipt_seal(secret, submission_id, code or "")
    # compare_digest raises TypeError for a str that is not ASCII: that is a 500.
    seal = seal if isinstance(seal, str) and seal.isascii() else ""
    if code is None or not hmac.compare_digest(expected, seal):
        raise InvalidComment(OUT_OF_DATE)
    return code


def no_receipt_seal(secret: str, submission_id: str) -> str:
    """Proof that the server made this id for a page that gives no receipt code:
    the feedback box on the kiosk's shared tablet, where the next child would see it.
    Kept apart from receipt_seal, so neither kind of page can pass for the other."""
    message = f"no receipt:{submission_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def check_no_receipt(secret: str, submission_id: str, seal: str) -> None:
    if not SUBMISSION_ID.fullmatch(submission_id or ""):
        raise InvalidComment(OUT_OF_DATE)
    seal = seal if isinstance(seal, str) and seal.isascii() else ""
    if not hmac.compare_digest(no_receipt_seal(secret, submission_id), seal):
        raise InvalidComment(OUT_OF_DATE)


def stand_in_receipt_hash() -> str:
    """What a comment sent with no receipt code keeps in its place: random, and
    shaped like every receipt hash, so nothing stored tells that it came from the
    kiosk's tablet; made from no code, so no code can take it back."""
    return secrets.token_hex(32)


def make_comment(
    *,
    submission_id: str,
    site: str,
    topic: str | None,
    text: str | None,
    drawing: bytes | None,
    receipt_code: str | None,
    secret: str,
    concern_phrases: list[str] | None,
    today: datetime.date,
) -> Comment:
    """A comment, with the receipt code's hash; receipt_code None: one that
    nobody can take back (sent from the kiosk), with a stand-in."""
    if text is None and drawing is None:
        raise InvalidComment(_l("Write something or draw something, then press Send."))
    return Comment(
        id=submission_id,
        site=site,
        topic=topic,
        text=text,
        drawing=drawing,
        concern=bool(text and safeguarding.is_concern(text, concern_phrases)),
        receipt_hash=(
            receipt_codes.hash_receipt_code(receipt_code, secret)
            if receipt_code is not None
            else stand_in_receipt_hash()
        ),
        date=today,
    )


def survey_comment_id(secret: str, submission_id: str, question_key: str) -> str:
    """The id of the words one page wrote for one question: the same when the page
    is sent again, different for each question. Keyed with the app's secret, so
    a copy of the database cannot join these words to the same page's answers
    (the submission keeps the page's own id)."""
    message = f"survey comment:{submission_id}:{question_key}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:32]


def make_survey_comment(
    *,
    submission_id: str,
    site: str,
    survey: str,
    version: int,
    question: str,
    text: str,
    receipt_code: str,
    secret: str,
    concern_phrases: list[str] | None,
    today: datetime.date,
) -> Comment:
    """Words written for one question of a survey, as a comment with no topic:
    through the same concern matcher, with the receipt code shared by the page."""
    return Comment(
        id=survey_comment_id(secret, submission_id, question),
        site=site,
        topic=None,
        text=text,
        drawing=None,
        concern=safeguarding.is_concern(text, concern_phrases),
        receipt_hash=receipt_codes.hash_receipt_code(receipt_code, secret),
        date=today,
        survey=survey,
        version=version,
        question=question,
    )
