"""What a comment must be before it is kept: its words, its topic, its receipt."""

import datetime

import pytest

from kiosk.feedback.comments import (
    InvalidComment,
    check_receipt,
    check_topic,
    clean_text,
    make_comment,
    receipt_seal,
)
from kiosk.feedback.receipt_codes import RECEIPT_WORDS, hash_receipt_code

SECRET = "test-secret"
ID = "0123456789abcdef" * 2
CODE = "-".join(RECEIPT_WORDS[10:13])
TOPICS = ["The waiting room", "Our meetings", "Something else"]
CONTROL = "Your message has a character we cannot keep. Please take it out."
OUT_OF_DATE = "This page is out of date. Please load it again."


# Words


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        (None, None),
        ("", None),
        ("  \n\t \r\n ", None),
        ("  hello  \n", "hello"),
        ("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
        ("col1\tcol2", "col1\tcol2"),
        ("cafe\u0301", "café"),  # NFC: the same word however the keyboard spelled it
        ("🙂 شكرا 谢谢 Дякую", "🙂 شكرا 谢谢 Дякую"),
    ],
)
def test_words_are_kept_tidied_or_not_at_all(sent, kept):
    assert kept == clean_text(sent, 1000)


@pytest.mark.parametrize(
    "character", ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]
)
def test_control_characters_are_refused(character):
    with pytest.raises(InvalidComment, match=CONTROL):
        clean_text(f"hello {character} there", 1000)


def test_the_limit_counts_letters_after_tidying():
    assert "a" * 10 == clean_text("   " + "a" * 10 + "\n\n", 10)
    assert "é" * 10 == clean_text("e\u0301" * 10, 10)
    assert "🙂" * 10 == clean_text("🙂" * 10, 10)
    with pytest.raises(InvalidComment, match="too long. Please keep it under 10 letters"):
        clean_text("a" * 11, 10)


# Topics


@pytest.mark.parametrize("topic", [None, ""])
def test_a_topic_is_optional(topic):
    assert check_topic(topic, TOPICS) is None


def test_a_topic_from_the_list_is_kept():
    assert "Our meetings" == check_topic("Our meetings", TOPICS)


@pytest.mark.parametrize("topic", ["our meetings", "Our meetings ", "The head teacher", "\x00"])
def test_a_topic_not_on_the_list_is_refused(topic):
    with pytest.raises(InvalidComment, match="Please choose one of the topics on the page."):
        check_topic(topic, TOPICS)


# Receipts


def test_a_seal_belongs_to_one_page_one_code_and_one_secret():
    seal = receipt_seal(SECRET, ID, CODE)
    assert seal == receipt_seal(SECRET, ID, CODE)
    others = {
        receipt_seal("another-secret", ID, CODE),
        receipt_seal(SECRET, "f" * 32, CODE),
        receipt_seal(SECRET, ID, "-".join(RECEIPT_WORDS[20:23])),
    }
    assert seal not in others
    assert 3 == len(others)


def test_a_sealed_receipt_gives_back_its_code():
    assert CODE == check_receipt(SECRET, ID, CODE, receipt_seal(SECRET, ID, CODE))


def test_a_receipt_is_read_as_forgivingly_as_it_is_typed():
    typed = CODE.upper().replace("-", " ")
    assert CODE == check_receipt(SECRET, ID, typed, receipt_seal(SECRET, ID, CODE))


@pytest.mark.parametrize(
    ("submission_id", "code", "seal"),
    [
        (ID, CODE, receipt_seal("another-secret", ID, CODE)),
        (ID, CODE, receipt_seal(SECRET, "f" * 32, CODE)),
        (ID, "-".join(RECEIPT_WORDS[20:23]), receipt_seal(SECRET, ID, CODE)),
        (ID, CODE, ""),
        (ID, CODE, None),
        (ID, CODE, "\x80"),
        (ID, CODE, receipt_seal(SECRET, ID, CODE)[:-1] + "é"),
        (ID, "not-a-code", receipt_seal(SECRET, ID, "not-a-code")),
        (ID, "", receipt_seal(SECRET, ID, "")),
        (ID, None, receipt_seal(SECRET, ID, "")),
        ("ABCDEF" + ID[6:], CODE, receipt_seal(SECRET, "ABCDEF" + ID[6:], CODE)),
        (ID[:-1], CODE, receipt_seal(SECRET, ID[:-1], CODE)),
        ("", CODE, receipt_seal(SECRET, "", CODE)),
        (None, CODE, receipt_seal(SECRET, ID, CODE)),
    ],
    ids=[
        "other-secret",
        "other-page",
        "other-code",
        "empty-seal",
        "no-seal",
        "not-ascii-seal",
        "accented-seal",
        "not-a-code",
        "empty-code",
        "no-code",
        "capital-id",
        "short-id",
        "empty-id",
        "no-id",
    ],
)
def test_a_receipt_the_server_did_not_seal_is_refused(submission_id, code, seal):
    with pytest.raises(InvalidComment, match=OUT_OF_DATE):
        check_receipt(SECRET, submission_id, code, seal)


# A whole comment


def comment(text="Hello", drawing=None, phrases=None, date=datetime.date(2026, 1, 1)):
    return make_comment(
        submission_id=ID,
        site="youth-hub",
        topic="Our meetings",
        text=text,
        drawing=drawing,
        receipt_code=CODE,
        secret=SECRET,
        concern_phrases=phrases,
        today=date,
    )


def test_a_comment_keeps_its_date_and_iso_week_and_only_the_hash_of_its_code():
    kept = comment(date=datetime.date(2026, 1, 1))
    assert ("2026-W01", hash_receipt_code(CODE, SECRET)) == (kept.week, kept.receipt_hash)
    assert CODE not in repr(kept)
    # New Year's Day 2027 is a Friday: it belongs to the last week of 2026.
    assert "2026-W53" == comment(date=datetime.date(2027, 1, 1)).week


def test_nothing_written_and_nothing_drawn_is_not_a_comment():
    with pytest.raises(InvalidComment, match="Write something or draw something"):
        comment(text=None, drawing=None)


def test_a_drawing_alone_is_a_comment_and_never_a_concern():
    kept = comment(text=None, drawing=b"\x89PNG...")
    assert (None, b"\x89PNG...", False) == (kept.text, kept.drawing, kept.concern)


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("he hit me", True),
        ("I want to kill myself", True),
        ("My dad HURTS me", True),
        ("I like the new shirt", False),
        ("The games room has a skill wall", False),
    ],
)
def test_words_that_may_be_a_disclosure_make_a_concern(text, concern):
    assert concern == comment(text=text).concern


def test_a_services_own_concern_phrases_are_added_to_the_default():
    assert comment("The lift is broken again", phrases=["lift is broken"]).concern
    assert not comment("The lift is broken again").concern
    # Adding a phrase never loses the built-in ones: a miss hides a child.
    assert comment("he hit me", phrases=["lift is broken"]).concern
