"""The staff area, under /admin, guarded in one place.

Every admin route but sign-in and first-account setup needs a signed-in staff
member: the guard below runs before each of them, so a new route cannot be
left open by forgetting a decorator (tests/test_admin_guard.py walks the URL map).
"""

import time

from flask import Blueprint, current_app, g, redirect, request, url_for

from admin import accounts
from kiosk.app.errors import error_response
from kiosk.app.for_request import staff_database
from kiosk.storage.staff import ADMINISTRATOR, SAFEGUARDING_LEAD, STAFF

# The staff area's own pages and style sheets (admin/static, at /admin/static/).
bp = Blueprint(
    "admin", __name__, url_prefix="/admin", template_folder="templates", static_folder="static"
)

OPEN_TO_STRANGERS = {"admin.sign_in", "admin.setup", "admin.choose_password", "admin.static"}
# Pages every signed-in account may open, whatever its roles.
OPEN_TO_EVERY_ACCOUNT = {"admin.sign_out", "admin.own_account"}
# The role a page needs, by the module its view is in; a page in any other
# module needs STAFF, so a new page is never open to every account by mistake.
ROLE_BY_MODULE = {
    "admin.sites": ADMINISTRATOR,
    "admin.tablets": ADMINISTRATOR,
    "admin.staff_accounts": ADMINISTRATOR,
    "admin.logo": ADMINISTRATOR,
    "admin.concerns": SAFEGUARDING_LEAD,
}
ROLE_BY_ENDPOINT = {
    "admin.audit_log": (ADMINISTRATOR,),
    # A drawing shows in the concerns queue as well as on the Comments page.
    "admin.comment_drawing": (STAFF, SAFEGUARDING_LEAD),
}

# The header's links, in the order a manager works through them once a week.
NAV = [
    ("admin.summary", "Weekly summary"),
    ("admin.concerns", "Needs attention"),
    ("admin.comments", "Comments"),
    ("admin.you_said", "You said, we did"),
    ("admin.coproduction", "Co-production"),
    ("admin.posters", "Posters"),
    ("admin.export_page", "Export"),
    ("admin.surveys", "Surveys"),
    ("admin.sites", "Sites"),
    ("admin.staff_accounts", "Accounts"),
    ("admin.audit_log", "Audit log"),
    ("admin.own_account", "Your account"),
]


def role_needed(endpoint: str, app) -> tuple[str, ...] | None:
    """The roles that may open a staff page (any one will do); None for a page
    every account may open."""
    if endpoint in OPEN_TO_STRANGERS or endpoint in OPEN_TO_EVERY_ACCOUNT:
        return None
    if endpoint in ROLE_BY_ENDPOINT:
        return ROLE_BY_ENDPOINT[endpoint]
    module = app.view_functions[endpoint].__module__
    return (ROLE_BY_MODULE.get(module, STAFF),)


def may_open(roles, endpoint: str, app) -> bool:
    needed = role_needed(endpoint, app)
    return needed is None or any(role in roles for role in needed)


@bp.before_request
def staff_only():
    """The one guard: a stranger is sent to sign in; an account without the
    page's role is told so (the summary sends it to its first page instead)."""
    if request.endpoint == "admin.static":
        return None  # style sheets, the same for everyone: no session looked up
    session = accounts.signed_in_staff(staff_database(), time.time())
    g.staff = session["staff"] if session else None
    g.roles = session["roles"] if session else ()
    if request.endpoint in OPEN_TO_STRANGERS:
        return None
    if g.staff is None:
        return redirect(url_for("admin.sign_in", next=request.full_path))
    if request.endpoint is None or may_open(g.roles, request.endpoint, current_app):
        return None
    if request.endpoint == "admin.summary":
        return redirect(url_for(first_page(g.roles, current_app)))
    return error_response(403, "Your account cannot open this page. Ask an administrator.")


def first_page(roles, app) -> str:
    return next(
        (endpoint for endpoint, _ in NAV if may_open(roles, endpoint, app)), "admin.own_account"
    )


# Importing each module registers its routes on bp.
from admin import (  # noqa: E402, F401
    comment_exports,
    comments,
    concerns,
    coproduction,
    exports,
    logo,
    own_account,
    posters,
    sites,
    staff_accounts,
    summary,
    survey_start,
    survey_translations,
    surveys,
    tablets,
    views,
    you_said,
)
