"""Every page in the staff area's header has a short, plain title: what a browser
tab, a bookmark and a screen reader announce first."""

import re

import pytest
from flask import url_for

from admin import NAV
from tests.conftest import make_account, sign_in

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.fixture
def every_role(app, client):
    """The first account: every role, so every page opens."""
    assert 0 == make_account(app).exit_code
    assert 302 == sign_in(client).status_code
    return client


@pytest.mark.parametrize(("endpoint", "label"), NAV)
def test_each_staff_page_has_a_short_plain_title(app, every_role, endpoint, label):
    with app.test_request_context():
        address = url_for(endpoint)
    page = every_role.get(address).get_data(as_text=True)
    [title] = TITLE.findall(page)
    assert "<" not in title and "\n" not in title.strip(), title[:200]
    assert title.endswith(" – Feedback kiosk") and len(title) < 80, title
