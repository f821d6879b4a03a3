"""Which language a public page speaks: ?lang=, then the browser's, then the
site's own; the kiosk never follows the browser; staff choose each site's
languages; and the language a person chose is never kept."""

import re
import shutil
import sqlite3

import pytest

from kiosk import storage
from tests.conftest import MADE_BY_729C3B5, form_token, send_feedback


def html_tag(client, url, **headers):
    response = client.get(url, headers=headers)
    return response.status_code, re.search(r"<html[^>]*>", response.get_data(as_text=True))[0]


def heading(client, url, **headers):
    page = client.get(url, headers=headers).get_data(as_text=True)
    return re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1].strip()


@pytest.mark.parametrize(
    ("url", "headers", "expected"),
    [
        ("/feedback/youth-hub", {}, '<html lang="en-GB" dir="ltr">'),
        ("/feedback/youth-hub?lang=pl", {}, '<html lang="pl" dir="ltr">'),
        (
            "/feedback/youth-hub",
            {"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"},
            '<html lang="pl" dir="ltr">',
        ),
        ("/feedback/youth-hub", {"Accept-Language": "ro"}, '<html lang="ro" dir="ltr">'),
        # ?lang= wins over the browser's language.
        ("/feedback/youth-hub?lang=ro", {"Accept-Language": "pl"}, '<html lang="ro" dir="ltr">'),
        # Unknown or not offered: the browser's, then the site's own.
        ("/feedback/youth-hub?lang=xx", {}, '<html lang="en-GB" dir="ltr">'),
        ("/feedback/youth-hub?lang=xx", {"Accept-Language": "pl"}, '<html lang="pl" dir="ltr">'),
        ("/feedback/youth-hub", {"Accept-Language": "de-DE"}, '<html lang="en-GB" dir="ltr">'),
        ("/you-said-we-did/youth-hub?lang=pl", {}, '<html lang="pl" dir="ltr">'),
        ("/survey/youth-hub/adult-evaluation?lang=ro", {}, '<html lang="ro" dir="ltr">'),
        ("/feedback/withdraw?lang=pl", {}, '<html lang="pl" dir="ltr">'),
        ("/feedback/withdraw", {"Accept-Language": "ro"}, '<html lang="ro" dir="ltr">'),
        ("/kiosk/youth-hub?lang=pl", {}, '<html lang="pl" dir="ltr">'),
        # A shared tablet's browser says nothing about the child in front of it.
        ("/kiosk/youth-hub", {"Accept-Language": "pl"}, '<html lang="en-GB" dir="ltr">'),
        ("/no-such-page?lang=pl", {}, '<html lang="pl" dir="ltr">'),
    ],
)
def test_a_page_speaks_the_language_asked_for_then_the_browsers_then_the_sites(
    client, db, url, headers, expected
):
    storage.set_offered_surveys(db, "youth-hub", ["adult-evaluation"])
    assert expected == html_tag(client, url, **headers)[1]


def test_the_words_are_translated_not_only_the_tag(client):
    assert "Powiedz nam, co chcesz" == heading(client, "/feedback/youth-hub?lang=pl")
    assert "Spune-ne orice" == heading(client, "/feedback/youth-hub", **{"Accept-Language": "ro"})
    assert "Tell us anything" == heading(client, "/feedback/youth-hub")


def test_a_site_opens_in_its_own_language(client, db):
    storage.set_site_languages(db, "youth-hub", ["en", "pl"], "pl")
    assert '<html lang="pl" dir="ltr">' == html_tag(client, "/feedback/youth-hub")[1]
    assert '<html lang="pl" dir="ltr">' == html_tag(client, "/kiosk/youth-hub")[1]
    # Romanian is shipped but not offered here: the site's own again.
    assert '<html lang="pl" dir="ltr">' == html_tag(client, "/feedback/youth-hub?lang=ro")[1]
    assert '<html lang="en-GB" dir="ltr">' == html_tag(client, "/kiosk/youth-hub?lang=en")[1]


def test_a_phone_page_lists_the_sites_languages_in_their_own_words(client, db):
    storage.set_site_languages(db, "youth-hub", ["en", "pl", "ro"], "en")
    page = client.get("/feedback/youth-hub?lang=pl").get_data(as_text=True)
    links = re.findall(
        r'<a href="([^"]+)"\s+hreflang="([^"]+)" lang="[^"]+" dir="ltr"[^>]*>([^<]+)</a>', page
    )
    assert [
        ("/feedback/youth-hub?lang=en", "en-GB", "English"),
        ("/feedback/youth-hub?lang=pl", "pl", "Polski"),
        ("/feedback/youth-hub?lang=ro", "ro", "Română"),
    ] == links
    assert 'aria-current="true">Polski' in page


def test_the_choice_lasts_for_the_visit_without_a_cookie(client):
    response = client.get("/feedback/youth-hub?lang=ro")
    page = response.get_data(as_text=True)
    assert 'action="/feedback/youth-hub?lang=ro"' in page
    assert 'href="/feedback/withdraw?lang=ro"' in page
    assert "Set-Cookie" not in response.headers or "lang" not in response.headers["Set-Cookie"]


def test_the_kiosk_offers_each_language_as_a_button_and_sets_no_cookie(client):
    response = client.get("/kiosk/youth-hub?lang=pl")
    page = response.get_data(as_text=True)
    assert "Set-Cookie" not in response.headers
    buttons = re.findall(r'<a class="language-button" data-language-choice\s+href="([^"]+)"', page)
    assert ["/kiosk/youth-hub", "/kiosk/youth-hub?lang=pl", "/kiosk/youth-hub?lang=ro"] == buttons[
        :3
    ]
    # The answers go to the same address whatever the language: nothing says which.
    assert 'data-submit-url="/kiosk/youth-hub/submissions"' in page
    assert 'data-start-url="/kiosk/youth-hub"' in page


def test_a_count_is_said_in_the_languages_own_plural_forms(client):
    page = client.get("/feedback/youth-hub?lang=pl").get_data(as_text=True)
    forms = re.search(r'data-letters-left="([^"]+)"', page)[1].replace("&#34;", '"')
    assert '"one": "Została %(num)d litera"' in forms
    assert '"few": "Zostały %(num)d litery"' in forms
    assert '"many": "Zostało %(num)d liter"' in forms


def test_the_language_is_never_kept_with_a_comment(app, client, db):
    """Metamorphic: the same words sent from a Polish page and from an English
    one are kept alike, apart from their own id, receipt and date columns."""
    send_feedback(client, site="youth-hub", text="The chairs are hard")
    polish = client.get("/feedback/youth-hub?lang=pl", headers={"Accept-Language": "pl"})
    assert 200 == polish.status_code
    assert 201 == send_feedback(client, site="youth-hub", text="Krzesła są twarde").status_code
    rows = list(db.query("SELECT * FROM comments ORDER BY text"))
    assert 2 == len(rows)
    assert set(rows[0]) == set(rows[1])
    assert not any(name.startswith("lang") for name in rows[0])
    for row in rows:
        assert "pl" not in {value for value in row.values() if isinstance(value, str)}


def test_answers_carrying_a_language_are_refused(kiosk_client):
    from tests.conftest import all_answers, new_submission_id

    body = {"id": new_submission_id(), "answers": all_answers(), "lang": "pl"}
    assert 422 == kiosk_client.submit("waiting-room-a", body=body).status_code


def test_an_error_in_a_language_says_it_in_that_language(client):
    response = client.post("/feedback/youth-hub?lang=pl", json=[1])  # with no form token
    assert 400 == response.status_code
    assert "Ta strona była otwarta za długo." in response.get_json()["message"]
    page = client.get("/no-such-page?lang=ro").get_data(as_text=True)
    assert "Nu am găsit pagina aceasta." in page


def test_a_poster_is_printed_in_the_sites_language(staff, db):
    storage.set_site_languages(db, "youth-hub", ["en", "ro"], "ro")
    page = staff.get("/admin/posters/youth-hub").get_data(as_text=True)
    assert '<html lang="en-GB">' in page  # the staff area around it
    assert 'lang="ro" dir="ltr">' in page
    assert "Spune-ne orice" in page
    assert "Print this page on A4" in page


# The Sites page: staff choose each site's languages and the one it opens in.


def choose(staff, slug, chosen, default):
    token = form_token(staff, "/admin/sites")
    data = {"csrf_token": token, "languages": chosen, "default_language": default}
    return staff.post(f"/admin/sites/{slug}/languages", data=data)


def test_staff_choose_a_sites_languages_and_the_one_it_opens_in(staff, db, client):
    response = choose(staff, "youth-hub", ["en", "pl"], "pl")
    assert 302 == response.status_code
    site = storage.find_site(db, "youth-hub")
    assert (["en", "pl"], "pl") == (site["languages"], site["default_language"])
    assert "Polski" in staff.get("/admin/sites").get_data(as_text=True)


@pytest.mark.parametrize(
    ("chosen", "default"),
    [(["en", "pl"], "ro"), (["en", "xx"], "en"), ([], "en"), (["en"], "")],
)
def test_a_choice_not_on_the_page_is_refused_plainly(staff, db, chosen, default):
    before = storage.find_site(db, "youth-hub")
    response = choose(staff, "youth-hub", chosen, default)
    assert 422 == response.status_code
    assert before == storage.find_site(db, "youth-hub")


def test_a_fresh_site_offers_every_language_and_opens_in_english(db):
    for site in storage.list_sites(db):
        assert (["en", "pl", "ro", "ur", "ar", "pa"], "en") == (
            site["languages"],
            site["default_language"],
        )


def test_migration_0012_keeps_every_site_and_gives_it_every_language(tmp_path):
    path = tmp_path / "kiosk.db"
    shutil.copy(MADE_BY_729C3B5, path)

    def sites():
        connection = sqlite3.connect(path)
        try:
            return connection.execute(
                "SELECT slug, name, retired FROM sites ORDER BY slug"
            ).fetchall()
        finally:
            connection.close()

    before = sites()
    assert before
    db = storage.open_database(path)
    try:
        after = storage.list_sites(db)
    finally:
        db.close()
    assert before == sites()
    assert {("en pl ro ur ar pa", "en")} == {
        (" ".join(site["languages"]), site["default_language"]) for site in after
    }


def test_the_feedback_box_from_the_kiosk_ignores_the_tablets_browser(client):
    url = "/feedback/youth-hub?from=kiosk"
    assert '<html lang="en-GB" dir="ltr">' == html_tag(client, url, **{"Accept-Language": "pl"})[1]
    assert '<html lang="pl" dir="ltr">' == html_tag(client, url + "&lang=pl")[1]
