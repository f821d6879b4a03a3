"""A staff member adds, renames and retires a site, and its kiosk rests kindly."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def test_staff_add_rename_and_retire_a_site(staff_page, live_server):
    page = staff_page
    sign_in(page, live_server)
    page.get_by_role("link", name="Sites").click()
    expect(page.get_by_role("heading", name="Sites", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Name people see").fill("Family room")
    page.get_by_role("button", name="Add the site").click()
    expect(page.get_by_role("status")).to_have_text(
        "Added Family room. Its kiosk is at /kiosk/family-room."
    )
    assert_accessible(page)

    page.get_by_label("Name people see").fill("Token")
    page.get_by_role("button", name="Add the site").click()
    expect(page.get_by_role("alert")).to_contain_text("already used by another page")
    assert_accessible(page)

    page.get_by_label("New name for Family room").fill("Family room, Leek")
    page.get_by_role("button", name="Rename Family room").click()
    expect(page.get_by_role("status")).to_have_text("Family room is now called Family room, Leek.")

    page.get_by_role("button", name="Retire Family room, Leek").click()
    expect(page.get_by_role("status")).to_have_text("Family room, Leek is resting.")
    row = page.get_by_role("row", name="Family room, Leek")
    expect(row.get_by_role("cell", name="Resting")).to_be_visible()
    expect(page.get_by_role("button", name="Retire Waiting room A")).to_have_count(0)
    expect(page.get_by_text("The default site")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/kiosk/family-room")
    expect(page.get_by_role("heading", name="This kiosk is resting")).to_be_visible()
    expect(page.get_by_text("Thank you for your ideas.")).to_be_visible()
    expect(page.get_by_text("0800 1111")).to_be_visible()
    assert_accessible(page)

    page.go_back()
    page.get_by_role("button", name="Reopen Family room, Leek").click()
    expect(page.get_by_role("status")).to_have_text("Family room, Leek is open again.")
    page.get_by_role("link", name="Audit log").click()
    for action in ("added a site", "renamed a site", "retired a site", "reopened a site"):
        expect(page.get_by_role("cell", name=action, exact=True)).to_be_visible()
