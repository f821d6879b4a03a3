"""Tablet health on the Sites page: each site and tablet shows the date of its
last answers, dates only, so staff notice a tablet that has gone quiet."""

import datetime
import re

from kiosk import storage
from kiosk.surveys import tablets
from tests.conftest import all_answers, bearer, new_submission_id
from tests.test_posters import words


def in_words(day: datetime.date) -> str:
    words = f"{day:%A} {day.day} {day:%B}"
    return words if day.year == datetime.date.today().year else f"{words} {day.year}"


def tablet_row(page: str, name: str) -> str:
    row = re.search(rf"<tr>\s*<th scope=\"row\">{name}</th>.*?</tr>", page, re.S)
    return words(row[0])


def tablets_section(page: str, slug: str) -> str:
    return words(re.search(rf'aria-labelledby="tablets-{slug}">(.*?)</section>', page, re.S)[1])


def send(client, token, site="waiting-room-a", day=None):
    day = day or datetime.date.today()
    body = {"id": new_submission_id(), "answers": all_answers(), "date": day.isoformat()}
    return client.post(f"/kiosk/{site}/submissions", json=body, headers=bearer(token))


def test_a_tablet_that_sent_answers_shows_the_day_they_arrived(app, staff, staff_db, today):
    token = tablets.enrol_at_once(staff_db, "waiting-room-a", "By the door", today)
    tablets.enrol_at_once(staff_db, "waiting-room-a", "In the hall", today)
    assert 201 == send(staff, token).status_code
    page = staff.get("/admin/sites").get_data(as_text=True)
    assert f"By the door {in_words(today)} {in_words(today)} Stop" in tablet_row(
        page, "By the door"
    )
    assert "No answers from a tablet yet" in tablet_row(page, "In the hall")
    here = tablets_section(page, "waiting-room-a")
    assert f"Answers last arrived from its tablets: {in_words(today)}" in here
    assert "quiet" not in here
    assert tablets_section(page, "youth-hub").startswith("Youth hub No answers from a tablet yet")


def test_the_tablet_shows_the_day_of_arrival_not_the_day_answered(app, staff, staff_db, today):
    """A tablet sending last week's queue today is alive today: that is the point."""
    # Set up a month ago: on the 1st to 3rd of a month, "the 1st" came after three days ago.
    set_up = today - datetime.timedelta(days=30)
    token = tablets.enrol_at_once(staff_db, "waiting-room-a", "By the door", set_up)
    three_days_ago = today - datetime.timedelta(days=3)
    assert 201 == send(staff, token, day=three_days_ago).status_code
    page = staff.get("/admin/sites").get_data(as_text=True)
    assert in_words(today) in tablet_row(page, "By the door")
    assert f"Answers last arrived from its tablets: {in_words(today)}" in words(page)
    assert [(today.isoformat(),)] == staff_db.execute(
        "SELECT last_answers_on FROM tablets WHERE name = 'By the door'"
    ).fetchall()


def test_a_tablet_quiet_for_more_than_a_week_is_marked(staff, staff_db, today):
    token = tablets.enrol_at_once(staff_db, "youth-hub", "Front desk", today)
    eight_days_ago = today - datetime.timedelta(days=8)
    storage.note_answers_arrived(staff_db, tablets.token_hash(token), eight_days_ago)
    row = tablet_row(staff.get("/admin/sites").get_data(as_text=True), "Front desk")
    assert f"{in_words(eight_days_ago)} quiet for 8 days" in row


def test_a_week_is_not_quiet_yet(staff, staff_db, today):
    token = tablets.enrol_at_once(staff_db, "youth-hub", "Front desk", today)
    storage.note_answers_arrived(staff_db, tablets.token_hash(token), today - datetime.timedelta(7))
    page = staff.get("/admin/sites").get_data(as_text=True)
    assert "quiet for" not in tablet_row(page, "Front desk")


def test_a_resting_site_is_never_quiet(app, staff, staff_db, today):
    token = tablets.enrol_at_once(staff_db, "youth-hub", "Front desk", today)
    storage.note_answers_arrived(
        staff_db, tablets.token_hash(token), today - datetime.timedelta(30)
    )
    db = storage.open_database(app.config["DATABASE"])
    try:
        storage.set_site_retired(db, "youth-hub", True)
    finally:
        db.close()
    row = tablet_row(staff.get("/admin/sites").get_data(as_text=True), "Front desk")
    assert in_words(today - datetime.timedelta(30)) in row and "quiet" not in row


def test_the_date_never_goes_back_and_is_only_a_date(staff_db, today):
    token = tablets.enrol_at_once(staff_db, "youth-hub", "Front desk", today)
    key = tablets.token_hash(token)
    storage.note_answers_arrived(staff_db, key, today)
    storage.note_answers_arrived(staff_db, key, today - datetime.timedelta(days=2))
    assert [(today.isoformat(),)] == staff_db.execute(
        "SELECT last_answers_on FROM tablets WHERE token_hash = ?", [key]
    ).fetchall()


def test_refused_and_repeated_answers_do_not_count_as_arrivals(app, client, staff_db, today):
    token = tablets.enrol_at_once(staff_db, "youth-hub", "Front desk", today)
    body = {"id": new_submission_id(), "answers": {"safe": "maybe"}}
    assert (
        422
        == client.post("/kiosk/youth-hub/submissions", json=body, headers=bearer(token)).status_code
    )
    assert 403 == send(client, token, site="waiting-room-a").status_code
    assert [(None,)] == staff_db.execute("SELECT last_answers_on FROM tablets").fetchall()


def test_a_tablet_set_up_again_keeps_its_last_answers_day(staff_db, today):
    """Set up again with its old token (kiosk/surveys/tablets.pair), a tablet
    is the same tablet: its quiet spell does not start over."""
    old = tablets.enrol_at_once(staff_db, "youth-hub", "Front desk", today)
    long_ago = today - datetime.timedelta(days=20)
    storage.note_answers_arrived(staff_db, tablets.token_hash(old), long_ago)
    code = tablets.make_pairing_code(staff_db, "youth-hub", "Front desk", "s", 0.0)
    assert tablets.pair(staff_db, "youth-hub", code, old, "s", today, 1.0)
    assert [long_ago.isoformat()] == [
        t["last_answers_on"] for t in storage.working_tablets(staff_db)
    ]


def test_a_sites_line_is_its_latest_tablet_stopped_ones_too(staff, staff_db, today):
    """A stopped tablet's last answers still came from the site."""
    tablets.enrol_at_once(staff_db, "youth-hub", "Old one", today)
    new = tablets.enrol_at_once(staff_db, "youth-hub", "New one", today)
    other = tablets.enrol_at_once(staff_db, "waiting-room-a", "Elsewhere", today)
    two_days_ago, five_days_ago = today - datetime.timedelta(2), today - datetime.timedelta(5)
    old_key = staff_db.execute("SELECT token_hash FROM tablets WHERE name = 'Old one'").fetchone()
    storage.note_answers_arrived(staff_db, old_key[0], two_days_ago)
    storage.note_answers_arrived(staff_db, tablets.token_hash(new), five_days_ago)
    storage.note_answers_arrived(staff_db, tablets.token_hash(other), today)
    old_id = staff_db.execute("SELECT id FROM tablets WHERE name = 'Old one'").fetchone()[0]
    storage.revoke_tablet(staff_db, old_id, today)
    page = staff.get("/admin/sites").get_data(as_text=True)
    hub = tablets_section(page, "youth-hub")
    assert hub.startswith(
        f"Youth hub Answers last arrived from its tablets: {in_words(two_days_ago)}"
    )
    assert "Old one" not in hub and in_words(five_days_ago) in tablet_row(page, "New one")
