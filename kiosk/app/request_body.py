"""A request body that cannot be read is the sender's mistake: a 400, never a 500.

A body sent with `Transfer-Encoding: chunked` and a bad chunk size, a missing
line end or a broken trailer fails while it is being read, with whatever the
server raises: werkzeug's development server raises OSError or ValueError,
gunicorn its own gunicorn.http.errors. Flask answered those with a 500. And
werkzeug's own 400 for a broken body was no better: the error page reads the
body again (a staff page's sign-out form asks for request.files), fails a
second time inside the error handler, and the server sends a 500.

So every read of the body goes through BodyReader: the first failure becomes
werkzeug's BadRequest, answered by kiosk/app/errors.py with its plain message, and
every read after that finds an empty body, so the error page can be drawn.
"""

from werkzeug.exceptions import BadRequest


class BodyReader:
    """wsgi.input, with any failure to read it turned into a 400."""

    def __init__(self, stream):
        self._stream = stream
        self._broken = False

    def _read(self, method: str, *args):
        if self._broken:
            return [] if method == "readlines" else b""
        try:
            return getattr(self._stream, method)(*args)
        except Exception as error:  # whatever the server raises: the body is unreadable
            self._broken = True
            raise BadRequest("The request body could not be read.") from error

    def read(self, *args) -> bytes:
        return self._read("read", *args)

    def readline(self, *args) -> bytes:
        return self._read("readline", *args)

    def readlines(self, *args) -> list[bytes]:
        return self._read("readlines", *args)

    def __iter__(self):
        while line := self.readline():
            yield line


class UnreadableBodyIsBadRequest:
    """WSGI middleware: the app reads its body only through a BodyReader."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        environ["wsgi.input"] = BodyReader(environ["wsgi.input"])
        return self.wsgi_app(environ, start_response)
