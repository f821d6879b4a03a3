"""The "nothing lost" half of the submit benchmark: a client that counts.

wrk stops without waiting for the requests in flight, so it cannot prove that
every acknowledged submission was stored. This client sends a fixed number of
submissions from a few threads, keeps the id of every one the server
acknowledged (201, "stored"), and afterwards the rows in the SQLite file are
compared with those ids, one by one. Then a few acknowledged ids are sent
again: each must answer 409 and add no row.
"""

import http.client
import json
import random
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass, field

FACES = ("yes", "sometimes", "no", "skip")
QUESTIONS = ("safe", "talk", "team", "ideas")


def submission(submission_id: str) -> str:
    answers = {question: random.choice(FACES) for question in QUESTIONS}  # noqa: S311
    return json.dumps({"id": submission_id, "answers": answers})


@dataclass
class Tally:
    acknowledged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cookies_set: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class KioskConnection:
    """An HTTP connection (reopened when the server closes it) that sends submissions
    as kiosk/static/js/queue.js does: JSON, the tablet's token, no form token, no cookie."""

    def __init__(self, host: str, port: int, site: str, token: str):
        self.connection = http.client.HTTPConnection(host, port, timeout=30)
        self.path = f"/kiosk/{site}/submissions"
        self.headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Authorization": f"Bearer {token}",
        }
        # A reply that sets a cookie would make a browser send it back, and the
        # requests here would no longer be the kiosk page's: count them.
        self.cookies_set = 0

    def post(self, body: str) -> tuple[int, dict]:
        try:
            self.connection.request("POST", self.path, body=body, headers=self.headers)
            response = self.connection.getresponse()
            payload = response.read()
            self.cookies_set += response.getheader("Set-Cookie") is not None
        except (OSError, http.client.HTTPException):
            self.connection.close()  # the next request opens a new one
            raise
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
        try:
            return response.status, json.loads(payload)
        except ValueError:
            return response.status, {"unreadable": payload[:80].decode(errors="replace")}


def send_counted(host, port, site, token: str, total: int, threads: int) -> Tally:
    """Send `total` fresh submissions from `threads` threads; tally what came back."""
    tally = Tally()
    shares = [total // threads + (1 if n < total % threads else 0) for n in range(threads)]

    def sender(count: int) -> None:
        kiosk = KioskConnection(host, port, site, token)
        for _ in range(count):
            submission_id = secrets.token_hex(16)
            try:
                status, reply = kiosk.post(submission(submission_id))
            except (OSError, http.client.HTTPException) as problem:
                with tally.lock:
                    tally.errors.append(f"{type(problem).__name__}: {problem}")
                continue
            with tally.lock:
                if status == 201 and reply.get("status") == "stored":
                    tally.acknowledged.append(submission_id)
                else:
                    tally.errors.append(f"{status} {reply}")
        with tally.lock:
            tally.cookies_set += kiosk.cookies_set

    workers = [threading.Thread(target=sender, args=(share,)) for share in shares]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return tally


def send_replays(host, port, site, token: str, ids: list[str]) -> dict[int, int]:
    """Send already-acknowledged ids again (half with other answers); count the statuses."""
    kiosk = KioskConnection(host, port, site, token)
    statuses: dict[int, int] = {}
    for number, submission_id in enumerate(ids):
        body = submission(submission_id)
        if number % 2:
            body = json.dumps(
                {"id": submission_id, "answers": {question: "no" for question in QUESTIONS}}
            )
        try:
            status, _ = kiosk.post(body)
        except (OSError, http.client.HTTPException):
            status = 0
        statuses[status] = statuses.get(status, 0) + 1
    return statuses


def stored_ids(database: str, site: str) -> list[str]:
    """The ids stored for a site, read straight from the SQLite file."""
    connection = sqlite3.connect(database, timeout=30)
    try:
        rows = connection.execute("SELECT id FROM submissions WHERE site = ?", (site,))
        return [row[0] for row in rows]
    finally:
        connection.close()


def count_rows(database: str, site: str) -> int:
    connection = sqlite3.connect(database, timeout=30)
    try:
        query = "SELECT count(*) FROM submissions WHERE site = ?"
        return connection.execute(query, (site,)).fetchone()[0]
    finally:
        connection.close()


def check_nothing_lost(host, port, database: str, site: str, token: str, options) -> dict:
    """Send the counted submissions and the replays; compare with the rows; print the outcome."""
    print(
        f"\nCounted client: {options.requests} submissions "
        f"from {options.client_threads} threads to the kiosk"
    )
    rows_before = count_rows(database, site)
    started = time.monotonic()
    tally = send_counted(host, port, site, token, options.requests, options.client_threads)
    elapsed = time.monotonic() - started
    ids = stored_ids(database, site)
    rows = len(ids) - rows_before
    match = rows == len(tally.acknowledged) and set(ids) == set(tally.acknowledged)
    print(
        f"  acknowledged {len(tally.acknowledged)}, errors {len(tally.errors)}, rows {rows}: "
        f"{'every acknowledged id stored once' if match else 'DO NOT MATCH'}"
        f"  ({len(tally.acknowledged) / elapsed:.0f}/s)"
    )
    for error in tally.errors[:5]:
        print(f"    error: {error}")
    if tally.cookies_set:
        print(
            f"  note: {tally.cookies_set} replies set a cookie, which a browser would send back;"
            " these requests carry none"
        )

    replay_ids = tally.acknowledged[: options.replays]
    replays = send_replays(host, port, site, token, replay_ids)
    rows_after_replays = count_rows(database, site) - rows_before
    replays_ok = replays == {409: len(replay_ids)} and rows_after_replays == rows
    print(
        f"  replayed {len(replay_ids)} acknowledged ids: statuses {replays}, rows after "
        f"{rows_after_replays}: {'ok' if replays_ok else 'WRONG'}"
    )
    return {
        "requests": options.requests,
        "acknowledged": len(tally.acknowledged),
        "errors": tally.errors,
        "cookies_set": tally.cookies_set,
        "rows": rows,
        "match": match,
        "replays": {str(status): count for status, count in replays.items()},
        "replays_ok": replays_ok,
    }
