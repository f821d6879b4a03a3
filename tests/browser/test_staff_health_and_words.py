"""In a real browser: the Sites page shows when each tablet's answers last came
and marks one gone quiet; the audit log and delete page speak in words; the
export's date fields take the day first on a US-English browser too; and the
poster shows the faces, the site's name and an uploaded logo on one A4 page."""

import datetime
import re

from playwright.sync_api import expect

from admin import dates
from kiosk import storage
from kiosk.surveys import tablets
from tests.browser.conftest import (
    answer_at_the_kiosk,
    assert_accessible,
    live_database,
    sign_in,
)
from tests.browser.test_posters_and_exports import pages_in
from tests.conftest import make_account
from tests.test_drawings import drawn_canvas, png_bytes
from tests.test_exports import add_comment

LONG_SLUG = "family-centre-north-east-second-floor-room-four"
LONG_NAME = "The family centre on the north-east side of the town, second floor, room four"


def test_staff_see_which_tablet_answered_and_which_went_quiet(staff_page, live_server, today):
    page = staff_page
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, wait_until_sent=True)
    staff_file = storage.staff_path(live_server.app.config["DATABASE"])
    staff_db = storage.open_staff_database(staff_file)
    try:
        quiet_since = today - datetime.timedelta(days=10)
        key = tablets.token_hash(live_server.tokens["youth-hub"])
        storage.note_answers_arrived(staff_db, key, quiet_since)
    finally:
        staff_db.close()

    sign_in(page, live_server)
    page.get_by_role("link", name="Sites").click()
    here = page.locator('section[aria-labelledby="tablets-waiting-room-a"]')
    arrived = here.get_by_role("row", name="Test tablet").get_by_role("cell").nth(1)
    expect(arrived).to_have_text(dates.day_in_words(today))
    expect(here.get_by_text("Answers last arrived from its tablets:")).to_contain_text(
        dates.day_in_words(today)
    )
    expect(here.get_by_text("quiet for")).to_have_count(0)
    hub = page.locator('section[aria-labelledby="tablets-youth-hub"]')
    arrived = hub.get_by_role("row", name="Test tablet").get_by_role("cell").nth(1)
    expect(arrived).to_have_text(f"{dates.day_in_words(quiet_since)} quiet for 10 days")
    expect(hub.get_by_text("Answers last arrived from its tablets:")).to_contain_text(
        f"{dates.day_in_words(quiet_since)} quiet for 10 days"
    )
    assert_accessible(page)


def test_the_audit_log_and_a_delete_page_speak_in_words(staff_page, live_server):
    page = staff_page
    with live_database(live_server) as db:
        comment_id = add_comment(db, text="please take this down", site="youth-hub").id
    sign_in(page, live_server)
    page.get_by_role("link", name="Audit log").click()
    when = page.get_by_role("row", name="signed in").get_by_role("cell").first
    expect(when).to_have_text(re.compile(r"^\w+day \d{1,2} \w+ \d{4}, \d{1,2}:\d\d[ap]m$"))
    expect(page.get_by_role("columnheader", name="When", exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/admin/comments/{comment_id}/delete")
    facts = page.locator(".comment-facts")
    expect(facts).to_contain_text("SiteYouth hub")
    expect(facts).not_to_contain_text("youth-hub")
    assert_accessible(page)


def test_export_dates_are_day_first_on_a_us_english_browser(browser, live_server, today):
    make_account(live_server.app)
    context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    try:
        sign_in(page, live_server)
        page.get_by_role("link", name="Export").click()
        first = page.get_by_label("First day")
        expect(first).to_have_value(f"01/{today:%m/%Y}")
        expect(first).to_have_attribute("aria-describedby", "dates-from-hint")
        expect(page.get_by_text("Day, month, year, for example 01/11/2026")).to_be_visible()
        assert_accessible(page)

        first.fill("22/11/2026")
        page.get_by_label("Last day").fill("29/11/2026")
        form = page.locator("form", has=first)
        with page.expect_download() as download:
            form.get_by_role("button", name="Download comments (CSV)").click()
        assert "2026-11-22-to-2026-11-29" in download.value.suggested_filename

        first.fill("11/30/2026")
        form.get_by_role("button", name="Download comments (CSV)").click()
        expect(page.get_by_text("a first and last date like 27/11/2026")).to_be_visible()
        assert_accessible(page)
    finally:
        context.close()


def test_an_uploaded_logo_is_on_the_poster_which_still_prints_on_one_page(
    staff_page, live_server, tmp_path
):
    page = staff_page
    with live_database(live_server) as db:
        storage.save_sites(db, {LONG_SLUG: LONG_NAME})
    sign_in(page, live_server)
    page.get_by_role("link", name="Posters", exact=True).click()
    not_a_png = tmp_path / "logo.png"
    not_a_png.write_text("this is not a picture")
    page.get_by_label("Your logo (a PNG picture)").set_input_files(not_a_png)
    page.get_by_role("button", name="Put this logo on the posters").click()
    expect(page.get_by_role("alert")).to_have_text(re.compile("not a PNG picture we can read"))
    assert_accessible(page)

    logo = tmp_path / "our-logo.png"
    logo.write_bytes(png_bytes(drawn_canvas((900, 300))))
    page.get_by_label("Your logo (a PNG picture)").set_input_files(logo)
    page.get_by_role("button", name="Put this logo on the posters").click()
    expect(page.get_by_role("status")).to_have_text("The logo is on every poster now.")
    expect(page.get_by_role("img", name="The logo on the posters")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Poster for Youth hub").click()
    poster = page.locator("article.poster")
    expect(poster.locator("img.poster-logo")).to_be_visible()
    expect(poster.get_by_text("Youth hub", exact=True)).to_be_visible()
    faces = poster.locator(".poster-faces img")
    expect(faces).to_have_count(3)
    assert all(face.evaluate("img => img.naturalWidth > 0") for face in faces.all())
    assert poster.locator("img.poster-logo").evaluate("img => img.naturalWidth") == 600
    assert_accessible(page)
    assert 1 == pages_in(page.pdf(format="A4", print_background=True))
    page.goto(f"{live_server.url}/admin/posters/{LONG_SLUG}")
    expect(page.locator("img.poster-logo")).to_be_visible()
    assert 1 == pages_in(page.pdf(format="A4", print_background=True))

    page.goto(f"{live_server.url}/admin/posters")
    page.get_by_role("button", name="Take the logo off the posters").click()
    expect(page.get_by_role("status")).to_have_text("The posters have no logo now.")
    assert_accessible(page)
