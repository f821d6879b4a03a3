"""The public pages and their files, compressed on the way to the browser.

A slow tablet (DESIGN.md: 400 kbps) takes 1.5 s only to download the kiosk
page with its style sheet and scripts as they are; compressed, they are about
a third of that (bench/slow_tablet.py). Flask-Compress does the work: it
chooses what the browser accepts (brotli, zstd, gzip or deflate) and keeps
ETags and conditional requests right.

Only the pages children and young people open, and the static files (the
staff area's style sheets too), are compressed: none reflects what a stranger
typed, so a compressed page's size tells an onlooker nothing (the BREACH
attack needs both a secret and a stranger's words in one compressed page).
Staff pages hold a form token and show what was searched for, so they go as
they are.
"""

from flask import Flask, Response, request
from flask_compress import Compress

PUBLIC_PAGES = frozenset(
    {
        "static",
        "admin.static",  # the staff area's style sheets: the same for everyone, no secret
        "kiosk.kiosk",
        "kiosk.service_worker",
        "kiosk.manifest",
        "kiosk.you_said_we_did",
        "feedback.box",
        "phone_survey.survey_page",
        "meeting_survey.survey_page",
        "agreement.public_agreement",
    }
)

COMPRESSED_TYPES = (
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/manifest+json",
    "image/svg+xml",
)

compress = Compress()


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_REGISTER", False)  # only through the hook below
    # Brotli first, at quality 5: the kiosk's scripts and style sheet are 11%
    # smaller than with zstd at 3, Flask-Compress's first choice, for 3 ms in
    # all (quality 11 saves 10% more for 25 times the work).
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "zstd", "gzip", "deflate"])
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    app.config.setdefault("COMPRESS_MIMETYPES", list(COMPRESSED_TYPES))
    compress.init_app(app)
    app.after_request(compress_public_pages)


def compress_public_pages(response: Response) -> Response:
    if request.method not in ("GET", "HEAD") or request.endpoint not in PUBLIC_PAGES:
        return response
    if (
        response.status_code == 200
        and response.direct_passthrough
        and response.mimetype in COMPRESSED_TYPES
    ):
        # A static file, sent as it is read: read it whole (they are small), so
        # it is compressed in one piece and its file is closed with the
        # response. Compressed as a stream, the file was left for the garbage
        # collector to close.
        response.direct_passthrough = False
        response.make_sequence()
    return compress.after_request(response)
