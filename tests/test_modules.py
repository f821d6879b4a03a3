"""Each public page asks for all the modules its script imports at once
(kiosk/app/modules.py), so a slow tablet does not wait a round trip for each
step of the chain of imports."""

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).parent.parent / "kiosk" / "static"


def imports_in(source: str) -> set[str]:
    return set(re.findall(r'from "\./([\w-]+\.js)"', source)) | set(
        re.findall(r'^import "\./([\w-]+\.js)"', source, re.M)
    )


def every_import(entry: str) -> set[str]:
    """What the browser would fetch, following each import in turn."""
    found, waiting = set(), [entry]
    while waiting:
        for name in imports_in((STATIC / "js" / waiting.pop()).read_text()) - found:
            found.add(name)
            waiting.append(name)
    return found - {entry}


@pytest.mark.parametrize(
    ("url", "entry"),
    [("/kiosk/waiting-room-a", "kiosk.js"), ("/feedback/waiting-room-a", "feedback.js")],
)
def test_a_page_asks_for_every_module_its_script_imports_at_once(client, url, entry):
    page = client.get(url).get_data(as_text=True)
    preloaded = re.findall(r'<link rel="modulepreload" href="/static/js/([\w-]+\.js)">', page)
    assert len(preloaded) == len(set(preloaded))
    assert every_import(entry) == set(preloaded)
    assert len(every_import(entry)) >= 6
    assert f'<script type="module" src="/static/js/{entry}"></script>' in page
