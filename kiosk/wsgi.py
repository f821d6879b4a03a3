"""The app object for gunicorn: `gunicorn -c kiosk/gunicorn_conf.py`.

Imported in each worker, which also starts its scheduler thread: the daily
tidy runs once a day, claimed by whichever worker sees it due first."""

from kiosk import create_app
from kiosk.app import schedule

app = create_app()
schedule.start(app)
