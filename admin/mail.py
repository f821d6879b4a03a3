"""Sending email through the service's own SMTP server, with the standard
library (smtplib, email.message): alerts to the safeguarding lead, links that
let a new member of staff choose their password, and the weekly digest.

No email ever holds a child's words, a site, or a time a child wrote.
"""

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

SEND_TIMEOUT_SECONDS = 20


class MailNotSent(Exception):
    """The email could not be handed to the SMTP server; the message says why."""


def mail_is_on(config) -> bool:
    return bool(config.get("SMTP_HOST"))


def send(config, to: list[str], subject: str, body: str, html: str | None = None) -> None:
    """Hand one email to SMTP_HOST, or raise MailNotSent: plain text, and with
    `html` an HTML part too, which a mail app shows instead."""
    if not mail_is_on(config):
        raise MailNotSent("SMTP_HOST is not set, so email is off.")
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    # The date the email was handed over, which the mail server adds anyway.
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="feedback-kiosk")
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    try:
        with smtplib.SMTP(
            config["SMTP_HOST"], int(config["SMTP_PORT"]), timeout=SEND_TIMEOUT_SECONDS
        ) as server:
            if config["SMTP_STARTTLS"]:
                server.starttls(context=ssl.create_default_context())
            if config.get("SMTP_USERNAME"):
                server.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD") or "")
            server.send_message(message)
    except (OSError, smtplib.SMTPException) as problem:
        raise MailNotSent(f"{type(problem).__name__}: {problem}") from None
