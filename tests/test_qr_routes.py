"""A site's poster code: a phone that scans it opens that site's feedback box, and
every poster of a site carries the same code."""

import io

import pytest
from PIL import Image

from kiosk import create_app
from tests.conftest import make_config
from tests.test_qr import rasterise, scan

BASE = "https://kiosk.example.org"


@pytest.fixture
def app(tmp_path):
    return create_app(make_config(tmp_path, PUBLIC_BASE_URL=BASE))


def scanned(response) -> list[str]:
    if response.mimetype == "image/svg+xml":
        return [result.text for result in scan(rasterise(response.get_data(as_text=True)))]
    with Image.open(io.BytesIO(response.get_data())) as image:
        return [result.text for result in scan(image)]


@pytest.mark.parametrize(("kind", "mimetype"), [("svg", "image/svg+xml"), ("png", "image/png")])
@pytest.mark.parametrize("site", ["waiting-room-a", "youth-hub"])
def test_the_code_opens_the_sites_feedback_box(client, kind, mimetype, site):
    response = client.get(f"/feedback/{site}/qr.{kind}")
    assert (200, mimetype) == (response.status_code, response.mimetype)
    assert [f"{BASE}/feedback/{site}"] == scanned(response)


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_every_poster_of_a_site_has_the_same_code_and_no_token(client, kind):
    first, again = (client.get(f"/feedback/youth-hub/qr.{kind}") for _ in range(2))
    assert first.get_data() == again.get_data()
    assert [] == first.headers.getlist("Set-Cookie")
    other_site = client.get(f"/feedback/waiting-room-a/qr.{kind}")
    assert first.get_data() != other_site.get_data()


def test_the_svg_names_the_site_for_someone_who_cannot_scan_it(client):
    svg = client.get("/feedback/youth-hub/qr.svg").get_data(as_text=True)
    assert 'aria-label="QR code for the Youth hub feedback box"' in svg


def test_the_address_is_built_without_a_double_slash(tmp_path):
    app = create_app(make_config(tmp_path, PUBLIC_BASE_URL=BASE + "/"))
    response = app.test_client().get("/feedback/youth-hub/qr.png")
    assert [f"{BASE}/feedback/youth-hub"] == scanned(response)


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_an_unknown_site_has_no_code(client, kind):
    response = client.get(f"/feedback/nowhere/qr.{kind}")
    assert (404, "text/html") == (response.status_code, response.mimetype)
