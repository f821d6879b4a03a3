"""The languages the public pages speak, in one list, and the one for each request.

Each language is named in its own words and script (no flags: a flag is a
country, not a language). A language is offered only once its catalogue,
translations/<code>/LC_MESSAGES/messages.po, is there: adding a language is
one catalogue and one line below. English is the words in the code itself.

The language of a request: a page a child or young person opens follows
`?lang=`, then the browser's Accept-Language, then the site's default
(the kiosk skips Accept-Language: a shared tablet's browser says nothing
about the child in front of it). Nothing about it is stored: no cookie, and
never beside an answer or a comment (in a small service the language could
point to one family). The staff area is always English.
"""

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, g, request
from flask_babel import Babel, get_locale, get_translations

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
ENGLISH = "en"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in its own language and script
    direction: str = "ltr"
    tag: str = ""  # for <html lang>, hreflang and speech; the code when empty

    @property
    def html_lang(self) -> str:
        return self.tag or self.code


LANGUAGES = (
    Language("en", "English", tag="en-GB"),
    Language("pl", "Polski"),
    Language("ro", "Română"),
    Language("ur", "اردو", "rtl"),
    Language("ar", "العربية", "rtl"),
    Language("pa", "ਪੰਜਾਬੀ"),
)
BY_CODE = {language.code: language for language in LANGUAGES}
ALL_CODES = tuple(BY_CODE)


def catalogue(code: str) -> Path:
    return TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"


def shipped() -> tuple[Language, ...]:
    """English, and each language whose catalogue is there."""
    return tuple(
        language
        for language in LANGUAGES
        if language.code == ENGLISH or catalogue(language.code).is_file()
    )


def shipped_codes() -> tuple[str, ...]:
    return tuple(language.code for language in shipped())


def offered(codes) -> list[Language]:
    """The shipped languages among `codes` (a site's choice), in the list's order."""
    chosen = set(codes)
    return [language for language in shipped() if language.code in chosen]


def compile_catalogues() -> None:
    """Build each catalogue's .mo beside its .po when missing or older, so a fresh
    clone works without a separate step (`make translations` does the same).
    Written to a temporary file and moved into place: workers starting together
    never read half a file."""
    for language in shipped():
        po = catalogue(language.code)
        if language.code == ENGLISH or not po.is_file():
            continue
        mo = po.with_suffix(".mo")
        if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            messages = read_po(source, locale=language.code)
        with tempfile.NamedTemporaryFile("wb", dir=mo.parent, delete=False) as tmp:
            write_mo(tmp, messages)
        os.replace(tmp.name, mo)


def chosen_language() -> str:
    """The code of this request's language (set by the view in g.language)."""
    return getattr(g, "language", None) or ENGLISH


def choose(site_codes=None, default: str = ENGLISH, browser: bool = True) -> Language:
    """The language for this request, from the site's languages: `?lang=`, then
    (when `browser`) Accept-Language, then the site's default."""
    codes = [language.code for language in offered(site_codes or ALL_CODES)]
    asked = request.args.get("lang", "")
    if asked in codes:
        code = asked
    else:
        best = request.accept_languages.best_match(codes) if browser else None
        code = best or (default if default in codes else ENGLISH)
    g.language = code
    g.languages = [BY_CODE[c] for c in codes]
    g.language_chosen = asked == code
    return BY_CODE[code]


def for_site(site: dict, browser: bool = True) -> Language:
    return choose(site.get("languages"), site.get("default_language") or ENGLISH, browser)


def language_args() -> dict:
    """What links and forms carry so the choice lasts for the visit: `lang`
    when the person chose it with ?lang=, else nothing."""
    return {"lang": g.language} if getattr(g, "language_chosen", False) else {}


def plural_words(singular: str, plural: str) -> str:
    """A phrase with a count, for a script to show: JSON of the phrase for each of
    this language's plural forms (by CLDR name, as the browser's Intl.PluralRules
    names them), each with "%(num)d" for the count (kiosk/static/js/words.js)."""
    rule = get_locale().plural_form
    samples: dict[str, int] = {}
    for number in range(200):
        samples.setdefault(rule(number), number)
    translations = get_translations()
    forms = {form: translations.ungettext(singular, plural, n) for form, n in samples.items()}
    return json.dumps(forms, ensure_ascii=False)


def init_app(app: Flask) -> None:
    compile_catalogues()
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    Babel(app, locale_selector=chosen_language)
    app.jinja_env.globals["plural_words"] = plural_words

    @app.context_processor
    def language_of_page():
        language = BY_CODE[chosen_language()]
        return {
            "language": language,
            "languages": getattr(g, "languages", []),
            "language_args": language_args(),
        }


def survey_language() -> str | None:
    """The language a survey's own words are asked in: the one asked for with
    ?lang= (a staff preview, which stays English around it, asks so too; so
    does a language whose page catalogue has not shipped yet, whose survey
    words have), else the page's, as a public view chose it."""
    return request.args.get("lang") or getattr(g, "language", None)
