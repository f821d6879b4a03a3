"""The anonymous feedback kiosk and child-friendly survey app.

Its parts, each with one home (README.md, "How the code is laid out"):
app (factory, settings, errors, headers, serving, scheduled jobs), surveys
(what they ask, the kiosk and phone pages, answers), feedback (the feedback
box), storage (the only SQL); the staff area is the admin package.
`flask --app kiosk` finds create_app here.
"""

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """The app (kiosk/app/factory.py). Imported only when called, so that
    importing any part of kiosk never pulls in the whole app."""
    from kiosk.app.factory import create_app as make_app

    return make_app(test_config)
