"""A child who reads Polish, at the kiosk and on a phone set to Polish: every
screen in Polish, with no English left on it (apart from the survey's own
question and answer words, whose translations are a later step, and names
such as Childline), and clean under axe. The kiosk keeps no trace of the
choice: Stop and the end of a visit go back to the site's own language."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import (
    QUEUE_EMPTY,
    assert_accessible,
    go_offline,
    read_stored,
    watch_for_problems,
)
from tests.browser.kiosk_checks import staff_see_waiting

KIOSK = "/kiosk/waiting-room-a"
# Words spelled alike in a language and in English: not English left behind.
SHARED_WORDS = {
    "pl": {"a", "do", "i", "o", "to", "na", "w", "z"},
    "ro": {"a", "adult", "are", "de", "la", "o", "pe"},
    # Other scripts: any Latin word left on the page is English.
    "ar": set(),
    "ur": set(),
    "pa": set(),
}
EVERY_LANGUAGE = ["pl", "ro", "ar", "ur", "pa"]
RIGHT_TO_LEFT = {"ar", "ur"}
# axe checks every screen in one language read left to right and one read right
# to left: Polish (the two tests that tap through in Polish) and Arabic (the walk
# below). The other languages fill the same templates with other words: every
# screen is still read for English left behind, and axe checks a few of them.
EVERY_SCREEN_CHECKED_BY_AXE = {"ar"}
# Names and codes, the same in every language.
NAMES = {"childline", "org", "uk", "shout", "sms", "internet"}
WORD = re.compile(r"[^\W\d_]+")


def direction(code: str) -> str:
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"


def words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(text)}


def english_left(text: str, english_text: str, not_ours: set[str], code: str = "pl") -> set[str]:
    """Words of the translated screen that are words of the English one."""
    return (words(text) & words(english_text)) - SHARED_WORDS[code] - NAMES - not_ours


def survey_words(page) -> set[str]:
    """The survey's own words (questions, answers), the site's name and the
    languages' own names: not ours to translate here (the survey wording comes
    in a later step)."""
    texts = page.evaluate(
        """() => [...document.querySelectorAll(
          "[data-question] h1, [data-word], .review-question, .site-name, .kiosk-languages"
        )].map((e) => e.textContent + " " + (e.dataset.word || ""))"""
    )
    return words(" ".join(texts))


# The English pages' words, by path: the same on every test's server.
ENGLISH_TEXTS = {}


def english_page_text(browser, url) -> str:
    """All the words of the English page, shown or not yet shown."""
    path = urlsplit(url)._replace(scheme="", netloc="").geturl()
    if path not in ENGLISH_TEXTS:
        context = browser.new_context()
        other = context.new_page()
        other.goto(url)
        ENGLISH_TEXTS[path] = other.evaluate("() => document.body.textContent")
        context.close()
    return ENGLISH_TEXTS[path]


def visible_screen(page):
    return page.locator("[data-screen]:visible")


def test_a_child_taps_polski_and_answers_in_polish(page, live_server, browser):
    english = english_page_text(browser, live_server.url + KIOSK + "?lang=en")
    page.goto(live_server.url + KIOSK)
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    # One button for each language, in its own words; no flags.
    expect(page.locator(".kiosk-languages a")).to_have_text(
        ["English", "Polski", "Română", "اردو", "العربية", "ਪੰਜਾਬੀ"], use_inner_text=True
    )
    page.get_by_role("link", name="Polski").click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("heading", name="Powiedz nam, co myślisz")).to_be_visible()
    expect(page.get_by_role("link", name="Polski")).to_have_attribute("aria-current", "true")
    skip = survey_words(page)
    assert set() == english_left(visible_screen(page).inner_text(), english, skip)
    assert_accessible(page)

    page.get_by_role("button", name="Zacznij").click()
    expect(page.get_by_text("1 z 4")).to_be_visible()
    assert set() == english_left(visible_screen(page).inner_text(), english, skip)
    assert_accessible(page)
    for word in ("Yes", "Sometimes"):
        page.get_by_role("button", name=word, exact=True).click()
    page.get_by_role("button", name="Pomiń", exact=True).click()
    page.get_by_role("button", name="No", exact=True).click()
    expect(page.get_by_role("heading", name="Oto twoje odpowiedzi")).to_be_visible()
    expect(page.locator("[data-review] [data-answer-word]").nth(2)).to_have_text("Pominięte")
    assert set() == english_left(visible_screen(page).inner_text(), english, skip)
    assert_accessible(page)

    page.get_by_role("button", name="Wyślij").click()
    status = page.get_by_role("status")
    expect(status).to_contain_text("Dziękujemy!")
    expect(status).to_contain_text("0800 1111")
    expect(status).to_contain_text("999")
    assert set() == english_left(visible_screen(page).inner_text(), english, skip)
    assert_accessible(page)
    page.wait_for_function(QUEUE_EMPTY)
    [stored] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    assert "pl" not in stored.values()

    # The end of the visit: the next child finds the site's own language.
    page.get_by_role("button", name="Koniec").click()
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
    assert not page.context.cookies()


def test_stop_in_polish_goes_back_to_the_sites_language(page, live_server):
    page.goto(live_server.url + KIOSK + "?lang=pl")
    page.get_by_role("button", name="Zacznij").click()
    page.get_by_role("button", name="Yes", exact=True).click()
    page.get_by_role("button", name="Przerwij").click()
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    assert 0 == read_stored(live_server, storage.count_submissions)


def test_offline_the_answers_wait_and_the_language_goes_back_when_online(page, live_server):
    page.goto(live_server.url + KIOSK + "?lang=pl")
    expect(page.get_by_role("heading", name="Powiedz nam, co myślisz")).to_be_visible()
    go_offline(page)
    # Another language's page could not load: only this one is offered.
    expect(page.locator(".kiosk-languages")).to_be_hidden()
    page.get_by_role("button", name="Zacznij").click()
    for word in ("Yes", "Yes", "No", "Yes"):
        page.get_by_role("button", name=word, exact=True).click()
    page.get_by_role("button", name="Wyślij").click()
    page.get_by_role("button", name="Koniec").click()
    # Still the Polish page, working, with the answers kept on the tablet.
    # (What waits is for staff, in English: kiosk_checks.staff_see_waiting.)
    staff_see_waiting(page, "1 answer waiting to be sent")
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    page.context.set_offline(False)
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    page.wait_for_function(QUEUE_EMPTY)
    assert 1 == read_stored(live_server, storage.count_submissions)


def test_a_phone_set_to_polish_gets_the_feedback_box_in_polish(browser, live_server):
    english = english_page_text(browser, live_server.url + "/feedback/waiting-room-a")
    context = browser.new_context(
        locale="pl-PL", viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True
    )
    phone = context.new_page()
    problems = watch_for_problems(phone)
    phone.goto(live_server.url + "/feedback/waiting-room-a")
    expect(phone.locator("html")).to_have_attribute("lang", "pl")
    expect(phone.get_by_role("heading", name="Powiedz nam, co chcesz")).to_be_visible()
    shown = phone.locator("main").inner_text()
    names = words("Waiting room A " + phone.locator(".languages").inner_text())
    assert set() == english_left(shown, english, names)
    assert_accessible(phone)

    box = phone.get_by_label("Napisz swoją wiadomość")
    box.fill("Krzesła są twarde")
    # 983 ends in 3: Polish says "litery", not "liter" (the browser's plural rules).
    expect(phone.get_by_text("Zostały 983 litery")).to_be_visible()
    phone.get_by_role("button", name="Wyślij").click()
    thanks = phone.get_by_role("heading", name="Dziękujemy za wiadomość")
    expect(thanks).to_be_visible()
    code = phone.locator("[data-receipt-code]")
    expect(code).not_to_be_empty()
    shown = phone.locator("[data-feedback-thanks]").inner_text()
    # The receipt code's words are English (a known gap); one may be a word of
    # the English page too, such as "thank". Left out, like the site's name.
    assert set() == english_left(shown, english, names | words(code.inner_text()))
    assert_accessible(phone)
    [comment] = read_stored(live_server, storage.comments_for_site, "waiting-room-a")
    assert "Krzesła są twarde" == comment["text"]
    context.close()
    assert [] == problems


class TestEachLanguage:
    """Each language's every screen. They share one server: they only read pages,
    and the answers they send are never counted."""

    @pytest.fixture
    def live_server(self, class_live_server):
        return class_live_server

    @pytest.mark.parametrize("code", EVERY_LANGUAGE)
    def test_every_kiosk_screen_has_no_english_left(self, page, live_server, browser, code):
        """Tapped through by what each control does, not by its words, so the same
        walk checks every shipped language."""
        english = english_page_text(browser, live_server.url + KIOSK + "?lang=en")
        page.goto(live_server.url + KIOSK + f"?lang={code}")
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.locator("html")).to_have_attribute("dir", direction(code))
        skip = survey_words(page)

        def check(axe: bool):
            assert set() == english_left(visible_screen(page).inner_text(), english, skip, code)
            if axe or code in EVERY_SCREEN_CHECKED_BY_AXE:
                assert_accessible(page)

        check(axe=True)  # the start screen
        page.locator("[data-action='start']").click()
        for number in range(4):
            check(axe=number == 0)
            visible_screen(page).locator("[data-answer]").first.click()
        check(axe=False)  # the review
        page.locator("[data-screen='review'] [data-action='send']").click()
        check(axe=True)  # the thank-you, with the help
        expect(page.get_by_role("status")).to_contain_text("0800 1111")

    @pytest.mark.parametrize("code", EVERY_LANGUAGE)
    def test_the_feedback_box_has_no_english_left(self, phone, live_server, browser, code):
        english = english_page_text(browser, live_server.url + "/feedback/waiting-room-a")
        phone.goto(live_server.url + f"/feedback/waiting-room-a?lang={code}")
        expect(phone.locator("html")).to_have_attribute("lang", code)
        expect(phone.locator("html")).to_have_attribute("dir", direction(code))
        names = words("Waiting room A " + phone.locator(".languages").inner_text())
        assert set() == english_left(phone.locator("main").inner_text(), english, names, code)
        assert_accessible(phone)
        english = english_page_text(browser, live_server.url + "/feedback/withdraw")
        phone.goto(live_server.url + f"/feedback/withdraw?lang={code}")
        expect(phone.locator("html")).to_have_attribute("dir", direction(code))
        # The example receipt code: codes are made of the same words in every language.
        example = words(phone.locator(".feedback strong[lang]").inner_text())
        left = english_left(phone.locator("main").inner_text(), english, names | example, code)
        assert set() == left
        if code in EVERY_SCREEN_CHECKED_BY_AXE | {"pl"}:
            assert_accessible(phone)


def test_left_alone_in_polish_the_kiosk_goes_back_to_the_sites_language(page, live_server):
    """Even on the start screen: the next child must find the site's own language."""
    page.clock.install()
    page.goto(live_server.url + KIOSK + "?lang=pl")
    expect(page.get_by_role("heading", name="Powiedz nam, co myślisz")).to_be_visible()
    page.clock.run_for(61_000)
    expect(page.get_by_role("dialog", name="Jesteś tu jeszcze?")).to_be_visible()
    page.clock.run_for(31_000)
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    expect(page.get_by_role("heading", name="Tell us what you think")).to_be_visible()
