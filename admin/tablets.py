"""Staff pages: set up a kiosk tablet with a one-time code, and stop one.

Only a tablet set up here (or with `flask --app kiosk enrol-tablet`) can
send a kiosk's answers (kiosk/surveys/tablets.py). The code is shown once, on the
page the button opens, and kept only as a keyed hash. Each code, and each
tablet stopped, goes to the audit log.
"""

import datetime
import time

from flask import current_app, flash, g, redirect, render_template, request, url_for

from admin import bp, dates
from admin.sites import site_or_404, sites_page
from kiosk import storage
from kiosk.app.for_request import staff_database
from kiosk.app.qr import qr_svg
from kiosk.surveys import tablets


@bp.post("/sites/<slug>/tablets")
def new_tablet_code(slug: str):
    """Make a one-time code that sets up a tablet for this site; show it once."""
    site = site_or_404(slug)
    if site["retired"]:
        return sites_page(f"{site['name']} is resting: open it again to set up a tablet.", 409)
    name = tablets.tablet_name(request.form.get("name"))
    config = current_app.config
    code = tablets.make_pairing_code(
        staff_database(), slug, name, config["SECRET_KEY"], time.time()
    )
    storage.audit(staff_database(), g.staff, "made a tablet setup code", f"{slug} {name}".strip())
    link = tablets.enrol_link(config["PUBLIC_BASE_URL"], slug, code)
    return render_template(
        "admin/tablet_code.html",
        site=site,
        tablet_name=name,
        code=tablets.shown_code(code),
        link=link,
        qr=qr_svg(link, f"QR code that sets up a tablet for {site['name']}"),
        minutes=tablets.PAIRING_CODE_MINUTES,
    )


@bp.post("/tablets/<tablet_id>/revoke")
def revoke_tablet(tablet_id: str):
    """Stop a tablet sending answers. What it keeps waits on it until it is set up again."""
    tablet = storage.revoke_tablet(staff_database(), tablet_id, datetime.date.today())
    tablets.forget_known()
    if tablet is None:
        return sites_page("That tablet was already stopped.", 404)
    about = f"{tablet['site']} {tablet['name']} (set up on {tablet['enrolled_on']})"
    storage.audit(staff_database(), g.staff, "stopped a tablet", " ".join(about.split()))
    set_up_on = dates.day_in_words(tablet["enrolled_on"])
    flash(f"Stopped {tablet['name'] or 'the tablet'} set up on {set_up_on}.")
    return redirect(url_for("admin.sites"))
