"""The durable floor for bench/submit_rate.py: the bare endpoint plus one stored row.

bench/bare_app.py's route, storing each submission with the kiosk's own
storage code and nothing else: the same kept connection per worker, the same
write lock taken in short steps, the same `synchronous=FULL` commit, so one
fsync per submission. No validation, no site lookup, no security headers, no
limiter, no error pages. No submit endpoint that keeps "acknowledged means
stored" can be faster than this on the same disk: the kiosk's rate over this
one is what the kiosk's own code costs; this one's rate over the bare
endpoint is what the disk allows.

    FLOOR_DATABASE=/tmp/floor.db .venv/bin/gunicorn --workers 2 \\
        --bind 127.0.0.1:8002 --pythonpath bench floor_app:app
"""

import datetime
import os

from flask import Flask, jsonify, request

from kiosk import storage
from kiosk.surveys import Submission

DATABASE = os.environ["FLOOR_DATABASE"]
# Tables made once, by whichever worker gets the migrations lock first.
storage.open_database(DATABASE).close()

app = Flask(__name__)


@app.post("/kiosk/<site>/submissions")
def submit(site: str):
    body = request.get_json()
    submission = Submission(
        body["id"], site, "child-evaluation", body["answers"], datetime.date.today()
    )
    if not storage.record_submission(storage.connection_for_thread(DATABASE), submission):
        return jsonify({"status": "duplicate"}), 409
    return jsonify({"status": "stored", "id": submission.id}), 201
