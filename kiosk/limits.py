"""Per-sender rate limits for the feedback box, without knowing the sender.

The limiter counts by a keyed hash of the connection's address. The key is
made when the process starts and lives only in memory, so the counts cannot
be turned back into addresses, and they vanish on restart. Nothing here is
stored or logged. Each gunicorn worker counts on its own (in-memory storage).
"""

import hashlib
import hmac
import logging
import secrets

from flask import request
from flask_limiter import Limiter

_address_key = secrets.token_bytes(32)


def sender_key() -> str:
    # The address is read only to be hashed at once; see the module docstring.
    address = request.remote_addr or "-"
    return hmac.new(_address_key, address.encode(), hashlib.sha256).hexdigest()


limiter = Limiter(key_func=sender_key, storage_uri="memory://", headers_enabled=False)


@limiter.request_filter
def only_the_feedback_box() -> bool:
    """Limits apply to the feedback box and staff sign-in: the kiosk tablet is one shared
    sender, and skipping the check elsewhere keeps the submit path lean."""
    return request.blueprint not in ("feedback", "admin")


# flask-limiter logs each breach with its key at INFO: not needed, and not wanted.
logging.getLogger("flask-limiter").setLevel(logging.WARNING)
