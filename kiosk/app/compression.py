"""The public pages and their files, compressed on the way to the browser.

A slow tablet (DESIGN.md: 400 kbps) takes 1.5 s only to download the kiosk
page with its style sheet and scripts as they are; compressed, they are about
a third of that (bench/slow_tablet.py). Flask-Compress does the work: it
chooses what the browser accepts (zstd, brotli, gzip or deflate), keeps
ETags and conditional requests right, and streams files.

Only the pages children and young people open, and the static files, are
compressed: none reflects what a stranger typed, so a compressed page's size
tells an onlooker nothing (the BREACH attack needs both a secret and a
stranger's words in one compressed page). Staff pages hold a form token and
show what was searched for, so they go as they are.
"""

from flask import Flask, Response, request
from flask_compress import Compress

PUBLIC_PAGES = frozenset(
    {
        "static",
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
    # all (quality 11 saves 10% more for 25 times the work). Files are
    # streamed; gzip too, for the browsers that offer only gzip and deflate
    # (Chromium over plain http://).
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "zstd", "gzip", "deflate"])
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["br", "zstd", "gzip", "deflate"])
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    app.config.setdefault("COMPRESS_MIMETYPES", list(COMPRESSED_TYPES))
    compress.init_app(app)
    app.after_request(compress_public_pages)


def compress_public_pages(response: Response) -> Response:
    if request.method in ("GET", "HEAD") and request.endpoint in PUBLIC_PAGES:
        return compress.after_request(response)
    return response
