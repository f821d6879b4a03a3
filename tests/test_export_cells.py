"""What a spreadsheet makes of a child's words: never a formula, however the
file is split into fields."""

import csv
import datetime
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from admin.spreadsheets import csv_bytes, safe_cell
from tests.conftest import store_comment

BOM = b"\xef\xbb\xbf"
WEEK_DAY = datetime.date(2026, 11, 23)  # ISO week 2026-W48
# Quoted fields, separated by commas, each line ended by CRLF: nothing outside quotes.
QUOTED_FIELD = r'"(?:[^"]|"")*"'
ALL_QUOTED = re.compile(rf"(?:{QUOTED_FIELD}(?:,{QUOTED_FIELD})*\r\n)*")
# Words a spreadsheet splits on a ";" or a tab into formulas, unless the field is quoted.
HIDDEN_FORMULAS = ["hi;=1+1;@SUM(A1:A9)", "tab\t=1+1"]


def csv_text(response) -> str:
    assert 200 == response.status_code
    body = response.get_data()
    assert body.startswith(BOM)
    return body[len(BOM) :].decode("utf-8")


@pytest.mark.parametrize("kind", ["counts.csv", "comments.csv"])
def test_every_field_of_every_csv_export_is_quoted(staff, db, kind):
    for text in HIDDEN_FORMULAS:
        store_comment(db, text)
    text = csv_text(staff.get(f"/admin/export/{kind}?week=2026-W48"))
    assert text.count("\r\n") > 1  # a heading and rows, so this could fail
    assert ALL_QUOTED.fullmatch(text), text


def test_a_comment_with_a_separator_in_it_stays_one_field(staff, db):
    for text in HIDDEN_FORMULAS:
        store_comment(db, text)
    text = csv_text(staff.get("/admin/export/comments.csv?week=2026-W48"))
    for words in HIDDEN_FORMULAS:
        assert f',"{words}",' in text


@given(st.lists(st.lists(st.one_of(st.text(), st.integers(), st.none()), min_size=1, max_size=4)))
def test_any_cells_come_out_quoted_and_whole(rows):
    header = ["text"]
    text = csv_bytes(header, rows)[len(BOM) :].decode("utf-8")
    assert ALL_QUOTED.fullmatch(text)
    expected = [header] + [[str(safe_cell(value)) for value in row] for row in rows]
    assert expected == list(csv.reader(io.StringIO(text, newline="")))
