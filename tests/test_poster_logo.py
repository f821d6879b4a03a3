"""Posters show the site's name and the kiosk's three faces, and the service's
logo once an administrator uploads one: a PNG re-encoded from its pixels alone,
like a child's drawing (admin/logo.py). Bad files get a plain 400."""

import io
import random
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin
from werkzeug.test import EnvironBuilder

from kiosk import storage
from tests.conftest import form_token, make_account, sign_in
from tests.test_drawings import chunk_types, drawn_canvas, pixel_flood, png_bytes
from tests.test_posters import words

POSTERS = ["/admin/posters/waiting-room-a", "/admin/posters/youth-hub"]


def upload(client, data: bytes | None, filename="logo.png"):
    fields = {"csrf_token": form_token(client, "/admin/posters")}
    if data is not None:
        fields["logo"] = (io.BytesIO(data), filename, "image/png")
    # The test client keeps a big body in a temporary file: closed here, not by
    # the garbage collector in some later test.
    environ = EnvironBuilder(path="/admin/posters/logo", method="POST", data=fields).get_environ()
    try:
        return client.open(environ)
    finally:
        environ["wsgi.input"].close()


def logo_with_a_name_in_it(size=(400, 150)) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jo Bloggs, on Jo's laptop")
    return png_bytes(drawn_canvas(size), pnginfo=info)


def test_a_poster_shows_the_sites_name_and_the_three_faces(staff):
    page = staff.get("/admin/posters/youth-hub").get_data(as_text=True)
    assert '<p class="poster-place">Youth hub</p>' in page
    faces = re.findall(r'<img src="/static/faces/(\w+)\.svg" alt=""', page)
    assert ["yes", "sometimes", "no"] == faces
    for face in faces:
        with staff.get(f"/static/faces/{face}.svg") as response:
            assert (200, "image/svg+xml") == (response.status_code, response.mimetype)


def test_a_survey_poster_has_them_too(staff, db):
    storage.set_offered_surveys(db, "youth-hub", ["child-evaluation"])
    page = staff.get("/admin/posters/youth-hub/child-evaluation").get_data(as_text=True)
    assert '<p class="poster-place">Youth hub</p>' in page
    assert 3 == len(re.findall(r'src="/static/faces/\w+\.svg"', page))


def test_with_no_logo_a_poster_has_none(staff):
    assert "poster-logo" not in staff.get(POSTERS[0]).get_data(as_text=True)
    assert 404 == staff.get("/admin/posters/logo.png").status_code
    assert "The posters have no logo yet." in words(
        staff.get("/admin/posters").get_data(as_text=True)
    )


def test_an_uploaded_logo_is_on_every_poster_without_its_metadata(staff, staff_db):
    response = upload(staff, logo_with_a_name_in_it())
    assert (302, "/admin/posters#logo") == (response.status_code, response.headers["Location"])
    for poster in POSTERS:
        page = staff.get(poster).get_data(as_text=True)
        assert '<img class="poster-logo" src="/admin/posters/logo.png" alt="">' in page
    kept = staff.get("/admin/posters/logo.png")
    assert "image/png" == kept.mimetype
    assert b"Jo Bloggs" not in kept.data
    assert b"tEXt" not in chunk_types(kept.data)
    with Image.open(io.BytesIO(kept.data)) as image:
        assert (400, 150) == image.size
        assert image.getpixel((0, 0)) == (255, 255, 255)  # see-through became paper-white
    assert ("sam", "put a logo on the posters") == staff_db.execute(
        "SELECT staff, action FROM audit_log ORDER BY rowid DESC LIMIT 1"
    ).fetchone()


def test_a_large_logo_is_kept_small(staff):
    assert 302 == upload(staff, png_bytes(drawn_canvas((1800, 900)))).status_code
    with Image.open(io.BytesIO(staff.get("/admin/posters/logo.png").data)) as image:
        assert (600, 300) == image.size


def test_a_new_logo_replaces_the_old_and_can_be_taken_off(staff, db):
    upload(staff, png_bytes(drawn_canvas((200, 100))))
    upload(staff, png_bytes(drawn_canvas((300, 100))))
    with Image.open(io.BytesIO(storage.service_logo(db))) as image:
        assert (300, 100) == image.size
    token = form_token(staff, "/admin/posters")
    response = staff.post("/admin/posters/logo/remove", data={"csrf_token": token})
    assert 302 == response.status_code
    page = words(staff.get("/admin/posters").get_data(as_text=True))
    assert "The posters have no logo now." in page
    assert "poster-logo" not in staff.get(POSTERS[1]).get_data(as_text=True)
    assert 404 == staff.get("/admin/posters/logo.png").status_code


def test_only_an_administrator_changes_the_logo(app, staff, client):
    upload(staff, png_bytes(drawn_canvas()))
    make_account(app, "kim", role="staff")
    other = app.test_client()
    assert 302 == sign_in(other, "kim").status_code
    page = other.get("/admin/posters").get_data(as_text=True)
    assert 'action="/admin/posters/logo"' not in page
    assert "An administrator can change the logo." in words(page)
    assert "poster-logo" in other.get(POSTERS[0]).get_data(as_text=True)
    token = form_token(other, "/admin/posters")
    assert 403 == other.post("/admin/posters/logo/remove", data={"csrf_token": token}).status_code
    fields = {"csrf_token": token, "logo": (io.BytesIO(png_bytes(drawn_canvas())), "l.png")}
    assert 403 == other.post("/admin/posters/logo", data=fields).status_code


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "That file is not a PNG picture we can read."),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200, "That file is not a PNG picture"),
        (png_bytes(drawn_canvas())[:120], "That file is not a PNG picture we can read."),
        (pixel_flood(), "That file is too big."),
        (png_bytes(drawn_canvas((2001, 10))), "That file is too big."),
        (png_bytes(Image.new("RGB", (200, 100), "navy")), "That picture is all one colour."),
        (None, "Please choose a PNG file for the logo."),
    ],
    ids=["empty", "jpeg", "cut-short", "pixel-flood", "too-wide", "one-colour", "no-file"],
)
def test_a_bad_file_gets_a_plain_400_and_changes_nothing(staff, db, data, message):
    response = upload(staff, data)
    assert 400 == response.status_code
    assert message in words(response.get_data(as_text=True))
    assert storage.service_logo(db) is None


def test_a_file_over_one_megabyte_is_refused_plainly(staff, db):
    noise = Image.frombytes("RGB", (700, 700), random.Random(12).randbytes(700 * 700 * 3))
    data = png_bytes(noise)
    assert 1_000_000 < len(data) < 2 * 1024 * 1024
    response = upload(staff, data)
    assert 400 == response.status_code
    assert "Please choose a PNG picture under 1 MB" in words(response.get_data(as_text=True))


def test_a_file_over_the_apps_limit_is_a_plain_413(staff, db):
    response = upload(staff, b"\x89PNG\r\n\x1a\n" + b"\x00" * (3 * 1024 * 1024))
    assert 413 == response.status_code
    assert "That was too big to send." in response.get_data(as_text=True)
    assert storage.service_logo(db) is None


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.binary(max_size=2000))
@example(junk=b"\x89PNG\r\n\x1a\n")
@example(junk=b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"\xff" * 13)
def test_junk_is_never_kept_and_never_a_500(staff, db, junk):
    assert 400 == upload(staff, junk).status_code
    assert storage.service_logo(db) is None
