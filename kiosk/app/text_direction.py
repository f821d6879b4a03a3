"""No hidden direction changes in what staff read.

The Unicode controls that push text right-to-left or left-to-right (U+202A to
U+202E, U+2066 to U+2069) are invisible, and they make a comment, a site name or
an exported cell show its letters in another order than they are written: what
staff read is not what was sent, and a cell can hide how it starts.
They are taken out when a comment arrives (kiosk/feedback/comments.py), from every value
a page shows (the Jinja finalize below, for every page), and from every
exported cell (admin/spreadsheets.py), which covers rows kept from before.
Right-to-left languages need none of them: the pages set `dir` themselves.
"""

from flask import Flask

BIDI_CONTROLS = [*range(0x202A, 0x202E + 1), *range(0x2066, 0x2069 + 1)]
_TAKEN_OUT = dict.fromkeys(BIDI_CONTROLS)


def without_bidi_controls(text: str) -> str:
    """The text with its direction controls taken out; Markup stays Markup
    (markupsafe's translate keeps the type, and taking characters out adds no tag)."""
    return text.translate(_TAKEN_OUT)


def shown_without_bidi_controls(value: object) -> object:
    """Jinja's finalize: every {{ value }} on a page, before it is escaped."""
    return without_bidi_controls(value) if isinstance(value, str) else value


def init_app(app: Flask) -> None:
    # Set before any template is compiled: Jinja builds finalize into each one.
    app.jinja_env.finalize = shown_without_bidi_controls
