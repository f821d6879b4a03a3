"""Find what a page makes the browser fetch: the parsers behind first_load.py.

Each function takes a document's text and returns the references in it, as
(url, how it was found) pairs, unresolved. The kiosk's front-end is still being
written, so these look for everything a browser loads on its own: styles,
icons, scripts and modules they import, images, media, CSS url()s and
@imports, and string literals in scripts that name a file by its extension
(a face image set from JavaScript, a service worker, a precache list).
"""

import re
from html.parser import HTMLParser

# <link rel="..."> values whose target the browser fetches while loading the page.
FETCHED_LINKS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest"}
ASSET_EXTENSIONS = "|".join(
    ["css", "js", "mjs", "json", "webmanifest", "svg", "png", "jpe?g", "gif", "webp", "avif"]
    + ["ico", "woff2?", "ttf", "otf", "mp3", "ogg", "wav", "webm", "mp4"]
)

CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+?)["']?\s*\)""", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
JS_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
JS_LINE_COMMENT = re.compile(r"^\s*//.*$", re.MULTILINE)
JS_STATIC_IMPORT = re.compile(
    r"""(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']"""
)
JS_DYNAMIC_IMPORT = re.compile(r"""\bimport\s*\(\s*["'`]([^"'`$]+)["'`]\s*\)""")
JS_NEW_URL = re.compile(r"""\bnew\s+URL\(\s*["'`]([^"'`$]+)["'`]\s*,\s*import\.meta\.url""")
JS_ASSET_STRING = re.compile(
    rf"""["'`]((?:\.{{0,2}}/)?[\w./-]*\.(?:{ASSET_EXTENSIONS}))(?:\?[^"'`]*)?["'`]""",
    re.IGNORECASE,
)
JS_TEMPLATE_ASSET = re.compile(rf"""`([^`]*\$\{{[^`]*\.(?:{ASSET_EXTENSIONS}))`""", re.IGNORECASE)


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.references: list[tuple[str, str]] = []
        self.skipped: list[tuple[str, str]] = []
        self.inline: list[tuple[str, str]] = []  # (kind, text) of <style> and <script>
        self._inside: str | None = None

    def _add(self, url: str | None, how: str) -> None:
        if url and url.strip() and not url.strip().startswith("#"):
            self.references.append((url.strip(), how))

    def _add_srcset(self, srcset: str | None, how: str) -> None:
        for candidate in (srcset or "").split(","):
            self._add(candidate.strip().split(" ")[0], how + " (srcset)")

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if rels & FETCHED_LINKS:
                self._add(a.get("href"), f"<link rel={'/'.join(sorted(rels))}>")
            elif a.get("href"):
                self.skipped.append((a["href"], f"<link rel={a.get('rel')}> (not fetched on load)"))
        elif tag == "script":
            if a.get("src"):
                self._add(
                    a["src"], f"<script{' type=module' if a.get('type') == 'module' else ''}>"
                )
            else:
                self._inside = "script"
        elif tag == "style":
            self._inside = "style"
        elif tag in ("img", "source", "audio", "video", "track", "embed", "iframe"):
            self._add(a.get("src"), f"<{tag} src>")
            self._add_srcset(a.get("srcset"), f"<{tag}>")
            self._add(a.get("poster"), f"<{tag} poster>")
        elif tag == "input" and a.get("type") == "image":
            self._add(a.get("src"), "<input type=image>")
        elif tag == "object":
            self._add(a.get("data"), "<object data>")
        elif tag in ("use", "image", "feimage"):
            self._add(a.get("href") or a.get("xlink:href"), f"<svg {tag} href>")
        if a.get("style"):
            self.inline.append(("style", a["style"]))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._inside = None

    def handle_data(self, data):
        if self._inside:
            self.inline.append((self._inside, data))


def html_references(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What an HTML page loads, and the links it names that a browser does not fetch."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    references = list(parser.references)
    for kind, inline in parser.inline:
        found = css_references(inline) if kind == "style" else js_references(inline)
        references += [(url, f"inline {kind}: {how}") for url, how in found]
    return references, parser.skipped


def css_references(text: str) -> list[tuple[str, str]]:
    text = CSS_COMMENT.sub("", text)
    imports = [(url, "CSS @import") for url in CSS_IMPORT.findall(text)]
    imported = {url for url, _ in imports}
    urls = [(url, "CSS url()") for url in CSS_URL.findall(text) if url not in imported]
    return imports + urls


def js_references(text: str) -> list[tuple[str, str]]:
    text = JS_LINE_COMMENT.sub("", JS_BLOCK_COMMENT.sub("", text))
    found = [(url, "JS import") for url in JS_STATIC_IMPORT.findall(text)]
    found += [(url, "JS import()") for url in JS_DYNAMIC_IMPORT.findall(text)]
    found += [(url, "JS new URL(…, import.meta.url)") for url in JS_NEW_URL.findall(text)]
    seen = {url for url, _ in found}
    found += [
        (url, "JS string naming a file")
        for url in JS_ASSET_STRING.findall(text)
        if url not in seen and ("/" in url or "." in url)
    ]
    return found


def js_unresolved(text: str) -> list[str]:
    """File names built at run time (`/static/faces/${face}.svg`): cannot be followed."""
    text = JS_LINE_COMMENT.sub("", JS_BLOCK_COMMENT.sub("", text))
    return JS_TEMPLATE_ASSET.findall(text)
