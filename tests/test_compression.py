"""The public pages and the static files go compressed to a browser that asks
for it (a slow tablet downloads a third of the bytes); staff pages and what a
page sends back never do (kiosk/app/compression.py)."""

import gzip
import re
from pathlib import Path

import brotli
import pytest

from tests.conftest import make_account, sign_in

GZIP = {"Accept-Encoding": "gzip"}
STATIC = Path(__file__).parent.parent / "kiosk" / "static"


def body(response) -> bytes:
    data = response.get_data()
    return gzip.decompress(data) if response.headers.get("Content-Encoding") == "gzip" else data


@pytest.mark.parametrize(
    "url",
    [
        "/kiosk/waiting-room-a",
        "/feedback/waiting-room-a",
        "/static/css/kiosk.css",
        "/static/js/kiosk.js",
        "/static/faces/yes.svg",
        "/admin/static/admin.css",
        "/kiosk/sw.js",
    ],
)
def test_a_public_page_or_file_is_compressed_for_a_browser_that_asks(client, url):
    with client.get(url) as plain, client.get(url, headers=GZIP) as packed:
        check_compressed(url, plain, packed)


def check_compressed(url, plain, packed):
    assert (200, 200) == (plain.status_code, packed.status_code)
    assert "Content-Encoding" not in plain.headers
    assert "gzip" == packed.headers["Content-Encoding"]
    assert "Accept-Encoding" in packed.headers["Vary"]
    if "/static/" in url:
        folder = STATIC if url.startswith("/static/") else STATIC.parent.parent / "admin" / "static"
        assert (folder / url.rsplit("/static/", 1)[1]).read_bytes() == body(packed)
        assert len(packed.get_data()) < len(body(packed))
    else:
        # Same page: the form token and the page's own id differ from one visit to the next.
        def same(page: bytes) -> str:
            return re.sub(r'value="[^"]*"', "", page.decode())

        assert same(body(plain)) == same(body(packed))


def test_a_compressed_file_is_revalidated_as_not_modified(client):
    first = client.get("/static/js/kiosk.js", headers=GZIP)
    etag = first.headers["ETag"]
    assert etag.endswith(':gzip"')
    again = client.get("/static/js/kiosk.js", headers={**GZIP, "If-None-Match": etag})
    assert 304 == again.status_code
    assert b"" == again.get_data()


def test_staff_pages_are_never_compressed(app, client):
    # A staff page holds a form token beside words a stranger could put in its
    # address: compressed, its size could give the token away (BREACH).
    assert 0 == make_account(app).exit_code
    sign_in(client)
    for url in ("/admin/sign-in", "/admin/", "/admin/comments?q=hello"):
        with client.get(url, headers=GZIP, follow_redirects=True) as response:
            assert 200 == response.status_code, url
            assert "Content-Encoding" not in response.headers, url


def test_what_a_page_sends_back_is_answered_plainly(kiosk_client):
    response = kiosk_client.submit(headers=GZIP)
    assert 201 == response.status_code
    assert "Content-Encoding" not in response.headers


def test_brotli_is_chosen_where_the_browser_offers_it(client):
    offered = {"Accept-Encoding": "gzip, deflate, br, zstd"}
    for url in ("/kiosk/waiting-room-a", "/static/js/kiosk.js"):
        response = client.get(url, headers=offered)
        assert "br" == response.headers["Content-Encoding"], url
        packed = response.get_data()
        assert brotli.decompress(packed).startswith(client.get(url).get_data()[:20]), url
