"""Staff accounts: argon2id password hashes, sign-in slowed after failures,
and sessions kept on the server that end at sign-out, after 8 hours, or
after 30 minutes without a click."""

import functools
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, session

from kiosk import storage
from kiosk.app import limits

MIN_PASSWORD_LENGTH = 10
SESSION_HOURS = 8
IDLE_MINUTES = 30
FREE_TRIES = 3
LONGEST_WAIT_SECONDS = 300
SENDER_WAIT_UNIT_SECONDS = 60
SENDER_LONGEST_WAIT_SECONDS = 3600
# A session's last request is written down at most this often: the idle limit
# is 30 minutes, so a minute's slack costs nothing and saves a write a click.
SEEN_EVERY_SECONDS = 60
SETUP_LINK_HOURS = 24

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory settings.
password_hasher = PasswordHasher()


@functools.cache
def stand_in_hash() -> str:
    """Checked against when the name is unknown, so a wrong name takes as long as
    a wrong password and does not tell anyone which names exist. Made on the first
    sign-in, not at import: hashing takes a tenth of a second, and every worker
    start and command line run would pay it."""
    return password_hasher.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    return password_hasher.hash(password)


def password_problem(password: str, again: str | None = None) -> str | None:
    """What is wrong with a new password, in plain words, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password needs at least {MIN_PASSWORD_LENGTH} characters."
    if again is not None and password != again:
        return "The two passwords are not the same."
    return None


def password_matches(account: dict | None, password: str) -> bool:
    """A disabled account answers as an unknown name does."""
    # The stand-in is made (once per process) whether or not the name is known,
    # so the first sign-in is not slower for an unknown name than a known one.
    stand_in = stand_in_hash()
    if account and account["disabled"]:
        account = None
    try:
        return (
            password_hasher.verify(account["password_hash"] if account else stand_in, password)
            and account is not None
        )
    except (VerificationError, InvalidHashError):
        return False


def seconds_to_wait(name: tuple[int, float], sender: tuple[int, float], now: float) -> int:
    """How long before this name may be tried again from this sender.

    Each is (wrong passwords counted, time of the last). A sender that got a
    password wrong lately waits 1, 2, 4 ... minutes after its first few, up to
    an hour: far longer than a name. A name waits 1, 2, 4 ... seconds after a
    few failures, up to five minutes, but only for senders that have failed
    themselves: a stranger's wrong tries never keep the right person, on
    another connection, out. Names nobody has are counted alike, so the
    answers do not tell which names exist.
    """
    sender_wait = _backoff(*sender, now, SENDER_WAIT_UNIT_SECONDS, SENDER_LONGEST_WAIT_SECONDS)
    if not sender[0]:
        return 0
    return max(sender_wait, _backoff(*name, now, 1, LONGEST_WAIT_SECONDS))


def _backoff(failures: int, last_failed_at: float, now: float, unit: int, longest: int) -> int:
    if failures < FREE_TRIES:
        return 0
    wait = min(unit * 2 ** (failures - FREE_TRIES), longest)
    return max(0, int(last_failed_at + wait - now + 0.999))


def name_key(name: str) -> str:
    """The key a typed name's failures are counted under: a keyed hash, so the
    staff file does not hold the names people mistyped."""
    digest = hmac.new(current_app.secret_key.encode(), name.casefold().encode(), "sha256")
    return "name:" + digest.hexdigest()


def sender_key() -> str:
    return "sender:" + limits.sender_key()


def start_session(db, name: str, now: float) -> None:
    """Open a session: its secret goes in the signed cookie, its hash in the staff file."""
    secret = secrets.token_urlsafe(32)
    storage.open_session(db, hash_secret(secret), name, now)
    session.clear()
    session.permanent = True
    session["session"] = secret


def signed_in_staff(db, now: float) -> dict | None:
    """The staff member of this session ({"staff": name, "roles": ...}), if it
    is still open on the server; it ends at sign-out, after SESSION_HOURS, or
    IDLE_MINUTES without a request, and when its account changes roles or is
    disabled."""
    secret = session.get("session")
    if not secret:
        return None
    row = storage.find_session(db, hash_secret(secret))
    if row is None:
        session.clear()
        return None
    too_old = now - row["signed_in_at"] > SESSION_HOURS * 3600
    too_idle = now - row["seen_at"] > IDLE_MINUTES * 60
    if too_old or too_idle:
        end_session(db)
        return None
    if now - row["seen_at"] > SEEN_EVERY_SECONDS:
        storage.touch_session(db, hash_secret(secret), now)
    return row


def end_session(db) -> None:
    secret = session.get("session")
    if secret:
        storage.end_session(db, hash_secret(secret))
    session.clear()


def hash_secret(secret: str) -> str:
    """Secrets (a session's, a setup link's) are kept only as this hash."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_setup_token() -> str:
    return secrets.token_urlsafe(24)
