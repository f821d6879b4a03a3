"""The baseline for bench/submit_rate.py: a bare Flask endpoint, no database.

One POST route that reads a JSON body and answers 201 with JSON, served by the
same gunicorn (2 sync workers) as the kiosk, so the ratio between the two shows
what the kiosk's own work costs: the larger app's request handling,
validation, the site lookup and the committed INSERT.

    .venv/bin/gunicorn --workers 2 --bind 127.0.0.1:8001 --pythonpath bench bare_app:app
"""

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/kiosk/<site>/submissions")
def submit(site: str):
    """Read the same body the kiosk gets and acknowledge it, storing nothing."""
    body = request.get_json()
    return jsonify({"status": "stored", "id": body.get("id")}), 201
