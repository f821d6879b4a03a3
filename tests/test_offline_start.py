"""What a tablet keeps to open the kiosk with no network: the service worker, the
version each kiosk page is marked with, and the site's manifest."""

import json
import re

import pytest

from kiosk import storage
from kiosk.surveys.offline_start import VERSION_HEADER


def worker_settings(client) -> dict:
    """The service worker's version and the files it keeps, as the script says them."""
    script = client.get("/kiosk/sw.js").text
    return {
        "version": json.loads(re.search(r"const VERSION = (.+);", script)[1]),
        "assets": json.loads(re.search(r"const ASSETS = (.+);", script)[1]),
    }


def test_the_service_worker_is_a_script_under_the_kiosk_pages(client):
    response = client.get("/kiosk/sw.js")
    assert (200, "text/javascript") == (response.status_code, response.mimetype)
    assert "no-store" == response.headers["Cache-Control"]
    # Served from /kiosk/, so its scope can be no wider: the staff area, the
    # feedback box and phone surveys are never its to serve.
    assert "Service-Worker-Allowed" not in response.headers


def test_it_keeps_every_kiosk_file_and_each_of_them_is_there(client):
    assets = worker_settings(client)["assets"]
    for wanted in ["/static/js/kiosk.js", "/static/js/queue.js", "/static/css/kiosk.css"]:
        assert wanted in assets
    assert {"/static/faces/yes.svg", "/static/faces/sometimes.svg", "/static/faces/no.svg"} <= set(
        assets
    )
    statuses = []
    for url in assets:
        with client.get(url) as response:
            statuses.append(response.status_code)
    assert [200] * len(assets) == statuses


def test_each_kiosk_page_says_which_version_made_it(client):
    version = worker_settings(client)["version"]
    for address in ["/kiosk/waiting-room-a", "/kiosk/youth-hub", "/kiosk/waiting-room-a?lang=en"]:
        assert version == client.get(address).headers[VERSION_HEADER]
    assert re.fullmatch(r"[0-9a-f]{16}", version)


def test_the_version_is_the_same_for_every_request_and_every_server_start(app, tmp_path):
    from kiosk import create_app
    from tests.conftest import make_config

    other = create_app(make_config(tmp_path / "other"))
    first = app.test_client().get("/kiosk/waiting-room-a").headers[VERSION_HEADER]
    assert first == other.test_client().get("/kiosk/waiting-room-a").headers[VERSION_HEADER]


def test_pages_that_are_not_the_kiosk_carry_no_version(client):
    for address in ["/feedback/waiting-room-a", "/admin/", "/kiosk/nowhere", "/kiosk/sw.js"]:
        assert VERSION_HEADER not in client.get(address).headers


def test_a_retired_sites_kiosk_carries_no_version_so_no_tablet_keeps_it(client, db):
    storage.set_site_retired(db, "youth-hub", True)
    response = client.get("/kiosk/youth-hub")
    assert (410, False) == (response.status_code, VERSION_HEADER in response.headers)


def test_the_kiosk_page_links_its_manifest_and_registers_the_worker(client):
    page = client.get("/kiosk/waiting-room-a").text
    assert '<link rel="manifest" href="/kiosk/waiting-room-a/manifest.webmanifest">' in page
    assert 'data-service-worker-url="/kiosk/sw.js"' in page
    assert 'data-service-worker-scope="/kiosk/"' in page


def test_the_manifest_opens_the_sites_kiosk_full_screen(client):
    response = client.get("/kiosk/youth-hub/manifest.webmanifest")
    assert "application/manifest+json" == response.mimetype
    manifest = response.get_json(force=True)
    assert {
        "id": "/kiosk/youth-hub",
        "start_url": "/kiosk/youth-hub",
        "scope": "/kiosk/",
        "display": "fullscreen",
        "name": "Tell us what you think – Youth hub",
    }.items() <= manifest.items()
    sizes = sorted(icon["sizes"] for icon in manifest["icons"])
    assert ["192x192", "512x512"] == sizes
    for icon in manifest["icons"]:
        with client.get(icon["src"]) as image:
            assert ("image/png", 200) == (icon["type"], image.status_code)


def test_the_manifest_speaks_the_sites_language(client, db):
    storage.set_site_languages(db, "youth-hub", ["en", "ar"], "ar")
    manifest = client.get("/kiosk/youth-hub/manifest.webmanifest").get_json(force=True)
    assert ("ar", "rtl") == (manifest["lang"], manifest["dir"])
    assert "Tell us what you think" not in manifest["name"]


@pytest.mark.parametrize("address", ["/kiosk/nowhere/manifest.webmanifest", "/kiosk/sw.js/x"])
def test_an_unknown_sites_manifest_is_a_404(client, address):
    assert 404 == client.get(address).status_code


def files_the_kiosk_needs(client, address: str) -> set[str]:
    """Every /static/ file the kiosk page names, and every module its scripts import."""
    page = client.get(address).text
    needed = set(re.findall(r"""(?:src|href)="(/static/[^"?#]+)""", page))
    scripts = [url for url in needed if url.endswith(".js")]
    while scripts:
        with client.get(scripts.pop()) as response:
            for module in re.findall(r"""from "\./([\w-]+\.js)";""", response.text):
                url = f"/static/js/{module}"
                if url not in needed:
                    needed.add(url)
                    scripts.append(url)
    return needed


@pytest.mark.parametrize("survey", ["child-evaluation", "adult-evaluation"])
def test_every_file_the_kiosk_page_needs_is_kept(client, db, survey):
    storage.set_kiosk_survey(db, "waiting-room-a", survey)
    needed = files_the_kiosk_needs(client, "/kiosk/waiting-room-a")
    assert {"/static/js/kiosk.js", "/static/js/queue.js", "/static/css/kiosk.css"} <= needed
    assert set() == needed - set(worker_settings(client)["assets"])


def test_the_feedback_boxs_files_are_not_kept_for_the_kiosk(client):
    assets = set(worker_settings(client)["assets"])
    assert not {"/static/js/drawing.js", "/static/css/feedback.css"} & assets
