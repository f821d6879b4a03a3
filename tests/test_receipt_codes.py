"""Receipt codes: easy to read and type back, and stored only as a keyed hash."""

import re

import pytest

from kiosk.feedback.receipt_codes import (
    RECEIPT_WORDS,
    hash_receipt_code,
    new_receipt_code,
    normalise_receipt_code,
)
from kiosk.feedback.safeguarding import is_concern

SECRET = b"the app's secret key"

# Words that must never be in a code a child is given. The list is checked by
# hand; this catches a careless edit.
UNKIND_WORDS = {
    "kill", "dead", "die", "death", "blood", "gun", "knife", "hurt", "pain", "sad", "cry",
    "alone", "lost", "scared", "ghost", "monster", "witch", "grave", "bomb", "war", "fire",
    "sick", "ill", "fat", "ugly", "stupid", "dumb", "hate", "bum", "poo", "pee", "butt",
    "sex", "secret", "touch", "naked", "kiss", "hug", "mum", "dad", "home", "bed", "bath",
}  # fmt: skip


def test_a_code_is_three_words_from_the_list():
    code = new_receipt_code()
    assert re.fullmatch(r"[a-z]+-[a-z]+-[a-z]+", code)
    assert all(word in RECEIPT_WORDS for word in code.split("-"))


def test_codes_are_random():
    codes = {new_receipt_code() for _ in range(50)}
    assert len(codes) == 50


def test_a_new_code_reads_back_as_itself():
    for _ in range(200):
        code = new_receipt_code()
        assert normalise_receipt_code(code) == code


@pytest.mark.parametrize(
    "typed",
    [
        "apple-river-seven",
        " Apple river  SEVEN ",
        "APPLE RIVER SEVEN",
        "apple_river_seven",
        "apple.river.seven",
        "apple, river, seven",
        "apple\triver\nseven",
        "apple--river -- seven",
        "appleriverseven",
        "ａｐｐｌｅ ｒｉｖｅｒ ｓｅｖｅｎ",
        "Äpple river seven",
    ],
)
def test_a_code_is_read_back_however_it_is_typed(typed):
    assert normalise_receipt_code(typed) == "apple-river-seven"


def test_a_space_inside_a_word_is_forgiven():
    assert normalise_receipt_code("deck chair apple river") == "deckchair-apple-river"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "apple river",
        "apple river seven lemon",
        "apple river sevn",
        "apple river 7",
        "1234",
        "<script>apple river seven</script>",
        "apple river seven " * 20,
        "badgericeapple",  # badge-rice-apple or badger-ice-apple: ask again, with spaces
        None,
    ],
)
def test_something_that_cannot_be_a_code_reads_as_none(typed):
    assert normalise_receipt_code(typed) is None


def test_spaces_settle_a_code_that_reads_two_ways_without_them():
    assert normalise_receipt_code("badge rice apple") == "badge-rice-apple"
    assert normalise_receipt_code("badger ice apple") == "badger-ice-apple"


def test_the_hash_is_the_same_for_the_same_code_and_key():
    first = hash_receipt_code("apple-river-seven", SECRET)
    assert re.fullmatch(r"[0-9a-f]{64}", first)
    assert hash_receipt_code("apple-river-seven", SECRET) == first
    assert hash_receipt_code(" Apple River SEVEN", SECRET) == first
    assert hash_receipt_code("apple-river-seven", SECRET.decode()) == first


def test_the_hash_changes_with_the_key_and_with_the_code():
    first = hash_receipt_code("apple-river-seven", SECRET)
    assert hash_receipt_code("apple-river-seven", b"another key") != first
    assert hash_receipt_code("apple-river-lemon", SECRET) != first


def test_the_hash_never_contains_the_code():
    assert "apple" not in hash_receipt_code("apple-river-seven", SECRET)


@pytest.mark.parametrize("secret", [b"", ""])
def test_hashing_without_a_secret_is_refused(secret):
    with pytest.raises(ValueError, match="secret"):
        hash_receipt_code("apple-river-seven", secret)


def test_hashing_something_that_is_not_a_code_is_refused():
    with pytest.raises(ValueError, match="not a receipt code"):
        hash_receipt_code("hello", SECRET)


def test_the_word_list_is_long_enough_for_a_billion_codes():
    assert len(RECEIPT_WORDS) >= 1000
    assert len(RECEIPT_WORDS) ** 3 > 1_000_000_000


def test_the_word_list_has_no_duplicates_and_only_short_plain_words():
    assert len(set(RECEIPT_WORDS)) == len(RECEIPT_WORDS)
    for word in RECEIPT_WORDS:
        assert re.fullmatch(r"[a-z]{3,9}", word), word


def test_no_word_is_two_others_joined():
    # So "deck chair" typed for "deckchair" can only mean one thing.
    words = set(RECEIPT_WORDS)
    joined = [
        word
        for word in RECEIPT_WORDS
        for cut in range(1, len(word))
        if word[:cut] in words and word[cut:] in words
    ]
    assert joined == []


def test_no_word_is_unkind_or_a_concern():
    assert UNKIND_WORDS.isdisjoint(RECEIPT_WORDS)
    assert [word for word in RECEIPT_WORDS if is_concern(word)] == []
