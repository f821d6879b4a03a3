"""Staff adapt surveys at /admin/surveys: change a draft and publish it as a new
version, copy a survey, start one. A published version never changes; bad
input is refused with the form kept as typed; junk is never a 500."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import storage
from kiosk.surveys import BUILT_IN_BY_SLUG, SCALE_KIND, TEXT_KIND
from tests.conftest import PASSWORD, form_token, make_account, sign_in

LIST = "/admin/surveys"
CHILD = "child-evaluation"
SAFE_IN_THE_WAITING_ROOM = "Do you feel safe in our waiting room?"


def edit_url(slug=CHILD):
    return f"/admin/surveys/{slug}/edit"


class FormFields(HTMLParser):
    """What a browser sends for the survey editor as it stands: each field's
    name and value, in page order (checkboxes only when ticked)."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.in_form = False
        self.textarea = self.select = None
        self.option_value = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "survey-editor" in (a.get("class") or ""):
            self.in_form = True
        if not self.in_form:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a["value"]))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.fields.append((name, text.removeprefix("\r\n").removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def fields_of(page: str) -> dict[str, str]:
    parser = FormFields()
    parser.feed(page)
    return dict(parser.fields)


def editor(client, slug=CHILD) -> dict[str, str]:
    response = client.get(edit_url(slug))
    assert 200 == response.status_code
    return fields_of(response.get_data(as_text=True))


def send(client, fields, action="save", slug=CHILD):
    return client.post(edit_url(slug), data={**fields, "action": action})


def change(client, action="save", slug=CHILD, **changes):
    """Open the editor, change some fields (questions-0-text=...), press a button."""
    return send(client, {**editor(client, slug), **changes}, action, slug)


def text_of(response) -> str:
    return " ".join(response.get_data(as_text=True).split())


def wordings(survey) -> list[str]:
    return [q.text for q in survey.questions]


def audit_of(staff_db) -> list[tuple[str, str]]:
    return [
        (e["action"], e["detail"])
        for e in storage.audit_entries(staff_db)[::-1]
        if "survey" in e["action"]
    ]


# The list


def offer(db, site: str, slug: str) -> None:
    """A site offers a survey on phones. (storage.set_offered_surveys at 9102abb
    calls db.executemany, which sqlite-utils' Database does not have; the Sites
    part of the issue owns it, so this writes the row as it would.)"""
    with storage.writing(db):
        db.execute("INSERT INTO site_surveys (site, survey) VALUES (?, ?)", [site, slug])


def test_the_list_shows_every_survey_and_where_it_is_asked(staff, db):
    offer(db, "youth-hub", "adult-evaluation")
    page = text_of(staff.get(LIST))
    adults = page.index("Co-production evaluation for adults")
    children = page.index("Co-production evaluation for children")
    row = page[children:]
    assert "Children and young people" in row
    assert "Version 1, as built in" in row
    assert "<td>Waiting room A, Youth hub</td> <td>None</td>" in row
    adult_row = page[adults:children]
    assert "<td>Adults</td>" in adult_row
    assert "<td>None</td> <td>Youth hub</td>" in adult_row
    assert f'href="{edit_url()}"' in page
    assert 'href="/admin/surveys/child-evaluation/copy"' in page
    assert 'href="/admin/surveys/new">Start a new survey' in page


def test_the_list_puts_built_in_surveys_first_and_says_when_a_draft_waits(staff, db):
    assert (
        302
        == staff.post(
            "/admin/surveys/new",
            data={
                "csrf_token": form_token(staff, "/admin/surveys/new"),
                "title": "All about us",
                "slug": "",
                "audience": "adults",
            },
        ).status_code
    )
    page = text_of(staff.get(LIST)).split("<tbody>")[1]
    assert page.index("evaluation for children") < page.index("All about us")
    assert "Not published yet" in page.split("All about us")[1]
    assert "A draft is waiting" not in page.split("All about us")[0]
    change(staff, **{"questions-0-text": SAFE_IN_THE_WAITING_ROOM})
    assert "A draft is waiting" in text_of(staff.get(LIST)).split("All about us")[0]


def test_the_page_is_in_the_staff_links(staff):
    assert f'<a href="{LIST}"' in text_of(staff.get("/admin/"))


# Copying and starting


def test_copying_a_survey_makes_a_new_draft_with_its_words(staff, db, staff_db):
    page = text_of(staff.get("/admin/surveys/adult-evaluation/copy"))
    assert 'value="Co-production evaluation for adults (copy)"' in page
    token = form_token(staff, "/admin/surveys/adult-evaluation/copy")
    response = staff.post(
        "/admin/surveys/adult-evaluation/copy",
        data={"csrf_token": token, "title": "Parents' evaluation", "slug": "parents"},
    )
    assert (302, edit_url("parents")) == (response.status_code, response.headers["Location"])
    copy = storage.find_draft(db, "parents")
    original = storage.latest_version(db, "adult-evaluation")
    assert ("Parents' evaluation", "adults") == (copy.title, copy.audience)
    assert original.questions == copy.questions
    assert (original.intro, original.closing) == (copy.intro, copy.closing)
    assert storage.latest_version(db, "parents") is None
    assert [("copied a survey", "parents, from adult-evaluation")] == audit_of(staff_db)
    assert "nobody is asked it until you publish it" in text_of(staff.get(edit_url("parents")))


def test_a_copy_takes_its_address_part_from_its_title_when_none_is_typed(staff, db):
    token = form_token(staff, "/admin/surveys/child-evaluation/copy")
    response = staff.post(
        "/admin/surveys/child-evaluation/copy",
        data={"csrf_token": token, "title": "  Waiting Room (Leek) ", "slug": ""},
    )
    assert edit_url("waiting-room-leek") == response.headers["Location"]
    assert "Waiting Room (Leek)" == storage.find_draft(db, "waiting-room-leek").title


def test_starting_a_survey_gives_one_empty_question(staff, db, staff_db):
    token = form_token(staff, "/admin/surveys/new")
    response = staff.post(
        "/admin/surveys/new",
        data={"csrf_token": token, "title": "Our group", "slug": "our-group", "audience": "adults"},
    )
    assert edit_url("our-group") == response.headers["Location"]
    draft = storage.find_draft(db, "our-group")
    assert ("Our group", "adults", [""]) == (draft.title, draft.audience, wordings(draft))
    assert [("started a survey", "our-group")] == audit_of(staff_db)
    fields = editor(staff, "our-group")
    assert ("q1", "") == (fields["questions-0-key"], fields["questions-0-text"])
    assert "questions-1-key" not in fields
    assert "Remove question 1" not in text_of(staff.get(edit_url("our-group")))


def test_a_new_survey_is_published_as_version_1(staff, db):
    token = form_token(staff, "/admin/surveys/new")
    staff.post(
        "/admin/surveys/new",
        data={"csrf_token": token, "title": "Our group", "slug": "", "audience": "children"},
    )
    response = change(staff, "publish", "our-group", **{"questions-0-text": "Was it fun?"})
    assert 302 == response.status_code
    published = storage.latest_version(db, "our-group")
    assert (1, ["Was it fun?"]) == (published.version, wordings(published))
    assert datetime.date.today().isoformat() == published.published_on
    assert "Published version 1 of “Our group”" in text_of(staff.get(LIST))


# Changing a draft: every action, nothing saved until Save draft


def test_a_draft_starts_as_a_copy_of_the_latest_version(staff):
    fields = editor(staff)
    built_in = BUILT_IN_BY_SLUG[CHILD]
    assert built_in.title == fields["title"]
    assert "children" == fields["audience"]
    for n, question in enumerate(built_in.questions):
        assert (question.key, question.text, "faces") == (
            fields[f"questions-{n}-key"],
            fields[f"questions-{n}-text"],
            fields[f"questions-{n}-kind"],
        )


def test_adding_a_question_gives_it_a_new_key_and_saves_nothing(staff, db):
    response = change(staff, "add")
    assert 200 == response.status_code
    assert "Question 5 added at the end." in text_of(response)
    fields = fields_of(response.get_data(as_text=True))
    assert ("q1", "") == (fields["questions-4-key"], fields["questions-4-text"])
    assert storage.find_draft(db, CHILD) is None
    fields["questions-4-text"] = "Is the waiting room calm?"
    assert 302 == send(staff, fields).status_code
    draft = storage.find_draft(db, CHILD)
    assert ["safe", "talk", "team", "ideas", "q1"] == [q.key for q in draft.questions]
    assert "Is the waiting room calm?" == draft.questions[4].text


def test_a_new_question_never_takes_the_key_of_one_asked_before(staff, db):
    token = form_token(staff, "/admin/surveys/new")
    staff.post(
        "/admin/surveys/new",
        data={"csrf_token": token, "title": "Group", "slug": "group", "audience": "adults"},
    )
    change(staff, "publish", "group", **{"questions-0-text": "First?"})  # version 1: q1
    fields = fields_of(change(staff, "add", "group").get_data(as_text=True))
    fields["questions-1-text"] = "Second?"
    fields = fields_of(send(staff, fields, "remove-0", "group").get_data(as_text=True))
    assert 302 == send(staff, fields, "publish", "group").status_code  # version 2: q2 only
    fields = fields_of(change(staff, "add", "group").get_data(as_text=True))
    assert ["q2", "q3"] == [fields["questions-0-key"], fields["questions-1-key"]]


def test_removing_a_question(staff, db):
    response = change(staff, "remove-1")
    assert "Question 2 removed." in text_of(response)
    assert 302 == send(staff, fields_of(response.get_data(as_text=True))).status_code
    assert ["safe", "team", "ideas"] == [q.key for q in storage.find_draft(db, CHILD).questions]


@pytest.mark.parametrize(
    ("action", "order", "said"),
    [
        ("up-2", ["safe", "team", "talk", "ideas"], "Question 3 moved up: it is now question 2."),
        (
            "down-0",
            ["talk", "safe", "team", "ideas"],
            "Question 1 moved down: it is now question 2.",
        ),
        (
            "down-2",
            ["safe", "talk", "ideas", "team"],
            "Question 3 moved down: it is now question 4.",
        ),
    ],
)
def test_moving_a_question_keeps_its_key_and_words(staff, db, action, order, said):
    response = change(staff, action, **{"questions-2-text": "Do you feel part of our team?"})
    assert said in text_of(response)
    fields = fields_of(response.get_data(as_text=True))
    assert storage.find_draft(db, CHILD) is None
    assert 302 == send(staff, fields).status_code
    draft = storage.find_draft(db, CHILD)
    assert order == [q.key for q in draft.questions]
    assert "Do you feel part of our team?" == draft.question("team").text


def test_choosing_a_scale_with_its_options_and_a_comments_box(staff, db):
    response = change(
        staff,
        **{
            "questions-1-kind": "scale",
            "questions-1-options": "Always\r\n  Often \r\n\r\nSometimes\r\nNever\r\n",
            "questions-1-comments": "y",
            "questions-3-kind": "text",
        },
    )
    assert 302 == response.status_code
    draft = storage.find_draft(db, CHILD)
    talk, ideas = draft.question("talk"), draft.question("ideas")
    assert (SCALE_KIND, ("Always", "Often", "Sometimes", "Never"), True) == (
        talk.kind,
        talk.options,
        talk.comments,
    )
    assert (TEXT_KIND, False) == (ideas.kind, ideas.comments)
    fields = editor(staff)
    assert "Always\nOften\nSometimes\nNever" == fields["questions-1-options"].replace("\r", "")
    assert "y" == fields["questions-1-comments"]
    del fields["questions-1-comments"]
    fields["questions-1-kind"] = "faces"
    assert 302 == send(staff, fields).status_code
    talk = storage.find_draft(db, CHILD).question("talk")
    assert ("faces", (), False) == (talk.kind, talk.options, talk.comments)


def test_the_title_audience_and_opening_and_closing_lines_are_kept(staff, db):
    change(
        staff,
        title="Waiting room survey",
        audience="adults",
        intro="Thank you for\r\nhelping us.",
        closing="  See you soon.  ",
    )
    draft = storage.find_draft(db, CHILD)
    assert ("Waiting room survey", "adults", "Thank you for helping us.", "See you soon.") == (
        draft.title,
        draft.audience,
        draft.intro,
        draft.closing,
    )


def test_a_draft_is_kept_across_sign_outs_and_changes_nothing_asked(staff, client, db, staff_db):
    response = change(staff, **{"questions-0-text": SAFE_IN_THE_WAITING_ROOM})
    assert (302, edit_url()) == (response.status_code, response.headers["Location"])
    page = text_of(staff.get(edit_url()))
    assert "Draft saved. Kiosks and phones ask version 1 until you publish it." in page
    assert (
        302
        == staff.post("/admin/sign-out", data={"csrf_token": form_token(staff, LIST)}).status_code
    )
    assert 302 == staff.get(edit_url()).status_code
    sign_in(client)
    assert SAFE_IN_THE_WAITING_ROOM == editor(staff)["questions-0-text"]
    assert "A draft is waiting: this page shows it." in text_of(staff.get(edit_url()))
    assert 1 == storage.latest_version(db, CHILD).version
    assert SAFE_IN_THE_WAITING_ROOM not in text_of(staff.get("/kiosk/waiting-room-a"))
    assert [("saved a survey draft", CHILD)] == audit_of(staff_db)


# Publishing


def test_publishing_makes_version_2_and_leaves_version_1_as_it_was(staff, db, staff_db):
    response = change(staff, "publish", **{"questions-0-text": SAFE_IN_THE_WAITING_ROOM})
    assert (302, LIST) == (response.status_code, response.headers["Location"])
    version_2 = storage.latest_version(db, CHILD)
    assert 2 == version_2.version
    assert SAFE_IN_THE_WAITING_ROOM == version_2.question("safe").text
    version_1 = storage.survey_version(db, CHILD, 1)
    assert "Do you feel safe during our meetings?" == version_1.question("safe").text
    assert BUILT_IN_BY_SLUG[CHILD].questions == version_1.questions
    assert storage.find_draft(db, CHILD) is None
    page = text_of(staff.get(LIST))
    assert "Published version 2 of “Co-production evaluation for children”." in page
    assert "ask the new wording from now on" in page
    assert "Answers given before stay with the version they were given to" in page
    assert "Version 2, published " + datetime.date.today().isoformat() in page
    assert [("published a survey", "child-evaluation version 2")] == audit_of(staff_db)
    assert SAFE_IN_THE_WAITING_ROOM in text_of(staff.get("/kiosk/waiting-room-a"))


def test_publishing_the_same_words_makes_no_new_version(staff, db, staff_db):
    response = change(staff, "publish")
    assert 302 == response.status_code
    assert [1] == [v.version for v in storage.survey_versions(db, CHILD)]
    page = text_of(staff.get(LIST))
    assert "the draft has the same words as version 1, so no new version was made" in page
    assert [] == audit_of(staff_db)


def test_throwing_away_the_draft(staff, db, staff_db):
    change(staff, **{"questions-0-text": SAFE_IN_THE_WAITING_ROOM})
    assert "Throw away the draft" in text_of(staff.get(edit_url()))
    response = change(staff, "discard")
    assert (302, LIST) == (response.status_code, response.headers["Location"])
    assert storage.find_draft(db, CHILD) is None
    assert "The draft is thrown away. Kiosks and phones still ask version 1." in text_of(
        staff.get(LIST)
    )
    assert BUILT_IN_BY_SLUG[CHILD].questions[0].text == editor(staff)["questions-0-text"]
    assert ("threw away a survey draft", CHILD) == audit_of(staff_db)[-1]


def test_a_survey_never_published_keeps_its_draft(staff, db):
    token = form_token(staff, "/admin/surveys/new")
    staff.post(
        "/admin/surveys/new",
        data={"csrf_token": token, "title": "Group", "slug": "group", "audience": "adults"},
    )
    assert "Throw away the draft" not in text_of(staff.get(edit_url("group")))
    assert 409 == change(staff, "discard", "group").status_code
    assert storage.find_draft(db, "group") is not None


# Bad input: refused next to the field and in the summary, the form kept as typed


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"questions-1-text": "   "}, "questions-1-text", "Question 2: Please write the wording."),
        (
            {"questions-0-text": "Safe? " + "x" * 300},
            "questions-0-text",
            "Question 1: The wording is too long: at most 300 letters.",
        ),
        (
            {"questions-0-text": "Safe?\x07"},
            "questions-0-text",
            "Question 1: The wording has a character we cannot keep.",
        ),
        (
            {"questions-2-kind": "scale", "questions-2-options": "Only one"},
            "questions-2-options",
            "Question 3: A scale needs 2 to 7 options, one per line (there is 1).",
        ),
        (
            {"questions-2-kind": "scale", "questions-2-options": "\n".join("ABCDEFGH")},
            "questions-2-options",
            "Question 3: A scale needs 2 to 7 options, one per line (there are 8).",
        ),
        (
            {"questions-2-kind": "scale", "questions-2-options": "Often\nNever\noften"},
            "questions-2-options",
            "Question 3: Two options have the same words: “often”.",
        ),
        (
            {"questions-2-kind": "scale", "questions-2-options": "Often\n" + "y" * 61},
            "questions-2-options",
            "Question 3: Each option can have at most 60 letters",
        ),
        ({"questions-3-kind": "colour"}, "questions-3-kind", "Question 4: Please choose a kind"),
        ({"audience": "pets"}, "audience-0", "Please choose who the survey is for."),
        ({"title": ""}, "title", "Please write the title."),
        ({"title": "T" * 81}, "title", "The title is too long: at most 80 letters."),
        ({"intro": "i" * 601}, "intro", "The opening line is too long: at most 600 letters."),
        ({"closing": "c" * 601}, "closing", "The closing line is too long: at most 600 letters."),
    ],
)
@pytest.mark.parametrize("action", ["save", "publish"])
def test_bad_input_is_refused_and_the_form_kept_as_typed(
    staff, db, staff_db, changes, field, message, action
):
    typed = {**changes, "questions-0-text": changes.get("questions-0-text", "Typed and kept")}
    response = change(staff, action, **typed)
    assert 422 == response.status_code
    page = text_of(response)
    summary = page.split('class="error-summary"')[1].split("</div>")[0]
    assert f'<a href="#{field}">{message}' in summary
    problem_id = field.removesuffix("-0") + "-problem"
    assert f'id="{problem_id}"' in page
    assert re.search(f'aria-describedby="[^"]*{problem_id}"', page), "the field names its problem"
    kept = fields_of(response.get_data(as_text=True))
    for name, value in typed.items():
        if value in ("pets", "colour"):
            continue  # an unknown audience or kind is no choice on the page
        assert value.replace("\r", "") == kept[name].replace("\r", ""), name
    assert storage.find_draft(db, CHILD) is None
    assert [1] == [v.version for v in storage.survey_versions(db, CHILD)]
    assert [] == audit_of(staff_db)


def many_questions(count: int) -> dict[str, str]:
    fields = {"title": "Long one", "audience": "children"}
    for n in range(count):
        fields |= {f"questions-{n}-key": f"q{n + 1}", f"questions-{n}-text": f"Question {n}?"}
        fields[f"questions-{n}-kind"] = "faces"
    return fields


def test_more_than_20_questions_are_refused(staff, db):
    token = form_token(staff, edit_url())
    response = send(staff, {"csrf_token": token, **many_questions(21)})
    assert 422 == response.status_code
    assert "A survey can have at most 20 questions: please remove 1." in text_of(response)
    assert 21 == sum(
        1 for name in fields_of(response.get_data(as_text=True)) if name.endswith("-key")
    )
    assert storage.find_draft(db, CHILD) is None
    assert 302 == send(staff, {"csrf_token": token, **many_questions(20)}).status_code


def test_no_question_can_be_added_after_the_20th(staff, db):
    token = form_token(staff, edit_url())
    twenty = {"csrf_token": token, **many_questions(20)}
    send(staff, twenty)
    assert "Add a question" not in text_of(staff.get(edit_url()))
    response = send(staff, twenty, "add")
    assert 422 == response.status_code
    assert "A survey can have at most 20 questions." in text_of(response)


def test_a_survey_with_no_questions_is_refused(staff, db):
    token = form_token(staff, edit_url())
    response = send(staff, {"csrf_token": token, "title": "Empty", "audience": "children"})
    assert 422 == response.status_code
    assert "A survey needs at least one question. Please add one." in text_of(response)
    assert storage.find_draft(db, CHILD) is None


@pytest.mark.parametrize(
    "forged",
    [
        {"questions-1-key": "safe"},  # the same key twice
        {"questions-1-key": ""},
        {"questions-1-key": "Not A Key"},
        {"questions-1-key": "k" * 21},
        {"questions-9-text": "A question with no key"},
        {"questions-²-text": "Not a number our page sends"},
        {"questions-12345-key": "q9"},
        {"questions-0-key-extra": "x"},
    ],
)
def test_forged_or_odd_question_keys_are_refused(staff, db, forged):
    response = change(staff, **forged)
    assert 422 == response.status_code
    assert "changed in a way our page never sends" in text_of(response)
    assert storage.find_draft(db, CHILD) is None


@pytest.mark.parametrize("action", ["up-0", "down-3", "remove-4", "remove-x", "sideways", "up--1"])
def test_a_button_our_page_does_not_have_is_refused(staff, db, action):
    assert 422 == change(staff, action).status_code
    assert storage.find_draft(db, CHILD) is None


def test_changing_needs_the_form_token(staff, db):
    fields = editor(staff)
    del fields["csrf_token"]
    assert 400 == send(staff, fields).status_code
    assert storage.find_draft(db, CHILD) is None


def test_an_unknown_survey_is_not_found(staff):
    assert 404 == staff.get(edit_url("nowhere")).status_code
    assert 404 == staff.get("/admin/surveys/nowhere/copy").status_code
    token = form_token(staff, LIST)
    assert 404 == staff.post(edit_url("nowhere"), data={"csrf_token": token}).status_code


@pytest.mark.parametrize(
    ("title", "slug", "status", "message"),
    [
        ("Copy", "adult-evaluation", 409, "There is already a survey at “adult-evaluation”."),
        ("Copy", "child-evaluation", 409, "There is already a survey at “child-evaluation”."),
        ("Copy", "Room Two", 422, "can use only small letters, digits and dashes"),
        ("Copy", "-room", 422, "can use only small letters, digits and dashes"),
        ("Copy", "x" * 41, 422, "can use only small letters, digits and dashes"),
        ("Copy", "café", 422, "can use only small letters, digits and dashes"),
        ("!!!", "", 422, "can use only small letters, digits and dashes"),
        ("", "room", 422, "Please write the title."),
        ("T" * 81, "room", 422, "The title is too long: at most 80 letters."),
    ],
)
@pytest.mark.parametrize("url", ["/admin/surveys/child-evaluation/copy", "/admin/surveys/new"])
def test_a_bad_or_taken_address_part_or_title_is_refused(
    staff, db, staff_db, url, title, slug, status, message
):
    fields = {"csrf_token": form_token(staff, url), "title": title, "slug": slug}
    response = staff.post(url, data={**fields, "audience": "children"})
    assert status == response.status_code
    page = text_of(response)
    assert message in page.split('class="error-summary"')[1]
    target = "title" if "title" in message else "slug"
    assert f'id="{target}-problem"' in page
    assert f'value="{slug}"' in page or not slug
    assert 2 == len(storage.list_surveys(db))
    assert [] == audit_of(staff_db)


def test_a_new_survey_needs_a_known_audience(staff, db):
    url = "/admin/surveys/new"
    fields = {"csrf_token": form_token(staff, url), "title": "Pets", "slug": "", "audience": "pets"}
    response = staff.post(url, data=fields)
    assert 422 == response.status_code
    assert '<a href="#audience-0">Please choose who the survey is for.' in text_of(response)
    assert 2 == len(storage.list_surveys(db))


# Who may adapt surveys


@pytest.mark.parametrize(
    "url", [LIST, edit_url(), "/admin/surveys/new", "/admin/surveys/child-evaluation/copy"]
)
def test_a_stranger_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert 302 == response.status_code
    assert response.headers["Location"].startswith("/admin/sign-in")


def test_a_stranger_cannot_publish(app, client, db):
    assert 0 == make_account(app).exit_code
    page = client.get(edit_url())
    assert 302 == page.status_code
    token = form_token(client, "/admin/sign-in")
    response = client.post(edit_url(), data={"csrf_token": token, "action": "publish"})
    assert response.headers["Location"].startswith("/admin/sign-in")
    assert [1] == [v.version for v in storage.survey_versions(db, CHILD)]


def test_any_staff_member_may_adapt_surveys_but_not_other_roles(app, client, db):
    assert 0 == make_account(app).exit_code
    assert 0 == make_account(app, name="kim", role="staff").exit_code
    assert 0 == make_account(app, name="lee", role="safeguarding-lead").exit_code
    sign_in(client, "lee", PASSWORD)
    assert 403 == client.get(LIST).status_code
    assert "Surveys" not in text_of(client.get("/admin/account"))
    client.post("/admin/sign-out", data={"csrf_token": form_token(client, "/admin/account")})
    sign_in(client, "kim", PASSWORD)
    assert 200 == client.get(LIST).status_code
    response = change(client, "publish", **{"questions-0-text": SAFE_IN_THE_WAITING_ROOM})
    assert 302 == response.status_code
    assert 2 == storage.latest_version(db, CHILD).version


# Junk never makes a 500


JUNK = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
field_names = (
    st.sampled_from(
        [
            "title",
            "audience",
            "intro",
            "closing",
            "action",
            "questions-0-key",
            "questions-0-text",
            "questions-0-kind",
            "questions-0-options",
            "questions-0-comments",
            "questions-1-key",
            "questions-1-kind",
            "questions-3-options",
        ]
    )
    | st.from_regex(r"questions-[0-9²٣]{0,6}-[a-z]{0,8}", fullmatch=True)
    | st.text(max_size=12)
)
field_values = st.sampled_from(
    [
        "save",
        "publish",
        "add",
        "discard",
        "up-1",
        "down-0",
        "remove-0",
        "scale",
        "text",
        "faces",
        "children",
        "adults",
        "safe",
        "q1",
        "y",
        "A\nB",
        "A\nA",
        "",
    ]
) | st.text(max_size=400)


@JUNK
@given(form=st.dictionaries(field_names, field_values, max_size=10), with_token=st.booleans())
def test_junk_at_the_editor_is_never_a_500(staff, db, form, with_token):
    if with_token:
        form = {**form, "csrf_token": form_token(staff, edit_url())}
    response = staff.post(edit_url(), data=form)
    assert response.status_code in {200, 302, 400, 409, 422}, response.get_data()[:300]
    storage.discard_draft(db, CHILD)


@JUNK
@given(
    form=st.dictionaries(
        st.sampled_from(["title", "slug", "audience"]) | st.text(max_size=8),
        st.sampled_from(["children", "adults", "child-evaluation", "x", ""])
        | st.text(max_size=100),
        max_size=5,
    ),
    url=st.sampled_from(["/admin/surveys/new", "/admin/surveys/adult-evaluation/copy"]),
)
def test_junk_at_new_and_copy_is_never_a_500(staff, form, url):
    form = {**form, "csrf_token": form_token(staff, url)}
    response = staff.post(url, data=form)
    assert response.status_code in {302, 409, 422}, response.get_data()[:300]


def test_the_editor_page_names_every_control(staff):
    page = staff.get(edit_url()).get_data(as_text=True)
    labelled = set(re.findall(r'<label for="([^"]+)"', page))
    controls = re.findall(r'<(?:textarea|select|input)[^>]* id="([^"]+)"[^>]*>', page)
    unnamed = [
        c for c in controls if c not in labelled and not c.endswith("-key") and c != "csrf_token"
    ]
    assert [] == unnamed
