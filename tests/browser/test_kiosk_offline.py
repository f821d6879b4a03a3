"""The tablet's Wi-Fi drops: taps and Send keep working, and the answers arrive
later, exactly once."""

import pytest
from playwright.sync_api import expect

from kiosk import storage

QUEUE_EMPTY = "() => !localStorage.getItem('kiosk-submissions-waiting')"


def stored_count(live_server):
    db = storage.open_database(live_server.app.config["DATABASE"])
    count = storage.count_submissions(db)
    db.close()
    return count


def send_four_answers(page):
    page.get_by_role("button", name="Start").click()
    for word in ["Yes", "Sometimes", "No", "Yes"]:
        page.get_by_role("button", name=word, exact=True).click()
    page.get_by_role("button", name="Send").click()


def test_answers_sent_offline_arrive_once_when_back_online(page, context, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    context.set_offline(True)
    send_four_answers(page)
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text("1 waiting to be sent")).to_be_visible()
    assert 0 == stored_count(live_server)

    context.set_offline(False)
    page.wait_for_function(QUEUE_EMPTY)
    expect(page.get_by_text("1 waiting to be sent")).to_be_hidden()
    assert 1 == stored_count(live_server)

    page.reload()
    page.wait_for_timeout(300)
    assert 1 == stored_count(live_server)


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
    send_four_answers(page)
    page.wait_for_function(QUEUE_EMPTY, timeout=15_000)
    assert 2 == len(attempts)
    assert attempts[0] == attempts[1]
    assert 1 == stored_count(live_server)


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_TIME_LIMIT": 1}])
def test_a_page_left_open_past_its_form_token_still_sends(page, live_server):
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    page.wait_for_timeout(2_100)
    send_four_answers(page)
    page.wait_for_function(QUEUE_EMPTY)
    assert 1 == stored_count(live_server)


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
    context.set_offline(True)
    send_four_answers(page)
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text("1 waiting to be sent")).to_be_visible()
    assert 0 == stored_count(live_server)

    context.set_offline(False)
    expect(page.get_by_text("1 waiting to be sent")).to_be_hidden(timeout=15_000)
    assert 1 == stored_count(live_server)


def test_tell_us_more_is_hidden_while_offline(page, context, live_server):
    """Offline, "Tell us more" would open the browser's error page, with no way
    back to the start for the next child: it shows only once the answers are sent."""
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    context.set_offline(True)
    send_four_answers(page)
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    expect(page.get_by_role("button", name="Finish")).to_be_visible()
    expect(page.get_by_role("link", name="Tell us more")).to_be_hidden()

    context.set_offline(False)
    expect(page.get_by_role("link", name="Tell us more")).to_be_visible()
    assert 1 == stored_count(live_server)


def test_tell_us_more_is_hidden_while_answers_wait(page, live_server):
    """Online, but the server cannot take the answers yet: they are still
    waiting, so the tablet does not leave this page."""
    page.route("**/submissions", lambda route: route.abort("connectionrefused"))
    page.goto(live_server.url + "/kiosk/waiting-room-a")
    send_four_answers(page)
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    expect(page.get_by_role("button", name="Finish")).to_be_visible()
    expect(page.get_by_role("link", name="Tell us more")).to_be_hidden()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text("1 waiting to be sent")).to_be_visible()
