"""Emails to the safeguarding lead when messages need attention.

An alert sent the moment a child pressed Send would tell staff when the child
wrote, and staff know who sat in the waiting room at 10:40. So alerts go out
only at fixed times of day (ALERT_TIMES), each covering every concern flagged
since the last one, and say only how many: no words, no topic, no site, no
time. An alert that could not be sent is kept (nothing is marked alerted) and
tried again at the next minute the server looks; every staff page says since
when alerts are failing until one gets through.
"""

import time

from flask import Flask

from admin import mail
from kiosk import storage

SYSTEM = "system"


def alert_email(config, concerns: int, taken_back: list[dict]) -> tuple[str, str]:
    """The subject and words of an alert: numbers and a link, nothing else."""
    link = config["PUBLIC_BASE_URL"].rstrip("/") + "/admin/concerns"
    lines = []
    if concerns:
        lines.append(
            f"{concerns} {'message needs' if concerns == 1 else 'messages need'} attention"
            " in the feedback kiosk."
        )
    if taken_back:
        days = ", ".join(sorted({entry["taken_back_on"] for entry in taken_back}))
        lines.append(
            f"{len(taken_back)} {'message' if len(taken_back) == 1 else 'messages'} that needed"
            f" attention {'was' if len(taken_back) == 1 else 'were'} taken back by the writer"
            f" (on {days})."
        )
    body = "\n\n".join(
        [
            *lines,
            f"Please read and act on them in the staff area:\n{link}",
            "This email says on purpose nothing of what was written, where or when.",
        ]
    )
    return "Feedback kiosk: messages need attention", body + "\n"


def send_alerts(app: Flask) -> str:
    """Send one alert covering every concern not yet alerted. Returns what
    happened, in words for the command line."""
    with storage.both_files(app.config["DATABASE"]) as (db, staff_db):
        flagged, taken_back = storage.waiting_for_alert(db)
        if not flagged and not taken_back:
            return "No new messages need attention: no alert to send."
        leads = storage.safeguarding_leads_emails(staff_db)
        try:
            if not leads:
                raise mail.MailNotSent("no safeguarding lead has an email address")
            mail.send(app.config, leads, *alert_email(app.config, len(flagged), taken_back))
        except mail.MailNotSent as problem:
            storage.note_alert_failed(staff_db, time.time(), str(problem))
            return f"The alert could not be sent: {problem}. It will be tried again."
        storage.mark_alerted(db, flagged, [entry["id"] for entry in taken_back])
        storage.note_alert_sent(staff_db)
        storage.audit(staff_db, SYSTEM, "sent an alert", f"{len(flagged)} messages need attention")
        for entry in taken_back:
            storage.audit(
                staff_db,
                SYSTEM,
                "a message that needed attention was taken back by its writer",
                f"on {entry['taken_back_on']}",
            )
        return f"Alert sent to {len(leads)} safeguarding lead(s): {len(flagged)} messages."


def alerts_failing(app: Flask) -> bool:
    with storage.staff_file(app.config["DATABASE"]) as staff_db:
        return storage.alert_state(staff_db)["failing_since"] is not None
