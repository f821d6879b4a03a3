"""A team opens its co-production group, answers "Is your service ready?"
twice and sees its progress, plans a piece of work, prints the plan on one A4
page, and links each change to the "You said, we did" entry that delivered
it. axe-core checks every page and state on the way, error pages included."""

import datetime
import re

from playwright.sync_api import expect

from admin.dates import day_in_words
from kiosk import storage
from kiosk.storage.plans import ANSWER_MAX, CHANGE_MAX, CHANGES_MAX, TITLE_MAX
from kiosk.storage.readiness import REFLECTION_MAX
from kiosk.storage.you_said import DID_MAX_CHARS
from tests.browser.conftest import assert_accessible, live_database, read_stored, sign_in

GROUP = "/admin/co-production/young-voices"


def pages_in(pdf: bytes) -> int:
    """Page objects in a PDF: "/Type /Page", but not the "/Type /Pages" tree above them."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def filled(words: str, length: int) -> str:
    """Plain words repeated to exactly `length` letters, as a long answer is."""
    return (words * (length // len(words) + 1))[:length].rstrip() + "."


def open_group(page, live_server):
    with live_database(live_server) as db:
        storage.add_group(
            db, "Young Voices", "waiting-room-a", "children", [], datetime.date.today()
        )
    sign_in(page, live_server)
    page.get_by_role("link", name="Co-production").click()
    page.get_by_role("link", name="Young Voices").click()
    expect(page.get_by_role("heading", name="Young Voices", level=1)).to_be_visible()


def accessible(page):
    """axe-core on the page once its style sheets are in: a check run while
    one is still arriving measures unstyled links, smaller than they are."""
    page.wait_for_load_state("load")
    assert_accessible(page)


def condition(page, name):
    return page.get_by_role("group", name=re.compile(name))


def test_a_team_checks_it_is_ready_twice_and_sees_its_progress(staff_page, live_server, today):
    page = staff_page
    open_group(page, live_server)
    expect(page.get_by_text("Not answered yet.")).to_be_visible()
    accessible(page)

    page.get_by_role("link", name="Answer the four questions").click()
    expect(page.get_by_role("heading", name="Is your service ready?", level=1)).to_be_visible()
    accessible(page)
    condition(page, "Working reciprocally").get_by_label("Yes").check()
    condition(page, "Equality").get_by_label("Partly").check()
    page.get_by_label("What needs to happen first for equality").fill("Agree ground rules.")
    condition(page, "Diversity").get_by_label("Not yet").check()
    page.get_by_label("What needs to happen first for diversity").fill("Invite the youth club.")
    page.get_by_role("button", name="Save these answers").click()
    expect(page.get_by_role("alert")).to_contain_text("Not answered: Accessibility.")
    expect(page.get_by_label("What needs to happen first for diversity")).to_have_value(
        "Invite the youth club."
    )
    accessible(page)
    assert [] == read_stored(live_server, storage.readiness_checks, "young-voices")

    condition(page, "Accessibility").get_by_label("Yes").check()
    page.get_by_role("button", name="Save these answers").click()
    summary = page.locator(".readiness-summary")
    expect(summary).to_contain_text("Diversity: Not yet. What needs to happen first: Invite")
    expect(summary).to_contain_text("Equality: Partly.")
    expect(summary).not_to_contain_text("ready to start")
    accessible(page)

    page.get_by_role("link", name=re.compile("Answer the four questions again")).click()
    expect(condition(page, "Diversity").get_by_label("Not yet")).to_be_checked()
    condition(page, "Diversity").get_by_label("Partly").check()
    page.get_by_role("button", name="Save these answers").click()
    expect(summary).to_contain_text("Diversity: Partly.")
    page.get_by_role("link", name=re.compile("Answer the four questions again")).click()
    table = page.get_by_role("table")
    headers = table.get_by_role("columnheader")
    expect(headers).to_have_count(3)
    expect(headers.nth(1)).to_have_text(f"{day_in_words(today)} (check 2)")
    expect(headers.nth(2)).to_have_text(f"{day_in_words(today)} (check 1)")
    diversity = table.get_by_role("row", name=re.compile("Diversity"))
    expect(diversity.get_by_role("cell")).to_have_text(
        [re.compile("^Partly"), re.compile("^Not yet")]
    )
    accessible(page)

    # The readiness reflection: saved beside the check; too long, kept and refused.
    note = page.get_by_label("Your team's note")
    note.fill("Ask the council what they need first.")
    page.get_by_role("button", name=re.compile("Save the note")).click()
    expect(page.get_by_role("status")).to_have_text("Note saved.")
    expect(page.get_by_label("Your team's note")).to_have_value(
        "Ask the council what they need first."
    )
    note.evaluate("box => box.removeAttribute('maxlength')")
    note.fill("z" * (REFLECTION_MAX + 1))
    page.get_by_role("button", name=re.compile("Save the note")).click()
    expect(page.get_by_role("alert")).to_contain_text("The note is too long")
    expect(page.get_by_label("Your team's note")).to_have_value("z" * (REFLECTION_MAX + 1))
    accessible(page)
    page.get_by_role("link", name="Back without saving").click()
    expect(page.get_by_role("heading", name="Is your service ready?", level=1)).to_be_visible()


def test_a_plan_prints_on_one_page_and_its_changes_link_to_what_was_done(
    staff_page, live_server, today
):
    page = staff_page
    open_group(page, live_server)
    page.get_by_role("link", name="Plan a piece of work").click()
    accessible(page)
    page.get_by_label("Title of the piece of work").fill("   ")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("alert")).to_contain_text("Please give the piece of work a title")
    accessible(page)

    page.get_by_label("Title of the piece of work").fill(filled("A calmer waiting room ", 99))
    for question in (
        "What am I aiming to find out?",
        "Who does it impact?",
        "Which members of the team need to be involved?",
        "Which groups of service users do I need to invite?",
        "Who will benefit and why?",
    ):
        page.get_by_label(question).fill(filled("children told us the room feels ", ANSWER_MAX - 1))
    changes = [
        filled(f"Change {n}: new games and a quiet corner ", CHANGE_MAX - 1) for n in "123456"
    ]
    assert len(changes) == CHANGES_MAX
    page.get_by_label("What are the intended changes?").fill("\n".join(changes))
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(filled("A calmer waiting room ", 99))
    expect(page.get_by_text("Not done yet.")).to_have_count(CHANGES_MAX)
    accessible(page)
    assert 1 == pages_in(page.pdf(format="A4"))

    # Each change delivered by a long "You said, we did" entry: still one page.
    entries = {}
    with live_database(live_server) as db:
        for n in range(1, CHANGES_MAX + 1):
            did = filled(f"We did it {n}: we bought new games and made a quiet corner ", 299)
            entries[n] = storage.add_you_said(db, "waiting-room-a", "It is boring.", did, today)
    page.reload()
    for n in range(1, CHANGES_MAX + 1):
        page.get_by_label(f"Delivered by (change {n})").select_option(entries[n])
        page.get_by_role("button", name=f"Save what delivered change {n}").click()
        expect(page.get_by_role("status")).to_have_text(f"Change {n}: marked as done.")
    expect(page.get_by_text(re.compile("^Done: We did it"))).to_have_count(CHANGES_MAX)
    accessible(page)
    assert DID_MAX_CHARS == 300 and TITLE_MAX == 100
    assert 1 == pages_in(page.pdf(format="A4"))

    # In print, only the plan: no links, forms or notes.
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation")).to_be_hidden()
    buttons = page.locator("main button")
    expect(buttons).to_have_count(CHANGES_MAX + 1)
    for button in buttons.all():
        expect(button).to_be_hidden()
    expect(page.get_by_text("Done: We did it 6")).to_be_visible()
    page.emulate_media(media="screen")

    # A forged choice is refused plainly.
    page.locator("#you-said-1 option").nth(1).evaluate("option => option.value = 'forged'")
    page.get_by_label("Delivered by (change 1)").select_option(index=1)
    page.get_by_role("button", name="Save what delivered change 1").click()
    expect(page.get_by_role("alert")).to_contain_text("Please choose one of this site")
    accessible(page)

    page.get_by_role("link", name="Change the plan").click()
    expect(page.get_by_role("heading", name="Change the plan")).to_be_visible()
    accessible(page)
    page.get_by_role("link", name=re.compile("Back to A calmer")).click()

    page.get_by_role("link", name="Back to Young Voices").click()
    expect(
        page.get_by_text(f"{CHANGES_MAX} of {CHANGES_MAX} intended changes done")
    ).to_be_visible()
    adapting = page.get_by_role("form", name=re.compile("What methods of participation"))
    adapting.get_by_label("Your team's note").fill("Try a graffiti wall at the next meeting.")
    adapting.get_by_role("button", name=re.compile("Save the note")).click()
    expect(page.get_by_role("status")).to_have_text("Note saved.")
    expect(page.get_by_role("link", name="Surveys page")).to_be_visible()
    accessible(page)

    page.goto(f"{live_server.url}{GROUP}/plans/no-such-plan")
    expect(page.get_by_text("There is no such plan in this group")).to_be_visible()
    accessible(page)
