"""Only tablets that staff have set up may send a kiosk's answers.

Staff make a one-time pairing code for a site (typed, or in a QR code's link
as `/kiosk/<site>#enrol=CODE`: a fragment never travels in a request line).
The tablet trades it for a token of its own, which it keeps and sends with
every submission (`Authorization: Bearer`). Codes are short, so they are kept
under a keyed hash and run out after PAIRING_CODE_MINUTES; tokens are long
and random, kept as a plain hash. Both live in the staff file, never in the
answers file, and no token is ever written beside an answer or in a log.
"""

import datetime
import functools
import hashlib
import hmac
import logging
import re
import secrets
import sqlite3
import time

from limits import parse

from kiosk import storage

# No 0/O, 1/I/L or U: easy to read off a screen and type on a tablet.
from kiosk.app import limits

log = logging.getLogger(__name__)

PAIRING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
PAIRING_CODE_LENGTH = 8
PAIRING_CODE_MINUTES = 30
TABLET_NAME_MAX = 60
_NOT_CODE = re.compile(r"[\s-]+")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")


def new_pairing_code() -> str:
    return "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(PAIRING_CODE_LENGTH))


def shown_code(code: str) -> str:
    """K7P29QXM -> K7P2-9QXM: two short halves are easier to read out and type."""
    half = PAIRING_CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def typed_code(typed: object) -> str | None:
    """What a person typed, as a code (any case, spaces and dashes ignored), or None."""
    if not isinstance(typed, str) or len(typed) > 40:
        return None
    code = _NOT_CODE.sub("", typed).upper()
    if len(code) != PAIRING_CODE_LENGTH or any(c not in PAIRING_ALPHABET for c in code):
        return None
    return code


def code_hash(code: str, secret: str) -> str:
    # Keyed: eight characters could be guessed back from a plain hash.
    return hmac.new(secret.encode(), code.encode(), hashlib.sha256).hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tablet_name(name: object) -> str:
    """A staff-given name, on one line and not too long ('' when none)."""
    text = " ".join(str(name or "").split())
    return text[:TABLET_NAME_MAX]


def enrol_link(base_url: str, site: str, code: str) -> str:
    return f"{base_url.rstrip('/')}/kiosk/{site}#enrol={shown_code(code)}"


def make_pairing_code(staff_db, site: str, name: str, secret: str, now: float) -> str:
    """A new one-time code that sets up a tablet for `site`."""
    code = new_pairing_code()
    expires_at = now + PAIRING_CODE_MINUTES * 60
    storage.save_pairing_code(staff_db, code_hash(code, secret), site, name, expires_at, now)
    return code


def enrol_at_once(staff_db, site: str, name: str, today: datetime.date) -> str:
    """Set up a tablet with no code: the token it will hold."""
    token = secrets.token_urlsafe(32)
    storage.enrol_tablet(staff_db, token_hash(token), secrets.token_hex(8), site, name, today)
    return token


def pair(
    staff_db,
    site: str,
    typed: object,
    previous_token: object,
    secret: str,
    today: datetime.date,
    now: float,
) -> str | None:
    """Trade a pairing code for a token; None when the code does not work."""
    code = typed_code(typed)
    if code is None:
        return None
    previous = previous_token if holds_token_shape(previous_token) else None
    token = secrets.token_urlsafe(32)
    forget_known()  # a previous token it shows stops working now
    paired = storage.pair_tablet(
        staff_db,
        code_hash(code, secret),
        site,
        token_hash(token),
        secrets.token_hex(8),
        token_hash(previous) if previous else None,
        today,
        now,
    )
    return token if paired else None


def holds_token_shape(token: object) -> bool:
    return isinstance(token, str) and _TOKEN.fullmatch(token) is not None


def bearer_token(authorization: str | None) -> str | None:
    """The token in an `Authorization: Bearer ...` header, when it looks like one."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and holds_token_shape(token) else None


# A tablet found in the staff file is taken at its word for this long by this
# process, so most submissions do not read a second database file. Stopping a
# tablet takes effect at once in the worker that stopped it (forget_known) and
# within KNOWN_SECONDS in the others.
KNOWN_SECONDS = 5.0
_known: dict[str, tuple[tuple, float]] = {}


def find_working(key: str, lookup, now: float | None = None) -> tuple | None:
    """(site, enrolled_on, stopped) of the tablet with this token hash, from
    this process's memory when found a moment ago, else from lookup(key)."""
    now = time.monotonic() if now is None else now
    remembered = _known.get(key)
    if remembered and now - remembered[1] < KNOWN_SECONDS:
        return remembered[0]
    found = lookup(key)
    if found and not found[2]:
        if len(_known) > 10_000:
            _known.clear()
        _known[key] = (found, now)
    else:
        _known.pop(key, None)
    return found


def forget_known() -> None:
    """A tablet was stopped or set up again here: look every token up afresh."""
    _known.clear()


@functools.lru_cache(maxsize=8)
def _limit(limit: str, workers: int) -> tuple[int, float]:
    """This process's share of TABLET_RATE_LIMIT: (how many, per how many seconds)."""
    item = parse(limits.share(limit))
    return item.amount, float(item.get_expiry())


# Each tablet's count in the current window, by its token's hash, in this
# process's memory only. A plain fixed window: Flask-Limiter's memory storage
# did the same with a timer thread behind it, at about 15 µs a submission
# (bench/README.md); this is a dictionary look-up.
_windows: dict[str, tuple[float, int]] = {}


def within_rate(limit: str, tablet_key: str, now: float | None = None) -> bool:
    """Count one submission from a tablet (by its token's hash); False when it
    has sent more than `limit` allows. Only tablets that passed the token check
    are counted, so a stranger's made-up tokens take no memory here."""
    amount, seconds = _limit(limit, limits.workers)
    now = time.monotonic() if now is None else now
    started, count = _windows.get(tablet_key, (now, 0))
    if now - started >= seconds:
        started, count = now, 0
        if len(_windows) > 10_000:  # tablets long gone: forget every old window
            for key in [k for k, (s, _) in _windows.items() if now - s >= seconds]:
                del _windows[key]
    if count >= amount:
        return False
    _windows[tablet_key] = (started, count + 1)
    return True


# The day each tablet's answers were last noted by this process, by its token's
# hash: the staff file is written once a day per tablet, not on every submission.
_answers_noted: dict[str, datetime.date] = {}


def note_answers_arrived(authorization: str | None, staff_db, today: datetime.date) -> None:
    """The tablet sending this request had answers stored today: keep that date
    for the Sites page, so staff notice a tablet that has gone quiet.

    The day they arrived, not the day the child answered: a tablet sending last
    week's queue today is alive today, which is what staff need to know.
    staff_db is called only when the date is new. The answers are already
    stored, so a staff file that cannot be written costs a date, never them."""
    token = bearer_token(authorization)
    key = token_hash(token) if token else None
    if key is None or _answers_noted.get(key) == today:
        return
    try:
        storage.note_answers_arrived(staff_db(), key, today)
    except sqlite3.Error as problem:
        log.warning("Could not note the day a tablet's answers arrived: %s", problem)
        return
    if len(_answers_noted) > 10_000:
        _answers_noted.clear()
    _answers_noted[key] = today
