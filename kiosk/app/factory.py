"""The application factory: settings (defaults, then config.toml, then KIOSK_*
environment variables), the database files opened and migrated, and every
part put together. It is where the kiosk's parts and the staff area meet:
nothing else in kiosk/ imports admin (tests/test_layout.py)."""

import datetime
import logging
import os
import secrets
import tempfile
import tomllib
from pathlib import Path

from flask import Flask, abort, request
from flask.logging import default_handler
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

from kiosk import storage
from kiosk.app import (
    backup,
    hosts,
    languages,
    limits,
    request_body,
    retention,
    schedule,
    text_direction,
)
from kiosk.app.csrf import csrf

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MAX_DRAWING_SIDE = 1200

DEFAULTS = {
    "DEFAULT_SITE": "waiting-room-a",
    "SITES": {"waiting-room-a": "Waiting room A"},
    "KIOSK_IDLE_SECONDS": 60,
    "KIOSK_STILL_THERE_SECONDS": 30,
    "KIOSK_THANKS_SECONDS": 15,
    # A tablet offline for longer than a month has a problem staff should see.
    "SUBMISSION_MAX_AGE_DAYS": 31,
    # A kiosk submission is a few hundred bytes; anything much bigger is not one.
    "SUBMISSION_MAX_BYTES": 4096,
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # The feedback box.
    "PUBLIC_BASE_URL": "http://127.0.0.1:5000",
    "FEEDBACK_TOPICS": ["The waiting room", "Our meetings", "Something else"],
    "FEEDBACK_MAX_CHARS": 1000,
    "DRAWING_WIDTH": 900,
    "DRAWING_HEIGHT": 675,
    "DRAWING_MAX_BYTES": 1_000_000,
    "WITHDRAW_DAYS": 30,
    # None: the list in kiosk/feedback/safeguarding.py.
    "CONCERN_PHRASES": None,
    # Per address: a kiosk tablet, or a youth group on one Wi-Fi, is one sender.
    "FEEDBACK_RATE_LIMIT": "30 per 10 minutes",
    "WITHDRAW_RATE_LIMIT": "10 per 10 minutes",
    "PROXY_COUNT": 0,
    # None: the host of PUBLIC_BASE_URL and this machine's names (kiosk/app/hosts.py).
    "TRUSTED_HOSTS": None,
    # Per tablet (by its token): a waiting room sees a child every few minutes,
    # but a tablet back online sends what it kept all at once.
    "TABLET_RATE_LIMIT": "120 per hour",
    # Per sender: tries at a pairing code.
    "TABLET_SETUP_RATE_LIMIT": "10 per 10 minutes",
    # The staff area.
    "MIN_GROUP_SIZE": 5,
    # Submissions, comments and taken-back ids older than this many days are deleted.
    "RETENTION_DAYS": 365,
    # Each day at this time (the server's local time) the running server
    # purges, then rewrites the answers file in key order (kiosk/app/schedule.py).
    "DAILY_TIDY_TIME": "03:30",
    # Safeguarding alerts: emailed at these times of day (server's local time),
    # never the moment a child wrote (admin/alerts.py says why).
    "ALERT_TIMES": ["09:00", "13:00", "16:00"],
    # The weekly digest: last week's figures, emailed to each account that asks
    # for it on this day at this time (server's local time; admin/digest_job.py).
    "DIGEST_DAY": "Monday",
    "DIGEST_TIME": "08:00",
    # Email. With no SMTP_HOST, email is off and the staff area says so.
    "SMTP_HOST": None,
    "SMTP_PORT": 587,
    "SMTP_USERNAME": None,
    "SMTP_PASSWORD": None,
    "SMTP_STARTTLS": True,
    "MAIL_FROM": "feedback-kiosk@localhost",
    "PERMANENT_SESSION_LIFETIME": datetime.timedelta(hours=8),
    "SESSION_COOKIE_HTTPONLY": True,
    # False still marks the cookie Secure whenever the request came over HTTPS.
    "SESSION_COOKIE_SECURE": False,
    "SESSION_COOKIE_SAMESITE": "Lax",
}


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then config.toml, then KIOSK_* environment variables."""
    app = Flask("kiosk", instance_path=str(PROJECT_ROOT / "instance"))
    app.config.from_mapping(DEFAULTS)
    app.config["DATABASE"] = str(Path(app.instance_path) / "kiosk.db")
    config_file = Path(os.environ.get("KIOSK_CONFIG", PROJECT_ROOT / "config.toml")).resolve()
    if test_config is None:
        app.config.from_file(str(config_file), load=tomllib.load, text=False, silent=True)
        app.config.from_prefixed_env("KIOSK")
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    if not app.config["PUBLIC_BASE_URL"].startswith(("http://", "https://")):
        raise ValueError(
            "PUBLIC_BASE_URL must be a full address, like https://feedback.example.org"
        )
    if app.config["TRUSTED_HOSTS"] is None:
        app.config["TRUSTED_HOSTS"] = hosts.default_trusted_hosts(app.config["PUBLIC_BASE_URL"])
    for side in ("DRAWING_WIDTH", "DRAWING_HEIGHT"):
        # Drawings are decoded up to this size: a bigger canvas lets a stranger's
        # file ask for more memory (kiosk/feedback/drawings.py).
        if not 1 <= int(app.config[side]) <= MAX_DRAWING_SIDE:
            raise ValueError(f"{side} must be from 1 to {MAX_DRAWING_SIDE} pixels")
    schedule.check_settings(app.config)
    if app.config["DEFAULT_SITE"] not in app.config["SITES"]:
        raise ValueError(f"DEFAULT_SITE {app.config['DEFAULT_SITE']!r} is not one of SITES")

    os.makedirs(app.instance_path, mode=storage.PRIVATE_FOLDER, exist_ok=True)
    os.chmod(app.instance_path, storage.PRIVATE_FOLDER)
    # restore leaves a database that was here before alone unless told (backup.py).
    app.extensions[backup.NEW_FILES] = backup.new_files(app.config["DATABASE"])
    db = storage.open_database(app.config["DATABASE"])
    staff_db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    storage.save_sites(db, app.config["SITES"], languages.ALL_CODES)
    # Retention at every start, so old answers go even where no daily job was set up.
    app.extensions["kiosk.purged_at_start"] = retention.purge_and_audit(
        db, staff_db, app.config, "at start"
    )
    db.close()
    staff_db.close()

    # Flask's own lines start with a time of day: staff could match an error
    # to who sat in the waiting room then. Keep the level and the message.
    default_handler.setFormatter(logging.Formatter("%(levelname)s in %(module)s: %(message)s"))
    if app.config["PROXY_COUNT"]:
        # Behind a proxy the rate limit must count senders, not the proxy.
        # The address is only ever hashed (kiosk/app/limits.py), never kept.
        # (X-Forwarded-Proto is trusted from the nearest proxy, ProxyFix's
        # default, so the cookie is still Secure when the proxy took HTTPS off.)
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_COUNT"])
    # A body that cannot be read is a 400, not a 500 (kiosk/app/request_body.py).
    app.wsgi_app = request_body.UnreadableBodyIsBadRequest(app.wsgi_app)
    # Before the form-token check, which fails with a 500 on a part without a name.
    app.before_request(refuse_unnamed_form_parts)
    app.session_interface = SecureWhenHttps()
    csrf.init_app(app)
    limits.init_app(app)
    from kiosk.app import commands, compression, errors, headers, health, modules
    from kiosk.feedback import views as feedback
    from kiosk.surveys import kiosk as views

    headers.init_app(app)
    compression.init_app(app)
    modules.init_app(app)
    text_direction.init_app(app)
    languages.init_app(app)
    errors.init_app(app)
    commands.init_app(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(feedback.bp)
    from kiosk.surveys import phone

    app.register_blueprint(phone.bp)
    from kiosk.coproduction import agreement, meeting_survey

    app.register_blueprint(meeting_survey.bp)
    app.register_blueprint(agreement.bp)

    from admin import bp as admin_bp

    app.register_blueprint(admin_bp)
    return app


class SecureWhenHttps(SecureCookieSessionInterface):
    """The session cookie (a staff sign-in, or a form token) is marked Secure
    whenever the request came over HTTPS, with no setting to forget."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)

    def open_session(self, app: Flask, request):
        # Flask builds a signing serializer before it looks for the cookie:
        # about 20 µs on every kiosk submission, which never has one.
        # No Cookie header at all (every kiosk submission): not even the cookie
        # dictionary is built.
        if "HTTP_COOKIE" not in request.environ or not request.cookies.get(
            self.get_cookie_name(app)
        ):
            return self.session_class()
        return super().open_session(app, request)


def refuse_unnamed_form_parts():
    """Werkzeug files a form part whose name it cannot read under None."""
    multipart = request.method == "POST" and request.mimetype == "multipart/form-data"
    if multipart and (None in request.form or None in request.files):
        abort(400)


def _instance_secret(instance: Path) -> str:
    """A secret made once and kept in instance/, so every worker signs alike.

    Written to a temporary file and linked into place, so two workers starting
    together never read a half-written key.
    """
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=instance, delete=False) as tmp:
            tmp.write(secrets.token_hex(32))
        os.chmod(tmp.name, 0o600)
        try:
            os.link(tmp.name, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp.name)
    return path.read_text().strip()
