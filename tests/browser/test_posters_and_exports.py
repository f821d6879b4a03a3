"""A staff member prints a site's poster (one clean A4 page whose code scans to
the feedback box) and downloads the week's counts as a CSV file."""

import csv
import datetime
import io
import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import assert_accessible, live_database, sign_in
from tests.test_exports import add_comment
from tests.test_summary import add

A4_AT_96_DPI = {"width": 794, "height": 1123}


def pages_in(pdf: bytes) -> int:
    """Page objects in a PDF: "/Type /Page", but not the "/Type /Pages" tree above them."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.fixture
def signed_in_page(staff_page, live_server):
    """A staff member's laptop, signed in and showing the weekly summary."""
    sign_in(staff_page, live_server)
    expect(staff_page.get_by_role("heading", name="Weekly summary")).to_be_visible()
    return staff_page


def test_a_poster_prints_on_one_a4_page_and_its_code_scans(signed_in_page, live_server):
    with live_database(live_server) as db:
        add_comment(db, text="someone hurts me", concern=True)  # staff pages show a banner
    page = signed_in_page
    page.get_by_role("link", name="Posters", exact=True).click()
    expect(page.get_by_role("heading", name="Posters")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Poster for Youth hub").click()
    expect(page.get_by_role("heading", name="Tell us anything")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_text("not been reviewed yet")).to_be_visible()

    pdf = page.pdf(format="A4", print_background=True)
    assert 1 == pages_in(pdf)

    page.emulate_media(media="print")
    page.set_viewport_size(A4_AT_96_DPI)
    expect(page.get_by_role("banner")).to_be_hidden()
    expect(page.get_by_role("navigation")).to_be_hidden()
    expect(page.get_by_text("Only the poster below is printed.")).to_be_hidden()
    expect(page.get_by_text("not been reviewed yet")).to_be_hidden()
    expect(page.get_by_text("0800 1111")).to_be_visible()
    printed = Image.open(io.BytesIO(page.screenshot(full_page=True)))
    address = "http://127.0.0.1:5000/feedback/youth-hub"
    assert [address] == [result.text for result in zxingcpp.read_barcodes(printed)]
    expect(page.get_by_text(address, exact=True)).to_be_visible()


def test_a_long_site_name_still_fits_one_page(signed_in_page, live_server):
    name = "The family centre on the north-east side of the town, second floor, room four"
    with live_database(live_server) as db:
        storage.save_sites(db, {"family-centre-north-east-second-floor-room-four": name})
    signed_in_page.goto(
        f"{live_server.url}/admin/posters/family-centre-north-east-second-floor-room-four"
    )
    assert 1 == pages_in(signed_in_page.pdf(format="A4"))


def test_staff_download_the_weeks_counts(signed_in_page, live_server):
    today = datetime.date.today()
    with live_database(live_server) as db:
        add(db, ["yes", "sometimes", "no", "skip"], day=today, times=3)
        add(db, ["no", "yes", "yes", "yes"], day=today, times=2)
    page = signed_in_page
    page.get_by_role("link", name="Export").click()
    expect(page.get_by_role("heading", name="Export")).to_be_visible()
    assert_accessible(page)
    week = page.get_by_role("region", name="One week")
    week.get_by_label("Site").select_option(label="Waiting room A")
    with page.expect_download() as download_info:
        week.get_by_role("button", name="Download counts (CSV)").click()
    download = download_info.value
    year, number, _ = today.isocalendar()
    assert f"counts-waiting-room-a-{year}-W{number:02d}.csv" == download.suggested_filename
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    # One row per answer to each question, in the kiosk's order, with its version.
    assert {"1"} == {row["version"] for row in rows}
    assert [
        ("Yes", "3", "5"),
        ("Sometimes", "0", "5"),
        ("No", "2", "5"),
        ("Skipped", "0", "5"),
    ] == [(row["answer"], row["count"], row["responses"]) for row in rows[:4]]
    assert ["2", "0", "0", "3"] == [row["count"] for row in rows[12:16]]
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("cell", name="exported counts")).to_be_visible()
