"""`make run` tells the truth: the addresses it prints open the kiosk from where
it says they do, and poster codes follow the port it serves on."""

import contextlib
import io
import os
import re
import subprocess
import sys
import urllib.request
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image

from kiosk.app import hosts
from kiosk.app.factory import PROJECT_ROOT
from tests.conftest import free_port, wait_until_listening

CONFIG = """\
DATABASE = "{database}"
SECRET_KEY = "make-run-test"

[SITES]
waiting-room-a = "Waiting room A"
"""


@contextlib.contextmanager
def make_run(tmp_path, **environment):
    """`python -m kiosk` as `make run` starts it; yields its port and what it printed."""
    config = tmp_path / "config.toml"
    config.write_text(CONFIG.format(database=tmp_path / "kiosk.db"))
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("KIOSK_")}
    env |= {"KIOSK_CONFIG": str(config), "KIOSK_PORT": str(port), "PYTHONUNBUFFERED": "1"}
    with open(tmp_path / "out", "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "kiosk"],
            cwd=PROJECT_ROOT,
            env=env | environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_listening(port, server, tmp_path / "out")
            yield port, (tmp_path / "out").read_text()
        finally:
            server.terminate()
            server.wait(30)


def printed_kiosk(printed: str) -> str:
    return re.search(r"Waiting room A: (http\S+)", printed)[1]


def open_url(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def poster_code(base: str) -> list[str]:
    _, png = open_url(f"{base}/feedback/waiting-room-a/qr.png")
    with Image.open(io.BytesIO(png)) as image:
        return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.skipif(not hosts.network_addresses(), reason="this machine is on no network")
def test_on_the_network_it_prints_this_machines_address_and_a_tablet_can_open_it(tmp_path):
    with make_run(tmp_path, KIOSK_HOST="0.0.0.0") as (port, printed):
        kiosk = printed_kiosk(printed)
        address = urlsplit(kiosk).hostname
        assert address in hosts.network_addresses()
        assert not address.startswith("127.")
        assert f"http://{address}:{port}/kiosk/waiting-room-a" == kiosk
        status, page = open_url(kiosk)
        assert 200 == status
        assert "Set up this tablet" in page.decode()
        assert f"Staff area: http://{address}:{port}/admin/" in printed
        assert f"http://{address}:{port}/admin/setup/" in printed
        # A phone scanning the poster reaches this machine the same way.
        assert [f"http://{address}:{port}/feedback/waiting-room-a"] == poster_code(
            f"http://{address}:{port}"
        )
    assert "Only this computer" not in printed
    assert "use the HTTPS address" in printed


def test_by_default_it_says_plainly_that_only_this_computer_can_open_it(tmp_path):
    with make_run(tmp_path) as (port, printed):
        assert f"http://127.0.0.1:{port}/kiosk/waiting-room-a" == printed_kiosk(printed)
        assert 200 == open_url(printed_kiosk(printed))[0]
    assert "Only this computer can open these addresses: a tablet or a phone cannot." in printed
    assert "KIOSK_HOST=0.0.0.0 make run" in printed
    assert "Open this on the tablet" not in printed


def test_poster_codes_follow_the_port_it_serves_on(tmp_path):
    with make_run(tmp_path) as (port, _):
        assert port != 5000
        code = poster_code(f"http://127.0.0.1:{port}")
    assert [f"http://127.0.0.1:{port}/feedback/waiting-room-a"] == code


def test_a_public_address_that_is_set_is_kept(tmp_path):
    public = "https://feedback.example.org"
    with make_run(tmp_path, KIOSK_PUBLIC_BASE_URL=public) as (port, printed):
        code = poster_code(f"http://127.0.0.1:{port}")
    assert [f"{public}/feedback/waiting-room-a"] == code
    # The addresses printed are still where this server answers.
    assert f"http://127.0.0.1:{port}/kiosk/waiting-room-a" == printed_kiosk(printed)
