"""The app answers only the hosts it is for: a stranger's Host header gets a
plain 400, never a redirect or a link to somewhere else, and never a 500."""

import pytest

from kiosk import create_app
from kiosk.app.factory import PROJECT_ROOT
from tests.conftest import make_config

PLAIN_400 = "Something in that request was not right."
EVIL = {"Host": "evil.example"}


def test_a_stranger_host_is_refused_not_redirected_to(client):
    # The same request for this host is redirected (so this could fail)...
    assert "http://localhost/admin/sites" == client.get("/admin//sites").headers["Location"]
    # ...and for another host it goes nowhere.
    response = client.get("/admin//sites", headers=EVIL)
    assert (400, None) == (response.status_code, response.headers.get("Location"))


@pytest.mark.parametrize("path", ["/", "/kiosk/waiting-room-a", "/admin/sign-in", "/nowhere"])
def test_a_refused_host_gets_the_plain_message_as_text(client, path):
    response = client.get(path, headers=EVIL)
    assert (400, "text/plain", PLAIN_400) == (
        response.status_code,
        response.mimetype,
        response.get_data(as_text=True),
    )


def test_a_refused_host_gets_the_plain_message_as_json_when_it_asks_for_json(client):
    response = client.post("/kiosk/waiting-room-a/submissions", json={}, headers=EVIL)
    assert (400, {"status": "error", "message": PLAIN_400}) == (
        response.status_code,
        response.get_json(),
    )


def test_a_host_header_that_is_not_a_host_name_is_a_400(client):
    assert 400 == client.get("/", headers={"Host": "bad host!"}).status_code


@pytest.mark.parametrize(
    "host",
    ["feedback.example.org", "feedback.example.org:8443", "localhost:5000", "127.0.0.1:8000"],
)
def test_the_public_address_and_this_machine_are_answered(tmp_path, host):
    app = create_app(make_config(tmp_path, PUBLIC_BASE_URL="https://feedback.example.org:8443"))
    assert 200 == app.test_client().get("/admin/sign-in", headers={"Host": host}).status_code


def test_trusted_hosts_from_the_settings_replace_the_default(tmp_path):
    app = create_app(make_config(tmp_path, TRUSTED_HOSTS=["kiosk.example"]))
    client = app.test_client()
    statuses = [
        client.get("/admin/sign-in", headers={"Host": h}).status_code
        for h in ["kiosk.example", "localhost"]
    ]
    assert [200, 400] == statuses


def test_trusted_hosts_can_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_CONFIG", str(PROJECT_ROOT / "config.toml"))
    monkeypatch.setenv("KIOSK_DATABASE", str(tmp_path / "kiosk.db"))
    monkeypatch.setenv("KIOSK_SECRET_KEY", "hosts-test")
    monkeypatch.setenv("KIOSK_TRUSTED_HOSTS", '["kiosk.example"]')
    assert ["kiosk.example"] == create_app().config["TRUSTED_HOSTS"]
