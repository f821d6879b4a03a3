"""Serving without client addresses or times of day in any log line.

Werkzeug's development server starts every line with the client's address and
the time; gunicorn logs "Invalid request from ip=..." at WARNING. Staff know
who sat in the waiting room at 10:40, so neither may be written down.
"""

import logging
import re

from gunicorn.glogging import Logger as GunicornLogger
from werkzeug.serving import WSGIRequestHandler, make_server

request_log = logging.getLogger("werkzeug")


class AnonymousRequestHandler(WSGIRequestHandler):
    """Logs the method, path and status of a request, and nothing about who sent it.

    Every line goes through log(), which leaves out the address and the time.
    The address itself stays in the request: the feedback box's rate limit
    tells senders apart by a keyed hash of it (kiosk/limits.py).
    """

    def handle(self) -> None:
        # An exception here (urlsplit refuses "GET http://[x HTTP/1.1") would
        # reach socketserver, which prints it beside the client's address.
        try:
            super().handle()
        except Exception:
            request_log.exception("Error on request")

    def log(self, type: str, message: str, *args) -> None:
        getattr(request_log, type)(message, *args)


def serve(app, host: str = "127.0.0.1", port: int = 5000):
    """The development server, for `make run`."""
    server = make_server(host, port, app, threaded=True, request_handler=AnonymousRequestHandler)
    return server


PEER_ADDRESS = re.compile(r"ip=[0-9A-Fa-f:.%\[\]]+|\b\d{1,3}(?:\.\d{1,3}){3}\b")


def without_addresses(message: object) -> object:
    return PEER_ADDRESS.sub("ip=-", message) if isinstance(message, str) else message


class AnonymousGunicornLogger(GunicornLogger):
    """gunicorn's logger with no access log and no peer address in any line.

    gunicorn formats "Invalid request from ip=..." itself before logging it,
    so the address is scrubbed from the finished message.
    """

    # gunicorn starts every line with the time of day; the level and pid will do.
    error_fmt = r"[%(process)d] [%(levelname)s] %(message)s"

    def access(self, resp, req, environ, request_time) -> None:
        return None

    def debug(self, msg, *args, **kwargs) -> None:
        # Debug lines name the peer of every connection; they are never needed here.
        return None

    def info(self, msg, *args, **kwargs) -> None:
        super().info(without_addresses(msg), *args, **kwargs)

    def warning(self, msg, *args, **kwargs) -> None:
        super().warning(without_addresses(msg), *args, **kwargs)

    def error(self, msg, *args, **kwargs) -> None:
        super().error(without_addresses(msg), *args, **kwargs)

    def exception(self, msg, *args, **kwargs) -> None:
        super().exception(without_addresses(msg), *args, **kwargs)
