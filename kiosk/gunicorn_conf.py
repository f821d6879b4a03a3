"""gunicorn settings for `make serve`: no access log, no client addresses."""

import os

# Imported here, in gunicorn's master process, so that every worker it starts
# has the same in-memory address key (kiosk/app/limits.py).
from kiosk.app import limits

bind = os.environ.get("KIOSK_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("KIOSK_WORKERS", "2"))
wsgi_app = "kiosk.wsgi:app"
logger_class = "kiosk.app.serving.AnonymousGunicornLogger"
accesslog = None
loglevel = os.environ.get("KIOSK_LOG_LEVEL", "warning")
# Only trust forwarded headers from a proxy on this machine; they are never logged.
forwarded_allow_ips = "127.0.0.1"


def post_fork(server, worker) -> None:
    """Each worker counts the rate limits in its own memory: it takes its share
    of each, so all of them together never pass a limit (kiosk/app/limits.py)."""
    limits.workers = server.cfg.workers
