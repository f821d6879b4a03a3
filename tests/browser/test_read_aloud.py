"""Read-aloud that finishes: it speaks the page's language with a voice the
device has (and hides where it has none), the kiosk's thank-you and idle reset
wait until it has finished, "Read everything to me" reads each screen by itself,
and the feedback box and phone survey read aloud too. The browser's speech is a
fake (tests/browser/conftest.py): Debian's chromium has no voices."""

import pytest
from playwright.sync_api import expect

from kiosk import storage
from kiosk.surveys import ADULT_EVALUATION, BUILT_IN_BY_SLUG, CHILD_EVALUATION
from tests.browser.conftest import (
    answer_at_the_kiosk,
    assert_accessible,
    fake_speech,
    live_database,
)

KIOSK = "/kiosk/waiting-room-a"
START = "Tell us what you think"
STILL_THERE = "Are you still there?"
QUESTIONS = [question.text for question in BUILT_IN_BY_SLUG[CHILD_EVALUATION].questions]
# What the thank-you must always say in full.
HELP = ["talk to a grown-up you trust", "Childline", "0 8 0 0, 1 1 1 1", "9 9 9"]
NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"


def still_to_say(page) -> str:
    return page.evaluate("() => fakeSpeech.queued()")


def spoken(page) -> list[dict]:
    return page.evaluate("() => fakeSpeech.spoken")


def finish_speaking(page):
    page.evaluate("() => fakeSpeech.finishAll()")


def read_to_me(page):
    return page.get_by_role("button", name="Read to me")


def read_everything(page):
    return page.get_by_role("button", name="Read everything to me")


@pytest.mark.parametrize("speech", [fake_speech("pl-PL", "ar"), NO_SPEECH])
def test_no_voice_for_the_language_means_no_read_aloud_button(page, phone, live_server, speech):
    page.add_init_script(speech)
    page.goto(live_server.url + KIOSK)
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(read_to_me(page)).to_be_hidden()
    expect(read_everything(page)).to_be_hidden()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name=QUESTIONS[0])).to_be_visible()
    expect(read_to_me(page)).to_be_hidden()

    offer_the_adult_evaluation(live_server)
    phone.add_init_script(speech)
    for address in ["/feedback/waiting-room-a", f"/survey/waiting-room-a/{ADULT_EVALUATION}"]:
        phone.goto(live_server.url + address)
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
        expect(read_to_me(phone)).to_have_count(0)


def test_read_aloud_speaks_the_page_language_with_a_voice_for_it(page, live_server):
    page.add_init_script(fake_speech("pl-PL", "en-GB", "ar-SA"))
    page.goto(live_server.url + KIOSK)
    read_to_me(page).click()
    said = spoken(page)
    assert said and "Tell us what you think." == said[0]["text"]
    assert {("en-GB", "Fake en-GB", "en-GB")} == {
        (s["lang"], s["voice"], s["voiceLang"]) for s in said
    }

    # The page's language changes (a child picks Polski): "pl" is read with
    # the device's "pl-PL" voice. With no voice for a language, no button.
    page.evaluate("() => { document.documentElement.lang = 'pl'; }")
    read_to_me(page).click()
    assert {("pl-PL", "Fake pl-PL")} == {(s["lang"], s["voice"]) for s in spoken(page)[len(said) :]}
    page.evaluate("() => { document.documentElement.lang = 'ur'; }")
    expect(read_to_me(page)).to_be_hidden()
    expect(read_everything(page)).to_be_hidden()


def test_voices_that_arrive_late_show_the_button_then(page, live_server):
    page.add_init_script(fake_speech("en-GB", voices_late=True))
    page.goto(live_server.url + KIOSK)
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(read_to_me(page)).to_be_hidden()
    page.evaluate("() => fakeSpeech.loadVoices()")
    expect(read_to_me(page)).to_be_visible()
    expect(read_everything(page)).to_be_visible()


@pytest.mark.parametrize("config_overrides", [{"KIOSK_THANKS_SECONDS": 3}])
def test_the_thank_you_waits_until_it_has_been_read_to_the_end(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.clock.install()
    page.goto(live_server.url + KIOSK)
    answer_at_the_kiosk(page)
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    read_to_me(page).click()
    for words in HELP:
        assert words in still_to_say(page)
    page.clock.run_for(20_000)
    expect(page.get_by_role("status")).to_contain_text("Call Childline")
    # Asked again, it starts again from the beginning, and the wait goes on.
    read_to_me(page).click()
    assert still_to_say(page).startswith("Thank you! You did it.")
    page.clock.run_for(5_000)
    expect(page.get_by_role("status")).to_contain_text("Call Childline")
    finish_speaking(page)
    expect(page.get_by_role("heading", name=START)).to_be_visible()


@pytest.mark.parametrize("config_overrides", [{"KIOSK_THANKS_SECONDS": 3}])
def test_a_speech_engine_that_never_ends_cannot_hold_the_thank_you_for_ever(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.clock.install()
    page.goto(live_server.url + KIOSK)
    answer_at_the_kiosk(page)
    read_to_me(page).click()
    # The ceiling is generous (10 s and 0.2 s a letter: about 50 s for this
    # thank-you): still waiting after 30 seconds...
    page.clock.run_for(30_000)
    expect(page.get_by_role("status")).to_contain_text("Call Childline")
    # ...but back at the start within a minute.
    page.clock.run_for(30_000)
    expect(page.get_by_role("heading", name=START)).to_be_visible()
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()


@pytest.mark.parametrize("config_overrides", [{"KIOSK_IDLE_SECONDS": 5}])
def test_the_idle_reset_waits_while_a_question_is_read(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.clock.install()
    page.goto(live_server.url + KIOSK)
    page.get_by_role("button", name="Start").click()
    read_to_me(page).click()
    page.clock.run_for(8_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()
    finish_speaking(page)
    # Once the reading ends, the child gets the whole wait again.
    page.clock.run_for(4_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()
    page.clock.run_for(2_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_visible()


@pytest.mark.parametrize("config_overrides", [{"KIOSK_THANKS_SECONDS": 3}])
def test_read_everything_to_me_reads_each_screen_then_stops_at_the_end(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.clock.install()
    page.goto(live_server.url + KIOSK)
    read_everything(page).click()
    expect(read_everything(page)).to_have_attribute("aria-pressed", "true")
    assert "Tap Start" in still_to_say(page)
    page.get_by_role("button", name="Start").click()
    for question, word in zip(QUESTIONS, ["Yes", "No", "Sometimes", "Yes"], strict=True):
        said = still_to_say(page)
        assert question in said
        for choice in ["Yes.", "Sometimes.", "No."]:
            assert choice in said
        page.get_by_role("button", name=word, exact=True).click()
    said = still_to_say(page)
    assert "Here are your answers." in said
    assert f"{QUESTIONS[1]} No." in said and f"{QUESTIONS[2]} Sometimes." in said
    page.get_by_role("button", name="Send").click()
    said = still_to_say(page)
    assert "Thank you! You did it." in said
    for words in HELP:
        assert words in said
    page.clock.run_for(10_000)
    expect(page.get_by_role("status")).to_be_visible()
    finish_speaking(page)
    expect(page.get_by_role("heading", name=START)).to_be_visible()

    # The end of the visit ends it: the next child's screens are not read out.
    expect(read_everything(page)).to_have_attribute("aria-pressed", "false")
    count = len(spoken(page))
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name=QUESTIONS[0])).to_be_visible()
    assert count == len(spoken(page))


def test_stop_ends_read_everything_and_the_next_visit_is_quiet(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.goto(live_server.url + KIOSK)
    read_everything(page).click()
    page.get_by_role("button", name="Start").click()
    assert QUESTIONS[0] in still_to_say(page)
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("heading", name=START)).to_be_visible()
    assert "" == still_to_say(page)
    count = len(spoken(page))
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Yes", exact=True).click()
    expect(page.get_by_role("heading", name=QUESTIONS[1])).to_be_visible()
    assert count == len(spoken(page))


def test_read_everything_can_be_turned_off_on_the_start_screen(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.goto(live_server.url + KIOSK)
    read_everything(page).click()
    read_everything(page).click()
    expect(read_everything(page)).to_have_attribute("aria-pressed", "false")
    assert "" == still_to_say(page)
    page.get_by_role("button", name="Start").click()
    assert "" == still_to_say(page)


@pytest.mark.parametrize("config_overrides", [{"KIOSK_IDLE_SECONDS": 5}])
def test_the_idle_reset_ends_read_everything(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.clock.install()
    page.goto(live_server.url + KIOSK)
    read_everything(page).click()
    finish_speaking(page)
    # Left on the start screen with reading on, it asks, and reads the question.
    page.clock.run_for(6_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_visible()
    assert STILL_THERE in still_to_say(page)
    finish_speaking(page)
    page.clock.run_for(31_000)
    expect(page.get_by_role("dialog", name=STILL_THERE)).to_be_hidden()
    expect(read_everything(page)).to_have_attribute("aria-pressed", "false")
    page.get_by_role("button", name="Start").click()
    assert "" == still_to_say(page)


def test_the_kiosk_start_screen_with_read_aloud_passes_axe(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.goto(live_server.url + KIOSK)
    expect(read_everything(page)).to_be_visible()
    assert_accessible(page)
    for button in [read_to_me(page), read_everything(page)]:
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44


def test_the_feedback_box_reads_its_promises_and_help(phone, live_server):
    phone.add_init_script(fake_speech("en-GB"))
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    read_to_me(phone).click()
    said = still_to_say(phone)
    assert said.startswith("Tell us anything.")
    assert "Please don't write your name or anyone else's." in said
    assert "0 8 0 0, 1 1 1 1" in said and "9 9 9" in said
    assert_accessible(phone)
    box = read_to_me(phone).bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44

    phone.get_by_label("Write your message").fill("The fish tank is nice")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("status")).to_contain_text("Thank you for telling us")
    read_to_me(phone).click()
    said = still_to_say(phone)
    assert said.startswith("Thank you for telling us.")
    assert "0 8 0 0, 1 1 1 1" in said and "Your receipt code is" in said
    assert_accessible(phone)


def test_the_kiosk_feedback_thank_you_waits_for_its_reading(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    page.clock.install()
    page.goto(live_server.url + KIOSK)
    answer_at_the_kiosk(page)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Tell us more").click()
    page.get_by_role("button", name="Write it").click()
    page.get_by_label("Write your message").fill("The fish are nice")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    read_to_me(page).click()
    page.clock.run_for(45_000)
    expect(page.get_by_role("status")).to_contain_text("Thank you for telling us")
    finish_speaking(page)
    expect(page.get_by_role("heading", name=START)).to_be_visible()


def offer_the_adult_evaluation(live_server):
    with live_database(live_server) as db:
        storage.set_offered_surveys(db, "waiting-room-a", [ADULT_EVALUATION])


def test_a_phone_survey_reads_the_page_or_one_question(phone, live_server):
    offer_the_adult_evaluation(live_server)
    phone.add_init_script(fake_speech("en-GB"))
    phone.goto(f"{live_server.url}/survey/waiting-room-a/{ADULT_EVALUATION}")
    buttons = read_to_me(phone)
    expect(buttons).to_have_count(6)  # the page's, and one for each of the 5 questions
    buttons.first.click()
    said = still_to_say(phone)
    assert said.startswith("Co-production evaluation for adults.")
    assert "You can skip any question." in said and "0 8 0 0, 1 1 1 1" in said
    assert "Overall, how satisfied" not in said

    question = "Do you feel that the meetings are well-organised and productive?"
    group = phone.get_by_role("group", name=question, exact=True)
    group.get_by_role("button", name="Read to me").click()
    assert f"{question} Yes. No. Sometimes." == still_to_say(phone)
    assert_accessible(phone)
    for box in buttons.evaluate_all("(all) => all.map((b) => b.getBoundingClientRect().height)"):
        assert box >= 44
