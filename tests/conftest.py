"""Fixtures: a fresh app on a real SQLite file in tmp_path for every test."""

import contextlib
import datetime
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from flask import Flask
from hypothesis import settings
from jinja2 import BytecodeCache
from werkzeug.routing import Rule

from admin import accounts
from kiosk import create_app, storage
from kiosk.app.factory import PROJECT_ROOT
from kiosk.app.serving import serve
from kiosk.surveys import tablets

SITES = {"waiting-room-a": "Waiting room A", "youth-hub": "Youth hub"}
# An answers file made by the code at a640774, before staff records had their own file.
# Hypothesis's 200 ms deadline is a timed assertion: on a busy machine (CI,
# or tests on every core) a slow example failed a test that checks no speed.
# Speed is measured in bench/, never in tests.
settings.register_profile("kiosk", deadline=None)
settings.load_profile("kiosk")
MADE_BY_A640774 = Path(__file__).parent / "data" / "kiosk-a640774.db"


class SharedBytecode(BytecodeCache):
    """Compiled templates, kept for every app a test process makes: each test
    has an app of its own, and compiling its templates again took about half
    of a summary page's time in a test. Keyed by each template's source, so a
    changed template is compiled again; what a page shows is unchanged."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


SHARED_BYTECODE = SharedBytecode()
_jinja_environment = Flask.create_jinja_environment


def _sharing_bytecode(app):
    environment = _jinja_environment(app)
    environment.bytecode_cache = SHARED_BYTECODE
    return environment


Flask.create_jinja_environment = _sharing_bytecode


def sharing_url_builders(compile_builder):
    """Werkzeug's URL builders, kept for every app a test process makes. Each
    app compiles two small Python functions for each of its ~100 routes, and
    that was two thirds of making an app: a quarter of the time of a test
    that is not in a browser. A builder is the same for the same rule, so it
    is compiled once per process; what url_for builds is unchanged."""
    built = {}

    def shared(rule: Rule, append_unknown: bool = True):
        key = (
            rule.rule,
            tuple(rule._trace),
            tuple(sorted((name, repr(value)) for name, value in (rule.defaults or {}).items())),
            append_unknown,
        )
        if key not in built:
            built[key] = compile_builder(rule, append_unknown)
        return built[key]

    return shared


if hasattr(Rule, "_compile_builder"):  # werkzeug's own; without it, nothing is shared
    Rule._compile_builder = sharing_url_builders(Rule._compile_builder)
# An answers file made by the code at 729c3b5 (`flask demo-data --weeks 4`),
# before surveys were data: 216 answers to the survey then called "child".
MADE_BY_729C3B5 = Path(__file__).parent / "data" / "kiosk-729c3b5.db"


def pytest_collection_modifyitems(items):
    """Tests marked slow (10 s or more) first. Collected in file order, the
    small-number property tests came last, and one worker ran them alone for
    a minute while the others sat idle. Every worker sorts the same way."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def make_config(tmp_path, **overrides) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE": str(tmp_path / "kiosk.db"),
        "SITES": dict(SITES),
        "DEFAULT_SITE": "waiting-room-a",
        **overrides,
    }


# Staff accounts and signing in, as a person does through the form.
PASSWORD = "a long enough password"

# Hashing with the real settings takes about a tenth of a second each way, and
# hundreds of tests make an account and sign in: they use argon2id with the
# smallest cost (HOUSE_STYLE: cheap settings for expensive set-up). The real
# settings are kept here, and tests/test_accounts.py checks them.
PRODUCTION_PASSWORD_HASHER = accounts.password_hasher
accounts.password_hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def form_token(client, url):
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]


def make_account(app, name="sam", password=PASSWORD, role=None):
    """An account made on the command line: all roles when it is the first."""
    roles = ["--role", role] if role else []
    return app.test_cli_runner().invoke(args=["create-user", name, *roles], input=password + "\n")


def sign_in(client, name="sam", password=PASSWORD, next_page=None):
    url = "/admin/sign-in" + (f"?next={next_page}" if next_page else "")
    token = form_token(client, "/admin/sign-in")
    return client.post(url, data={"csrf_token": token, "name": name, "password": password})


@pytest.fixture
def staff(app, client):
    """A client signed in to the staff area."""
    assert 0 == make_account(app).exit_code
    assert 302 == sign_in(client).status_code
    return client


@pytest.fixture
def app_config():
    """Settings a test changes: redefine this fixture or parametrize it."""
    return {}


@pytest.fixture
def app(tmp_path, app_config):
    yield create_app(make_config(tmp_path, **app_config))
    # The views keep one connection per thread; each test has its own file.
    storage.close_thread_connections()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    database = storage.open_database(app.config["DATABASE"])
    yield database
    database.close()


@pytest.fixture
def staff_db(app):
    """The staff file beside the answers: accounts, sessions, the audit log."""
    database = storage.open_staff_database(storage.staff_path(app.config["DATABASE"]))
    yield database
    database.close()


def new_submission_id() -> str:
    return uuid.uuid4().hex


def all_answers(answer: str = "yes") -> dict:
    return {"safe": answer, "talk": answer, "team": answer, "ideas": answer}


@pytest.fixture
def today() -> datetime.date:
    """Today's date, read when the test runs, not when pytest imported its file:
    a run that crosses midnight would compare yesterday with the app's today.
    One value for the whole test, so its own dates agree with each other."""
    return datetime.date.today()


def tablet_token(database, site="waiting-room-a", set_up_on=None) -> str:
    """The token of a tablet set up for `site` in the staff file beside `database`,
    as `flask --app kiosk enrol-tablet SITE --print-token` makes one. Unless told,
    it was set up long ago (400 days): only SUBMISSION_MAX_AGE_DAYS limits how far
    back it may date."""
    set_up_on = set_up_on or datetime.date.today() - datetime.timedelta(days=400)
    staff_db = storage.open_staff_database(storage.staff_path(database))
    try:
        return tablets.enrol_at_once(staff_db, site, "Test tablet", set_up_on)
    finally:
        staff_db.close()


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


# submit(token=ENROLLED): the token of a tablet set up for that site.
ENROLLED = object()


class KioskClient:
    """Talks to the submit endpoint the way the kiosk page does: with the token
    of a tablet set up for the site (made on first use), unless told otherwise."""

    def __init__(self, client):
        self.client = client
        self.tokens = {}

    def token_for(self, site: str) -> str:
        if site not in self.tokens:
            database = self.client.application.config["DATABASE"]
            self.tokens[site] = tablet_token(database, site)
        return self.tokens[site]

    def submit(self, site="waiting-room-a", body=None, token=ENROLLED, **kwargs):
        if body is None:
            body = {"id": new_submission_id(), "answers": all_answers()}
        if token is ENROLLED:
            token = self.token_for(site)
        headers = {**(bearer(token) if token else {}), **kwargs.pop("headers", {})}
        return self.client.post(f"/kiosk/{site}/submissions", json=body, headers=headers, **kwargs)


@pytest.fixture
def kiosk_client(client):
    return KioskClient(client)


FEEDBACK_PAGE_FIELDS = ("csrf_token", "submission_id", "receipt_code", "receipt_seal")


class _HiddenFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("name") in FEEDBACK_PAGE_FIELDS:
            self.fields[attributes["name"]] = attributes.get("value") or ""


def feedback_page_fields(client, site="waiting-room-a", from_kiosk=False) -> dict[str, str]:
    """Load the feedback box as a phone does (from_kiosk: as the kiosk's "Tell us
    more" does, with no receipt code); return the hidden fields its Send posts back."""
    response = client.get(f"/feedback/{site}" + ("?from=kiosk" if from_kiosk else ""))
    assert 200 == response.status_code
    parser = _HiddenFields()
    parser.feed(response.get_data(as_text=True))
    expected = set(FEEDBACK_PAGE_FIELDS) - ({"receipt_code"} if from_kiosk else set())
    assert expected == set(parser.fields)
    return parser.fields


# Real servers on real sockets, for what only a server shows: its logs, or how
# it reads a broken request.


@contextlib.contextmanager
def running_dev_server(app):
    """The development server (`make run`) on a free port, in a thread; yields the port."""
    server = serve(app, "127.0.0.1", 0)
    # Polled every 50 ms, not every 500: shutdown() waits for the next poll.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def _ephemeral_ports() -> range:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return range(int(low), int(high) + 1)
    except (OSError, ValueError):
        return range(32768, 61000)  # Linux's default


def free_port() -> int:
    """A port free on every address, chosen below the range the system hands
    out to outgoing connections. A port from that range (what binding to port
    0 gives) can be taken by one of chromium's connections between this check
    and the server's bind, and the server then stops with "Address already in
    use": that failed CI once (stop 17). Each pytest worker takes ports from
    its own slice of that space, so two workers never pick the same one."""
    below = _ephemeral_ports().start
    worker = int(re.sub(r"\D", "", os.environ.get("PYTEST_XDIST_WORKER", "")) or 0)
    width = 1500
    first = max(1024, below - 8 * width) + (worker % 8) * width
    for _ in range(100):
        port = secrets.SystemRandom().randrange(first, min(first + width, below))
        with socket.socket() as sock:
            try:
                sock.bind(("0.0.0.0", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below the ephemeral range")


def wait_until_listening(port: int, server: subprocess.Popen, printed: Path | None = None) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            said = printed.read_text(errors="replace")[-2000:] if printed else ""
            pytest.fail(f"the server stopped while starting (exit {server.returncode}):\n{said}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/token")
            status = connection.getresponse().status
            connection.close()
        except OSError:
            time.sleep(0.1)
            continue
        if status == 200:
            return
    pytest.fail("the server did not answer within 30 seconds")


GUNICORN_CONFIG = """\
DATABASE = "{database}"
SECRET_KEY = "gunicorn-test"
DEFAULT_SITE = "waiting-room-a"

[SITES]
waiting-room-a = "Waiting room A"
"""


@contextlib.contextmanager
def running_gunicorn(folder: Path, **environment):
    """gunicorn as `make serve` starts it, with a database in folder; yields the port.

    What it prints goes to folder/out and folder/err; KIOSK_* settings for it
    can be given as keyword arguments.
    """
    config = folder / "config.toml"
    config.write_text(GUNICORN_CONFIG.format(database=folder / "kiosk.db"))
    port = free_port()
    env = {
        **os.environ,
        "KIOSK_BIND": f"127.0.0.1:{port}",
        "KIOSK_CONFIG": str(config),
        **environment,
    }
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    with open(folder / "out", "wb") as out, open(folder / "err", "wb") as err:
        server = subprocess.Popen(
            [gunicorn, "-c", "kiosk/gunicorn_conf.py"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=err,
        )
        try:
            wait_until_listening(port, server, folder / "err")
            yield port
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)


@contextlib.contextmanager
def immutable(*paths):
    """Files no process may write to, root included (chmod does not stop root,
    and tests run as root in CI): the immutable attribute, chattr +i. Skips
    the test where the file system or the account cannot set it."""
    files = [str(path) for path in paths]
    made = subprocess.run(["chattr", "+i", *files], capture_output=True, text=True)
    if made.returncode:
        pytest.skip(f"chattr +i is not possible here: {made.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *files], check=True)


def send_feedback(client, site="waiting-room-a", **typed):
    """Send the feedback box's form as a phone does: its hidden fields and what was typed."""
    from werkzeug.test import encode_multipart

    boundary, body = encode_multipart({**feedback_page_fields(client, site), **typed})
    return client.post(
        f"/feedback/{site}",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        headers={"Accept": "application/json"},
    )


class SentEmails:
    """aiosmtpd's handler: keeps every email the app hands over."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        import email

        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free port: (port, the emails it received)."""
    from aiosmtpd.controller import Controller

    sent = SentEmails()
    controller = Controller(sent, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, sent.messages
    controller.stop()


def store_comment(
    db,
    text,
    site="waiting-room-a",
    day=datetime.date(2026, 11, 23),
    *,
    topic=None,
    hidden=False,
    drawing=None,
    concern=False,
):
    """A comment as stored, without the feedback page's input rules (an older row)."""
    from kiosk.feedback.comments import Comment

    comment = Comment(
        id=new_submission_id(),
        site=site,
        topic=topic,
        text=text,
        drawing=drawing,
        concern=concern,
        receipt_hash=new_submission_id(),
        date=day,
    )
    assert storage.record_comment(db, comment)
    if hidden:
        with storage.writing(db):
            db.execute("UPDATE comments SET hidden = 1 WHERE id = ?", [comment.id])
    return comment
