"""A survey on a phone, from a site's QR code: every question a group that can be
skipped, one Send; choices kept once as answers dated by the server, words kept
as comments that share one receipt code; anything else a plain 4xx that keeps
nothing and keeps the form."""

import csv
import dataclasses
import datetime
import html
import io
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kiosk import create_app, storage
from kiosk.feedback.receipt_codes import hash_receipt_code
from kiosk.surveys import ADULT_EVALUATION, CHILD_EVALUATION, iso_week
from tests.conftest import form_token, make_config
from tests.test_qr import rasterise, scan

ADULT_URL = f"/survey/waiting-room-a/{ADULT_EVALUATION}"
CHILD_URL = f"/survey/waiting-room-a/{CHILD_EVALUATION}"
PAGE_FIELDS = ("csrf_token", "version", "submission_id", "receipt_code", "receipt_seal")
SIGNPOSTING = ['href="tel:08001111"', 'href="tel:999"', "adult you trust"]
CLOSING = "Thank you for taking the time to provide your feedback."
GUIDE_QUESTIONS = [
    (
        "Overall, how satisfied are you with our co-production meetings?",
        [
            "Very Satisfied",
            "Somewhat Satisfied",
            "Neutral",
            "Somewhat Dissatisfied",
            "Very Dissatisfied",
        ],
    ),
    (
        "Do you feel that the meetings are well-organised and productive?",
        ["Yes", "No", "Sometimes"],
    ),
    (
        "Do you have adequate opportunities to contribute and share your ideas?",
        ["Always", "Often", "Sometimes", "Rarely", "Never"],
    ),
    (
        "How included do you feel in the decision-making process?",
        ["Very Included", "Somewhat Included", "Neutral", "Somewhat Excluded", "Very Excluded"],
    ),
    ("Do you have suggestions for improvements we could make to the meetings?", []),
]


@pytest.fixture
def offered(db):
    """The default site offers both built-in surveys on phones."""
    storage.set_offered_surveys(db, "waiting-room-a", [ADULT_EVALUATION, CHILD_EVALUATION])


class SurveyPage(HTMLParser):
    """What a screen reader finds on the page: each group's name, its radio
    buttons by their words, its text boxes by their labels; the hidden fields."""

    def __init__(self):
        super().__init__()
        self.groups, self.hidden, self.buttons, self.checked = [], {}, [], []
        self.labels, self.textareas = {}, {}
        self._in = None
        self._radio = None
        self._label_for = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "fieldset":
            self.groups.append({"name": "", "radios": [], "boxes": []})
        elif tag == "legend":
            self._in = "legend"
        elif tag == "input" and attributes.get("type") == "hidden":
            self.hidden[attributes["name"]] = attributes.get("value") or ""
        elif tag == "input" and attributes.get("type") == "radio":
            self._radio = [attributes["name"], attributes["value"], ""]
            if "checked" in attributes:
                self.checked.append((attributes["name"], attributes["value"]))
        elif tag == "label" and "for" in attributes:
            self._label_for = attributes["for"]
            self.labels[self._label_for] = ""
        elif tag == "textarea":
            self.groups[-1]["boxes"].append(attributes["id"])
            self._in = ("textarea", attributes["name"])
            self.textareas[attributes["name"]] = ""
        elif tag == "button" and "hidden" not in attributes:
            # A hidden button (read-aloud until speech.js finds a voice) is not found.
            self._in = "button"
            self.buttons.append("")

    def handle_endtag(self, tag):
        if tag == "label" and self._radio:
            name, value, words = self._radio
            self.groups[-1]["radios"].append((name, value, " ".join(words.split())))
            self._radio = None
        if tag == "label":
            self._label_for = None
        if tag in {"legend", "textarea", "button"}:
            self._in = None

    def handle_data(self, data):
        if self._in == "legend":
            self.groups[-1]["name"] += data
        elif self._in == "button":
            self.buttons[-1] += data.strip()
        elif isinstance(self._in, tuple):
            self.textareas[self._in[1]] += data
        elif self._radio is not None:
            self._radio[2] += data
        elif self._label_for:
            self.labels[self._label_for] += data.strip()


def read_page(response) -> SurveyPage:
    parser = SurveyPage()
    parser.feed(response.get_data(as_text=True))
    return parser


def page_fields(client, url=ADULT_URL) -> dict[str, str]:
    """Open the survey as a phone does; the hidden fields its Send posts back."""
    response = client.get(url)
    assert 200 == response.status_code
    fields = read_page(response).hidden
    assert set(PAGE_FIELDS) == set(fields)
    return fields


def send(client, url=ADULT_URL, fields=None, **given):
    """Press Send: the page's hidden fields, what was chosen and what was written."""
    form = {**(page_fields(client, url) if fields is None else fields), **given}
    return client.post(url, data=form)


def text(response) -> str:
    return response.get_data(as_text=True)


def submissions(db) -> list[dict]:
    return list(db.query("SELECT * FROM submissions"))


def comments(db) -> list[dict]:
    return list(db.query("SELECT * FROM comments ORDER BY question"))


def assert_nothing_kept(db):
    assert ([], []) == (submissions(db), comments(db))


# The page


def test_the_page_shows_the_guides_five_questions_as_named_groups(client, offered):
    response = client.get(ADULT_URL)
    assert 200 == response.status_code
    page = read_page(response)
    assert "Co-production evaluation for adults" in text(response)
    assert "Many thanks for your participation in this process so far." in text(response)
    assert GUIDE_QUESTIONS == [
        (group["name"].strip(), [words for _, _, words in group["radios"]]) for group in page.groups
    ]
    # Each group has its own Comments box: the guide's comments space, and the words-only question.
    assert [1, 1, 1, 1, 1] == [len(group["boxes"]) for group in page.groups]
    assert {"Comments"} == {page.labels[box] for group in page.groups for box in group["boxes"]}
    assert ["Send"] == page.buttons
    assert [] == page.checked, "nothing is chosen for anyone"


def test_a_faces_question_offers_yes_sometimes_no_with_the_faces(client, offered):
    response = client.get(CHILD_URL)
    page = read_page(response)
    assert [["Yes", "Sometimes", "No"]] * 4 == [
        [words for _, _, words in group["radios"]] for group in page.groups
    ]
    assert "Do you feel safe during our meetings?" == page.groups[0]["name"].strip()
    assert [[]] * 4 == [group["boxes"] for group in page.groups]
    assert "/static/faces/yes.svg" in text(response)


@pytest.mark.parametrize(
    "url",
    [
        "/survey/nowhere/adult-evaluation",
        "/survey/waiting-room-a/no-such-survey",
        # youth-hub exists but offers no survey.
        f"/survey/youth-hub/{ADULT_EVALUATION}",
    ],
    ids=["unknown-site", "unknown-survey", "not-offered-by-the-site"],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_survey_the_site_does_not_offer_is_a_plain_404(client, offered, url, method):
    response = client.open(url, method=method, data={"version": "1"})
    assert (404, True) == (response.status_code, "We could not find that page" in text(response))
    assert "<fieldset" not in text(response)


def test_a_retired_sites_survey_is_resting(client, db, offered):
    storage.set_site_retired(db, "waiting-room-a", True)
    response = client.get(ADULT_URL)
    assert (410, True) == (response.status_code, "This kiosk is resting" in text(response))


def test_opening_the_page_keeps_nothing_and_sets_no_cookie_but_the_form_token(client, db, offered):
    response = client.get(ADULT_URL)
    cookies = response.headers.getlist("Set-Cookie")
    assert [["session"]] == [[cookie.split("=")[0] for cookie in cookies]]
    assert "no-store" == response.headers["Cache-Control"]
    assert_nothing_kept(db)


def test_each_page_has_its_own_id_and_a_receipt_code_sealed_by_the_server(client, offered):
    first, second = page_fields(client), page_fields(client)
    assert first["submission_id"] != second["submission_id"]
    assert re.fullmatch(r"[a-z]+-[a-z]+-[a-z]+", first["receipt_code"])
    assert "1" == first["version"]


# Sending


def test_choices_are_kept_as_one_submission_with_skips_dated_today(client, db, offered):
    fields = page_fields(client)
    response = send(client, fields=fields, **{"answer-satisfied": "2", "answer-included": "5"})
    assert 201 == response.status_code
    [row] = submissions(db)
    today = datetime.date.today()
    assert {
        "id": fields["submission_id"],
        "site": "waiting-room-a",
        "survey": ADULT_EVALUATION,
        "version": 1,
        "answers": '{"satisfied":"2","organised":"skip","contribute":"skip","included":"5"}',
        "date": today.isoformat(),
        "week": iso_week(today),
    } == row
    assert [] == comments(db)


def test_the_phone_cannot_choose_the_date(client, db, offered):
    response = send(client, date="2020-01-06", week="2020-W02", **{"answer-satisfied": "1"})
    assert 201 == response.status_code
    assert [datetime.date.today().isoformat()] == [row["date"] for row in submissions(db)]


def test_the_thank_you_is_the_feedback_boxs_with_help_and_the_closing_line(client, offered):
    page = text(send(client, **{"answer-organised": "3"}))
    assert "Thank you for telling us" in page
    assert [] == [words for words in SIGNPOSTING if words not in page]
    assert CLOSING in page
    assert "receipt code" not in page, "no words, nothing to take back"


def test_words_become_comments_one_per_question_sharing_one_receipt_code(app, client, db, offered):
    fields = page_fields(client)
    response = send(
        client,
        fields=fields,
        **{
            "answer-satisfied": "1",
            "comments-satisfied": "  Good biscuits  ",
            "comments-organised": "",
            "comments-suggestions": "Start on time",
        },
    )
    assert 201 == response.status_code
    assert fields["receipt_code"] in text(response)
    assert "Take back a message" in text(response)
    rows = comments(db)
    receipt_hash = hash_receipt_code(fields["receipt_code"], app.config["SECRET_KEY"])
    assert [
        ("satisfied", "Good biscuits", None, ADULT_EVALUATION, 1, receipt_hash, "waiting-room-a"),
        ("suggestions", "Start on time", None, ADULT_EVALUATION, 1, receipt_hash, "waiting-room-a"),
    ] == [
        (
            r["question"],
            r["text"],
            r["topic"],
            r["survey"],
            r["version"],
            r["receipt_hash"],
            r["site"],
        )
        for r in rows
    ]
    assert {datetime.date.today().isoformat()} == {row["date"] for row in rows}
    # Distinct ids, neither of them the page's own (which the answers keep).
    assert 2 == len({row["id"] for row in rows} - {fields["submission_id"]})
    assert 1 == len(submissions(db))


def test_words_alone_keep_the_answers_as_skips_too(client, db, offered):
    assert 201 == send(client, **{"comments-suggestions": "More breaks"}).status_code
    assert ['{"satisfied":"skip","organised":"skip","contribute":"skip","included":"skip"}'] == [
        row["answers"] for row in submissions(db)
    ]
    assert ["More breaks"] == [row["text"] for row in comments(db)]


def test_a_page_with_nothing_chosen_or_written_keeps_nothing_and_says_thank_you(
    client, db, offered
):
    response = send(client, **{"comments-satisfied": "   ", "comments-suggestions": ""})
    assert (200, True) == (response.status_code, "Thank you for telling us" in text(response))
    assert "receipt code" not in text(response)
    assert_nothing_kept(db)


def test_words_that_may_be_a_disclosure_are_marked_and_wait_for_the_alert(client, db, offered):
    send(client, **{"comments-organised": "he hit me", "comments-suggestions": "More snacks"})
    assert [("organised", 1), ("suggestions", 0)] == [
        (row["question"], row["concern"]) for row in comments(db)
    ]
    flagged, _ = storage.waiting_for_alert(db)
    assert [row["id"] for row in comments(db) if row["concern"]] == flagged


def test_the_same_page_sent_twice_is_kept_once_with_the_same_thank_you(client, db, offered):
    fields = page_fields(client)
    given = {"answer-satisfied": "3", "comments-satisfied": "Fine", "comments-included": "OK"}
    first = send(client, fields=fields, **given)
    again = send(client, fields=fields, **given)
    assert (201, 200) == (first.status_code, again.status_code)
    assert text(first) == text(again)
    assert (1, 2) == (len(submissions(db)), len(comments(db)))


def test_a_page_loaded_before_a_new_version_is_kept_against_the_version_it_showed(
    client, db, offered
):
    fields = page_fields(client, CHILD_URL)
    old = storage.latest_version(db, CHILD_EVALUATION)
    changed = dataclasses.replace(
        old,
        version=None,
        questions=(dataclasses.replace(old.questions[0], text="Do you feel safe here?"),)
        + old.questions[1:],
    )
    storage.save_draft(db, changed)
    assert 2 == storage.publish_draft(db, CHILD_EVALUATION, datetime.date.today()).version
    assert 201 == send(client, CHILD_URL, fields=fields, **{"answer-safe": "yes"}).status_code
    assert [1] == [row["version"] for row in submissions(db)]
    assert "Do you feel safe here?" in text(client.get(CHILD_URL))


# Taking words back


def take_back(client, code: str):
    token = form_token(client, "/feedback/withdraw")
    return client.post("/feedback/withdraw", data={"csrf_token": token, "receipt_code": code})


def test_the_receipt_code_takes_back_every_comment_sent_together_and_nothing_else(
    client, db, offered
):
    other = page_fields(client)
    send(client, fields=other, **{"comments-satisfied": "Someone else's words"})
    fields = page_fields(client)
    given = {"comments-satisfied": "one", "comments-organised": "two", "comments-suggestions": "3"}
    send(client, fields=fields, **given)
    assert 4 == len(comments(db))
    response = take_back(client, fields["receipt_code"])
    assert "Your message has been deleted" in text(response)
    assert ["Someone else's words"] == [row["text"] for row in comments(db)]
    assert 3 == next(db.query("SELECT count(*) AS n FROM withdrawn"))["n"]
    # The page sent again after the words were taken back keeps nothing again.
    again = send(client, fields=fields, **given)
    assert 410 == again.status_code
    assert "You took these answers back" in text(again)
    assert 1 == len(comments(db))


def test_a_taken_back_survey_comment_that_needed_attention_still_reaches_the_lead(
    client, db, offered
):
    fields = page_fields(client)
    send(client, fields=fields, **{"comments-organised": "he hit me", "comments-included": "ok"})
    take_back(client, fields["receipt_code"])
    _, taken_back = storage.waiting_for_alert(db)
    assert 1 == len(taken_back)


# Refused


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"version": "2"}, "This survey has changed"),
        ({"version": "one"}, "This survey has changed"),
        ({"version": ""}, "This survey has changed"),
        ({"version": "99999999999999999999"}, "This survey has changed"),
        ({"answer-hungry": "1"}, "not one of the survey's questions or answers"),
        ({"answer-satisfied": "6"}, "not one of the survey's questions or answers"),
        ({"answer-satisfied": "Very Satisfied"}, "not one of the survey's questions or answers"),
        ({"answer-suggestions": "1"}, "not one of the survey's questions or answers"),
        ({"answer-satisfied": ["1", "2"]}, "only one answer for each question"),
        ({"comments-hungry": "words"}, "not one of the survey's questions or answers"),
        ({"comments-satisfied": "a" * 1001}, "Your message is too long"),
        ({"comments-satisfied": "bell \x07"}, "a character we cannot keep"),
        ({"receipt_code": "apple-river-seven"}, "out of date"),
        ({"receipt_seal": "0" * 64}, "out of date"),
        ({"submission_id": "not-hex"}, "out of date"),
    ],
)
def test_bad_input_is_a_422_that_keeps_nothing_and_keeps_the_form(
    client, db, offered, given, message
):
    kept = {"answer-organised": "2", "comments-contribute": "Please keep this"}
    response = send(client, **{**kept, **given})
    assert (422, True) == (response.status_code, message in html.unescape(text(response)))
    assert_nothing_kept(db)
    page = read_page(response)
    assert ["Send"] == page.buttons
    assert "Please keep this" == page.textareas["comments-contribute"]
    assert ("answer-organised", "2") in page.checked
    # The form it shows again can be sent.
    fixed = {**page.hidden, "answer-organised": "2"}
    assert 201 == client.post(ADULT_URL, data=fixed).status_code


def test_a_comments_box_the_question_does_not_have_is_refused(client, db, offered):
    response = send(client, CHILD_URL, **{"comments-safe": "words"})
    assert 422 == response.status_code
    assert_nothing_kept(db)


def test_a_page_open_too_long_keeps_what_was_chosen_and_asks_to_send_again(client, db, offered):
    fields = page_fields(client)
    given = {"answer-satisfied": "4", "comments-satisfied": "Keep me"}
    response = send(client, fields={**fields, "csrf_token": "stale"}, **given)
    assert 400 == response.status_code
    assert "Please check your answers and press Send again" in text(response)
    page = read_page(response)
    assert (("answer-satisfied", "4") in page.checked, "Keep me") == (
        True,
        page.textareas["comments-satisfied"],
    )
    assert_nothing_kept(db)


def test_a_body_that_is_not_a_form_is_refused(client, db, offered):
    response = client.post(ADULT_URL, json={"version": 1, "answers": {}})
    assert 415 == response.status_code
    assert_nothing_kept(db)


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_kept(client, db, offered):
    response = send(client, website="http://spam.example", **{"answer-satisfied": "1"})
    assert "Thank you for telling us" in text(response)
    assert_nothing_kept(db)


@pytest.mark.parametrize("app_config", [{"FEEDBACK_RATE_LIMIT": "2 per 10 minutes"}])
def test_sending_is_rate_limited_like_the_feedback_box(client, db, offered):
    statuses = [send(client, **{"answer-satisfied": "1"}).status_code for _ in range(3)]
    assert [201, 201, 429] == statuses
    assert 2 == len(submissions(db))


# Junk


JUNK = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
names = st.sampled_from(
    [
        "answer-satisfied",
        "answer-organised",
        "answer-suggestions",
        "answer-",
        "comments-satisfied",
        "comments-suggestions",
        "comments-",
        "version",
        "submission_id",
        "receipt_code",
        "receipt_seal",
        "website",
        "csrf_token",
    ]
) | st.text(max_size=20)
values = st.sampled_from(["1", "5", "6", "skip", "yes", "", "he hit me"]) | st.text(max_size=1100)


@pytest.fixture
def junk_app(tmp_path):
    app = create_app(make_config(tmp_path, FEEDBACK_RATE_LIMIT="100000 per minute"))
    db = storage.open_database(app.config["DATABASE"])
    storage.set_offered_surveys(db, "waiting-room-a", [ADULT_EVALUATION])
    yield app, db
    db.close()
    storage.close_thread_connections()


@JUNK
@given(junk=st.dictionaries(names, values | st.lists(values, max_size=3), max_size=8))
def test_junk_form_posts_are_never_a_500_and_keep_something_only_when_thanked(junk_app, junk):
    app, db = junk_app
    client = app.test_client()
    fields = page_fields(client)
    before = len(submissions(db)) + len(comments(db))
    response = client.post(ADULT_URL, data={**fields, **junk})
    event(str(response.status_code))
    assert response.status_code < 500, text(response)[:300]
    after = len(submissions(db)) + len(comments(db))
    assert (after > before) == (response.status_code == 201)


# Staff


def test_staff_see_the_survey_and_question_above_the_words(staff, db, offered):
    send(staff, **{"comments-included": "Nobody asked me", "comments-suggestions": "Start on time"})
    week = iso_week(datetime.date.today())
    for url in (f"/admin/comments?week={week}", f"/admin/?week={week}"):
        page = " ".join(text(staff.get(url)).split())
        assert "Co-production evaluation for adults" in page
        assert (
            "<strong>Question:</strong> How included do you feel in the decision-making process?"
            '</p> <p class="comment-text">Nobody asked me</p>'
        ) in page, url
        assert "Question:</strong> Do you have suggestions for improvements" in page


def test_the_sites_page_chooses_the_kiosk_survey_and_the_phone_surveys(staff, db, staff_db):
    page = text(staff.get("/admin/sites"))
    assert '<option value="child-evaluation" selected>' in page
    token = form_token(staff, "/admin/sites")
    response = staff.post(
        "/admin/sites/youth-hub/surveys",
        data={"csrf_token": token, "kiosk_survey": ADULT_EVALUATION, "offered": [ADULT_EVALUATION]},
    )
    assert 302 == response.status_code
    assert (ADULT_EVALUATION, [ADULT_EVALUATION]) == (
        storage.kiosk_survey(db, "youth-hub"),
        storage.offered_surveys(db, "youth-hub"),
    )
    assert (
        "chose a site's surveys",
        "youth-hub: kiosk adult-evaluation; on phones adult-evaluation",
    ) == next(
        (entry["action"], entry["detail"])
        for entry in storage.audit_entries(staff_db)
        if entry["action"] == "chose a site's surveys"
    )
    assert 200 == staff.get(f"/survey/youth-hub/{ADULT_EVALUATION}").status_code
    assert f'href="/survey/youth-hub/{ADULT_EVALUATION}"' in text(staff.get("/admin/sites"))


@pytest.mark.parametrize(
    "form",
    [
        {"kiosk_survey": "no-such-survey"},
        {"kiosk_survey": CHILD_EVALUATION, "offered": ["no-such-survey"]},
        {},
    ],
)
def test_a_survey_not_on_the_list_is_refused(staff, db, staff_db, form):
    token = form_token(staff, "/admin/sites")
    response = staff.post("/admin/sites/youth-hub/surveys", data={"csrf_token": token, **form})
    assert 422 == response.status_code
    assert "Please choose surveys from the lists on the page." in text(response)
    assert (CHILD_EVALUATION, []) == (
        storage.kiosk_survey(db, "youth-hub"),
        storage.offered_surveys(db, "youth-hub"),
    )


def test_each_offered_survey_has_a_poster_whose_code_opens_it(staff, db, offered):
    posters = text(staff.get("/admin/posters"))
    link = f'href="/admin/posters/waiting-room-a/{ADULT_EVALUATION}"'
    assert link in posters
    assert "/admin/posters/youth-hub/" not in posters
    page = text(staff.get(f"/admin/posters/waiting-room-a/{ADULT_EVALUATION}"))
    address = f"http://127.0.0.1:5000/survey/waiting-room-a/{ADULT_EVALUATION}"
    svg = re.search(r"<svg.*?</svg>", page, re.S)[0]
    assert [address] == [result.text for result in scan(rasterise(svg))]
    assert f'<p class="poster-address">{address}</p>' in page
    assert 404 == staff.get(f"/admin/posters/youth-hub/{ADULT_EVALUATION}").status_code


def test_survey_comments_follow_the_same_retention(client, db, offered):
    send(client, **{"answer-satisfied": "1", "comments-satisfied": "Kept for a while"})
    storage.purge_old(db, datetime.date.today() + datetime.timedelta(days=364), 365)
    assert (1, 1) == (len(submissions(db)), len(comments(db)))
    storage.purge_old(db, datetime.date.today() + datetime.timedelta(days=366), 365)
    assert_nothing_kept(db)


def test_staff_hide_and_delete_a_survey_comment_like_any_other(staff, db, offered):
    send(staff, **{"comments-satisfied": "Hide me", "comments-included": "Delete me"})
    by_text = {row["text"]: row["id"] for row in comments(db)}
    week = iso_week(datetime.date.today())
    token = form_token(staff, f"/admin/comments?week={week}")
    staff.post(f"/admin/comments/{by_text['Hide me']}/hide", data={"csrf_token": token})
    staff.post(f"/admin/comments/{by_text['Delete me']}/delete", data={"csrf_token": token})
    assert [("Hide me", 1)] == [(row["text"], row["hidden"]) for row in comments(db)]
    assert "Hide me" not in text(staff.get(f"/admin/comments?week={week}"))


def test_the_comments_export_says_which_survey_and_question_words_answer(staff, offered):
    send(staff, **{"comments-included": "Nobody asked me"})
    response = staff.get("/admin/export/comments.csv?week=" + iso_week(datetime.date.today()))
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [
        (
            "Co-production evaluation for adults: How included do you feel in the"
            " decision-making process?",
            "Nobody asked me",
        )
    ] == [(row["asked in"], row["text"]) for row in rows]
