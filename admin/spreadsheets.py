"""CSV files that are safe to open in Excel: children's words cannot become formulas.

A cell that starts with =, +, - or @ (or a tab or carriage return, which some
programs skip before reading one of those) is read by a spreadsheet as a
formula, and a formula can fetch a web page or run a command. Every text cell
gets a leading apostrophe in that case, as OWASP advises; numbers stay numbers.
Every field is quoted, numbers and headings too: a field such as
"hi;=1+1;@SUM(A1:A9)" (or one with a tab in it) starts no formula, but Excel set
to a ";" list separator, or a tab-delimited import, splits it unless it is quoted,
and the later pieces are formulas. The file is UTF-8 with a byte order mark, or
Excel shows non-Latin letters as nonsense.
"""

import csv
import io
import re
from collections.abc import Iterable

from kiosk.text_direction import without_bidi_controls

# Full-width = + - @ too: some spreadsheets treat them as their ASCII twins.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> object:
    """A value as a spreadsheet should see it: text that could start a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    # Direction controls first: one in front would hide a formula from the check.
    text = without_bidi_controls(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: list[str], rows: Iterable[list]) -> bytes:
    """A whole CSV file: UTF-8 with a byte order mark, Windows line ends, every
    cell safe and every field quoted."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def filename_part(text: str) -> str:
    """A piece of a download's file name: lowercase letters, digits and dashes only."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "site"
