"""Posters: a printable page per site with its QR code, its address in words and
plain promises about anonymity. (tests/browser/test_posters_and_exports.py prints it.)"""

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk import create_app, storage
from tests.conftest import SITES, make_account, make_config, sign_in
from tests.test_qr import rasterise, scan


def inline_svg(page: str) -> str:
    return re.search(r"<svg.*?</svg>", page, re.S)[0]


def words(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", page).split()).replace("&#39;", "'")


def test_the_list_links_to_each_sites_poster(staff):
    page = staff.get("/admin/posters").get_data(as_text=True)
    assert '<a href="/admin/posters/waiting-room-a">Poster for Waiting room A</a>' in page
    assert '<a href="/admin/posters/youth-hub">Poster for Youth hub</a>' in page
    assert '<a href="/admin/posters" aria-current="page">Posters</a>' in page


def test_a_poster_has_the_sites_code_and_address(staff):
    page = staff.get("/admin/posters/youth-hub").get_data(as_text=True)
    address = "http://127.0.0.1:5000/feedback/youth-hub"
    assert [address] == [result.text for result in scan(rasterise(inline_svg(page)))]
    assert f'<p class="poster-address">{address}</p>' in page
    assert "Tell us anything" in page
    assert 'href="/admin/static/poster.css"' in page


@pytest.mark.parametrize(
    "promise",
    [
        "We don't know who you are.",
        "Please don't write your name, or anyone else's.",
        "Staff read every message, but we cannot write back to you.",
        "You get a receipt code. With it you can take your message back for 30 days.",
        "Talk to an adult you trust.",
        "Call Childline, free: 0800 1111. In an emergency, call 999.",
    ],
)
def test_a_poster_says_plainly_what_happens(staff, promise):
    assert promise in words(staff.get("/admin/posters/waiting-room-a").get_data(as_text=True))


def test_an_unknown_site_has_no_poster(staff):
    assert 404 == staff.get("/admin/posters/nowhere").status_code


def test_a_poster_for_this_computer_only_says_so(staff):
    page = words(staff.get("/admin/posters/youth-hub").get_data(as_text=True))
    assert "only works on this computer. Set PUBLIC_BASE_URL before you print." in page


def test_the_public_address_is_the_one_people_reach(tmp_path):
    app = create_app(make_config(tmp_path, PUBLIC_BASE_URL="https://kiosk.example.org/"))
    client = app.test_client()
    make_account(app)
    sign_in(client)
    page = client.get("/admin/posters/waiting-room-a").get_data(as_text=True)
    address = "https://kiosk.example.org/feedback/waiting-room-a"
    assert [address] == [result.text for result in scan(rasterise(inline_svg(page)))]
    assert "only works on this computer" not in page
    assert "only works on this computer" not in client.get("/admin/posters").get_data(as_text=True)
    storage.close_thread_connections()


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(site=st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40))
@example(site="/0")
@example(site="youth-hub")
def test_any_site_name_in_the_address_is_a_poster_or_a_404(staff, site):
    response = staff.get(f"/admin/posters/{quote(site, safe='')}")
    # An encoded "/" reaches the router as a slash: Werkzeug redirects "//" (308).
    expected = {200} if site in SITES else {308, 404}
    assert response.status_code in expected, (site, response.status_code)
