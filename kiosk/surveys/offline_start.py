"""What lets a tablet open the kiosk with no network, and install it like an app.

- `/kiosk/sw.js`, the service worker (kiosk/templates/kiosk/sw.js). Its scope is
  /kiosk/, so it never sees the staff area, the feedback box or phone surveys. It
  keeps this version's kiosk files and the kiosk pages the tablet has opened.
- The version: a hash of the kiosk's files and templates. Each kiosk page says
  which version made it (X-Kiosk-Version), so a worker never mixes one version's
  page with another's files; a new version takes over at the kiosk's next Start.
- `/kiosk/<site>/manifest.webmanifest`: the site's kiosk as an app, full screen.
"""

import hashlib
from pathlib import Path

from flask import Response, current_app, make_response, render_template, url_for
from flask_babel import gettext as _

from kiosk.app import languages
from kiosk.app.for_request import site_or_404
from kiosk.surveys.kiosk import bp

VERSION_HEADER = "X-Kiosk-Version"
# Enough for a slow tablet's Wi-Fi; past it the kept page opens at once.
PAGE_SECONDS = 4
# The theme: the kiosk bar's colour and its page background (kiosk.css).
THEME_COLOUR = "#2f5d8a"
BACKGROUND_COLOUR = "#fdf8ef"


# Files of the feedback box and phone surveys: never opened on a kiosk with no
# network, so never kept (tests/test_offline_start.py checks the kiosk needs none).
NOT_FOR_THE_KIOSK = frozenset(
    {
        "css/drawing.css",
        "css/feedback.css",
        "css/survey.css",
        "js/box_from_kiosk.js",
        "js/drawing.js",
        "js/feedback.js",
        "js/survey.js",
        "js/words.js",
        "icons/app-512.png",
        "icons/draw.svg",
        "icons/write.svg",
    }
)


def _static_files() -> list[Path]:
    static = Path(current_app.static_folder)
    return sorted(path for path in static.rglob("*") if path.is_file())


def _kiosk_files() -> list[Path]:
    static = Path(current_app.static_folder)
    return [
        path
        for path in _static_files()
        if path.relative_to(static).as_posix() not in NOT_FOR_THE_KIOSK
    ]


def app_version() -> str:
    """A short hash of every kiosk file and template: it changes when any does."""
    version = current_app.extensions.get("kiosk_version")
    if version:
        return version
    digest = hashlib.sha256()
    templates = Path(current_app.root_path).parent / "templates" / "kiosk"
    for path in [*_static_files(), *sorted(templates.rglob("*"))]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    version = digest.hexdigest()[:16]
    current_app.extensions["kiosk_version"] = version
    return version


def with_version(page: str) -> Response:
    """A kiosk page, marked with the version that made it (for the service worker)."""
    response = make_response(page)
    response.headers[VERSION_HEADER] = app_version()
    return response


def asset_urls() -> list[str]:
    static = Path(current_app.static_folder)
    return [
        url_for("static", filename=path.relative_to(static).as_posix()) for path in _kiosk_files()
    ]


@bp.get("/kiosk/sw.js")
def service_worker():
    script = render_template(
        "kiosk/sw.js",
        version=app_version(),
        assets=asset_urls(),
        page_seconds=PAGE_SECONDS,
        version_header=VERSION_HEADER,
    )
    response = make_response(script)
    response.content_type = "text/javascript; charset=utf-8"
    return response


@bp.get("/kiosk/<site>/manifest.webmanifest")
def manifest(site: str):
    place = site_or_404(site)
    language = languages.for_site(place, browser=False)
    kiosk_url = url_for("kiosk.kiosk", site=place["slug"])
    icons = [
        {
            "src": url_for("static", filename=f"icons/app-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "any maskable",
        }
        for size in (192, 512)
    ]
    response = make_response(
        {
            "id": kiosk_url,
            "lang": language.html_lang,
            "dir": language.direction,
            "name": f"{_('Tell us what you think')} – {place['name']}",
            "short_name": place["name"][:30],
            "start_url": kiosk_url,
            "scope": kiosk_url.rsplit("/", 1)[0] + "/",
            "display": "fullscreen",
            "orientation": "any",
            "background_color": BACKGROUND_COLOUR,
            "theme_color": THEME_COLOUR,
            "icons": icons,
        }
    )
    response.content_type = "application/manifest+json"
    return response
