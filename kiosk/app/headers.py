"""Security headers on every response, static files and error pages included."""

from flask import Flask, Response, request

# No inline script or style, nothing from another origin: kiosks sit on
# locked-down networks and a page must never call out.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def add_security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    # same-origin, not no-referrer: Flask-WTF checks the Referer over HTTPS.
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if request.is_secure:
        # Only over HTTPS: browsers ignore it over plain HTTP, and a kiosk on
        # http://127.0.0.1 must not be told to use HTTPS it does not have.
        response.headers["Strict-Transport-Security"] = "max-age=31536000"
    if request.endpoint not in STATIC_FILES:
        # Pages and answers are never kept: after a reset, Back shows nothing.
        response.headers["Cache-Control"] = "no-store"
    return response


# The kiosk's files and the staff area's style sheets: the same for everyone.
STATIC_FILES = frozenset({"static", "admin.static"})


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
