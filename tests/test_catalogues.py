"""Every shipped catalogue is complete: no word left untranslated or fuzzy, each
placeholder kept, and every word the pages use is in it. A language that is
half done would show a child a page in two languages."""

import re

import pytest
from babel.messages.pofile import read_po

from kiosk.app import languages

TEMPLATE = languages.TRANSLATIONS / "messages.pot"
SHIPPED = [language.code for language in languages.shipped() if language.code != "en"]
# %(num)d, %(site)s; and {count}-style, should one ever be used.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")


def catalogue(code: str):
    with languages.catalogue(code).open("rb") as source:
        return read_po(source, locale=code)


def entries(catalog):
    return [message for message in catalog if message.id]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_polish_and_romanian_ship():
    assert {"pl", "ro"} <= set(SHIPPED)


def not_ready(catalog) -> tuple[list, list]:
    """(untranslated, fuzzy) entries."""
    untranslated = [
        m.id for m in entries(catalog) if not all(m.string if m.pluralizable else [m.string])
    ]
    fuzzy = [m.id for m in entries(catalog) if m.fuzzy]
    return untranslated, fuzzy


def wrong_placeholders(catalog) -> list:
    wrong = []
    for message in entries(catalog):
        ids = message.id if message.pluralizable else (message.id,)
        strings = message.string if message.pluralizable else (message.string,)
        for string in strings:
            # A plural's forms each name the count; the words around it differ.
            if string and placeholders(string) != placeholders(ids[-1]):
                wrong.append((ids[0], string))
    return wrong


@pytest.mark.parametrize("code", SHIPPED)
def test_no_entry_is_left_untranslated_or_fuzzy(code):
    catalog = catalogue(code)
    assert not catalog.fuzzy
    assert ([], []) == not_ready(catalog)


@pytest.mark.parametrize("code", SHIPPED)
def test_each_translation_keeps_the_placeholders_of_its_english(code):
    assert [] == wrong_placeholders(catalogue(code))


def test_the_checks_catch_an_empty_a_fuzzy_and_a_broken_entry():
    """So the tests above could fail: a catalogue with one of each."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="pl")
    catalog.add("Send", "")
    catalog.add("Back", "Wróć", flags=["fuzzy"])
    catalog.add("%(num)d of %(count)d", "%(num)d z")
    catalog.add(("%(num)d day", "%(num)d days"), ("%(num)d dzień", "", "%(num)d dni"))
    assert (["Send", ("%(num)d day", "%(num)d days")], ["Back"]) == not_ready(catalog)
    assert [("%(num)d of %(count)d", "%(num)d z")] == wrong_placeholders(catalog)


@pytest.mark.parametrize("code", SHIPPED)
def test_each_catalogue_has_every_word_the_pages_use(code):
    with TEMPLATE.open("rb") as source:
        template = read_po(source)
    wanted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in entries(template)}
    have = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in entries(catalogue(code))
    }
    assert set() == wanted - have, "run `make translations-extract`, then translate"


def test_the_template_has_the_words_of_the_code(tmp_path):
    """messages.pot is up to date: extracting again finds no new word."""
    from babel.messages.frontend import CommandLineInterface

    out = tmp_path / "messages.pot"
    root = languages.TRANSLATIONS.parent
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(root / "babel.cfg"), "-k", "_l",
         "-k", "lazy_pgettext:1c,2", "-k", "plural_words:1,2", "--no-location",
         "--sort-output", "-o", str(out), str(root)]
    )  # fmt: skip
    with out.open("rb") as source:
        fresh = {m.id if isinstance(m.id, str) else m.id[0] for m in entries(read_po(source))}
    with TEMPLATE.open("rb") as source:
        kept = {m.id if isinstance(m.id, str) else m.id[0] for m in entries(read_po(source))}
    assert set() == fresh - kept, "run `make translations-extract`, then translate"


def test_the_safeguarding_numbers_are_the_same_in_every_language():
    for code in SHIPPED:
        for message in entries(catalogue(code)):
            for number in ("0800 1111", "0 8 0 0, 1 1 1 1", "9 9 9", "999"):
                if isinstance(message.id, str) and number in message.id:
                    assert number in message.string, (code, message.id)
