"""Sites in the staff area: add, rename, retire and reopen, each audited; bad
input is a plain 4xx; a retired site's kiosk and feedback box rest kindly."""

import pytest

from kiosk import create_app, storage
from kiosk.storage.sites import InvalidSite, slug_from_name
from tests.conftest import (
    KioskClient,
    all_answers,
    feedback_page_fields,
    form_token,
    make_config,
    new_submission_id,
)


def post(client, url, **fields):
    token = form_token(client, "/admin/sites")
    return client.post(url, data={"csrf_token": token, **fields})


def site_actions(staff_db) -> list[tuple[str, str]]:
    return [
        (entry["action"], entry["detail"])
        for entry in storage.audit_entries(staff_db)
        if "site" in entry["action"]
    ]


def test_the_sites_page_lists_every_site_and_its_addresses(staff):
    page = staff.get("/admin/sites").get_data(as_text=True)
    assert "Waiting room A" in page and "Youth hub" in page
    assert 'href="/kiosk/youth-hub"' in page and 'href="/feedback/youth-hub"' in page
    assert "cannot be" in page and "retired" in page  # beside the default site


def test_adding_a_site_makes_its_slug_from_the_name(staff, db, staff_db):
    response = post(staff, "/admin/sites", name="  Youth Hub (Leek) ", slug="")
    assert (302, "/admin/sites") == (response.status_code, response.headers["Location"])
    assert {
        "slug": "youth-hub-leek",
        "name": "Youth Hub (Leek)",
        "retired": 0,
        "kiosk_survey": "child-evaluation",
        "languages": ["en", "pl", "ro", "ur", "ar", "pa"],
        "default_language": "en",
    } == (storage.find_site(db, "youth-hub-leek"))
    assert [("added a site", "youth-hub-leek")] == site_actions(staff_db)
    assert "Its kiosk is at /kiosk/youth-hub-leek" in staff.get("/admin/sites").get_data(
        as_text=True
    )
    assert 200 == staff.get("/kiosk/youth-hub-leek").status_code


def test_adding_a_site_with_a_typed_slug(staff, db):
    assert 302 == post(staff, "/admin/sites", name="Family room", slug="room-2").status_code
    assert "Family room" == storage.find_site(db, "room-2")["name"]


@pytest.mark.parametrize(
    ("name", "slug", "status", "words"),
    [
        ("Room", "Room Two", 422, "small letters, digits and dashes"),
        ("Room", "-room", 422, "small letters, digits and dashes"),
        ("Room", "x" * 41, 422, "small letters, digits and dashes"),
        ("Room", "café", 422, "small letters, digits and dashes"),
        ("Token", "", 422, "already used by another page"),
        ("Room", "withdraw", 422, "already used by another page"),
        ("Room", "admin", 422, "already used by another page"),
        ("Room", "static", 422, "already used by another page"),
        ("", "room", 422, "Please give the site a name"),
        ("!!!", "", 422, "small letters, digits and dashes"),
        ("A" * 81, "room", 422, "at most 80 letters"),
        ("Two\nlines", "room", 422, "at most 80 letters"),
        ("Another youth hub", "youth-hub", 409, "already a site at “youth-hub”"),
    ],
)
def test_a_bad_or_taken_slug_or_name_is_refused(staff, db, name, slug, status, words, staff_db):
    response = post(staff, "/admin/sites", name=name, slug=slug)
    assert status == response.status_code
    assert words in response.get_data(as_text=True)
    assert ["waiting-room-a", "youth-hub"] == sorted(s["slug"] for s in storage.list_sites(db))
    assert [] == site_actions(staff_db)


def test_adding_without_the_form_token_stores_nothing(staff, db):
    response = staff.post("/admin/sites", data={"name": "Room", "slug": "room"})
    assert 400 == response.status_code
    assert storage.find_site(db, "room") is None


@pytest.mark.parametrize("action", ["rename", "retire", "reopen"])
def test_changing_a_site_without_the_form_token_changes_nothing(staff, db, action, staff_db):
    storage.set_site_retired(db, "youth-hub", action == "reopen")
    response = staff.post(f"/admin/sites/youth-hub/{action}", data={"name": "Somewhere else"})
    assert 400 == response.status_code
    site = storage.find_site(db, "youth-hub")
    assert ("Youth hub", action == "reopen") == (site["name"], bool(site["retired"]))
    assert [] == site_actions(staff_db)


def test_renaming_keeps_the_address_and_is_audited(staff, db, staff_db):
    response = post(staff, "/admin/sites/youth-hub/rename", name="Youth hub, Leek")
    assert 302 == response.status_code
    assert "Youth hub, Leek" == storage.find_site(db, "youth-hub")["name"]
    assert [("renamed a site", "youth-hub: Youth hub → Youth hub, Leek")] == site_actions(staff_db)
    assert "Youth hub, Leek" in staff.get("/feedback/youth-hub").get_data(as_text=True)


@pytest.mark.parametrize(("name", "status"), [("", 422), ("   ", 422), ("B" * 200, 422)])
def test_a_bad_new_name_is_refused(staff, db, name, status, staff_db):
    assert status == post(staff, "/admin/sites/youth-hub/rename", name=name).status_code
    assert "Youth hub" == storage.find_site(db, "youth-hub")["name"]
    assert [] == site_actions(staff_db)


@pytest.mark.parametrize("action", ["rename", "retire", "reopen"])
def test_an_unknown_site_is_a_404(staff, action):
    assert 404 == post(staff, f"/admin/sites/nowhere/{action}", name="X").status_code


def test_a_rename_survives_the_next_start(app, staff, db, tmp_path):
    post(staff, "/admin/sites/youth-hub/rename", name="The hub")
    config = make_config(tmp_path, SITES={**app.config["SITES"], "new-room": "New room"})
    create_app(config)
    assert "The hub" == storage.find_site(db, "youth-hub")["name"]
    assert "New room" == storage.find_site(db, "new-room")["name"]


def test_retiring_and_reopening_a_site(staff, db, staff_db):
    assert 302 == post(staff, "/admin/sites/youth-hub/retire").status_code
    assert 1 == storage.find_site(db, "youth-hub")["retired"]
    page = staff.get("/admin/sites").get_data(as_text=True)
    assert "Youth hub is resting." in page and "Reopen" in page
    assert 302 == post(staff, "/admin/sites/youth-hub/reopen").status_code
    assert 0 == storage.find_site(db, "youth-hub")["retired"]
    assert [("reopened a site", "youth-hub"), ("retired a site", "youth-hub")] == site_actions(
        staff_db
    )


def test_the_default_site_cannot_be_retired(staff, db, staff_db):
    response = post(staff, "/admin/sites/waiting-room-a/retire")
    assert 409 == response.status_code
    assert "cannot be retired" in response.get_data(as_text=True)
    assert 0 == storage.find_site(db, "waiting-room-a")["retired"]
    assert [] == site_actions(staff_db)


def test_strangers_cannot_change_sites(client, db):
    token = form_token(client, "/admin/sign-in")
    response = client.post("/admin/sites/youth-hub/retire", data={"csrf_token": token})
    assert 302 == response.status_code
    assert "/admin/sign-in" in response.headers["Location"]
    assert 0 == storage.find_site(db, "youth-hub")["retired"]


@pytest.mark.parametrize("address", ["/kiosk/youth-hub", "/feedback/youth-hub"])
def test_a_retired_site_rests_kindly(client, db, address):
    storage.set_site_retired(db, "youth-hub", True)
    response = client.get(address)
    page = response.get_data(as_text=True)
    assert 410 == response.status_code
    assert "This kiosk is resting" in page and "Thank you for your ideas" in page
    assert "0800 1111" in page and "999" in page and "adult you trust" in page
    assert 'action="' not in page  # nothing to send from here


def test_a_retired_site_still_takes_what_was_queued_before(client, db):
    fields = feedback_page_fields(client, "youth-hub")
    storage.set_site_retired(db, "youth-hub", True)
    body = {"id": new_submission_id(), "answers": all_answers("no")}
    assert 201 == KioskClient(client).submit("youth-hub", body).status_code
    sent = client.post("/feedback/youth-hub", data={**fields, "text": "Bye bye fish tank"})
    assert 201 == sent.status_code
    assert 1 == storage.count_submissions(db, "youth-hub")
    assert ["Bye bye fish tank"] == [c["text"] for c in storage.comments_for_site(db, "youth-hub")]


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Youth Hub (Leek)", "youth-hub-leek"), ("Café Über", "cafe-uber"), ("  --  ", "")],
)
def test_slug_from_name(name, slug):
    assert slug == slug_from_name(name)


def test_storage_refuses_a_reserved_slug_itself(db):
    with pytest.raises(InvalidSite):
        storage.add_site(db, "token", "Token")
