"""A staff member tags what children raised and what was done with the guide's six
principles, on the Comments and You said, we did pages, then opens the principles
page to show an inspector, and prints it."""

import datetime
import io
import re

from PIL import Image
from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import assert_accessible, live_database, read_stored, sign_in
from tests.conftest import store_comment

WORDS = "I want to choose who I talk to"
CONCERN = "someone shouts at me at home"
HEARD = "You want to choose who you talk to."
DID = "You can now choose your key worker."


def pages_in(pdf: bytes) -> int:
    """Page objects in a PDF: "/Type /Page", but not the "/Type /Pages" tree above them."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def children_sent(live_server) -> dict[str, str]:
    picture = io.BytesIO()
    Image.new("RGB", (60, 40), "lightblue").save(picture, format="PNG")
    today = datetime.date.today()
    with live_database(live_server) as db:
        sent = {
            "words": store_comment(db, WORDS, day=today),
            "concern": store_comment(db, CONCERN, day=today, concern=True),
            "drawing": store_comment(db, None, day=today, drawing=picture.getvalue()),
        }
    return {name: comment.id for name, comment in sent.items()}


def assert_big_enough(locator, least: float):
    for index in range(locator.count()):
        box = locator.nth(index).bounding_box()
        assert box["width"] >= least and box["height"] >= least, box


def tag_on_the_comments_page(page, comment_id: str, principles: list[str]):
    article = page.locator(f"article:has(#comment-{comment_id})")
    article.locator("summary", has_text="Principles").click()
    for words in principles:
        article.get_by_role("checkbox", name=words, exact=True).check()
    article.get_by_role("button", name=re.compile("^Save")).click()


def test_staff_tag_on_the_pages_and_show_the_principles_page(staff_page, live_server):
    page = staff_page
    sent = children_sent(live_server)
    sign_in(page, live_server)
    page.get_by_role("link", name="Comments", exact=True).click()
    expect(page.get_by_role("article")).to_have_count(3)
    # Each message, the concern too, has the six boxes, closed until asked for.
    boxes = page.locator("input[type=checkbox]")
    expect(boxes).to_have_count(18)
    expect(boxes.first).to_be_hidden()
    assert_accessible(page)

    concern = page.locator(f"article:has(#comment-{sent['concern']})")
    concern.locator("summary", has_text="Principles").click()
    group = concern.get_by_role("group", name=re.compile("Which of the six principles"))
    expect(group.get_by_role("checkbox")).to_have_count(6)
    assert_big_enough(group.get_by_role("checkbox"), 24)
    assert_big_enough(concern.locator("summary"), 24)
    assert concern.locator("summary").bounding_box()["height"] >= 44
    assert_accessible(page)
    group.get_by_text("Safety", exact=True).click()  # the words tick the box too
    concern.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.get_by_text("Principles saved: Safety.")).to_be_visible()

    tag_on_the_comments_page(page, sent["words"], ["Safety", "Choice"])
    expect(page.get_by_text("Principles saved: Safety, Choice.")).to_be_visible()
    words = page.locator(f"article:has(#comment-{sent['words']})")
    expect(words.locator(".comment-facts")).to_contain_text("PrinciplesSafety, Choice")
    tag_on_the_comments_page(page, sent["drawing"], ["Collaboration"])
    expect(page.get_by_text("Principles saved: Collaboration.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="You said, we did", exact=True).click()
    page.get_by_label("Site").select_option("waiting-room-a")
    page.get_by_label("You said").fill(HEARD)
    page.get_by_label("We did").fill(DID)
    add_form = page.locator(".you-said-form")
    assert_big_enough(add_form.get_by_role("checkbox"), 24)
    add_form.get_by_role("checkbox", name="Choice", exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Add the entry").click()
    expect(page.get_by_text("Entry added.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=HEARD)
    expect(row.get_by_role("cell").nth(4)).to_contain_text("Choice")
    row.locator("summary").click()
    row.get_by_role("checkbox", name="Empowerment", exact=True).check()
    assert_accessible(page)
    row.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.get_by_text("Principles saved: Choice, Empowerment.")).to_be_visible()
    [entry] = read_stored(live_server, storage.you_said_entries)
    assert "choice empowerment" == entry["principles"]

    page.get_by_role("link", name="Co-production", exact=True).click()
    page.get_by_role("link", name=re.compile("what children raised and what we did")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The six principles")
    assert_accessible(page)
    section = {
        name: page.get_by_role("region", name=name, exact=True)
        for name in ("Safety", "Choice", "Collaboration", "Empowerment", "Trustworthiness")
    }
    expect(section["Safety"]).to_contain_text("2 comments and drawings tagged Safety.")
    expect(section["Safety"]).to_contain_text(WORDS)
    expect(section["Safety"]).to_contain_text(CONCERN)
    expect(section["Choice"]).to_contain_text(WORDS)
    expect(section["Choice"]).to_contain_text(DID)
    expect(section["Choice"]).not_to_contain_text(CONCERN)
    expect(section["Empowerment"]).to_contain_text(HEARD)
    expect(section["Empowerment"]).not_to_contain_text(WORDS)
    drawing = section["Collaboration"].get_by_role("img")
    expect(drawing).to_have_attribute("alt", re.compile("A drawing sent on .*no words were sent"))
    assert drawing.evaluate("(img) => img.complete && img.naturalWidth") == 60
    expect(section["Trustworthiness"]).to_contain_text("Nothing is tagged Trustworthiness")

    page.get_by_label("Period").select_option("all")
    page.get_by_label("Site").select_option("youth-hub")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("Youth hub: everything kept")).to_be_visible()
    expect(section["Safety"]).to_contain_text("Nothing is tagged Safety")
    assert_accessible(page)


def test_the_principles_page_prints_without_its_forms(staff_page, live_server, today):
    page = staff_page
    sent = children_sent(live_server)
    with live_database(live_server) as db:
        storage.set_principles(db, "comment", sent["words"], ["choice", "safety"])
        storage.set_principles(db, "comment", sent["drawing"], ["cultural"])
        entry = storage.add_you_said(db, "waiting-room-a", HEARD, DID, today, ["choice"])
    assert entry
    sign_in(page, live_server)
    page.goto(live_server.url + "/admin/co-production/principles")
    expect(page.locator("form:visible")).not_to_have_count(0)
    page.emulate_media(media="print")
    expect(page.locator("form:visible")).to_have_count(0)
    expect(page.get_by_role("navigation")).to_be_hidden()
    expect(page.get_by_role("region", name="Choice")).to_contain_text(DID)
    pdf = page.pdf(format="A4")
    assert 1 <= pages_in(pdf) <= 2, "six principles with a few items each fit on two pages"
    page.emulate_media(media="screen")
    assert_accessible(page)
