"""`python -m kiosk`: the development server for `make run`, printing addresses
that work: this computer's network addresses when it listens on the network, or
plainly that only this computer can open it, and how to change that."""

import logging
import os
import socket
import time
import tomllib
from pathlib import Path

from admin import accounts, mail
from kiosk import create_app, storage
from kiosk.app import hosts, schedule
from kiosk.app.factory import PROJECT_ROOT
from kiosk.app.serving import serve

# Listening on every network is what KIOSK_HOST=0.0.0.0 asks for.
EVERY_ADDRESS = "0.0.0.0"  # noqa: S104


def main() -> None:
    # Only failed requests are logged, without address, time or query (kiosk/app/serving.py).
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    host = os.environ.get("KIOSK_HOST", "127.0.0.1")
    port = int(os.environ.get("KIOSK_PORT", "5000"))
    addresses = hosts.network_addresses() if host == EVERY_ADDRESS else [host]
    base = f"http://{addresses[0] if addresses else '127.0.0.1'}:{port}"
    if not is_set("PUBLIC_BASE_URL"):
        # Poster codes and setup links point where this server really is.
        os.environ["KIOSK_PUBLIC_BASE_URL"] = base
    app = create_app()
    if not is_set("TRUSTED_HOSTS"):
        # A tablet asks for this machine by its network address or its name.
        names = [*addresses, socket.gethostname()] if host == EVERY_ADDRESS else addresses
        app.config["TRUSTED_HOSTS"] += [n for n in names if n not in app.config["TRUSTED_HOSTS"]]
    # A browser on this computer sets itself up as a tablet for every site, so
    # a newcomer sees the kiosk at once (kiosk/surveys/enrolment.py). Only here: under
    # gunicorn a reverse proxy makes every request come from this computer.
    app.config["TABLET_AUTO_ENROL"] = True
    print(f"Database: {app.config['DATABASE']}")
    print_addresses(app, host, addresses, base)
    print_setup_link(app, base)
    print_alerts(app)
    schedule.start(app)
    serve(app, host, port).serve_forever()


def is_set(key: str) -> bool:
    """Whether KIOSK_<key> or the settings file gives this setting."""
    if f"KIOSK_{key}" in os.environ:
        return True
    path = Path(os.environ.get("KIOSK_CONFIG", PROJECT_ROOT / "config.toml")).resolve()
    try:
        with path.open("rb") as file:
            return key in tomllib.load(file)
    except FileNotFoundError:
        return False


def print_addresses(app, host: str, addresses: list[str], base: str) -> None:
    db = storage.open_database(app.config["DATABASE"])
    sites = storage.list_sites(db)
    db.close()
    if host == EVERY_ADDRESS and not addresses:
        print("Listening on the network, but this computer has no network address now.")
        print("  Join a network (Wi-Fi or cable), then start again.")
    elif host == EVERY_ADDRESS:
        print("Listening on the network. A tablet on the same network opens its site's kiosk:")
    print("Kiosks:")
    for site in sites:
        print(f"  {site['name']}: {base}/kiosk/{site['slug']}")
    print(f"Staff area: {base}/admin/")
    if host == EVERY_ADDRESS and len(addresses) > 1:
        print(f"This computer's other network addresses: {', '.join(addresses[1:])}")
    if host == "127.0.0.1" or host == "localhost":
        print("Only this computer can open these addresses: a tablet or a phone cannot.")
        print("  To let tablets on your network in, listen on the network:")
        print("  KIOSK_HOST=0.0.0.0 make run")
    print("A browser on this computer is set up as a tablet by itself; another tablet")
    print("  needs a code: Sites in the staff area, or flask --app kiosk enrol-tablet SITE.")
    if host != "127.0.0.1" and host != "localhost":
        print("Over plain http a tablet's kiosk cannot open without the internet or keep")
        print("  its screen awake: for that, use the HTTPS address (README.md, Production).")


def print_setup_link(app, base: str) -> None:
    db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    if not storage.count_staff(db):
        token = accounts.new_setup_token()
        expires = time.time() + accounts.SETUP_LINK_HOURS * 3600
        storage.save_setup_link(db, accounts.hash_secret(token), expires)
        print("No staff account yet. Create the first one here (the link works once):")
        print(f"  {base}/admin/setup/{token}")
    db.close()


def print_alerts(app) -> None:
    if not mail.mail_is_on(app.config):
        print("Safeguarding alerts are OFF: no email can be sent until SMTP_HOST is set")
        print("  (KIOSK_SMTP_HOST=... or config.toml; see README.md, Safeguarding alerts).")
    else:
        print(f"Safeguarding alerts go out at {', '.join(app.config['ALERT_TIMES'])}.")


if __name__ == "__main__":
    main()
