"""A team edits its group agreement with the group, saves it, prints each
version on one A4 page, and shows it on a public page that reads it aloud.
axe-core checks every page and state on the way."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from kiosk import storage
from kiosk.coproduction.agreement_texts import starting_text
from kiosk.storage.agreements import INTRO_MAX, POINTS_MAX, TEXT_MAX, TITLE_MAX, VERSION_MAX
from tests.browser.conftest import assert_accessible, fake_speech, live_database, sign_in


def pages_in(pdf: bytes) -> int:
    """Page objects in a PDF: "/Type /Page", but not the "/Type /Pages" tree above them."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def start_group(live_server, audience="children") -> str:
    with live_database(live_server) as db:
        return storage.add_group(
            db, "Young Voices", "youth-hub", audience, ["child-evaluation"], datetime.date.today()
        )


def test_staff_edit_save_print_and_show_the_agreement(staff_page, live_server, phone):
    group = start_group(live_server)
    page = staff_page
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/co-production/{group}")
    section = page.get_by_role("region", name="Group agreement")
    expect(section).to_contain_text("The guide's starting text")
    assert_accessible(page)

    section.get_by_role("link", name="Edit the group agreement").click()
    expect(page.get_by_role("heading", name="Group agreement: Young Voices")).to_be_visible()
    assert_accessible(page)
    adults = page.get_by_role("group", name="For adults")
    expect(adults.get_by_label("Introduction")).to_have_value(
        "This agreement ensures a safe, shared space where we can all learn from each other."
    )
    # A new point in the blank row; an empty intro first: refused, the words kept.
    children = page.get_by_role("group", name="For children and young people")
    new_point = children.get_by_role("group", name=re.compile("A new point"))
    new_point.get_by_label("Title").fill("Snacks")
    new_point.get_by_label("What it says").fill("We share the snacks.")
    adults.get_by_label("Introduction").fill("")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.get_by_role("alert")).to_have_text(
        re.compile("Please write the adults' introduction")
    )
    assert_accessible(page)
    children = page.get_by_role("group", name="For children and young people")
    expect(children.get_by_role("group", name="Point 7").get_by_label("Title")).to_have_value(
        "Snacks"
    )

    page.get_by_role("group", name="For adults").get_by_label("Introduction").fill(
        "Our group's own promise to each other."
    )
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.get_by_role("status")).to_have_text("Saved as version 1.")
    assert_accessible(page)

    page.get_by_role("link", name="Version 1").click()
    expect(page.get_by_text("We share the snacks.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the group agreement").click()

    for version, words in (("adults", "Our group's own promise"), ("children", "Snacks")):
        page.get_by_role("link", name=re.compile(f"Print the poster for {version}")).click()
        expect(page.get_by_role("heading", name="Our group agreement")).to_be_visible()
        expect(page.locator("article.poster")).to_contain_text(words)
        assert_accessible(page)
        assert 1 == pages_in(page.pdf(format="A4", print_background=True))
        page.go_back()

    page.get_by_label("Show it on a public page").check()
    page.get_by_role("button", name="Save this choice").click()
    expect(page.get_by_role("status")).to_have_text("It is on its public page now.")
    assert_accessible(page)

    phone.add_init_script(fake_speech("en-GB", "ar"))
    page.get_by_role("link", name="Open its public page").click()
    phone.goto(page.url)
    expect(phone.get_by_role("heading", name="Our group agreement")).to_be_visible()
    # A group of children: the children's version first, the adults' one link away.
    expect(phone.get_by_text("We share the snacks.")).to_be_visible()
    assert_accessible(phone)
    read = phone.get_by_role("button", name="Read to me")
    expect(read).to_be_visible()
    assert read.bounding_box()["height"] >= 44
    read.click()
    spoken = phone.evaluate("() => window.fakeSpeech.queued()")
    assert "Our group agreement." in spoken
    assert "Snacks: We share the snacks." in spoken

    phone.get_by_role("link", name="Show the version for adults").click()
    expect(phone.get_by_text("Our group's own promise to each other.")).to_be_visible()
    assert_accessible(phone)

    # In Arabic, the page's words are Arabic, right to left; the English text
    # keeps its own language, so an Arabic voice does not read it.
    phone.get_by_role("link", name="العربية").click()
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator(".agreement-text")).to_have_attribute("lang", "en-GB")
    expect(phone.locator("button[data-read-aloud]")).to_have_count(0)
    assert_accessible(phone)


def test_the_starting_text_reads_aloud_in_punjabi_on_a_public_page(live_server, phone):
    group = start_group(live_server, audience="adults")
    with live_database(live_server) as db:
        storage.set_agreement_public(db, group, True)
    phone.add_init_script(fake_speech("pa"))
    phone.goto(f"{live_server.url}/agreement/{group}?lang=pa")
    expect(phone.get_by_text("ਇਹ ਸਮਝੌਤਾ ਇੱਕ ਸੁਰੱਖਿਅਤ, ਸਾਂਝੀ ਥਾਂ", exact=False)).to_be_visible()
    assert_accessible(phone)
    phone.locator("button[data-read-aloud]").click()
    assert "ਆਦਰ ਅਤੇ ਸਮਝ" in phone.evaluate("() => window.fakeSpeech.queued()")
    other = phone.locator(".agreement-other a")
    assert other.bounding_box()["height"] >= 44


WORDS = "We talk about what works and what could be better, so that things can change. " * 4


def longest_text(points: int) -> dict:
    """An introduction at its longest, then `points` points sharing what is
    left of a version's letters, each at most at its longest."""
    intro = WORDS[:INTRO_MAX].strip()
    each = min(TITLE_MAX + TEXT_MAX, (VERSION_MAX - len(intro)) // points)
    title = WORDS[: min(TITLE_MAX, each // 4)].strip()
    text = WORDS[: each - len(title)].strip()
    return {"intro": intro, "points": [{"title": title, "text": text}] * points}


@pytest.mark.parametrize(("points", "language"), [(POINTS_MAX, "en"), (5, "en"), (6, "pa")])
def test_the_longest_agreements_still_print_on_one_page(staff_page, live_server, points, language):
    group = start_group(live_server)
    texts = [longest_text(points), longest_text(points)]
    if language != "en":  # the starting text: Gurmukhi letters stand taller
        texts = [starting_text(which, language) for which in ("adults", "children")]
    with live_database(live_server) as db:
        storage.save_agreement(db, group, language, *texts, datetime.date.today())
    sign_in(staff_page, live_server)
    for version in ("adults", "children"):
        staff_page.goto(
            f"{live_server.url}/admin/co-production/{group}/agreement/poster?version={version}"
        )
        assert 1 == pages_in(staff_page.pdf(format="A4", print_background=True))
    assert_accessible(staff_page)
