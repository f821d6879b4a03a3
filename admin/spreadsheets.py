"""Spreadsheets that are safe to open in Excel: children's words cannot become formulas.

CSV: a cell that starts with =, +, - or @ (or a tab or carriage return, which
some programs skip before reading one of those) is read by a spreadsheet as a
formula, and a formula can fetch a web page or run a command. Every text cell
gets a leading apostrophe in that case, as OWASP advises; numbers stay numbers.
Every field is quoted, numbers and headings too: a field such as
"hi;=1+1;@SUM(A1:A9)" (or one with a tab in it) starts no formula, but Excel set
to a ";" list separator, or a tab-delimited import, splits it unless it is quoted,
and the later pieces are formulas. The file is UTF-8 with a byte order mark, or
Excel shows non-Latin letters as nonsense.

Excel workbook (.xlsx): every text is written as a text cell, which Excel never
reads as a formula, so the words stay exactly as written, with no apostrophe.
(openpyxl on its own would make "=1+1" a formula and "#N/A" an error value.)
A workbook is a ZIP of XML files, and openpyxl writes the time of saving into
both: every part and the file's dates get ZIP_TIMESTAMP instead, and no author.
"""

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.packaging.core import DocumentProperties
from openpyxl.xml.functions import tostring

from kiosk.app.text_direction import without_bidi_controls

# Full-width = + - @ too: some spreadsheets treat them as their ASCII twins.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP can say: no time of day
# XML 1.0 has no place for these: one in a cell and Excel cannot open the file.
# New comments cannot hold them (kiosk/feedback/comments.py); an older row might.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel reads "_x202E_" in a cell as the character U+202E, and "_x005F_" as "_":
# so a child's own "_x202E_" is written "_x005F_x202E_" and read as they wrote it.
EXCEL_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def plain_cell(value: object) -> object:
    """A value as any spreadsheet shows it: text without direction controls."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    return without_bidi_controls(str(value))


def safe_cell(value: object) -> object:
    """A value as a CSV file should give it: text that could start a formula is quoted."""
    # Direction controls first (plain_cell): one in front would hide a formula from the check.
    value = plain_cell(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(header: list[str], rows: Iterable[list]) -> bytes:
    """A whole CSV file: UTF-8 with a byte order mark, Windows line ends, every
    cell safe and every field quoted."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(title: str, header: list[str], rows: Iterable[list]) -> bytes:
    """A whole workbook of one sheet: the same cells as csv_bytes, every text a
    text cell, and no time of day and no author anywhere in the file."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    for row in [header, *rows]:
        sheet.append([sheet_cell(sheet, value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return with_fixed_times(out.getvalue())


def sheet_cell(sheet, value: object) -> object:
    """A value as a workbook holds it: a number, an empty cell, or a text cell."""
    value = plain_cell(value)
    if not isinstance(value, str):
        return value
    if not value:
        return None  # an empty cell, as the CSV's empty field
    cell = WriteOnlyCell(sheet, EXCEL_ESCAPE.sub("_x005F_", NOT_IN_XML.sub("", value)))
    # Set after the value, which openpyxl reads: "=..." would be a formula, "#N/A" an error.
    cell.data_type = "s"
    return cell


def with_fixed_times(workbook: bytes) -> bytes:
    """The workbook with ZIP_TIMESTAMP on every part and as its created and
    modified dates, and no author (openpyxl would give its own name)."""
    fixed = datetime.datetime(*ZIP_TIMESTAMP)
    core = DocumentProperties(creator=None, created=fixed, modified=fixed)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as saved, zipfile.ZipFile(out, "w") as copy:
        for part in saved.infolist():
            entry = zipfile.ZipInfo(part.filename, date_time=ZIP_TIMESTAMP)
            entry.compress_type = part.compress_type
            entry.external_attr = part.external_attr
            if part.filename == "docProps/core.xml":
                copy.writestr(entry, tostring(core.to_tree()))
            else:
                copy.writestr(entry, saved.read(part))
    return out.getvalue()


def filename_part(text: str) -> str:
    """A piece of a download's file name: lowercase letters, digits and dashes only."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "site"
