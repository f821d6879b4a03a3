"""The comments as an Excel workbook: the same rows as the comments CSV, every
cell text and never a formula, and no time of day anywhere in the file."""

import csv
import datetime
import io
import re
import zipfile
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from kiosk import storage
from tests.conftest import store_comment

MONDAY = datetime.date(2026, 11, 23)  # ISO week 2026-W48
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIXED_DATE = "1980-01-01T00:00:00Z"  # the drawings ZIP's fixed date, as the file's dates
# Each would be a formula, an error or a split cell somewhere, were it not a text cell.
FORMULA_LIKE = ["=1+1", "hi;=1+1;@SUM(A1:A9)", "+SUM(A1)", "@x", "-2", "tab\t=1+1", "\t=1+1"]


def keep_comment(db, text, site="waiting-room-a", day=MONDAY, hidden=False, drawing=None):
    topic = "The building" if text else None
    return store_comment(db, text, site, day, topic=topic, hidden=hidden, drawing=drawing)


def workbook_of(response):
    assert 200 == response.status_code
    assert XLSX == response.headers["Content-Type"]
    return load_workbook(io.BytesIO(response.get_data()))


def cells_of(response) -> list[list]:
    """Every cell of the one sheet, heading first, as openpyxl reads it back."""
    [sheet] = workbook_of(response).worksheets
    return [list(row) for row in sheet.iter_rows()]


def values(cells: list[list]) -> list[list[str]]:
    """What a person reads in each cell; an empty cell as the CSV's empty field."""
    return [["" if cell.value is None else cell.value for cell in row] for row in cells]


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    "query",
    ["week=2026-W48", "site=youth-hub&from=2026-11-16&to=2026-11-29", "week=2026-W48&hidden=1"],
)
def test_the_workbook_has_the_comments_csvs_rows(staff, db, query):
    for n in range(5):  # a busy week, with days
        keep_comment(db, f"message {n}", day=MONDAY + datetime.timedelta(days=n % 3))
    keep_comment(db, None, drawing=b"\x89PNG not really")
    keep_comment(db, "hidden by staff", hidden=True)
    for n in range(2):  # a quiet week at another site: the week only, no day
        keep_comment(db, f"quiet {n}", site="youth-hub", day=MONDAY - datetime.timedelta(days=n))
    expected = csv_rows(staff.get(f"/admin/export/comments.csv?{query}"))
    assert len(expected) > 2  # a heading and rows, so this could fail
    response = staff.get(f"/admin/export/comments.xlsx?{query}")
    assert expected == values(cells_of(response))


def test_the_download_is_named_like_the_csv(staff, db):
    keep_comment(db, "hello")
    response = staff.get("/admin/export/comments.xlsx?site=waiting-room-a&week=2026-W48")
    assert (
        'attachment; filename="comments-waiting-room-a-2026-W48.xlsx"'
        == response.headers["Content-Disposition"]
    )


def test_childrens_words_come_back_exactly_as_text_never_a_formula(staff, db):
    for text in [*FORMULA_LIKE, "#N/A", "Мне нравится = хорошо"]:
        keep_comment(db, text)
    cells = cells_of(staff.get("/admin/export/comments.xlsx?week=2026-W48"))
    texts = {row[5].value: row[5].data_type for row in cells[1:]}
    assert dict.fromkeys([*FORMULA_LIKE, "#N/A", "Мне нравится = хорошо"], "s") == texts
    assert [] == [cell.coordinate for row in cells for cell in row if cell.data_type == "f"]
    assert {"s"} == {cell.data_type for row in cells for cell in row if cell.value is not None}


def test_no_formula_is_written_into_the_file_itself(staff, db):
    for text in FORMULA_LIKE:
        keep_comment(db, text)
    body = staff.get("/admin/export/comments.xlsx?week=2026-W48").get_data()
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "=1+1" in sheet  # the words are there, so this could fail
    assert "<f>" not in sheet and "<f " not in sheet


def test_direction_controls_are_taken_out_and_nothing_else(staff, db):
    keep_comment(db, "\u202e=1+1 \u2066hello\u2069 \u202aok\u202c")
    [_, row] = cells_of(staff.get("/admin/export/comments.xlsx?week=2026-W48"))
    assert ("=1+1 hello ok", "s") == (row[5].value, row[5].data_type)


def as_excel_reads(text: str) -> str:
    """Excel reads _xHHHH_ in a cell's text as the character HHHH (openpyxl does not)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), text)


def test_words_that_look_like_excels_escapes_stay_as_written(staff, db):
    # Otherwise "_x202E_" would reach Excel as a direction control after all.
    keep_comment(db, "a _x202E_ b _x003D_1+1")
    [_, row] = cells_of(staff.get("/admin/export/comments.xlsx?week=2026-W48"))
    assert "a _x202E_ b _x003D_1+1" == as_excel_reads(row[5].value)


def test_characters_a_workbook_cannot_hold_do_not_break_the_download(staff, db):
    # An older row may hold a control character; XML 1.0 has no place for it.
    keep_comment(db, "bell\x07 and \uffff end")
    [_, row] = cells_of(staff.get("/admin/export/comments.xlsx?week=2026-W48"))
    assert "bell and  end" == row[5].value


def test_the_file_says_no_time_of_day_and_no_author(staff, db):
    keep_comment(db, "hello")
    body = staff.get("/admin/export/comments.xlsx?week=2026-W48").get_data()
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        infos = archive.infolist()
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
        every_part = b"".join(archive.read(info) for info in infos).decode("utf-8")
    assert len(infos) > 5  # a real workbook's parts, so this could fail
    assert {(1980, 1, 1, 0, 0, 0)} == {info.date_time for info in infos}
    dates = {child.tag.rsplit("}", 1)[1]: child.text for child in core}
    assert {"created": FIXED_DATE, "modified": FIXED_DATE} == dates
    assert datetime.date.today().isoformat() not in every_part
    assert "openpyxl" not in every_part


def test_the_workbook_is_audited_like_the_csv(staff, db, staff_db):
    keep_comment(db, "a secret about my brother")
    staff.get("/admin/export/comments.xlsx?site=waiting-room-a&week=2026-W48&hidden=1")
    [entry] = storage.audit_entries(staff_db)[:1]
    assert (
        "sam",
        "exported comments",
        "site waiting-room-a, 2026-W48, hidden ones included, as Excel",
    ) == (entry["staff"], entry["action"], entry["detail"])


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("week=2026-W99", 400),
        ("week=", 400),
        ("from=2026-11-30&to=2026-11-01", 400),
        ("week=2026-W48&from=2026-11-01&to=2026-11-02", 400),
        ("site=nowhere&week=2026-W48", 404),
    ],
)
def test_a_bad_choice_gets_a_plain_refusal_and_no_audit(staff, staff_db, query, status):
    response = staff.get(f"/admin/export/comments.xlsx?{query}")
    assert status == response.status_code
    assert "text/html; charset=utf-8" == response.headers["Content-Type"]
    assert [] == [e for e in storage.audit_entries(staff_db) if e["action"].startswith("exported")]


def test_a_stranger_is_sent_to_sign_in(client, db):
    keep_comment(db, "not for strangers")
    response = client.get("/admin/export/comments.xlsx?week=2026-W48")
    assert 302 == response.status_code
    assert response.headers["Location"].startswith("/admin/sign-in")


def test_the_export_page_offers_the_workbook_beside_the_csv(staff):
    page = staff.get("/admin/export").get_data(as_text=True)
    csv_button = page.index('formaction="/admin/export/comments.csv"')
    xlsx_button = page.index('formaction="/admin/export/comments.xlsx"')
    assert csv_button < xlsx_button
    assert "Download comments (Excel)</button>" in page[xlsx_button:]
    assert 2 == page.count('formaction="/admin/export/comments.xlsx"')  # week and dates forms
