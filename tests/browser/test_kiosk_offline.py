"""The tablet's Wi-Fi drops: taps and Send keep working, and the answers arrive
later, exactly once."""

import pytest
from playwright.sync_api import expect

from kiosk import storage
from tests.browser.conftest import (
    QUEUE_EMPTY,
    answer_at_the_kiosk,
    go_offline,
    read_stored,
    wait_until_kept,
)
from tests.browser.kiosk_checks import staff_notice, staff_see_waiting


def test_answers_sent_offline_arrive_once_when_back_online(page, context, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    go_offline(page)
    answer_at_the_kiosk(page)
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    page.get_by_role("button", name="Finish").click()
    staff_see_waiting(page, "1 answer waiting to be sent")
    assert 0 == read_stored(live_server, storage.count_submissions)

    context.set_offline(False)
    page.wait_for_function(QUEUE_EMPTY)
    staff_see_waiting(page, "Nothing waiting to be sent")
    assert 1 == read_stored(live_server, storage.count_submissions)


@pytest.mark.browser_context_args(service_workers="allow")
def test_a_reload_while_offline_keeps_the_answers_and_sends_them_once(page, context, live_server):
    """Someone reloads the tablet while the Wi-Fi is down and answers wait: the
    kiosk opens again from what the tablet keeps (kiosk/templates/kiosk/sw.js), the
    answers stay on the tablet, and when the Wi-Fi is back they arrive, stored
    exactly once.

    Checked on the server, not by counting requests with a Playwright route:
    around a reload while offline, Chromium now and then let a request past
    set_offline and past the route (about three runs in ten, busy or not), and
    once the page is the service worker's, past set_offline alone (1 run in 7).
    So the server is stopped too while the Wi-Fi is down: nothing can arrive."""
    kiosk = live_server.url + "/kiosk/waiting-room-a"
    page.goto(kiosk)
    wait_until_kept(page, kiosk)
    go_offline(page)
    live_server.stop()
    answer_at_the_kiosk(page)
    page.get_by_role("button", name="Finish").click()
    staff_see_waiting(page, "1 answer waiting to be sent")

    page.reload()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    staff_see_waiting(page, "1 answer waiting to be sent")
    assert 0 == read_stored(live_server, storage.count_submissions)

    live_server.start_again()
    context.set_offline(False)
    page.wait_for_function(QUEUE_EMPTY)
    staff_see_waiting(page, "Nothing waiting to be sent")
    [stored] = read_stored(live_server, storage.submissions_for_site, "waiting-room-a")
    assert '{"safe":"yes","talk":"sometimes","team":"no","ideas":"yes"}' == stored["answers"]


def test_a_lost_acknowledgement_does_not_store_twice(page, live_server):
    """The server stores the answers but the reply never reaches the tablet:
    the page tries again, hears "already have these", and stops."""
    attempts = []

    def drop_first_reply(route):
        attempts.append(route.request.post_data_json["id"])
        response = route.fetch()
        if len(attempts) == 1:
            route.abort("connectionreset")
        else:
            route.fulfill(response=response)

    page.route("**/submissions", drop_first_reply)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page)
    page.wait_for_function(QUEUE_EMPTY, timeout=15_000)
    assert 2 == len(attempts)
    assert attempts[0] == attempts[1]
    assert 1 == read_stored(live_server, storage.count_submissions)


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_TIME_LIMIT": 1}])
def test_the_kiosk_sends_with_no_form_token_so_none_can_go_stale(page, context, live_server):
    """The kiosk never fetches or sends a form token (the submit endpoint takes
    JSON only and needs none), so how long a token lives cannot matter. This
    checks that the send carries no token and no cookie, and is stored even
    with tokens that expire after one second and a page older than that."""
    sent_headers = []

    def record_headers(route):
        sent_headers.append(route.request.all_headers())
        route.continue_()

    page.route("**/submissions", record_headers)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    # Two whole seconds, so a token made at page load would have expired
    # (token ages count in whole seconds). The server's clock cannot be moved
    # from the browser, so this one wait is real time.
    page.wait_for_timeout(2_100)
    answer_at_the_kiosk(page, wait_until_sent=True)
    assert 1 == read_stored(live_server, storage.count_submissions)
    [headers] = sent_headers
    assert "x-csrftoken" not in headers
    assert "cookie" not in headers
    assert [] == context.cookies()


FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("The tablet's storage is full.", "QuotaExceededError");
};
"""


def test_answers_sent_offline_with_full_storage_still_arrive(page, context, live_server):
    """The tablet's storage is full or turned off: the page keeps the answers
    in its memory, and sends them when the internet is back."""
    page.add_init_script(FULL_STORAGE)
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    go_offline(page)
    answer_at_the_kiosk(page)
    page.get_by_role("button", name="Finish").click()
    # Staff hold the site name: the notice follows the answers as they go.
    notice = staff_notice(page)
    expect(notice).to_contain_text("1 answer waiting to be sent")
    assert 0 == read_stored(live_server, storage.count_submissions)

    context.set_offline(False)
    expect(notice).to_contain_text("Nothing waiting to be sent", timeout=15_000)
    assert 1 == read_stored(live_server, storage.count_submissions)


def test_tell_us_more_is_hidden_while_offline(page, context, live_server):
    """Offline, "Tell us more" would open the browser's error page, with no way
    back to the start for the next child: it shows only once the answers are sent."""
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    go_offline(page)
    answer_at_the_kiosk(page)
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    expect(page.get_by_role("button", name="Finish")).to_be_visible()
    expect(page.get_by_role("link", name="Tell us more")).to_be_hidden()

    context.set_offline(False)
    expect(page.get_by_role("link", name="Tell us more")).to_be_visible()
    assert 1 == read_stored(live_server, storage.count_submissions)


def test_tell_us_more_is_hidden_while_answers_wait(page, live_server):
    """Online, but the server cannot take the answers yet: they are still
    waiting, so the tablet does not leave this page."""
    page.route("**/submissions", lambda route: route.abort("connectionrefused"))
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    answer_at_the_kiosk(page)
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    expect(page.get_by_role("button", name="Finish")).to_be_visible()
    expect(page.get_by_role("link", name="Tell us more")).to_be_hidden()
    page.get_by_role("button", name="Finish").click()
    staff_see_waiting(page, "1 answer waiting to be sent")
