"""A member of staff adapts the child survey to the waiting room, publishes it,
and the kiosk asks the new wording; the survey pages pass axe-core, with every
control named and big enough to hit, errors showing or not."""

from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import assert_accessible, read_stored, sign_in

SAFE_IN_THE_WAITING_ROOM = "Do you feel safe in our waiting room?"
CHILD_TITLE = "Co-production evaluation for children"


def too_small(page) -> list:
    """Each visible control in the page's main part smaller than it should be:
    buttons and links 44 px high, text boxes and lists 44 px high, checkboxes
    and radio buttons 24 px (as on the Export page)."""
    main = page.locator("main")
    small = []
    targets = [
        *[(t, 44, 44) for t in main.get_by_role("button").all() + main.get_by_role("link").all()],
        *[(t, 0, 44) for t in main.locator("textarea, select, input[type=text]").all()],
        *[(t, 24, 24) for t in main.locator("input[type=checkbox], input[type=radio]").all()],
    ]
    for target, width, height in targets:
        if not target.is_visible():
            continue
        box = target.bounding_box()
        if box["width"] < width or box["height"] < height:
            name = target.get_attribute("id") or target.inner_text()
            small.append((name, round(box["width"]), round(box["height"])))
    return small


def assert_every_control_named(page):
    """Every form control has an accessible name (axe checks this too; this says which)."""
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll(
            'main textarea, main select, main input:not([type=hidden]), main button')]
          .filter((el) => !el.closest('[aria-hidden=true]'))
          .filter((el) => !(el.labels && el.labels.length) && !el.textContent.trim()
                          && !el.getAttribute('aria-label'))
          .map((el) => el.outerHTML)"""
    )
    assert [] == unnamed


def assert_page_passes(page):
    assert_accessible(page)
    assert_every_control_named(page)
    assert [] == too_small(page)


def open_child_survey(page, live_server):
    page.goto(live_server.url + "/admin/surveys")
    page.get_by_role("link", name=f"Change {CHILD_TITLE}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Change “{CHILD_TITLE}”")


def test_staff_adapt_the_child_survey_and_the_kiosk_asks_the_new_wording(staff_page, live_server):
    page = staff_page
    sign_in(page, live_server)
    page.get_by_role("link", name="Surveys", exact=True).click()
    expect(page.get_by_role("heading", name="Surveys", exact=True)).to_be_visible()
    row = page.get_by_role("row", name=CHILD_TITLE)
    expect(row).to_contain_text("Version 1")
    expect(row).to_contain_text("Waiting room A, Youth hub")
    assert_page_passes(page)

    page.get_by_role("link", name=f"Change {CHILD_TITLE}").click()
    question_1 = page.get_by_role("group", name="Question 1")
    expect(question_1.get_by_label("Wording")).to_have_value(
        "Do you feel safe during our meetings?"
    )
    assert_page_passes(page)

    question_1.get_by_label("Wording").fill(SAFE_IN_THE_WAITING_ROOM)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"Published version 2 of “{CHILD_TITLE}”. Kiosks and phones that run it ask the new"
        " wording from now on."
    )
    expect(page.get_by_role("row", name=CHILD_TITLE)).to_contain_text("Version 2")

    page.goto(live_server.url + "/kiosk/waiting-room-a")
    assert SAFE_IN_THE_WAITING_ROOM in page.content()
    assert "Do you feel safe during our meetings?" not in page.content()
    version_1 = read_stored(live_server, storage.survey_version, "child-evaluation", 1)
    assert "Do you feel safe during our meetings?" == version_1.question("safe").text


def test_the_editor_with_errors_showing_passes(staff_page, live_server):
    page = staff_page
    sign_in(page, live_server)
    open_child_survey(page, live_server)
    page.get_by_role("group", name="Question 2").get_by_label("Wording").fill("")
    question_3 = page.get_by_role("group", name="Question 3")
    options = question_3.get_by_label("Options for a scale")
    expect(options).to_be_hidden()  # only a scale has options
    question_3.get_by_label("Kind of answer").select_option(label="Scale")
    expect(options).to_be_visible()
    options.fill("Only one")
    page.get_by_role("button", name="Save draft").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There are 2 problems: nothing was saved")
    expect(
        summary.get_by_role("link", name="Question 2: Please write the wording.")
    ).to_be_visible()
    expect(
        page.get_by_role("group", name="Question 2").get_by_label("Wording")
    ).to_have_accessible_description("Please write the wording.")
    expect(options).to_have_value("Only one")
    assert_page_passes(page)
    summary.get_by_role("link", name="Question 3: A scale needs").click()
    expect(options).to_be_focused()


def test_questions_move_and_enter_saves_the_draft(staff_page, live_server):
    page = staff_page
    sign_in(page, live_server)
    open_child_survey(page, live_server)
    page.get_by_role("button", name="Move question 4 up").click()
    expect(page.get_by_role("status")).to_contain_text("Question 4 moved up: it is now question 3.")
    question_3 = page.get_by_role("group", name="Question 3").get_by_label("Wording")
    expect(question_3).to_have_value("Are your ideas helping to change things?")
    page.get_by_role("button", name="Add a question").click()
    page.get_by_role("group", name="Question 5").get_by_label("Wording").fill("Is it calm here?")
    page.get_by_role("group", name="Question 5").get_by_label("Comments box").check()
    # Enter in the title saves the draft; it does not press "Move question 1 down".
    page.get_by_label("Title").press("Enter")
    expect(page.get_by_role("status")).to_have_text(
        "Draft saved. Kiosks and phones ask version 1 until you publish it."
    )
    draft = read_stored(live_server, storage.find_draft, "child-evaluation")
    assert ["safe", "talk", "ideas", "team", "q1"] == [q.key for q in draft.questions]
    assert draft.question("q1").comments
    assert_page_passes(page)


def test_starting_a_survey_with_a_taken_address_passes(staff_page, live_server):
    page = staff_page
    sign_in(page, live_server)
    page.goto(live_server.url + "/admin/surveys")
    page.get_by_role("link", name="Start a new survey").click()
    assert_page_passes(page)
    page.get_by_label("Title of the new survey").fill("Child evaluation")
    page.get_by_role("button", name="Start the survey").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "There is already a survey at “child-evaluation”. Please choose another."
    )
    assert_page_passes(page)
    page.get_by_label("Web address part").fill("waiting-room")
    page.get_by_role("button", name="Start the survey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change “Child evaluation”")
    expect(page.get_by_role("status")).to_contain_text("nobody is asked it until you publish it")
