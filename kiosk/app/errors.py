"""Error pages in one place: a plain message, as JSON for the kiosk's own
requests and as a friendly page for people."""

import sqlite3

from flask import Flask, Response, g, jsonify, make_response, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from kiosk import storage
from kiosk.app import languages

PLAIN_MESSAGES = {
    400: _l("Something in that request was not right."),
    403: _l("You cannot open this page."),
    404: _l("We could not find that page."),
    405: _l("That page does not take this kind of request."),
    410: _l("That is gone."),
    413: _l("That was too big to send."),
    415: _l("That was sent in a form we do not take."),
    422: _l("Something in that answer was not right."),
    429: _l("You have sent a lot in a short time. Please wait a few minutes, then try again."),
    500: _l("Something went wrong on our side. Please tell a grown-up."),
    503: _l("We are busy for a moment. Please try again in a minute."),
}
SOMETHING_NOT_RIGHT = _l("Something was not right.")
NOT_SAVED = _l("We could not save this just now. Please try again in a minute.")
# A write that could not be made (the disk full, the files read-only, or the
# lock held longer than a write waits) is a 503 with Retry-After: nothing was
# stored, and the kiosk's queue and the feedback box send again by themselves.
BUSY_RETRY_SECONDS = 30
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def wants_json() -> bool:
    """The kiosk's scripts ask for JSON; a person's browser asks for a page."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return request.is_json or best == "application/json"


def in_a_language() -> None:
    """An error before a view chose the language: the person's own (?lang=, then
    the browser's) among every shipped language. The staff area stays English."""
    if "language" not in g and request.blueprint != "admin":
        languages.choose()


def error_response(status: int, message: str | None = None, reason: str | None = None):
    in_a_language()
    message = str(message or PLAIN_MESSAGES.get(status, SOMETHING_NOT_RIGHT))
    if wants_json():
        body = {"status": "error", "message": message}
        if reason:
            body["reason"] = reason
        return jsonify(body), status
    return render_template("kiosk/error.html", status=status, message=message), status


def plain_response(status: int):
    """The message alone, as JSON or text, for a request no page can be built for."""
    message = str(PLAIN_MESSAGES[status])
    if wants_json():
        return jsonify({"status": "error", "message": message}), status
    return Response(message, status, mimetype="text/plain")


def not_saved_response():
    """JSON for the kiosk's scripts; for a form sent without a script, the page
    to send it again from, with what they wrote kept in it."""
    in_a_language()
    message = str(NOT_SAVED)
    if wants_json():
        return jsonify({"status": "error", "reason": "busy", "message": message}), 503
    if request.method != "POST" or request.mimetype not in FORM_TYPES:
        return render_template("kiosk/error.html", status=503, message=message), 503
    fields = list(request.form.items(multi=True))
    return render_template(
        "kiosk/not_saved.html",
        message=message,
        fields=fields,
        words=[value for name, value in fields if is_words(name) and value.strip()],
        action=request.full_path.rstrip("?"),
    ), 503


def is_words(field: str) -> bool:
    """A field someone typed into: the feedback box's text, a survey's comments."""
    return field == "text" or field.startswith("comments-")


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_expired(error: CSRFError):
        # "reason" lets the kiosk fetch a fresh token and try once more.
        return error_response(400, _l("This page was open too long. Please try again."), "csrf")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if isinstance(error, SecurityError):
            # A Host that is not in TRUSTED_HOSTS: no URL can be built for this
            # request, so the page (with its links) cannot be drawn.
            return plain_response(400)
        response = make_response(error_response(error.code or 500))
        # A 405 must say which methods are allowed (Allow); keep the error's
        # own headers, but not its Content-Type: the body is ours.
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(sqlite3.OperationalError)
    @app.errorhandler(OSError)
    def could_not_store(error: Exception):
        """A write the storage could not take just now; anything else is a 500."""
        answers = app.config["DATABASE"]
        reason = storage.trouble(error, [answers, storage.staff_path(answers)])
        if reason is None:
            return unexpected_error(error)
        # Said once when the trouble starts or changes, never a line per request:
        # lines one after another would show when each person sent something.
        if app.extensions.get("storage_trouble") != reason:
            app.extensions["storage_trouble"] = reason
            app.logger.warning("Nothing can be stored (%s): sends get 503 until it clears", reason)
        response = make_response(not_saved_response())
        response.headers["Retry-After"] = str(BUSY_RETRY_SECONDS)
        return response

    @app.after_request
    def storage_works_again(response):
        worked = request.method == "POST" and response.status_code < 400
        if worked and app.extensions.pop("storage_trouble", None):
            app.logger.warning("Storing works again")
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unexpected error on %s %s", request.method, request.path)
        return error_response(InternalServerError.code)
