"""Co-production groups: start one, open it, change it; bad input is refused
with a plain message and keeps nothing."""

import pytest

from kiosk import storage
from tests.conftest import form_token, make_account, sign_in

GROUPS = "/admin/co-production"


def start_group(staff, **fields):
    data = {
        "csrf_token": form_token(staff, GROUPS),
        "name": "Young Voices",
        "site": "waiting-room-a",
        "audience": "children",
        "surveys": ["child-evaluation"],
        **fields,
    }
    return staff.post(GROUPS, data=data)


def test_a_new_group_opens_on_its_own_page(staff, db):
    reply = start_group(staff)
    assert reply.status_code == 302
    assert reply.headers["Location"].endswith("/admin/co-production/young-voices")
    page = staff.get("/admin/co-production/young-voices").get_data(as_text=True)
    assert "<h1>Young Voices</h1>" in page
    assert "Children, at Waiting room A" in page
    assert "Co-production evaluation for children" in page
    assert "Young Voices" in staff.get(GROUPS).get_data(as_text=True)
    assert storage.find_group(db, "young-voices")["surveys"] == ["child-evaluation"]


def test_two_groups_with_one_name_get_two_addresses(staff, db):
    start_group(staff)
    assert start_group(staff).headers["Location"].endswith("/young-voices-2")
    assert [g["slug"] for g in storage.list_groups(db)] == ["young-voices", "young-voices-2"]


@pytest.mark.parametrize("name", ["Principles", "Admin", "!!!"])
def test_a_group_never_takes_the_address_of_another_page(staff, db, name):
    reply = start_group(staff, name=name)
    assert reply.headers["Location"].endswith("/admin/co-production/group")
    assert staff.get("/admin/co-production/principles").status_code == 200


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "  "}, "Please give the group a name"),
        ({"name": "x" * 81}, "Please give the group a name"),
        ({"site": "nowhere"}, "Please choose one of the sites."),
        ({"audience": "pets"}, "Please choose who the group is for."),
        ({"surveys": ["no-such-survey"]}, "Please choose surveys from the list."),
    ],
)
def test_bad_fields_are_refused_and_nothing_is_kept(staff, db, fields, message):
    reply = start_group(staff, **fields)
    assert reply.status_code == 422
    assert message in reply.get_data(as_text=True)
    assert storage.list_groups(db) == []


def test_settings_change_the_group_but_never_its_address(staff, db):
    start_group(staff)
    address = "/admin/co-production/young-voices/settings"
    reply = staff.post(
        address,
        data={
            "csrf_token": form_token(staff, address),
            "name": "Voices Together",
            "site": "waiting-room-a",
            "audience": "mixed",
            "surveys": ["child-evaluation", "adult-evaluation"],
        },
    )
    assert reply.status_code == 302
    group = storage.find_group(db, "young-voices")
    assert (group["name"], group["audience"]) == ("Voices Together", "mixed")
    assert group["surveys"] == ["adult-evaluation", "child-evaluation"]


def test_an_unknown_group_says_so(staff):
    reply = staff.get("/admin/co-production/nobody-here")
    assert reply.status_code == 404
    assert "There is no co-production group at this address" in reply.get_data(as_text=True)


def test_an_account_without_the_staff_role_is_told_and_nothing_is_kept(app, client, db):
    assert 0 == make_account(app).exit_code
    assert 0 == make_account(app, "lee", role="safeguarding-lead").exit_code
    sign_in(client, "lee")
    page = client.get(GROUPS)
    assert page.status_code == 403
    assert "Your account cannot open this page" in page.get_data(as_text=True)
    reply = client.post(GROUPS, data={"name": "Sneaky", "site": "waiting-room-a"})
    assert reply.status_code in (400, 403)
    assert storage.list_groups(db) == []
