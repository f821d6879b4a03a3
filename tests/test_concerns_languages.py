"""Issue 11: the concern matcher in every shipped language, in its own script and
typed in Latin letters, and the harmless near misses it must leave alone."""

import csv
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.feedback.concern_rules import CONCERN_RULES, LANGUAGE_RULES
from kiosk.feedback.safeguarding import (
    DEFAULT_CONCERN_PHRASES,
    concern_matches,
    is_concern,
    normalise,
)
from tests.conftest import send_feedback

BENCH = Path(__file__).resolve().parent.parent / "bench"
LANGUAGE_MESSAGES = BENCH / "concern_messages_languages.tsv"
ENGLISH_MESSAGES = BENCH / "concern_messages.tsv"


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


# What a child might write, and the rule staff see beside it.
DISCLOSURES = [
    # Polish, with and without its accents
    ("tata mnie bije", "hurting me (Polish)"),
    ("bije mnie", "hurting me (Polish)"),
    ("ojczym mnie bił wczoraj", "hurting me (Polish)"),
    ("ojczym mnie bil wczoraj", "hurting me (Polish)"),
    ("TATA MNIE BIŁ", "hurting me (Polish)"),
    ("wujek mnie dotyka", "touching me (Polish)"),
    ("chcę się zabić", "hurting themself (Polish)"),
    ("chce sie zabic", "hurting themself (Polish)"),
    ("nie czuję się bezpiecznie w domu", "not safe (Polish)"),
    ("boje sie wracac do domu", "not safe (Polish)"),
    ("starszy chłopak grozi mi", "threatened (Polish)"),
    # Romanian, with and without its accents (ș and the older ş, ț and ţ)
    ("ma bate", "hurting me (Romanian)"),
    ("tata mă bate", "hurting me (Romanian)"),
    ("m-a lovit", "hurting me (Romanian)"),
    ("m-a bătut tata", "hurting me (Romanian)"),
    ("ma atinge", "touching me (Romanian)"),
    ("m-a atins acolo", "touching me (Romanian)"),
    ("vreau să mor", "hurting themself (Romanian)"),
    ("nu mă simt în siguranță acasă", "not safe (Romanian)"),
    ("nu mă simt în siguranţă acasă", "not safe (Romanian)"),
    ("mi-e frica sa merg acasa", "not safe (Romanian)"),
    ("mă amenință", "threatened (Romanian)"),
    # Urdu, in its own script and typed on an Arabic keyboard
    ("مجھے مارتا ہے", "hurting me (Urdu)"),
    ("مجهے مارتا هے", "hurting me (Urdu)"),
    ("ابو مجھے بہت مارتے ہیں", "hurting me (Urdu)"),
    ("وہ مجھے غلط جگہ چھوتا ہے", "touching me (Urdu)"),
    ("میں خودکشی کرنا چاہتا ہوں", "hurting themself (Urdu)"),
    ("مجھے گھر جانے سے ڈر لگتا ہے", "not safe (Urdu)"),
    ("وہ مجھے دھمکی دیتا ہے", "threatened (Urdu)"),
    # Urdu and Punjabi in English letters
    ("mujhe maarta hai", "hurting me (Urdu or Punjabi in English letters)"),
    ("wo mujhe maarta hai", "hurting me (Urdu or Punjabi in English letters)"),
    ("mainu kuttda", "hurting me (Urdu or Punjabi in English letters)"),
    ("Mujhe MAARTA hai", "hurting me (Urdu or Punjabi in English letters)"),
    ("wo mujhe touch karta hai", "touching me (Urdu or Punjabi in English letters)"),
    ("main khudkushi karna chahta hoon", "hurting themself (Urdu or Punjabi in English letters)"),
    ("main marna chahunda haan", "hurting themself (Urdu or Punjabi in English letters)"),
    ("ghar jane se dar lagta hai", "not safe (Urdu or Punjabi in English letters)"),
    ("mainu ghar jaan ton dar lagda", "not safe (Urdu or Punjabi in English letters)"),
    ("usne kaha jaan se maar dega", "threatened (Urdu or Punjabi in English letters)"),
    # Punjabi in Gurmukhi, with and without addak, tippi and nukta
    ("ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ", "hurting me (Punjabi)"),
    ("ਮੈਨੂ ਕੁਟਦਾ", "hurting me (Punjabi)"),
    ("ਪਾਪਾ ਮੈਨੂੰ ਮਾਰਦੇ ਨੇ", "hurting me (Punjabi)"),
    ("ਚਾਚਾ ਮੈਨੂੰ ਹੱਥ ਲਾਉਂਦਾ ਹੈ", "touching me (Punjabi)"),
    ("ਮੈਂ ਖ਼ੁਦਕੁਸ਼ੀ ਬਾਰੇ ਸੋਚਦੀ ਹਾਂ", "hurting themself (Punjabi)"),
    ("ਮੈਂ ਖੁਦਕੁਸ਼ੀ ਬਾਰੇ ਸੋਚਦੀ ਹਾਂ", "hurting themself (Punjabi)"),
    ("ਮੈਂ ਘਰ ਵਿੱਚ ਸੁਰੱਖਿਅਤ ਨਹੀਂ ਹਾਂ", "not safe (Punjabi)"),
    ("ਉਹ ਮੈਨੂੰ ਧਮਕੀ ਦਿੰਦਾ ਹੈ", "threatened (Punjabi)"),
    # Arabic, with and without harakat, with tatweel, "and" and "the" joined on
    ("أبي يضربني كل يوم", "hurting me (Arabic)"),
    ("ابي يَضْرِبُنِي", "hurting me (Arabic)"),
    ("يضـــربني", "hurting me (Arabic)"),
    ("بابا بيضربني", "hurting me (Arabic)"),
    ("يصرخ علي ويضربني", "hurting me (Arabic)"),
    ("عمي يلمسني", "touching me (Arabic)"),
    ("فكرت في الانتحار", "hurting themself (Arabic)"),
    ("أريد أن أموت", "hurting themself (Arabic)"),
    ("لا أشعر بالأمان في البيت", "not safe (Arabic)"),
    ("يهددني إذا قلت لأحد", "threatened (Arabic)"),
    # Arabic in Latin letters and digits
    ("y3dhrbni", "hurting me (Arabic in English letters)"),
    ("baba byedrabni", "hurting me (Arabic in English letters)"),
    ("ammo bylmasni", "touching me (Arabic in English letters)"),
    ("bade mout", "hurting themself (Arabic in English letters)"),
    ("fakart bel inti7ar", "hurting themself (Arabic in English letters)"),
    ("ana mish aman fel beit", "not safe (Arabic in English letters)"),
    ("howa yhaddedni", "threatened (Arabic in English letters)"),
    # Told to keep it secret, in each
    ("wujek mówi żebym nie mówiła nikomu", "told to keep it secret (Polish)"),
    ("mi-a zis sa nu spun nimanui", "told to keep it secret (Romanian)"),
    ("اس نے کہا کسی کو مت بتانا", "told to keep it secret (Urdu)"),
    ("usne kaha kisi ko mat batana", "told to keep it secret (Urdu or Punjabi in English letters)"),
    ("ਉਸਨੇ ਕਿਹਾ ਕਿਸੇ ਨੂੰ ਨਾ ਦੱਸੀਂ", "told to keep it secret (Punjabi)"),
    ("قال لا تخبري أحدا", "told to keep it secret (Arabic)"),
    ("qal ma t2oli la 7ada", "told to keep it secret (Arabic in English letters)"),
]

NEAR_MISSES = [
    # Polish: sport, a game, a film, a heartbeat, a clock, a storm
    "brat uderzył piłkę bardzo mocno",
    "serce mi bije szybko jak biegam",
    "pokonał mnie w szachy",
    "gramy w grę o zombie i zabijamy potwory",
    "ten film był straszny ale fajny",
    "zegar bije o dwunastej",
    "w nocy była gwałtowna burza",
    "boję się pająków",
    # Romanian
    "m-a bătut la șah",
    "m-a lovit mingea la fotbal",
    "fratele meu a lovit mingea",
    "mă bate gândul să mă fac medic",
    "am văzut un film cu monștri",
    "mi-e frică de păianjeni",
    # Urdu: "ہمارا" (our) has "مارا" inside it; market is not "مار"
    "بھائی نے گیند کو مارا",
    "ہمارا کھیل بہت اچھا تھا",
    "مجھے مارکیٹ جانا ہے",
    "مجھے کتے سے ڈر لگتا ہے",
    "ہم نے ڈراؤنی فلم دیکھی",
    # Urdu and Punjabi in English letters
    "bhai ne ball ko mara",
    "mujhe market jana hai",
    "mujhe kutte se dar lagta hai",
    "hum ne game mein zombie maare",
    "mujhe maaf kar do",
    "bhra ne ball nu maarya",
    "mainu kutte ton dar lagda",
    # Punjabi: ਕੁੱਤਾ (dog) is not ਕੁੱਟ (beat); ਡਰਾਉਣੀ (scary) is not ਡਰ (fear)
    "ਭਰਾ ਨੇ ਗੇਂਦ ਨੂੰ ਮਾਰਿਆ",
    "ਮੇਰਾ ਕੁੱਤਾ ਮੈਨੂੰ ਪਿਆਰ ਕਰਦਾ ਹੈ",
    "ਅਸੀਂ ਘਰ ਵਿੱਚ ਡਰਾਉਣੀ ਫਿਲਮ ਦੇਖੀ",
    "ਖੇਡ ਵਿੱਚ ਅਸੀਂ ਰਾਖਸ਼ ਨੂੰ ਮਾਰਿਆ",
    "ਮੈਨੂੰ ਮਾਰਕੀਟ ਜਾਣਾ ਹੈ",
    # Arabic: the ball, a match, a game, a touch screen, a horror film
    "أخي ضرب الكرة بقوة",
    "ضربنا الكرة في المباراة",
    "لعبنا لعبة وقتلنا الوحوش",
    "شاشة اللمس لا تعمل",
    "شاهدنا فيلم رعب",
    "أخاف من الكلاب",
    # Arabic in Latin letters, and English words the Arabizi rules must not take
    "akhoya darab el kora",
    "darabna el kora",
    "ana khayef men el kalb",
    "baddi arou7 3al beit",
    "the menu had pita bread",
    "that was harsh",
    "we thrashed them",
    "my brother hit the ball",
    # A birthday surprise is a secret too
    "nie mów nikomu o prezencie dla mamy to niespodzianka",
    "e o surpriza pentru ziua mamei sa nu spui nimanui",
    "امی کی سالگرہ کا سرپرائز ہے کسی کو مت بتانا",
    "ammi ki salgirah ka surprise hai kisi ko mat batana",
    "ਮੰਮੀ ਦੇ ਜਨਮਦਿਨ ਦਾ ਸਰਪ੍ਰਾਈਜ਼ ਹੈ ਕਿਸੇ ਨੂੰ ਨਾ ਦੱਸੀਂ",
    "لا تقول لأحد عن هدية عيد ميلاد ماما",
]


@pytest.mark.parametrize(("text", "rule"), DISCLOSURES)
def test_a_disclosure_in_each_language_is_found_and_named(text, rule):
    assert rule in concern_matches(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_harmless_near_miss_in_each_language_is_not_flagged(text):
    assert concern_matches(text) == []


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        # Polish ł has no accent to strip; Romanian comma and cedilla letters
        ("Bił", "bil"),
        ("łŁ", "ll"),
        ("ș ş ț ţ ă â î", "s s t t a a i"),
        # Arabic and Farsi yeh, alef maksura, Urdu bari yeh: one yeh
        ("\u064a \u06cc \u0649 \u06d2", "\u06cc \u06cc \u06cc \u06cc"),
        # Arabic kaf and keheh
        ("\u0643 \u06a9", "\u06a9 \u06a9"),
        # The heh forms and teh marbuta
        ("\u0647 \u06c1 \u06be \u0629", "\u0647 \u0647 \u0647 \u0647"),
        # Tatweel and harakat go; hamza on alef and waw goes
        ("يَضْـرِبُنِي", "یضربنی"),
        ("أؤذي إآ", "اوذی اا"),
        # Arabic presentation forms (NFKC)
        ("\ufefb", "\u0644\u0627"),
        # Gurmukhi: nukta, addak and tippi go; vowel signs become vowel letters,
        # so a word stays one word; a vowel typed on its carrier is the vowel
        ("ਖ਼ੁੱਦ", "ਖਉਦ"),
        ("ਮੈਨੂੰ", "ਮਐਨਊ"),
        ("\u0a05\u0a3e", "\u0a06"),
    ],
)
def test_letters_typed_more_than_one_way_read_as_one(typed, plain):
    assert normalise(typed) == plain


def test_a_gurmukhi_word_is_one_word_to_the_matcher():
    # Vowel signs are not letters to Python's re: unfolded, "ਮਾਰਦਾ" (hits) would be
    # cut into pieces, and a phrase of it would match "ਮਰਦ" (man).
    assert normalise("ਮਾਰਦਾ").isalpha()
    assert concern_matches("ਮਾਰਦਾ", ["ਮਾਰਦਾ"]) == ["ਮਾਰਦਾ"]
    assert concern_matches("ਉਹ ਮਰਦ ਹੈ", ["ਮਾਰਦਾ"]) == []


def test_a_site_can_add_a_phrase_in_any_script():
    assert concern_matches("ਉਹ ਮੈਨੂੰ ਤੰਗ ਕਰਦਾ ਹੈ", ["ਤੰਗ ਕਰਦਾ"]) == ["ਤੰਗ ਕਰਦਾ"]
    assert concern_matches("هو يزعجني", ["يزعجني"]) == ["يزعجني"]
    assert concern_matches("هو يُزْعِجُنِي", ["يزعجني"]) == ["يزعجني"]
    assert concern_matches("on mnie wyzywa", ["wyzywa"]) == ["wyzywa"]


ARABIC_MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640", "\u200c"]
ARABIC_DISCLOSURES = [text for text, rule in DISCLOSURES if rule.endswith("(Arabic)")]


@settings(deadline=None)
@given(st.sampled_from(ARABIC_DISCLOSURES), st.data())
def test_arabic_with_any_harakat_or_tatweel_is_still_found(text, data):
    marked = ""
    for letter in text:
        marked += letter
        if unicodedata.category(letter) == "Lo":
            marked += data.draw(st.sampled_from(["", "", *ARABIC_MARKS]))
    assert is_concern(marked)


ACCENTED = [(text, rule) for text, rule in DISCLOSURES if rule.endswith(("(Polish)", "(Romanian)"))]


@pytest.mark.parametrize(("text", "rule"), ACCENTED)
def test_polish_and_romanian_match_with_their_accents_stripped(text, rule):
    stripped = "".join(
        ch
        for ch in unicodedata.normalize("NFD", text.replace("ł", "l"))
        if not unicodedata.combining(ch)
    )
    assert rule in concern_matches(stripped)


SCRIPTS = st.characters(
    whitelist_categories=("L", "M", "N", "P", "Z", "Cf"),
    # Latin, Latin Extended, Arabic, Arabic Supplement, Gurmukhi, Arabic
    # presentation forms, zero-width characters
    min_codepoint=0x20,
    max_codepoint=0xFEFF,
).filter(
    lambda ch: (
        ch.isascii()
        or 0x00C0 <= ord(ch) <= 0x024F
        or 0x0600 <= ord(ch) <= 0x077F
        or 0x0A00 <= ord(ch) <= 0x0A7F
        or 0xFB50 <= ord(ch) <= 0xFEFF
        or 0x200B <= ord(ch) <= 0x200F
    )
)


@settings(deadline=None)
@given(st.text(alphabet=SCRIPTS, max_size=400))
def test_any_text_in_these_scripts_gives_an_answer(text):
    assert isinstance(is_concern(text), bool)
    assert set(concern_matches(text)) <= {*DEFAULT_CONCERN_PHRASES, *CONCERN_RULES}


UNEXCUSED = [
    (text, rule)
    for text, rule in DISCLOSURES
    # sport and games excuse the first two, a surprise the last
    if not rule.startswith(("hurting me", "threatened", "told to keep"))
]


@settings(deadline=None)
@given(
    st.sampled_from(UNEXCUSED),
    st.lists(st.text(alphabet=SCRIPTS, max_size=10), max_size=4),
    st.lists(st.text(alphabet=SCRIPTS, max_size=10), max_size=4),
)
def test_a_disclosure_among_random_words_is_still_found(disclosure, before, after):
    text, rule = disclosure
    # The rules allow a word or two between their parts, so random words go
    # around the disclosure, each on its own line.
    assert rule in concern_matches("\n".join([*before, text, *after]))


def test_every_language_reaches_the_bar_on_the_labelled_messages():
    # bench/concerns.py prints the same figures; bench/README.md says who wrote them.
    rows = _rows(LANGUAGE_MESSAGES)
    languages = {row["lang"] for row in rows}
    assert {"pl", "ro", "ur", "ur-Latn", "pa", "pa-Latn", "ar", "ar-Latn"} <= languages
    for lang in languages:
        chosen = [row for row in rows if row["lang"] == lang]
        concerning = [row["message"] for row in chosen if row["concern"] == "1"]
        harmless = [row["message"] for row in chosen if row["concern"] == "0"]
        assert len(concerning) >= 10 and len(harmless) >= 5, lang
        assert sum(map(is_concern, concerning)) / len(concerning) >= 0.90, lang
        assert sum(map(is_concern, harmless)) / len(harmless) <= 0.10, lang


def test_every_language_rule_is_checked_by_a_labelled_message():
    found = set()
    for row in _rows(LANGUAGE_MESSAGES):
        found.update(concern_matches(row["message"]))
    assert set(LANGUAGE_RULES) <= found


def test_no_language_rule_fires_on_the_english_messages():
    # Issue 11 must not change what English messages flag, or why.
    for row in _rows(ENGLISH_MESSAGES):
        assert not set(concern_matches(row["message"])) & set(LANGUAGE_RULES), row["message"]


FROM_THE_BOX = [
    ("أبي يضربني كل يوم", "hurting me (Arabic)"),
    ("ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ", "hurting me (Punjabi)"),
    ("tata mnie bije", "hurting me (Polish)"),
    ("mujhe maarta hai", "hurting me (Urdu or Punjabi in English letters)"),
]


def test_a_disclosure_in_any_language_reaches_the_lead_and_says_why(app, staff):
    for text, _ in FROM_THE_BOX:
        assert 201 == send_feedback(app.test_client(), text=text).status_code
    # The safeguarding lead's queue has each one...
    queue = staff.get("/admin/concerns").get_data(as_text=True)
    assert all(text in queue for text, _ in FROM_THE_BOX)
    # ...and the week's comments say which rule flagged it.
    week = " ".join(staff.get("/admin/comments").get_data(as_text=True).split())
    for text, rule in FROM_THE_BOX:
        assert text in week
        assert f"<dt>Flagged by</dt><dd>{rule}</dd>" in week
