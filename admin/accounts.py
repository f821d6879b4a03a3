"""Staff accounts: argon2id password hashes, sign-in slowed after failures,
and sessions that end after 8 hours, or 30 minutes without a click."""

import functools
import hashlib
import secrets
import time

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import session

MIN_PASSWORD_LENGTH = 10
SESSION_HOURS = 8
IDLE_MINUTES = 30
FREE_TRIES = 3
LONGEST_WAIT_SECONDS = 300
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
    # The stand-in is made (once per process) whether or not the name is known,
    # so the first sign-in is not slower for an unknown name than a known one.
    stand_in = stand_in_hash()
    try:
        return (
            password_hasher.verify(account["password_hash"] if account else stand_in, password)
            and account is not None
        )
    except (VerificationError, InvalidHashError):
        return False


def seconds_to_wait(account: dict | None, now: float) -> int:
    """How long before this account may try again: nothing for the first few
    failures, then 1, 2, 4 ... seconds up to five minutes. Never a lock-out."""
    if not account or account["failed_sign_ins"] < FREE_TRIES:
        return 0
    wait = min(2 ** (account["failed_sign_ins"] - FREE_TRIES), LONGEST_WAIT_SECONDS)
    return max(0, int(account["last_failed_at"] + wait - now + 0.999))


def start_session(name: str) -> None:
    session.clear()
    session.permanent = True
    now = time.time()
    session.update(staff=name, signed_in_at=now, seen_at=now)


def signed_in_staff(now: float) -> str | None:
    """The staff member of this session, if it is still open; it ends after
    SESSION_HOURS, or IDLE_MINUTES without a request."""
    name = session.get("staff")
    if not name:
        return None
    too_old = now - session.get("signed_in_at", 0) > SESSION_HOURS * 3600
    too_idle = now - session.get("seen_at", 0) > IDLE_MINUTES * 60
    if too_old or too_idle:
        session.clear()
        return None
    session["seen_at"] = now
    return name


def new_setup_token() -> str:
    return secrets.token_urlsafe(24)


def hash_setup_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def end_session() -> None:
    session.clear()
