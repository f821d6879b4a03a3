"""The kiosk's side of setting up a tablet, and the tablet check on every submission.

A tablet trades a pairing code for its token at POST /kiosk/<site>/tablet.
Under `make run` only (kiosk/__main__.py sets TABLET_AUTO_ENROL), a browser
on the same computer is set up by itself, so a newcomer sees the kiosk at
once. Never under gunicorn: behind a reverse proxy every request comes from
this computer.
"""

import datetime
import time

from flask import current_app, jsonify, make_response, request, url_for
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from kiosk import storage
from kiosk.app import limits
from kiosk.app.csrf import csrf
from kiosk.app.errors import error_response
from kiosk.app.for_request import site_or_404, staff_database
from kiosk.surveys import tablets
from kiosk.surveys.kiosk import bp

SETUP_MAX_BYTES = 1024
LOOPBACK = {"127.0.0.1", "::1"}
NOT_SET_UP = (
    "This tablet is not set up to send answers. Staff can set it up from the staff area,"
    " on the Sites page. The answers stay on the tablet until then."
)
OTHER_SITE = "This tablet is set up for another site's kiosk. Staff can set it up again."
TOO_MANY = "This tablet has sent a lot in a short time. The answers wait on it and go later."
CODE_DID_NOT_WORK = (
    "That code did not work. Check it, or make a new one: each code works once,"
    f" for {tablets.PAIRING_CODE_MINUTES} minutes."
)


def refuse_tablet(status: int, message: str):
    """401 or 403 with reason "tablet": the page keeps the answers and asks
    staff to set it up again (kiosk/static/js/queue.js)."""
    response = make_response(error_response(status, message, "tablet"))
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kiosk"'
    return response


def sending_tablet(site: str):
    """The tablet sending this submission: (its enrolment date, None), or
    (None, a refusal). Its token is hashed at once and never kept or logged."""
    token = tablets.bearer_token(request.headers.get("Authorization"))
    key = tablets.token_hash(token) if token else None
    found = (
        tablets.find_working(key, lambda k: storage.find_tablet(staff_database(), k))
        if key
        else None
    )
    if found is None or found[2]:
        return None, refuse_tablet(401, NOT_SET_UP)
    if found[0] != site:
        return None, refuse_tablet(403, OTHER_SITE)
    if not tablets.within_rate(current_app.config["TABLET_RATE_LIMIT"], key):
        return None, error_response(429, TOO_MANY)
    return datetime.date.fromisoformat(found[1]), None


def auto_enrol_allowed() -> bool:
    """`make run` on this computer only: never behind a proxy, never under gunicorn."""
    return bool(
        current_app.config.get("TABLET_AUTO_ENROL")
        and not current_app.config["PROXY_COUNT"]
        and request.remote_addr in LOOPBACK
    )


def auto_enrol_url(site: str) -> str | None:
    return url_for("kiosk.auto_enrol_tablet", site=site) if auto_enrol_allowed() else None


def read_setup_request():
    """The JSON object a tablet sends to be set up, or (None, a refusal)."""
    if not request.is_json:
        return None, error_response(415, "Open the kiosk page on the tablet to set it up.")
    request.max_content_length = SETUP_MAX_BYTES
    try:
        body = request.get_json()
    except RequestEntityTooLarge:
        return None, error_response(413, "That is too big to be a setup code.")
    except (BadRequest, RecursionError):
        return None, error_response(400, "The setup code could not be read.")
    if not isinstance(body, dict):
        return None, error_response(422, CODE_DID_NOT_WORK)
    return body, None


@bp.post("/kiosk/<site>/tablet")
@csrf.exempt
@limits.limiter.limit(lambda: limits.share(current_app.config["TABLET_SETUP_RATE_LIMIT"]))
def enrol_tablet(site: str):
    """Trade a one-time pairing code for this tablet's own token.

    JSON only ({"code": "K7P2-9QXM", "previous": <the token it held before>}),
    which another site's page cannot send without a preflight this app never
    grants; so, like the submissions, it needs no form token.
    """
    site_or_404(site)
    body, refusal = read_setup_request()
    if refusal:
        return refusal
    token = tablets.pair(
        staff_database(),
        site,
        body.get("code"),
        body.get("previous"),
        current_app.config["SECRET_KEY"],
        datetime.date.today(),
        time.time(),
    )
    if token is None:
        return error_response(422, CODE_DID_NOT_WORK, "code")
    storage.audit(staff_database(), "system", "a tablet was set up with a code", site)
    return jsonify({"status": "ready", "token": token}), 201


@bp.post("/kiosk/<site>/tablet/automatic")
@csrf.exempt
def auto_enrol_tablet(site: str):
    """`make run` only: set up a browser on this computer with no code."""
    site_or_404(site)
    if not auto_enrol_allowed():
        return error_response(404)
    if not request.is_json:
        return error_response(415, "Open the kiosk page to set it up.")
    token = tablets.enrol_at_once(staff_database(), site, "This computer", datetime.date.today())
    storage.audit(staff_database(), "system", "a tablet was set up by make run", site)
    return jsonify({"status": "ready", "token": token}), 201
