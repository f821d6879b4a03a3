"""Serving without client addresses, times of day or request lines in any log.

Werkzeug's development server logs every request, starting with the client's
address and the time; gunicorn logs "Invalid request from ip=..." at WARNING. Staff know
who sat in the waiting room at 10:40, so neither may be written down.
"""

import logging
import re

from gunicorn.glogging import Logger as GunicornLogger
from werkzeug.serving import WSGIRequestHandler, make_server

request_log = logging.getLogger("werkzeug")
QUERY = re.compile(r"\?[^\s'\"]*")


def without_query(message: str) -> str:
    """A log line with every query string taken out ("?from=kiosk" says where someone came from)."""
    return QUERY.sub("", message)


class AnonymousRequestHandler(WSGIRequestHandler):
    """Writes down only what went wrong: never a line per request.

    A line for each request, even with no address and no time, links requests
    that follow each other: "POST /kiosk/<site>/submissions 201" then
    "POST /feedback/<site>?from=kiosk 201" says that one child gave those
    answers and wrote that comment, and journald puts a time on each line.
    So only server errors (5xx) and werkzeug's own complaints about a request
    it could not read are logged, without the query string. The address stays
    in the request: the feedback box's rate limit tells senders apart by a
    keyed hash of it (kiosk/app/limits.py).
    """

    def handle(self) -> None:
        # An exception here (urlsplit refuses "GET http://[x HTTP/1.1") would
        # reach socketserver, which prints it beside the client's address.
        try:
            super().handle()
        except Exception:
            request_log.exception("Error on request")

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if isinstance(code, int) and code >= 500:
            path = getattr(self, "path", "").partition("?")[0]
            self.log("error", "%s %s %s", self.command, path, int(code))

    def log(self, type: str, message: str, *args) -> None:
        # Never the address or the time werkzeug would put first.
        getattr(request_log, type)("%s", without_query(message % args if args else message))


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
