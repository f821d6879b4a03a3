"""Start and stop the gunicorn servers that the benchmarks measure.

Every server listens on a free port of 127.0.0.1 only, runs in its own
process group, and is stopped by its process id: SIGTERM to the gunicorn
master (which stops its workers gracefully), SIGKILL to the group only if
that does not work within a few seconds.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH = PROJECT_ROOT / "bench"
HOST = "127.0.0.1"
WORKERS = 2


def gunicorn_path() -> str:
    """The gunicorn next to the running Python (the project's .venv under `make bench`)."""
    beside = Path(sys.executable).parent / "gunicorn"
    return str(beside) if beside.exists() else "gunicorn"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def write_kiosk_config(folder: Path, sites: dict[str, str]) -> Path:
    """A config.toml of our own: a fresh database, the bench sites, one shared secret."""
    lines = [
        f'DATABASE = "{folder / "kiosk.db"}"',
        f'DEFAULT_SITE = "{next(iter(sites))}"',
        # Without one the app would read or make instance/secret_key in the project.
        f'SECRET_KEY = "{os.urandom(32).hex()}"',
        "",
        "[SITES]",
        *(f'{slug} = "{name}"' for slug, name in sites.items()),
    ]
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


# The kiosk takes answers only from a tablet set up for the site, and counts
# them per tablet (TABLET_RATE_LIMIT): the benchmark's tablets send far more
# than a waiting room, so their limit is set out of the way.
BENCH_TABLET_RATE_LIMIT = "1000000000 per hour"


def enrol_tablets(config: Path, sites) -> dict[str, str]:
    """Set up one tablet per site, as `flask --app kiosk enrol-tablet SITE
    --print-token` does for load tests; the token each holds."""
    env = clean_environment() | {"KIOSK_CONFIG": str(config)}
    flask = str(Path(sys.executable).parent / "flask")
    tokens = {}
    for site in sites:
        command = [flask, "--app", "kiosk", "enrol-tablet", site, "--print-token"]
        finished = subprocess.run(
            command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True
        )
        tokens[site] = finished.stdout.strip().splitlines()[-1]
    return tokens


def clean_environment() -> dict[str, str]:
    """This process's environment without KIOSK_* settings that would override ours."""
    return {key: value for key, value in os.environ.items() if not key.startswith("KIOSK_")}


class Server:
    """One gunicorn master and its workers, with stdout and stderr in a log file."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log: Path, port: int):
        self.name, self.command, self.env, self.log_path, self.port = name, command, env, log, port
        self.process: subprocess.Popen | None = None

    def start(self) -> "Server":
        self.log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            self.command,
            cwd=PROJECT_ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us, and we stop it in order.
        )
        return self

    def wait_until_answering(self, method: str, path: str, body: str | None, timeout=30.0):
        """Poll until the server answers with any status below 500 (its log is kept)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"the {self.name} server exited ({code}) while starting")
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=2)
                headers = {"Content-Type": "application/json"} if body else {}
                connection.request(method, path, body=body, headers=headers)
                status = connection.getresponse().status
                connection.close()
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the {self.name} server did not answer within {timeout} s")

    def worker_pids(self) -> list[int]:
        """The gunicorn workers: processes whose parent is this master."""
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == self.process.pid:
                    pids.append(int(entry.name))
        return pids

    def worker_cpu_seconds(self) -> tuple[float, float]:
        """(user, system) CPU time used so far by the workers."""
        ticks = os.sysconf("SC_CLK_TCK")
        user = system = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            user, system = user + int(fields[11]), system + int(fields[12])
        return user / ticks, system / ticks

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        if getattr(self, "log", None):
            self.log.close()


def kiosk_server(folder: Path, config: Path, app: str = "kiosk.wsgi:app") -> Server:
    """The kiosk exactly as `make serve` runs it, with our config and port.

    `app` can name a variant to compare, importable from the project folder
    (bench.kiosk_variants:app); the default is kiosk/gunicorn_conf.py's own.
    """
    port = free_port()
    env = clean_environment() | {
        "KIOSK_BIND": f"{HOST}:{port}",
        "KIOSK_WORKERS": str(WORKERS),
        "KIOSK_CONFIG": str(config),
        "KIOSK_TABLET_RATE_LIMIT": BENCH_TABLET_RATE_LIMIT,
    }
    command = [gunicorn_path(), "-c", "kiosk/gunicorn_conf.py", app]
    return Server("kiosk", command, env, folder / "kiosk-gunicorn.log", port)


def bare_server(folder: Path) -> Server:
    """bench/bare_app.py under the same gunicorn: 2 sync workers, no access log."""
    return plain_flask_server("bare", "bare_app:app", folder, clean_environment())


def floor_server(folder: Path) -> Server:
    """bench/floor_app.py, the bare endpoint plus one stored row, in a database of its own."""
    env = clean_environment() | {"FLOOR_DATABASE": str(folder / "floor.db")}
    return plain_flask_server("floor", "floor_app:app", folder, env)


def plain_flask_server(name: str, app: str, folder: Path, env: dict[str, str]) -> Server:
    port = free_port()
    command = [
        gunicorn_path(),
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--bind",
        f"{HOST}:{port}",
        "--pythonpath",
        str(BENCH),
        "--log-level",
        "warning",
        app,
    ]
    return Server(name, command, env, folder / f"{name}-gunicorn.log", port)
