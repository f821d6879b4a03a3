"""What every view needs for the request it answers, kiosk and staff area alike:
this thread's connection to each database file, and the site a URL names.

One home, so the staff area never imports the kiosk's views to reach them.
"""

from flask import abort, current_app

from kiosk import storage


def database():
    """The answers file: sites, answers, comments, "You said, we did"."""
    return storage.connection_for_thread(current_app.config["DATABASE"])


def staff_database():
    """The staff file beside it: accounts, sessions, the audit log, tablets."""
    path = storage.staff_path(current_app.config["DATABASE"])
    return storage.connection_for_thread(path, storage.open_staff_database)


def site_or_404(slug: str) -> dict:
    """The site a URL names, or a 404 page."""
    site = storage.find_site(database(), slug)
    if site is None:
        abort(404)
    return site


# Sites are never deleted (only retired, and a retired site still takes the
# answers a tablet kept), so once a site is found it stays found: each process
# remembers it, by database file, and a submission reads one row less.
_sites_found: set[tuple[str, str]] = set()


def site_exists_or_404(slug: str) -> None:
    key = (current_app.config["DATABASE"], slug)
    if key not in _sites_found:
        site_or_404(slug)
        _sites_found.add(key)
