"""The weekly digest: last week's figures, emailed on DIGEST_DAY at DIGEST_TIME
to every account whose owner asked for it on their own account page.

What it says is made in admin/digest.py, under the summary page's small-number
rule; it never holds a child's words or a time of day. Like an alert, a digest
that could not be sent is kept (in the staff file, per account and week) and
tried again each minute until the mail server takes it, with a record of its
own, so a digest that keeps failing never holds up an alert. Each account gets
each week's digest once, however many workers look, and `flask --app kiosk
send-digest` too.
"""

import datetime
import time

from flask import Flask

from admin import mail
from kiosk import storage
from kiosk.surveys import iso_week


def week_before(moment: datetime.datetime) -> str:
    """The ISO week before the one `moment` falls in, as "2026-W48"."""
    return iso_week(moment.date() - datetime.timedelta(weeks=1))


def send_digests(app: Flask, due: datetime.datetime) -> str:
    """Send the digest of the week before `due`'s to every account that asks for
    it and has not had it, and any digest still owed from before. Returns what
    happened, in words for the command line and the log."""
    # admin imports kiosk.surveys.kiosk, which needs this package built first: so here.
    from admin.digest import digest_email

    with storage.both_files(app.config["DATABASE"]) as (db, staff_db):
        storage.owe_digests(staff_db, week_before(due))
        owed = storage.digests_owed(staff_db)
        if not owed:
            return "No digest to send: everyone who asks for it has had last week's."
        emails, sent, failed = {}, 0, []
        for row in owed:
            if row["week"] not in emails:
                # A digest still owed from an earlier week says that week's figures.
                emails[row["week"]] = digest_email(app, db, row["week"])
            subject, text, html = emails[row["week"]]
            try:
                mail.send(app.config, [row["email"]], subject, text, html=html)
            except mail.MailNotSent as problem:
                storage.note_digest_failed(
                    staff_db, row["staff"], row["week"], time.time(), str(problem)
                )
                failed.append(str(problem))
                continue
            storage.note_digest_sent(staff_db, row["staff"], row["week"])
            sent += 1
        if sent:
            storage.audit(staff_db, "system", "sent the weekly digest", f"{sent} emails")
        if failed:
            return (
                f"Digest sent to {sent} account(s); {len(failed)} could not be sent"
                f" ({failed[-1]}) and will be tried again."
            )
        return f"Digest sent to {sent} account(s)."


def digests_failing(app: Flask) -> bool:
    """Whether a digest is still owed to someone: the scheduler then tries each minute."""
    with storage.staff_file(app.config["DATABASE"]) as staff_db:
        return storage.any_digest_owed(staff_db)
