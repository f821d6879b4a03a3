"""deploy/: the systemd unit, the Caddy and nginx configurations and the settings
file work together, and the app behind one proxy hop gives phones https addresses."""

import io
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from kiosk import create_app
from kiosk.app.factory import DEFAULTS, PROJECT_ROOT
from tests.conftest import free_port, make_config

DEPLOY = PROJECT_ROOT / "deploy"
UNIT = DEPLOY / "feedback-kiosk.service"
ENV_FILE = DEPLOY / "kiosk.env.example"
CADDYFILE = DEPLOY / "Caddyfile"
NGINX = DEPLOY / "nginx-feedback-kiosk.conf"
CLONE = "/srv/feedback-kiosk"
VENV_BIN = Path(sys.executable).parent
PUBLIC = "https://feedback.example.org"


def unit_lines() -> list[tuple[str, str]]:
    """Each `Key=value` of the unit, in order (a key such as ExecStartPre repeats)."""
    lines = UNIT.read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if "=" in line and not line.startswith("#")]
    return [(key.strip(), value.strip()) for key, value in pairs]


def unit_values(key: str) -> list[str]:
    return [value for name, value in unit_lines() if name == key]


def on_this_machine(path: str) -> Path:
    """A path of the unit, for this clone and the virtual environment running the tests."""
    return Path(path.replace(f"{CLONE}/.venv/bin", str(VENV_BIN)).replace(CLONE, str(PROJECT_ROOT)))


def unit_bind() -> str:
    (bind,) = [value[len("KIOSK_BIND=") :] for value in unit_values("Environment")]
    return bind


def test_every_program_the_unit_runs_exists_and_reads_files_of_the_clone():
    assert [CLONE] == unit_values("WorkingDirectory")
    commands = [shlex.split(line) for key, line in unit_lines() if key.startswith("Exec")]
    starts = [command for command in commands if command[0].startswith(CLONE)]
    assert ["pybabel", "flask", "gunicorn"] == [Path(command[0]).name for command in starts]
    for command in starts:
        program = on_this_machine(command[0])
        assert program.is_file(), program
    gunicorn = shlex.split(unit_values("ExecStart")[0])
    assert ["-c", "kiosk/gunicorn_conf.py"] == gunicorn[1:]
    assert (PROJECT_ROOT / gunicorn[2]).is_file()
    for folder in unit_values("ReadWritePaths")[0].split():
        assert on_this_machine(folder).parent == PROJECT_ROOT
    assert ["/etc/feedback-kiosk/kiosk.env"] == unit_values("EnvironmentFile")


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="no systemd-analyze here")
def test_systemd_accepts_the_unit(tmp_path):
    text = UNIT.read_text().replace("/etc/feedback-kiosk/kiosk.env", str(ENV_FILE))
    unit = tmp_path / UNIT.name
    unit.write_text(str(on_this_machine(text)))
    verified = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True
    )
    assert (0, "") == (verified.returncode, verified.stderr)


def settings_file() -> dict[str, str]:
    """The example settings as systemd and the shell read them (quotes taken off)."""
    lines = [line for line in ENV_FILE.read_text().splitlines() if line.startswith("KIOSK_")]
    return dict(shlex.split(line)[0].split("=", 1) for line in lines)


def serving_variables() -> set[str]:
    """KIOSK_* names read by gunicorn's settings and `make run`, not by the app."""
    source = (PROJECT_ROOT / "kiosk/gunicorn_conf.py").read_text()
    source += (PROJECT_ROOT / "kiosk/__main__.py").read_text()
    return set(re.findall(r"environ\.get\(\"(KIOSK_[A-Z_]+)\"", source))


def test_the_settings_file_names_only_settings_the_app_knows():
    known = {f"KIOSK_{key}" for key in [*DEFAULTS, "DATABASE", "SECRET_KEY"]}
    known |= serving_variables()
    assert {"KIOSK_BIND", "KIOSK_WORKERS", "KIOSK_HOST", "KIOSK_PORT"} <= known
    named = set(re.findall(r"\bKIOSK_[A-Z_]+", ENV_FILE.read_text()))
    assert named - known == set()
    needed = {"KIOSK_PUBLIC_BASE_URL", "KIOSK_TRUSTED_HOSTS", "KIOSK_PROXY_COUNT"}
    assert needed | {"KIOSK_SMTP_HOST", "KIOSK_SECRET_KEY"} <= named


def test_the_settings_file_gives_the_app_a_public_server(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text(f'DATABASE = "{tmp_path / "kiosk.db"}"\nSECRET_KEY = "test"\n')
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    for name, value in settings_file().items():
        monkeypatch.setenv(name, value)
    app = create_app()
    assert PUBLIC == app.config["PUBLIC_BASE_URL"]
    assert ["feedback.example.org"] == app.config["TRUSTED_HOSTS"]
    assert (1, 587, True) == (
        app.config["PROXY_COUNT"],
        app.config["SMTP_PORT"],
        app.config["SMTP_STARTTLS"],
    )


def test_caddy_and_nginx_forward_to_the_address_the_unit_binds():
    assert "127.0.0.1:8000" == unit_bind()
    assert [unit_bind()] == re.findall(r"reverse_proxy\s+(\S+)", CADDYFILE.read_text())
    nginx = NGINX.read_text()
    assert [f"http://{unit_bind()}"] == re.findall(r"proxy_pass\s+(\S+);", nginx)
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert re.search(r"^\s*access_log off;", nginx, re.MULTILINE)


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed here")
def test_nginx_accepts_its_configuration(tmp_path):
    site = tmp_path / "site.conf"
    site.write_text(NGINX.read_text().replace("/var/log/nginx", str(tmp_path)))
    main = tmp_path / "nginx.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{ include {site}; }}\n")
    checked = subprocess.run(
        ["nginx", "-t", "-c", str(main), "-p", str(tmp_path), "-e", str(tmp_path / "e.log")],
        capture_output=True,
        text=True,
    )
    assert 0 == checked.returncode, checked.stderr


def local_caddyfile(folder: Path, caddy_port: int, upstream_port: int, text: str) -> Path:
    """The example on a local http port, with nothing behind it: every request is an error."""
    text = text.replace("feedback.example.org {", f"http://:{caddy_port} {{")
    text = text.replace(unit_bind(), f"127.0.0.1:{upstream_port}")
    path = folder / "Caddyfile"
    # No admin port: tests running side by side would share Caddy's default one.
    path.write_text(text.replace("\n{\n", "\n{\n\tadmin off\n", 1))
    return path


def caddy_error_log(tmp_path, text: str) -> str:
    """What Caddy writes when the kiosk behind it is down, for a tablet's request."""
    tmp_path.mkdir()
    caddy_port, upstream_port = free_port(), free_port()
    caddyfile = local_caddyfile(tmp_path, caddy_port, upstream_port, text)
    env = {"XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)}
    with open(tmp_path / "err", "wb") as err:
        caddy = subprocess.Popen(
            ["caddy", "run", "--adapter", "caddyfile", "--config", str(caddyfile)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{caddy_port}/kiosk/waiting-room-a?lang=pl",
                headers={"User-Agent": "Tablet by the door", "Host": "feedback.example.org"},
            )
            deadline = time.monotonic() + 20
            while "dial tcp" not in (tmp_path / "err").read_text():
                assert time.monotonic() < deadline, (tmp_path / "err").read_text()
                with pytest.raises(urllib.error.URLError):
                    urllib.request.urlopen(request, timeout=5)
                time.sleep(0.2)
        finally:
            caddy.terminate()
            caddy.wait(10)
    return (tmp_path / "err").read_text()


@pytest.mark.skipif(not shutil.which("caddy"), reason="caddy is not installed here")
def test_caddy_accepts_its_configuration(tmp_path):
    checked = subprocess.run(
        ["caddy", "validate", "--adapter", "caddyfile", "--config", str(CADDYFILE)],
        capture_output=True,
        text=True,
        env={"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)},
    )
    assert 0 == checked.returncode, checked.stderr
    assert "not formatted" not in checked.stderr


@pytest.mark.skipif(not shutil.which("caddy"), reason="caddy is not installed here")
def test_caddy_writes_no_address_or_device_of_a_visitor(tmp_path):
    text = CADDYFILE.read_text()
    # So this could fail: without the example's log filter, Caddy names the visitor.
    unfiltered = re.sub(r"\tlog \{.*?\n\t\}\n", "", text, flags=re.DOTALL)
    assert unfiltered != text
    plain = caddy_error_log(tmp_path / "plain", unfiltered)
    assert '"remote_ip"' in plain and "Tablet by the door" in plain
    filtered = caddy_error_log(tmp_path / "filtered", text)
    assert "dial tcp 127.0.0.1:" in filtered
    filtered = re.sub(r"dial tcp 127\.0\.0\.1:\d+", "dial tcp", filtered)
    for told in ('"remote_ip"', '"client_ip"', "127.0.0.1", "Tablet by the door", "lang=pl"):
        assert told not in filtered


def scanned_qr(response) -> list[str]:
    with Image.open(io.BytesIO(response.get_data())) as image:
        return [result.text for result in zxingcpp.read_barcodes(image)]


def test_behind_one_proxy_the_poster_code_and_cookies_are_for_https(tmp_path):
    app = create_app(make_config(tmp_path, PROXY_COUNT=1, PUBLIC_BASE_URL=PUBLIC))
    client = app.test_client()
    proxied = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    host = {"Host": "feedback.example.org"}
    code = client.get("/feedback/youth-hub/qr.png", headers={**host, **proxied})
    assert [f"{PUBLIC}/feedback/youth-hub"] == scanned_qr(code)
    page = client.get("/feedback/youth-hub", headers={**host, **proxied})
    assert 200 == page.status_code
    assert page.headers["Strict-Transport-Security"].startswith("max-age=")
    assert all("Secure" in cookie for cookie in page.headers.getlist("Set-Cookie"))
    # So this could fail: the same page over plain http says nothing of HTTPS.
    plain = client.get("/feedback/youth-hub", headers={**host, "X-Forwarded-For": "203.0.113.9"})
    assert "Strict-Transport-Security" not in plain.headers
    assert not any("Secure" in cookie for cookie in plain.headers.getlist("Set-Cookie"))
    stranger = client.get("/feedback/youth-hub", headers={"Host": "evil.example", **proxied})
    assert 400 == stranger.status_code


@pytest.mark.skipif(
    not (PROJECT_ROOT / ".venv/bin/flask").is_file() or not shutil.which("runuser"),
    reason="deploy/kiosk-flask needs the clone's own .venv and runuser",
)
def test_kiosk_flask_runs_a_command_with_the_servers_settings(tmp_path):
    if subprocess.run(["id", "-u"], capture_output=True, text=True).stdout.strip() != "0":
        pytest.skip("runuser needs root")
    config = tmp_path / "config.toml"
    config.write_text(f'DATABASE = "{tmp_path / "kiosk.db"}"\nSECRET_KEY = "test"\n')
    settings = tmp_path / "kiosk.env"
    settings.write_text(ENV_FILE.read_text() + f"KIOSK_CONFIG={config}\n")
    ran = subprocess.run(
        [str(DEPLOY / "kiosk-flask"), "enrol-tablet", "waiting-room-a"],
        env={
            "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
            "KIOSK_ENV_FILE": str(settings),
            "KIOSK_USER": "root",
        },
        capture_output=True,
        text=True,
    )
    assert 0 == ran.returncode, ran.stderr
    assert f"{PUBLIC}/kiosk/waiting-room-a#enrol=" in ran.stdout


def test_neither_proxy_compresses_the_staff_pages():
    # The app compresses only its public pages (kiosk/app/compression.py); a
    # proxy's own compression would pack the staff pages too (BREACH).
    nginx = NGINX.read_text()
    assert re.search(r"^\s*gzip off;", nginx, re.M)
    caddy = [line.split("#")[0] for line in CADDYFILE.read_text().splitlines()]
    assert not any(re.match(r"\s*encode\b", line) for line in caddy)
