"""Staff accounts, first-account setup links and the audit log, in the staff file.

An account has a name, an email address (for alerts, password links and the
weekly digest, if its owner asks for it), one or more roles and may be
disabled. Roles are kept as words separated by spaces, each one of ROLES.
"""

import datetime
import sqlite3

import sqlite_utils

from kiosk.storage.database import writing


def count_staff(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM staff").fetchone()[0]


# Who may do what: administrators run accounts, sites and tablets; the
# safeguarding lead gets alerts and acknowledges concerns; staff read the
# summaries and comments and write "You said, we did".
ADMINISTRATOR, SAFEGUARDING_LEAD, STAFF = "administrator", "safeguarding-lead", "staff"
ROLES = (ADMINISTRATOR, SAFEGUARDING_LEAD, STAFF)
_ACCOUNT = ("name", "password_hash", "email", "roles", "disabled", "weekly_digest")


def check_roles(roles) -> tuple[str, ...]:
    """The roles in their usual order; ValueError for an unknown one or none."""
    chosen = set(roles)
    if not chosen or chosen - set(ROLES):
        raise ValueError(f"roles must be some of {', '.join(ROLES)}")
    return tuple(role for role in ROLES if role in chosen)


def create_staff(
    db: sqlite_utils.Database,
    name: str,
    password_hash: str,
    email: str = "",
    roles=ROLES,
) -> bool:
    """Add an account. False when the name is taken."""
    roles = check_roles(roles)
    try:
        with writing(db):
            db.execute(
                "INSERT INTO staff (name, password_hash, email, roles) VALUES (?, ?, ?, ?)",
                (name, password_hash, email, " ".join(roles)),
            )
    except sqlite3.IntegrityError:
        return False
    return True


def find_staff(db: sqlite_utils.Database, name: str) -> dict | None:
    row = db.execute(f"SELECT {', '.join(_ACCOUNT)} FROM staff WHERE name = ?", [name]).fetchone()  # noqa: S608
    return _account(row) if row else None


def list_staff(db: sqlite_utils.Database) -> list[dict]:
    rows = db.execute(f"SELECT {', '.join(_ACCOUNT)} FROM staff ORDER BY name").fetchall()  # noqa: S608
    return [_account(row) for row in rows]


def _account(row) -> dict:
    account = dict(zip(_ACCOUNT, row, strict=True))
    account["roles"] = tuple(account["roles"].split())
    account["disabled"] = bool(account["disabled"])
    account["weekly_digest"] = bool(account["weekly_digest"])
    return account


def change_account(
    db: sqlite_utils.Database,
    name: str,
    *,
    email: str | None = None,
    roles=None,
    disabled: bool | None = None,
    weekly_digest: bool | None = None,
) -> bool:
    """Change an account's email, roles, whether it is disabled or whether it
    gets the weekly digest. A change of
    roles, or disabling it, ends every session it has open. False when there
    is no such account."""
    changes, values = [], []
    if email is not None:
        changes.append("email = ?")
        values.append(email)
    if roles is not None:
        changes.append("roles = ?")
        values.append(" ".join(check_roles(roles)))
    if disabled is not None:
        changes.append("disabled = ?")
        values.append(int(disabled))
    if weekly_digest is not None:
        changes.append("weekly_digest = ?")
        values.append(int(weekly_digest))
    if not changes:
        return find_staff(db, name) is not None
    with writing(db):
        cursor = db.execute(
            f"UPDATE staff SET {', '.join(changes)} WHERE name = ?",  # noqa: S608 (fixed words)
            (*values, name),
        )
        if roles is not None or disabled:
            db.execute("DELETE FROM sessions WHERE staff = ?", [name])
    return cursor.rowcount == 1


def set_password_hash(db: sqlite_utils.Database, name: str, password_hash: str) -> bool:
    """Give an account a new password and end every session it has open.
    False when there is no such account."""
    with writing(db):
        cursor = db.execute(
            "UPDATE staff SET password_hash = ? WHERE name = ?", (password_hash, name)
        )
        db.execute("DELETE FROM sessions WHERE staff = ?", [name])
    return cursor.rowcount == 1


def save_setup_link(db: sqlite_utils.Database, token_hash: str, expires_at: float) -> None:
    with writing(db):
        db.execute("DELETE FROM setup_links")
        db.execute(
            "INSERT INTO setup_links (token_hash, expires_at) VALUES (?, ?)",
            (token_hash, expires_at),
        )


def use_setup_link(db: sqlite_utils.Database, token_hash: str, now: float) -> bool:
    """Spend a setup link: True once, for a link that exists and has not expired."""
    with writing(db):
        cursor = db.execute(
            "DELETE FROM setup_links WHERE token_hash = ? AND expires_at > ?", (token_hash, now)
        )
    return cursor.rowcount == 1


def setup_link_is_valid(db: sqlite_utils.Database, token_hash: str, now: float) -> bool:
    row = db.execute(
        "SELECT 1 FROM setup_links WHERE token_hash = ? AND expires_at > ?", (token_hash, now)
    ).fetchone()
    return row is not None


def audit(db: sqlite_utils.Database, staff: str, action: str, detail: str = "") -> None:
    """Write down what a staff member did. Never pass what a child said."""
    at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    with writing(db):
        db.execute(
            "INSERT INTO audit_log (at, staff, action, detail) VALUES (?, ?, ?, ?)",
            (at, staff, action, detail),
        )


def audit_entries(db: sqlite_utils.Database, limit: int = 200) -> list[dict]:
    return list(
        db.query(
            "SELECT at, staff, action, detail FROM audit_log ORDER BY at DESC, rowid DESC LIMIT ?",
            [limit],
        )
    )


def save_password_link(db: sqlite_utils.Database, token_hash: str, name: str, expires_at: float):
    """A new one-time password link for an account; any older one stops working."""
    with writing(db):
        db.execute("DELETE FROM password_links WHERE staff = ?", [name])
        db.execute(
            "INSERT INTO password_links (token_hash, staff, expires_at) VALUES (?, ?, ?)",
            (token_hash, name, expires_at),
        )


def password_link_owner(db: sqlite_utils.Database, token_hash: str, now: float) -> str | None:
    """The account a password link is for, while it is unused and not expired."""
    row = db.execute(
        "SELECT staff FROM password_links WHERE token_hash = ? AND expires_at > ?",
        (token_hash, now),
    ).fetchone()
    return row[0] if row else None


def use_password_link(
    db: sqlite_utils.Database, token_hash: str, password_hash: str, now: float
) -> str | None:
    """Spend a password link: set the new password, end the account's sessions.
    Returns the account's name, once; None for a used or expired link."""
    with writing(db):
        name = password_link_owner(db, token_hash, now)
        if name is None:
            return None
        db.execute("DELETE FROM password_links WHERE token_hash = ?", [token_hash])
        db.execute("UPDATE staff SET password_hash = ? WHERE name = ?", (password_hash, name))
        db.execute("DELETE FROM sessions WHERE staff = ?", [name])
    return name
