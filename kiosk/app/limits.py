"""Per-sender rate limits, without knowing the sender.

The limiter counts by a keyed hash of the connection's address. The key is
made when the server starts and lives only in memory, so the counts cannot
be turned back into addresses, and they vanish on restart. Nothing here is
stored or logged.

Each gunicorn worker counts in its own memory, so each is given its share of
every limit (share()): with 2 workers and "20 per 10 minutes", each takes 10,
and however the requests fall, all of them together never take more than 20.
gunicorn's master process imports this module before it starts the workers
(kiosk/gunicorn_conf.py), so every worker has the same address key, and a
sender's wrong passwords, counted in the staff file under that hash, are
seen by all of them.
"""

import hashlib
import hmac
import logging
import secrets

from flask import Flask, request
from flask_limiter import Limiter
from limits import parse

_address_key = secrets.token_bytes(32)
# How many processes count on their own: set in each gunicorn worker by
# kiosk/gunicorn_conf.py; the development server is one process.
workers = 1


def share(limit: str) -> str:
    """This process's share of a limit such as "20 per 10 minutes": the total
    over all workers never passes the limit (and each keeps at least 1)."""
    item = parse(limit)
    amount = max(1, item.amount // workers)
    return f"{amount} per {item.multiples} {item.GRANULARITY.name}"


def sender_key() -> str:
    # The address is read only to be hashed at once; see the module docstring.
    address = request.remote_addr or "-"
    return hmac.new(_address_key, address.encode(), hashlib.sha256).hexdigest()


limiter = Limiter(key_func=sender_key, storage_uri="memory://", headers_enabled=False)

# Limits apply to the feedback box and staff sign-in only: a kiosk tablet is
# one shared sender, and its submissions must never be refused.
LIMITED_BLUEPRINTS = ("feedback", "admin")
_HOOKS = ("before_request_funcs", "after_request_funcs", "teardown_request_funcs")


def init_app(app: Flask) -> None:
    """Start the limiter, with its request hooks run for LIMITED_BLUEPRINTS only.

    Flask-Limiter adds a before-request, an after-request and a teardown hook
    for every request. On a kiosk submission they found no limit to check and
    still cost about 45 µs of its 300 (bench/README.md). Flask keeps hooks per
    blueprint in these documented dictionaries (key None: every request), so
    the limiter's own are moved under the blueprints that use it. (A view's
    own @limiter.limit is checked by its decorator either way.)
    """
    before = {hooks: list(getattr(app, hooks).get(None, [])) for hooks in _HOOKS}
    limiter.init_app(app)
    for hooks, earlier in before.items():
        every_request = getattr(app, hooks).setdefault(None, [])
        added = [hook for hook in every_request if hook not in earlier]
        every_request[:] = earlier
        for blueprint in LIMITED_BLUEPRINTS:
            getattr(app, hooks).setdefault(blueprint, []).extend(added)


# flask-limiter logs each breach with its key at INFO: not needed, and not wanted.
logging.getLogger("flask-limiter").setLevel(logging.WARNING)
