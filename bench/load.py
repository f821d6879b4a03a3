"""Load from a second process: wrk runs, and who used the CPU during each.

wrk and the servers share this machine's cores, and so does anything else
running on it (a test suite, a browser). Each run therefore records the CPU
time the gunicorn workers and wrk used per request, and how much of the
machine other processes took meanwhile, so a disturbed run can be seen.
"""

import json
import os
import resource
import secrets
import shutil
import subprocess
import time
from pathlib import Path

import servers

TICKS = os.sysconf("SC_CLK_TCK")


def machine_cpu_seconds() -> tuple[float, float, float]:
    """(user + nice + system, idle + iowait, all) CPU seconds of the machine, from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields[:3]) / TICKS, sum(fields[3:5]) / TICKS, sum(fields[:8]) / TICKS


def other_processes_share(seconds: float = 1.0) -> float:
    """The share of the machine that other processes use right now (0 to 1)."""
    busy_before, _, all_before = machine_cpu_seconds()
    time.sleep(seconds)
    busy_after, _, all_after = machine_cpu_seconds()
    return (busy_after - busy_before) / max(all_after - all_before, 1e-9)


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(server: servers.Server, site: str, seconds: int, options, token: str = ""):
    """One wrk run of bench/submit.lua; its figures, and the CPU time spent per request.
    `token`: the tablet token every request carries (Authorization: Bearer)."""
    command = [
        shutil.which("wrk"),
        f"-t{options.wrk_threads}",
        f"-c{options.connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(servers.BENCH / "submit.lua"),
        f"http://{servers.HOST}:{server.port}",
        "--",
        site,
        secrets.token_hex(3),
        token,
    ]
    workers_before = server.worker_cpu_seconds()
    wrk_before = children_cpu_seconds()
    busy_before, idle_before, all_before = machine_cpu_seconds()
    finished = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    busy_after, idle_after, all_after = machine_cpu_seconds()
    wrk_used = children_cpu_seconds() - wrk_before
    workers_after = server.worker_cpu_seconds()
    workers_user = workers_after[0] - workers_before[0]
    workers_used = workers_user + workers_after[1] - workers_before[1]
    lines = [line for line in finished.stdout.splitlines() if line.startswith("WRK_RESULT ")]
    if finished.returncode != 0 or not lines:
        raise RuntimeError(
            f"wrk failed ({finished.returncode}):\n{finished.stdout}{finished.stderr}"
        )
    result = json.loads(lines[-1].removeprefix("WRK_RESULT "))
    requests = max(result["requests"], 1)
    others = (busy_after - busy_before) - workers_used - wrk_used
    machine_seconds = max(all_after - all_before, 1e-9)
    return result | {
        "server": server.name,
        "site": site,
        "rate": result["requests"] / (result["duration_us"] / 1e6),
        "errors": sum(result[key] for key in ("connect", "read", "write", "status", "timeout")),
        "worker_cpu_us_per_request": workers_used * 1e6 / requests,
        "worker_system_cpu_us_per_request": (workers_used - workers_user) * 1e6 / requests,
        "wrk_cpu_us_per_request": wrk_used * 1e6 / requests,
        # Anything but the workers and wrk: other programs, gunicorn's master, kernel threads.
        "other_processes_share": max(others, 0.0) / machine_seconds,
        # Cores left idle or waiting for the disk while the server was under load.
        "idle_share": (idle_after - idle_before) / machine_seconds,
    }
