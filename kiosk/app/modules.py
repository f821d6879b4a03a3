"""Every module a page's script imports, so the page asks for all of them at
once (<link rel="modulepreload">) instead of finding each import only when the
module before it has arrived: on a slow tablet each step of that chain was a
round trip of its own (bench/slow_tablet.py).

The list is read from the scripts themselves (their `import ... from "./x.js"`
lines), so a new import is preloaded without anyone remembering to.
"""

import functools
import posixpath
import re
from pathlib import Path

from flask import Flask, current_app

# `import { a, b } from "./x.js";` (over several lines too) and `import "./x.js";`
IMPORT = re.compile(r"""^\s*import\b(?:[^"';]*?\bfrom)?\s*["'](\.{1,2}/[^"']+\.js)["']""", re.M)


@functools.cache
def _imported(static_folder: str, entry: str) -> tuple[str, ...]:
    found: list[str] = []
    waiting = [entry]
    while waiting:
        module = waiting.pop(0)
        try:
            source = (Path(static_folder) / module).read_text(encoding="utf-8")
        except OSError:
            continue  # a missing file shows as the browser's own error, not here
        for specifier in IMPORT.findall(source):
            imported = posixpath.normpath(posixpath.join(posixpath.dirname(module), specifier))
            if imported != entry and imported not in found:
                found.append(imported)
                waiting.append(imported)
    return tuple(found)


def imported_modules(entry: str) -> tuple[str, ...]:
    """The static files `entry` imports, directly or through another, in order."""
    return _imported(current_app.static_folder, entry)


def init_app(app: Flask) -> None:
    app.jinja_env.globals["imported_modules"] = imported_modules
