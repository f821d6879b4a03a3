"""The staff area, under /admin, guarded in one place.

Every admin route but sign-in and first-account setup needs a signed-in staff
member: the guard below runs before each of them, so a new route cannot be
left open by forgetting a decorator (tests/test_admin_guard.py walks the URL map).
"""

import time

from flask import Blueprint, g, redirect, request, url_for

from admin import accounts
from kiosk.views import staff_database

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")

OPEN_TO_STRANGERS = {"admin.sign_in", "admin.setup"}

# The header's links, in the order a manager works through them once a week.
NAV = [
    ("admin.summary", "Weekly summary"),
    ("admin.comments", "Comments"),
    ("admin.you_said", "You said, we did"),
    ("admin.posters", "Posters"),
    ("admin.export_page", "Export"),
    ("admin.sites", "Sites"),
    ("admin.audit_log", "Audit log"),
]


@bp.before_request
def staff_only():
    g.staff = accounts.signed_in_staff(staff_database(), time.time())
    if g.staff is None and request.endpoint not in OPEN_TO_STRANGERS:
        return redirect(url_for("admin.sign_in", next=request.full_path))
    return None


# Importing each module registers its routes on bp.
from admin import (  # noqa: E402, F401
    comments,
    exports,
    posters,
    sites,
    summary,
    tablets,
    views,
    you_said,
)
