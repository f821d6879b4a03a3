""" "You said, we did": staff write what they heard and what they changed; children
read the latest on the kiosk thank-you and on /you-said-we-did/<site>."""

import datetime
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import storage
from tests.conftest import form_token

URL = "/admin/you-said-we-did"


def add(client, **fields):
    entry = {
        "csrf_token": form_token(client, URL),
        "site": "youth-hub",
        "heard": "The waiting room is boring.",
        "did": "We put new games and books in the waiting room.",
        "date": datetime.date.today().isoformat(),
        **fields,
    }
    return client.post(URL, data=entry)


def entries(db) -> list[tuple[str, str, str, str]]:
    return [(e["site"], e["heard"], e["did"], e["date"]) for e in storage.you_said_entries(db)]


def audit_of(staff_db) -> list[tuple[str, str]]:
    """What staff did after making the account and signing in, oldest first."""
    return [(e["action"], e["detail"]) for e in storage.audit_entries(staff_db)][::-1][2:]


def text_of(response) -> str:
    return " ".join(response.get_data(as_text=True).split())


def said_and_did(page: str) -> list[str]:
    return re.findall(r"<strong>You said:</strong> (.*?)</p> <p><strong>We did:</strong>", page)


# Staff write entries


def test_staff_add_an_entry_and_it_is_audited_without_its_words(staff, db, staff_db):
    response = add(staff, date="2026-11-20")
    assert (302, URL) == (response.status_code, response.headers["Location"])
    assert [
        (
            "youth-hub",
            "The waiting room is boring.",
            "We put new games and books in the waiting room.",
            "2026-11-20",
        )
    ] == entries(db)
    assert [("added a You said, we did entry", "site youth-hub, 2026-11-20")] == audit_of(staff_db)
    page = text_of(staff.get(URL))
    assert "Entry added." in page
    assert "The waiting room is boring." in page
    assert "boring" not in text_of(staff.get("/admin/audit"))


def test_the_page_is_in_the_staff_links(staff):
    assert f'<a href="{URL}"' in text_of(staff.get("/admin/"))


@pytest.mark.parametrize(
    "fields",
    [
        {"heard": ""},
        {"did": "   "},
        {"site": "nowhere"},
        {"site": ""},
        {"date": "not a date"},
        {"date": 1},  # an int: that many days after today, read when the test runs
        {"heard": "x" * 201},
        {"did": "x" * 301},
    ],
)
def test_an_entry_that_is_not_right_is_refused_and_nothing_kept(staff, db, fields, staff_db, today):
    if isinstance(fields.get("date"), int):
        fields = {**fields, "date": (today + datetime.timedelta(days=fields["date"])).isoformat()}
    assert 422 == add(staff, **fields).status_code
    assert [] == entries(db)
    assert [] == audit_of(staff_db)


def test_adding_needs_the_form_token(staff, db):
    assert 400 == add(staff, csrf_token="").status_code
    assert [] == entries(db)


def test_storage_refuses_an_entry_without_words(db, today):
    with pytest.raises(ValueError):
        storage.add_you_said(db, "youth-hub", " ", "We did something.", today)
    assert [] == entries(db)


def test_the_table_keeps_no_order_of_writing(db):
    assert "WITHOUT ROWID" in db["you_said_we_did"].schema
    assert ["date", "did", "heard", "id", "principles", "site"] == sorted(
        c.name for c in db["you_said_we_did"].columns
    )


def test_deleting_an_entry_asks_first_and_is_audited(staff, db, staff_db):
    add(staff, date="2026-11-20")
    [entry] = storage.you_said_entries(db)
    confirm = staff.get(f"{URL}/{entry['id']}/delete")
    assert 200 == confirm.status_code
    assert "Delete this" in confirm.get_data(as_text=True)
    assert "<dt>Site</dt><dd>Youth hub</dd>" in confirm.get_data(as_text=True)
    assert 1 == len(entries(db)), "asking deletes nothing"
    token = form_token(staff, f"{URL}/{entry['id']}/delete")
    response = staff.post(f"{URL}/{entry['id']}/delete", data={"csrf_token": token})
    assert (302, URL) == (response.status_code, response.headers["Location"])
    assert [] == entries(db)
    assert ("deleted a You said, we did entry", "site youth-hub, 2026-11-20") == audit_of(staff_db)[
        -1
    ]


def test_deleting_needs_the_token_and_an_entry_that_exists(staff, db):
    add(staff)
    [entry] = storage.you_said_entries(db)
    assert 400 == staff.post(f"{URL}/{entry['id']}/delete").status_code
    token = form_token(staff, URL)
    assert 404 == staff.post(f"{URL}/{'0' * 32}/delete", data={"csrf_token": token}).status_code
    assert 404 == staff.get(f"{URL}/{'0' * 32}/delete").status_code
    assert 1 == len(entries(db))


# Children read them


def add_entries(db, site, count, first=datetime.date(2026, 11, 1)):
    for day in range(count):
        date = first + datetime.timedelta(days=day)
        storage.add_you_said(db, site, f"heard {date}", f"did {date}", date)


def test_the_public_page_shows_the_sites_latest_entries_in_childrens_words(client, db):
    add_entries(db, "youth-hub", 12)
    add_entries(db, "waiting-room-a", 1, first=datetime.date(2026, 11, 30))
    response = client.get("/you-said-we-did/youth-hub")
    assert 200 == response.status_code
    page = text_of(response)
    expected = [f"heard 2026-11-{day:02d}" for day in range(12, 2, -1)]
    assert expected == said_and_did(page)
    assert "We did:</strong> did 2026-11-12" in page
    assert "Youth hub" in page
    assert "0800 1111" in page
    assert response.headers.get("Set-Cookie") is None


def test_the_public_page_says_so_kindly_when_there_is_nothing_yet(client):
    page = text_of(client.get("/you-said-we-did/waiting-room-a"))
    assert "Nothing here yet." in page


def test_an_unknown_site_has_a_friendly_not_found_page(client):
    response = client.get("/you-said-we-did/nowhere")
    assert 404 == response.status_code
    assert "We could not find that page." in text_of(response)


def test_the_kiosk_thank_you_shows_the_latest_three(client, db):
    add_entries(db, "waiting-room-a", 5)
    add_entries(db, "youth-hub", 1, first=datetime.date(2026, 11, 30))
    page = text_of(client.get("/kiosk/waiting-room-a"))
    thanks = page.split('data-screen="thanks"')[1]
    assert ["heard 2026-11-05", "heard 2026-11-04", "heard 2026-11-03"] == said_and_did(thanks)
    assert "You said: heard 2026-11-05 We did: did 2026-11-05" in thanks.split(">")[0]


def test_the_kiosk_thank_you_has_no_such_part_without_entries(client):
    assert "You said, we did" not in client.get("/kiosk/waiting-room-a").get_data(as_text=True)


# Junk


JUNK = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
field_names = st.sampled_from(["site", "heard", "did", "date"]) | st.text(max_size=8)
field_values = st.sampled_from(
    ["youth-hub", "2026-11-20", "9999-12-31", "0001-01-01", "More games"]
) | st.text(max_size=400)


@JUNK
@given(form=st.dictionaries(field_names, field_values, max_size=6), with_token=st.booleans())
def test_junk_at_the_entry_form_is_never_a_500(staff, db, form, with_token):
    if with_token:
        form = {**form, "csrf_token": form_token(staff, URL)}
    before = len(entries(db))
    response = staff.post(URL, data=form)
    assert response.status_code in {302, 400, 422}, response.get_data()[:300]
    assert before + (response.status_code == 302) == len(entries(db))


@JUNK
@given(entry_id=st.text(max_size=40), with_token=st.booleans())
def test_junk_at_delete_is_never_a_500(staff, entry_id, with_token):
    form = {"csrf_token": form_token(staff, URL)} if with_token else {}
    response = staff.post(f"{URL}/{entry_id.replace('/', '') or 'x'}/delete", data=form)
    assert response.status_code in {302, 400, 404, 405}, response.get_data()[:300]


def test_an_entry_can_be_begun_from_a_comment(staff, db):
    from tests.conftest import send_feedback

    send_feedback(staff.application.test_client(), site="youth-hub", text="more beanbags please")
    [comment] = storage.comments_for_site(db, "youth-hub")
    comments_page = staff.get(f"/admin/comments?week={comment['week']}").text
    assert f"/admin/you-said-we-did?from={comment['id']}" in comments_page
    page = staff.get(f"/admin/you-said-we-did?from={comment['id']}").text
    assert "more beanbags please</textarea>" in page
    assert '<option selected value="youth-hub">' in page or 'value="youth-hub" selected' in page
    # An unknown comment starts an empty entry, as usual.
    assert 200 == staff.get("/admin/you-said-we-did?from=nothing").status_code
