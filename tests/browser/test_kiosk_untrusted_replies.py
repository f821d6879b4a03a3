"""Only our server's own word removes a child's answers from the tablet.

A waiting room's Wi-Fi may put a sign-in page, a proxy or a login wall between
the tablet and the server. Their replies are not "stored" and not "refused":
the answers wait and go once the way is clear, exactly once."""

import datetime

import pytest

from kiosk import storage
from tests.browser.conftest import QUEUE_EMPTY, answer_at_the_kiosk, read_stored
from tests.browser.kiosk_checks import staff_see_waiting

PORTAL_PAGE = "<!doctype html><title>Wi-Fi</title><h1>Sign in to use the Wi-Fi</h1>"


def portal_reply(route, kind):
    """What a captive portal or proxy answers in place of our server."""
    if kind == "redirect":
        # To a page on the same address that our server does not have: even
        # its JSON "not found" is not an answer to the submission.
        route.fulfill(status=302, headers={"Location": "/wifi-sign-in"})
    else:
        route.fulfill(status=kind, content_type="text/html", body=PORTAL_PAGE)


@pytest.mark.parametrize("kind", [200, "redirect", 401, 403, 404, 407])
def test_a_portal_reply_keeps_the_answers_until_the_server_takes_them(page, live_server, kind):
    attempts = []

    def portal_first(route):
        attempts.append(route.request.post_data_json["id"])
        if len(attempts) == 1:
            portal_reply(route, kind)
        else:
            route.continue_()

    page.route("**/submissions", portal_first)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page)
    page.get_by_role("button", name="Finish").click()
    # The first reply was the portal's: nothing stored yet, the answers wait.
    assert 0 == len(read_stored(live_server, storage.submissions_for_site, "waiting-room-a"))

    page.wait_for_function(QUEUE_EMPTY, timeout=15_000)
    staff_see_waiting(page, "Nothing waiting to be sent")
    assert 2 == len(attempts)
    assert attempts[0] == attempts[1]
    assert 1 == len(read_stored(live_server, storage.submissions_for_site, "waiting-room-a"))


def test_a_tablet_clock_days_ahead_still_has_its_answers_kept(page, live_server):
    """The server would once refuse a date in the future and the tablet would
    drop the answers; now they count today."""
    page.clock.set_system_time(datetime.datetime.now() + datetime.timedelta(days=40))
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page, wait_until_sent=True)
    [row] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    assert row["date"] == datetime.date.today().isoformat()
