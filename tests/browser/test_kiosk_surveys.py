"""The kiosk runs whichever survey its site chose: the adult evaluation's scales
as big calm buttons, its words-only question with no keyboard, answers stored
against the exact version that was shown, and a staff preview that sends nothing."""

import dataclasses
import datetime
import json

import pytest
from playwright.sync_api import expect

from kiosk import create_app, storage
from kiosk.app.for_request import database
from kiosk.surveys import ADULT_EVALUATION, BUILT_IN_BY_SLUG, CHILD_EVALUATION, Question
from kiosk.surveys.kiosk import kiosk_page
from tests.browser.conftest import (
    QUEUE_EMPTY,
    LiveServer,
    answer_at_the_kiosk,
    assert_accessible,
    fake_speech,
    go_offline,
    live_database,
    read_stored,
)
from tests.browser.kiosk_checks import staff_see_waiting
from tests.conftest import make_config

ADULTS = BUILT_IN_BY_SLUG[ADULT_EVALUATION]
SCALES = ADULTS.choice_questions
WORDS_ONLY = ADULTS.question("suggestions")
TABLET_PORTRAIT = {"width": 800, "height": 1280}
PREVIEW = "/test-only/preview/<site>"


def preview_of_a_draft(site: str) -> str:
    """What the staff survey editor shows: a draft (no version yet) on the kiosk."""
    draft = dataclasses.replace(ADULTS, version=None, published_on=None)
    return kiosk_page(storage.find_site(database(), site), draft, preview=True)


@pytest.fixture
def live_server(tmp_path, config_overrides):
    """The app as everywhere else, plus a page showing a preview, as the staff
    area will once its survey editor is wired to kiosk_page(preview=True)."""
    app = create_app(make_config(tmp_path, **config_overrides))
    app.add_url_rule(PREVIEW, "test_preview", preview_of_a_draft)
    server = LiveServer(app)
    yield server
    server.stop()


def run_adult_evaluation(live_server, site="waiting-room-a"):
    with live_database(live_server) as db:
        storage.set_kiosk_survey(db, site, ADULT_EVALUATION)


def stored_submissions(live_server) -> list[dict]:
    return read_stored(live_server, storage.submissions_for_site, "waiting-room-a")


def scale_group(page, question: Question):
    return page.get_by_role("group", name=question.text)


def tap(page, word: str):
    page.get_by_role("button", name=word, exact=True).click()


def assert_targets_big_enough(page):
    """Every button and link a person can see: at least 44 px each way, and named."""
    targets = page.get_by_role("button").all() + page.get_by_role("link").all()
    for target in [t for t in targets if t.is_visible()]:
        box = target.bounding_box()
        name = target.inner_text().strip() or target.get_attribute("aria-label")
        assert box["width"] >= 44 and box["height"] >= 44, (name, box)
        assert name, "every control has a visible name"


def test_each_scale_shows_the_guides_exact_words_in_order(page, live_server):
    run_adult_evaluation(live_server)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    expect(page.get_by_text("Five quick questions.")).to_be_visible()
    expect(page.get_by_text(ADULTS.intro)).to_be_visible()
    page.get_by_role("button", name="Start").click()
    for number, question in enumerate(SCALES, start=1):
        expect(page.get_by_text(f"{number} of 5")).to_be_visible()
        buttons = scale_group(page, question).get_by_role("button")
        expect(buttons).to_have_text(list(question.options))
        expect(buttons.first).to_have_attribute("aria-pressed", "false")
        tap(page, "Skip")


def test_an_adult_answers_skips_goes_back_reviews_and_sends(page, live_server):
    run_adult_evaluation(live_server)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.get_by_role("button", name="Start").click()
    tap(page, "Somewhat Satisfied")
    tap(page, "Skip")
    tap(page, "Often")
    expect(page.get_by_text("4 of 5")).to_be_visible()
    tap(page, "Back")
    expect(page.get_by_role("button", name="Often", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    tap(page, "Rarely")
    tap(page, "Very Included")

    expect(page.get_by_role("heading", name=WORDS_ONLY.text)).to_be_visible()
    expect(page.get_by_role("textbox")).to_have_count(0)
    tap(page, "Next")

    expect(page.get_by_role("heading", name="Here are your answers")).to_be_visible()
    expect(page.locator("[data-review] [data-answer-word]")).to_have_text(
        ["Somewhat Satisfied", "Skipped", "Rarely", "Very Included"]
    )
    rows = page.get_by_role("listitem")
    expect(rows).to_have_count(5)
    expect(rows.nth(4)).to_contain_text(WORDS_ONLY.text)
    expect(rows.nth(4)).to_contain_text("Tell us more")
    page.get_by_role("button", name="Change answer 2").click()
    expect(page.get_by_text("2 of 5")).to_be_visible()
    tap(page, "Yes")
    expect(page.locator("[data-review] [data-answer-word]")).to_have_text(
        ["Somewhat Satisfied", "Yes", "Rarely", "Very Included"]
    )
    assert [] == stored_submissions(live_server), "nothing is stored before Send"

    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text(ADULTS.closing)
    expect(page.get_by_role("status")).to_contain_text("0800 1111")
    page.wait_for_function(QUEUE_EMPTY)
    [stored] = stored_submissions(live_server)
    assert (ADULT_EVALUATION, 1) == (stored["survey"], stored["version"])
    # The words-only question is never among the answers: only questions with choices.
    assert {"satisfied": "2", "organised": "1", "contribute": "4", "included": "1"} == json.loads(
        stored["answers"]
    )


def test_skipping_everything_sends_skip_for_every_question_with_choices(page, live_server):
    run_adult_evaluation(live_server)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Skip"] * 5, wait_until_sent=True)
    [stored] = stored_submissions(live_server)
    assert dict.fromkeys(["satisfied", "organised", "contribute", "included"], "skip") == (
        json.loads(stored["answers"])
    )


def test_the_words_only_screen_explains_tell_us_more_and_offers_no_keyboard(page, live_server):
    run_adult_evaluation(live_server)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, ["Skip"] * 4, send=False)
    expect(page.get_by_text("5 of 5")).to_be_visible()
    expect(page.get_by_text("You do not need to type anything here.")).to_be_visible()
    expect(page.get_by_text("write or draw your answer")).to_be_visible()
    expect(page.get_by_role("textbox")).to_have_count(0)
    for name in ["Next", "Back", "Skip"]:
        expect(page.get_by_role("button", name=name, exact=True)).to_be_visible()
    tap(page, "Back")
    expect(page.get_by_text("4 of 5")).to_be_visible()


def button_looks(page, question: Question) -> list[dict]:
    """Each option's size and colours, with no pointer over any of them."""
    page.mouse.move(0, 0)
    return scale_group(page, question).evaluate(
        """async (group) => {
          await Promise.all(document.getAnimations().map((animation) => animation.finished));
          return Array.from(group.querySelectorAll("button"), (button) => {
          const style = getComputedStyle(button);
          const box = button.getBoundingClientRect();
          return {height: box.height, width: box.width, background: style.backgroundColor,
                  border: style.borderTopColor, ink: style.color};
          });
        }"""
    )


def reddish(colour: str) -> bool:
    red, green, blue = (int(part) for part in colour[colour.index("(") + 1 : -1].split(",")[:3])
    return red > green + 40 and red > blue + 40


@pytest.mark.parametrize("viewport", [None, TABLET_PORTRAIT], ids=["landscape", "portrait"])
def test_scale_buttons_are_large_and_alike_in_calm_colours(page, live_server, viewport):
    if viewport:
        page.set_viewport_size(viewport)
    run_adult_evaluation(live_server)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.get_by_role("button", name="Start").click()
    for question in SCALES:
        looks = button_looks(page, question)
        assert len(question.options) == len(looks)
        # Far above the 44 px minimum: a touch screen, small fingers.
        assert [] == [look for look in looks if look["height"] < 60 or look["width"] < 200]
        # All alike: no option is coloured as better or worse than another.
        colours = {(look["background"], look["border"], look["ink"]) for look in looks}
        assert 1 == len(colours), colours
        assert [] == [c for colour in colours for c in colour if reddish(c)]
        tap(page, "Skip")


def test_every_screen_of_the_adult_evaluation_passes_axe(page, live_server):
    run_adult_evaluation(live_server)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    seen = []

    def check(screen):
        assert_accessible(page)
        assert_targets_big_enough(page)
        seen.append(screen)

    check("start")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("1 of 5")).to_be_visible()
    tap(page, "Very Satisfied")
    expect(page.get_by_role("button", name="Yes", exact=True)).to_be_visible()
    check("scale question")
    for word in ["Yes", "Always", "Neutral"]:
        tap(page, word)
    expect(page.get_by_role("button", name="Next")).to_be_visible()
    check("words-only question")
    tap(page, "Next")
    expect(page.get_by_role("heading", name="Here are your answers")).to_be_visible()
    check("review")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("link", name="Tell us more")).to_be_visible()
    check("thanks")
    assert 5 == len(seen)


def test_read_aloud_says_each_scale_and_where_words_go(page, live_server):
    page.add_init_script(fake_speech("en-GB"))
    run_adult_evaluation(live_server)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.get_by_role("button", name="Start").click()
    said = []
    for _question in SCALES:
        page.get_by_role("button", name="Read to me").click()
        said.append(page.evaluate("() => fakeSpeech.queued()"))
        tap(page, "Skip")
    page.get_by_role("button", name="Read to me").click()
    said.append(page.evaluate("() => fakeSpeech.queued()"))
    assert len(SCALES) + 1 == len(said)
    for question, words in zip(SCALES, said, strict=False):
        assert [question.text, *question.options] == [
            part for part in [question.text, *question.options] if part in words
        ]
    assert WORDS_ONLY.text in said[-1] and "Tell us more" in said[-1]


def publish_new_wording(db):
    child = BUILT_IN_BY_SLUG[CHILD_EVALUATION]
    safe, *others = child.questions
    new_safe = dataclasses.replace(safe, text="Do you feel safe in our waiting room?")
    storage.save_draft(db, dataclasses.replace(child, questions=(new_safe, *others)))
    assert 2 == storage.publish_draft(db, CHILD_EVALUATION, datetime.date.today()).version


def run_the_adult_evaluation_instead(db):
    storage.set_kiosk_survey(db, "waiting-room-a", ADULT_EVALUATION)


@pytest.mark.parametrize("change", [publish_new_wording, run_the_adult_evaluation_instead])
def test_answers_queued_offline_keep_their_version_after_the_survey_changes(
    page, context, live_server, change
):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    go_offline(page)
    answer_at_the_kiosk(page, ["No", "Yes", "Skip", "Sometimes"])
    page.get_by_role("button", name="Finish").click()
    staff_see_waiting(page, "1 answer waiting to be sent")
    with live_database(live_server) as db:
        change(db)

    context.set_offline(False)
    page.wait_for_function(QUEUE_EMPTY)
    [stored] = stored_submissions(live_server)
    assert (CHILD_EVALUATION, 1) == (stored["survey"], stored["version"])
    assert {"safe": "no", "talk": "yes", "team": "skip", "ideas": "sometimes"} == json.loads(
        stored["answers"]
    )
    # The next child is asked what the site runs now.
    page.reload()
    page.get_by_role("button", name="Start").click()
    first = {
        publish_new_wording: "Do you feel safe in our waiting room?",
        run_the_adult_evaluation_instead: SCALES[0].text,
    }[change]
    expect(page.get_by_role("heading", name=first)).to_be_visible()


@pytest.mark.parametrize("tablet_set_up", [False])
def test_a_preview_never_asks_for_setup_and_sends_nothing(page, live_server):
    sent = []
    page.route("**/submissions", lambda route: sent.append(route.request) or route.abort())
    page.goto(live_server.url + PREVIEW.replace("<site>", "waiting-room-a"))
    expect(page.get_by_text("Preview: nothing is sent")).to_be_visible()
    expect(page.get_by_role("heading", name="Set up this tablet")).to_be_hidden()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    assert_accessible(page)
    answer_at_the_kiosk(page, ["Very Satisfied", "No", "Never", "Neutral", "Next"])
    expect(page.get_by_role("status")).to_contain_text(ADULTS.closing)
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    staff_see_waiting(page, "Nothing waiting to be sent")
    assert [] == sent
    assert [] == page.evaluate("() => Object.keys(localStorage)")
    assert 0 == read_stored(live_server, storage.count_submissions)
