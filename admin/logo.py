"""The service's logo on every poster: an administrator uploads a PNG, or removes it.

The file is treated like a child's drawing (kiosk/feedback/drawings.py): its
size is checked before a pixel is decoded, Pillow's decompression-bomb guard
is lowered to the largest logo taken, and what is kept is a new PNG made from
the pixels alone, so no metadata (a name, a device, a time) rides along. It
is then shrunk to at most LOGO_KEPT_SIDE pixels a side, plenty for a logo a
few centimetres wide on paper, and kept in the answers file beside the sites.
"""

import io

from flask import flash, g, redirect, request, url_for
from PIL import Image

from admin import bp
from admin.posters import posters_page
from kiosk import storage
from kiosk.app.for_request import database, staff_database
from kiosk.feedback import drawings

LOGO_MAX_BYTES = 1_000_000
LOGO_MAX_SIDE = 2000
LOGO_KEPT_SIDE = 600
TOO_BIG = (
    "That file is too big. Please choose a PNG picture under 1 MB,"
    f" at most {LOGO_MAX_SIDE} pixels wide and high."
)
NOT_A_PNG = (
    "That file is not a PNG picture we can read. Please save the logo as a PNG and try again."
)
PROBLEMS = {
    drawings.TOO_BIG: TOO_BIG,
    drawings.UNREADABLE: NOT_A_PNG,
    drawings.MOVING: "That picture moves. Please choose a still PNG picture.",
}
BLANK = "That picture is all one colour. Please choose the logo itself."
NO_FILE = "Please choose a PNG file for the logo."


class InvalidLogo(ValueError):
    """A file we will not show on posters; the message says why, plainly."""


def clean_logo(upload: bytes) -> bytes:
    """The logo's PNG, re-encoded from its pixels alone and shrunk to fit
    LOGO_KEPT_SIDE; InvalidLogo for anything else."""
    try:
        png = drawings.clean_drawing(
            upload, max_width=LOGO_MAX_SIDE, max_height=LOGO_MAX_SIDE, max_bytes=LOGO_MAX_BYTES
        )
    except drawings.InvalidDrawing as problem:
        raise InvalidLogo(PROBLEMS.get(str(problem), NOT_A_PNG)) from None
    if png is None:
        raise InvalidLogo(BLANK)
    # Our own PNG now, within LOGO_MAX_SIDE: safe to decode again.
    with Image.open(io.BytesIO(png), formats=["PNG"]) as image:
        if max(image.size) <= LOGO_KEPT_SIDE:
            return png
        image.thumbnail((LOGO_KEPT_SIDE, LOGO_KEPT_SIDE))
        out = io.BytesIO()
        image.save(out, format="PNG")
    return out.getvalue()


@bp.post("/posters/logo")
def upload_logo():
    """Put the service's logo on every poster, in place of any before it."""
    upload = request.files.get("logo")
    if upload is None or not upload.filename:
        return posters_page(NO_FILE, 400)
    with upload.stream:  # a big upload sits in a temporary file: close it now
        data = upload.stream.read(LOGO_MAX_BYTES + 1)
    try:
        png = clean_logo(data)
    except InvalidLogo as problem:
        return posters_page(str(problem), 400)
    storage.save_logo(database(), png)
    storage.audit(staff_database(), g.staff, "put a logo on the posters")
    flash("The logo is on every poster now.")
    return redirect(url_for("admin.posters", _anchor="logo"))


@bp.post("/posters/logo/remove")
def remove_logo():
    """Take the logo off every poster."""
    if storage.remove_logo(database()):
        storage.audit(staff_database(), g.staff, "took the logo off the posters")
    flash("The posters have no logo now.")
    return redirect(url_for("admin.posters", _anchor="logo"))
