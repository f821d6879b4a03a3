"""The concern matcher: what reaches the safeguarding lead first, and what does not."""

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.feedback.concern_rules import CONCERN_RULES, EXCUSES
from kiosk.feedback.safeguarding import DEFAULT_CONCERN_PHRASES, concern_matches, is_concern

LABELLED_MESSAGES = Path(__file__).resolve().parent.parent / "bench" / "concern_messages.tsv"
# Phrases that count wherever they are: random words around them cannot excuse them.
UNEXCUSED_PHRASES = tuple(phrase for phrase in DEFAULT_CONCERN_PHRASES if phrase not in EXCUSES)

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("he hurt me", "hurt"),
        ("HURT", "hurt"),
        ("it hurts when he does that", "hurt"),
        ("someone keeps hurting me", "hurt"),
        ("hurttt", "hurt"),
        ("hurtt", "hurt"),
        ("he hit me", "hit me"),
        ("he hit  me", "hit me"),
        ("he hit\n\tme", "hit me"),
        ("h i t me", "hit me"),
        ("he hits me", "hit me"),
        ("he keeps hitting me", "hit me"),
        ("dad hit us", "hit us"),
        ("she slapped me", "slap me"),
        ("he touched me", "touch me"),
        ("he touches me", "touch me"),
        ("i want to k.i.l.l myself", "kill myself"),
        ("kill my self", "kill myself"),
        ("killmyself", "kill myself"),
        ("k1ll mys3lf", "kill myself"),
        ("ki11 myself", "kill myself"),
        ("k!ll myself!", "kill myself"),
        ("kil myself", "kill myself"),
        ("killlll myself", "kill myself"),
        ("thinking about killing myself", "kill myself"),
        ("ki\u200bll my\u200dself", "kill myself"),
        ("ＫＩＬＬ ＭＹＳＥＬＦ", "kill myself"),
        ("kíll mýself", "kill myself"),
        ("kіll myѕelf", "kill myself"),  # Cyrillic і and ѕ
        ("kms", "kms"),
        ("kys", "kys"),
        ("abuse", "abuse"),
        ("i was abused", "abuse"),
        ("he is abusing her", "abuse"),
        ("abuze", "abuse"),
        ("an abuser", "abuse"),
        ("my step dad is abusive", "abusive"),
        ("self harm", "self harm"),
        ("selfharm", "self harm"),
        ("self-harm", "self harm"),
        ("self harming", "self harm"),
        ("s e l f - h a r m", "self harm"),
        ("s3lf_h4rm", "self harm"),
        ("suicide", "suicide"),
        ("$uicide", "suicide"),
        ("5uicide", "suicide"),
        ("suikide", "suicide"),
        ("feeling suicidal", "suicidal"),
        ("sucide", "sucide"),
        ("it feels unsafe at home", "unsafe"),
        ("i am not safe", "not safe"),
        ("i don't feel safe", "dont feel safe"),
        ("i do not feel safe", "not feel safe"),
        ("i'm scared to go home", "scared to go home"),
        ("i dont want to go home", "dont want to go home"),
        ("i want to die", "want to die"),
        ("i wanna die", "wanna die"),
        ("want 2 die", "want 2 die"),
        ("i cut myself", "cut myself"),
        ("i have been cutting myself", "cut myself"),
        ("rape", "rape"),
        ("i was raped", "rape"),
        ("the rapist", "rapist"),
        ("i'm being bullied", "bully"),
        ("he bullies me", "bully"),
        ("it is our secret", "our secret"),
    ],
)
def test_a_concern_is_found_however_it_is_spelled(text, phrase):
    assert is_concern(text)
    assert phrase in concern_matches(text)


@pytest.mark.parametrize(
    "text",
    [
        "I like this shirt",
        "they played the hit song",
        "hitting the ball was fun",  # "hit" alone is too everyday: only "hit me", "hit us"
        "he is a big hit",
        "she has a lot of skill",
        "we ate a grape",
        "great grapes",
        "my therapist is nice",
        "the drape is blue",
        "that was selfish",
        "we saw a killer whale",
        "the car hurtled past",
        "a scarecrow in a field",
        "I want to be a rapper",
        "rapping is my favourite",
        "he rapped a song",
        "rapeseed fields are yellow",
        "the dog was brushed and trimmed",
        "safe and warm here",
        "I feel safe",
        "I want to live by the sea",
        "I hurt my knee at football",  # issue 9: "hurt" in sport is no longer a concern
        "",
    ],
)
def test_a_harmless_near_miss_is_not_a_concern(text):
    assert not is_concern(text)
    assert concern_matches(text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("we walked 5 kms", "kms"),
        ("this homework is killing me", "kill me"),
        ("beats me", "beat me"),
    ],
)
def test_a_false_alarm_we_accept_moves_a_comment_up_and_nothing_more(text, phrase):
    # Staff read it first and see it is fine; the other way a disclosure waits unread.
    assert concern_matches(text) == [phrase]


@pytest.mark.parametrize("phrase", DEFAULT_CONCERN_PHRASES)
def test_every_default_phrase_matches_itself_but_never_inside_a_word(phrase):
    assert phrase in concern_matches(f"I think {phrase}.")
    assert phrase not in concern_matches(f"q{phrase}q")


def test_a_site_can_add_its_own_phrases():
    phrases = ["kick me", "nobody listens"]
    assert concern_matches("Nobody  listens to me", phrases) == ["nobody listens"]
    assert not is_concern("Nobody listens to me")


def test_a_sites_own_phrases_keep_the_default_phrases_and_rules():
    # Adding one phrase must not lose every rule: a miss hides a child.
    assert concern_matches("i get battered at home") == ["getting hit"]
    assert concern_matches("i get battered at home", ["nobody listens"]) == ["getting hit"]
    assert is_concern("he hurt me", ["nobody listens"])
    assert is_concern("he hurt me", [])


@pytest.mark.parametrize("phrase", ["", "  ", "!!!", "-"])
def test_a_phrase_without_a_letter_is_refused_rather_than_matching_everything(phrase):
    with pytest.raises(ValueError, match="needs a letter"):
        is_concern("anything", [phrase])


@settings(deadline=None)
@given(st.text(max_size=1200))
def test_any_text_gives_an_answer(text):
    assert isinstance(is_concern(text), bool)
    assert set(concern_matches(text)) <= {*DEFAULT_CONCERN_PHRASES, *CONCERN_RULES}


@settings(deadline=None)
@given(
    st.sampled_from(UNEXCUSED_PHRASES),
    st.lists(st.text(max_size=12), max_size=6),
    st.lists(st.text(max_size=12), max_size=6),
)
def test_a_phrase_among_random_words_is_always_found(phrase, before, after):
    text = " ".join([*before, phrase, *after])
    assert phrase in concern_matches(text)


@settings(deadline=None)
@given(st.sampled_from(DEFAULT_CONCERN_PHRASES), st.data())
def test_a_phrase_in_disguise_is_always_found(phrase, data):
    disguised = ""
    for letter in phrase:
        if data.draw(st.booleans()):
            letter = letter.upper()
        disguised += letter + data.draw(st.sampled_from(["", "", " ", ".", "-", "_", *ZERO_WIDTH]))
    assert is_concern(f"well {disguised} ok")


# Issue 9: the ways children really write, kind by kind. Staff see the phrase, or
# the rule's name, that flagged a message.


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # Hitting in the passive or in slang, with no "me"
        ("i get battered if i forget my chores", "getting hit"),
        ("got leathered again for being late", "getting hit"),
        ("me and my sister get a hiding when he's in a mood", "getting hit"),
        ("i was punched by my step brother", "was hit by"),
        ("she throws shoes at me", "thrown at, dragged, held"),
        # Harm to a parent that the child sees at home
        ("my dad punches my mum when he's angry", "harm to a parent"),
        ("mums boyfriend pushed her down the stairs", "harm to a parent"),
        ("i had to call the police on my step dad", "parent crying, police called"),
        # Neglect said as something missing
        ("theres no food in our flat again", "nothing to eat, no heating"),
        ("we got no electric so its dark all the time", "nothing to eat, no heating"),
        ("mum left me on my own all weekend", "left alone"),
        ("i have to look after my 2 little brothers every night", "looking after siblings"),
        # Grooming worded loosely
        ("he says its just between us", "kept secret"),
        ("a man online told me not to tell my mum", "told not to tell"),
        ("she said if i tell anyone she'll post it", "told not to tell"),
        ("some guy keeps asking me to send him pics", "asked for photos"),
        ("an older lad buys me vapes and drink", "gifts from someone older"),
        ("my special friend from the game is really nice", "special friend"),
        # Self-harm in its own slang, and indirect suicidal thoughts
        ("everyone wud be better off without me", "better off without me"),
        ("i wish i was never born", "not wanting to be here"),
        ("im scratching my arms again", "hurting themself"),
        ("thinking about unaliving", "unalive"),
        # Exploitation with no harm word
        ("i have to drop off parcels for some lads", "carrying for others"),
        ("i owe them loads now", "owing money"),
        ("they gave me a phone i have to keep on", "phone given by others"),
        ("they said unless i pay up they will find me", "owing money"),
        # Threats in slang
        ("these boys are gonna jump me", "threatened"),
        ("hes gunna shank me", "shank"),
        ("they said they know where i live", "threatened"),
        # A lesson topic does not hide a child who says it is happening to them
        ("we did bullying in pshe and i am being bullied", "being bullied"),
    ],
)
def test_a_concern_in_childrens_own_words_is_found_and_named(text, rule):
    assert rule in concern_matches(text)


@pytest.mark.parametrize(
    "text",
    [
        # Sport, games and songs
        "we got battered 4-0 by the other team",
        "we beat them in the final",
        "i hurt my wrist playing rugby",
        "i got hit by the ball in pe",
        "we killed the boss on the last level",
        "i love the song killing me softly",
        # Lessons
        "we learned about abuse in pshe",
        "anti bullying week was fun",
        "we had a lesson about county lines",
        # Hair dye
        "i want to die my hair pink",
        "i dyed my hair blue",
        # Fun here
        "i dont want to go home its so much fun",
        "i dont want to go home yet can we stay longer",
        # Ordinary family life, gifts, phones and money
        "my dad beat my mum at monopoly",
        "my nan bought me a phone for my birthday",
        "we had a secret santa",
        "i owe my friend 50p for the tuck shop",
        "i carried the shopping for my nan",
        "can you send pics of the trip to my mum",
        "if i tell a joke everyone laughs",
        # Neglect's near misses
        "no food allowed in the games room",
        "i'm starving when is lunch",
        "i like looking after the hamster",
        # Everyday feedback
        "the fish tank is nice",
        "can we have more beanbags",
    ],
)
def test_a_harmless_message_in_childrens_own_words_is_not_flagged(text):
    assert concern_matches(text) == []


def test_the_held_out_messages_reach_the_bar_for_recall_and_false_flags():
    # bench/concerns.py prints the same figures kind by kind; rules are tuned on
    # the other half, so this half shows how they do on messages nobody tuned for.
    with LABELLED_MESSAGES.open(encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file, delimiter="\t") if row["half"] == "held-out"]
    concerning = [row["message"] for row in rows if row["concern"] == "1"]
    harmless = [row["message"] for row in rows if row["concern"] == "0"]
    assert len(concerning) >= 100 and len(harmless) >= 100  # so this could fail
    recall = sum(map(is_concern, concerning)) / len(concerning)
    false_flags = sum(map(is_concern, harmless)) / len(harmless)
    assert recall >= 0.90
    assert false_flags <= 0.20
