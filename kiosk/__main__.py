"""`python -m kiosk`: the development server for `make run`, printing the kiosk URLs."""

import logging
import os
import time

from admin import accounts, mail
from kiosk import create_app, storage
from kiosk.app import schedule
from kiosk.app.serving import serve


def main() -> None:
    # Only failed requests are logged, without address, time or query (kiosk/app/serving.py).
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    app = create_app()
    # A browser on this computer sets itself up as a tablet for every site, so
    # a newcomer sees the kiosk at once (kiosk/surveys/enrolment.py). Only here: under
    # gunicorn a reverse proxy makes every request come from this computer.
    app.config["TABLET_AUTO_ENROL"] = True
    host = os.environ.get("KIOSK_HOST", "127.0.0.1")
    port = int(os.environ.get("KIOSK_PORT", "5000"))
    db = storage.open_database(app.config["DATABASE"])
    print(f"Database: {app.config['DATABASE']}")
    print("Kiosks:")
    for site in storage.list_sites(db):
        print(f"  {site['name']}: http://{host}:{port}/kiosk/{site['slug']}")
    print(f"Open this on the tablet: http://{host}:{port}/")
    print("  (a browser on this computer is set up as a tablet by itself; another tablet")
    print("   needs a code: Sites in the staff area, or flask --app kiosk enrol-tablet SITE)")
    print(f"Staff area: http://{host}:{port}/admin/")
    db.close()
    db = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    if not storage.count_staff(db):
        token = accounts.new_setup_token()
        expires = time.time() + accounts.SETUP_LINK_HOURS * 3600
        storage.save_setup_link(db, accounts.hash_secret(token), expires)
        print("No staff account yet. Create the first one here (the link works once):")
        print(f"  http://{host}:{port}/admin/setup/{token}")
    db.close()
    if not mail.mail_is_on(app.config):
        print("Safeguarding alerts are OFF: no email can be sent until SMTP_HOST is set")
        print("  (KIOSK_SMTP_HOST=... or config.toml; see README.md, Safeguarding alerts).")
    else:
        print(f"Safeguarding alerts go out at {', '.join(app.config['ALERT_TIMES'])}.")
    schedule.start(app)
    serve(app, host, port).serve_forever()


if __name__ == "__main__":
    main()
