"""The app object for gunicorn: `gunicorn -c kiosk/gunicorn_conf.py`."""

from kiosk import create_app

app = create_app()
