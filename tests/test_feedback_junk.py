"""Whatever arrives at the feedback box, its posters or the withdraw page: never a 500,
a comment kept only on a 201, and one taken away only when the page says it was."""

import datetime
import io
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from kiosk import create_app, storage
from kiosk.app.factory import DEFAULTS
from kiosk.feedback.comments import Comment
from kiosk.feedback.receipt_codes import RECEIPT_WORDS, hash_receipt_code, new_receipt_code
from tests.conftest import feedback_page_fields, make_config, new_submission_id
from tests.test_drawings import drawn_canvas, other_format, pixel_flood, png_bytes
from tests.test_junk import content_types, header_text, methods

JUNK = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DELETED = "Your message has been deleted"


@pytest.fixture
def app(tmp_path):
    # Limits far above what the examples send: these tests are about the input, not the limiter.
    return create_app(
        make_config(
            tmp_path,
            FEEDBACK_RATE_LIMIT="100000 per minute",
            WITHDRAW_RATE_LIMIT="100000 per minute",
        )
    )


def comments(db) -> int:
    return next(db.query("SELECT count(*) AS n FROM comments"))["n"]


def check(response, before: int, after: int, kept: int) -> None:
    event(str(response.status_code))  # see --hypothesis-show-statistics
    assert response.status_code < 500, response.get_data()[:300]
    assert before + kept == after


# Near misses and good values side by side, so every check is reached and some sends are kept.
PAGE = object()  # this field as the page gave it
real_sites = st.sampled_from(["waiting-room-a", "youth-hub"])
sites = st.one_of(real_sites, real_sites, st.text(min_size=1, max_size=30))
texts = (
    st.text(max_size=1100)
    | st.sampled_from(["he hit me", "I want to kill myself", "I like the new shirt", "a" * 1001])
    | st.text(st.characters(max_codepoint=0x9F), max_size=20)
)
topics = st.sampled_from(DEFAULTS["FEEDBACK_TOPICS"]) | st.text(max_size=30)
words = st.lists(st.sampled_from(RECEIPT_WORDS), min_size=1, max_size=4)
codes = words.map("-".join) | st.text(max_size=40)
hex_text = st.text("0123456789abcdef", min_size=32, max_size=64)


def maybe(values):
    """Mostly the page's own value; else no field at all, or junk."""
    return st.one_of(st.just(PAGE), st.just(PAGE), st.just(PAGE), st.none(), values)


DRAWINGS = [
    png_bytes(drawn_canvas((60, 40))),
    png_bytes(drawn_canvas((DEFAULTS["DRAWING_WIDTH"] + 1, 10))),
    png_bytes(drawn_canvas((40, 30)).convert("P")),
    png_bytes(Image.new("I;16", (20, 20))),
    other_format("JPEG"),
    pixel_flood(complete=False),
]
drawing_bytes = (
    st.sampled_from(DRAWINGS)
    | st.binary(max_size=2000)
    | st.tuples(
        st.sampled_from(DRAWINGS), st.integers(0, 300), st.binary(min_size=1, max_size=8)
    ).map(
        lambda damage: damage[0][: damage[1]] + damage[2] + damage[0][damage[1] + len(damage[2]) :]
    )
)
drawing_types = st.sampled_from(["image/png", "image/jpeg", "text/plain", ""]) | header_text
drawings = st.one_of(
    st.none(),
    st.builds(
        lambda: FileStorage(io.BytesIO(DRAWINGS[0]), "drawing.png", content_type="image/png")
    ),
    st.builds(
        lambda png, kind, name: FileStorage(
            io.BytesIO(png), filename=name or "x", content_type=kind
        ),
        drawing_bytes,
        drawing_types,
        st.text(max_size=20),
    ),
)
# A part whose name werkzeug cannot read is tested on its own, below.
field_names = st.text(
    st.characters(exclude_categories=["Cc", "Cs"], exclude_characters='"\\'), max_size=10
)
accepts = st.sampled_from(["application/json", "text/html", "*/*", "image/png", ""])


def form_from(page: dict, chosen: dict) -> dict:
    form = {}
    for name, value in chosen.items():
        if value is PAGE:
            value = page.get(name, "")
        if value is not None:
            form[name] = value
    return form


@JUNK
@given(
    chosen=st.fixed_dictionaries(
        {
            "csrf_token": maybe(st.text(max_size=20)),
            "submission_id": maybe(hex_text | st.text(max_size=40)),
            "receipt_code": maybe(codes),
            "receipt_seal": maybe(hex_text | st.text(max_size=70)),
            "topic": st.none() | topics,
            "text": st.none() | texts,
            "website": st.sampled_from(["", None]) | st.text(max_size=10),
        }
    ),
    extra=st.dictionaries(field_names, st.text(max_size=20), max_size=3),
    drawing=drawings,
    multipart=st.booleans(),
    site=sites,
    accept=accepts,
)
def test_any_form_sent_to_the_feedback_box(
    client, db, chosen, extra, drawing, multipart, site, accept
):
    form = {**extra, **form_from(feedback_page_fields(client), chosen)}
    if drawing is not None:
        form["drawing"] = drawing
    robot = bool(form.get("website"))
    if multipart or drawing is not None:
        boundary, body = encode_multipart(form)
        content_type = f"multipart/form-data; boundary={boundary}"
    else:
        body, content_type = urlencode(form), "application/x-www-form-urlencoded"
    url = f"/feedback/{quote(site, safe='')}"
    headers = {"Accept": accept}

    before = comments(db)
    response = client.post(url, data=body, content_type=content_type, headers=headers)
    kept = response.status_code == 201 and not robot
    check(response, before, comments(db), int(kept))
    if kept:
        # The same page again, as a phone whose reply was lost: acknowledged, not kept twice.
        again = client.post(url, data=body, content_type=content_type, headers=headers)
        assert 200 == again.status_code
        check(again, before + 1, comments(db), 0)


@JUNK
@given(
    data=st.binary(max_size=300) | st.binary(min_size=4000, max_size=6000),
    with_page_fields=st.booleans(),
    content_type=content_types | st.just("multipart/form-data; boundary=") | header_text,
    site=real_sites,
    accept=accepts,
)
def test_any_bytes_of_any_declared_type_sent_to_the_feedback_box(
    client, db, data, with_page_fields, content_type, site, accept
):
    fields = feedback_page_fields(client)
    if with_page_fields:
        data = urlencode({**fields, "text": "hello"}).encode() + b"&" + data
    before = comments(db)
    response = client.post(
        f"/feedback/{site}",
        data=data,
        headers={
            "X-CSRFToken": fields["csrf_token"],
            "Content-Type": content_type,
            "Accept": accept,
        },
    )
    check(response, before, comments(db), int(response.status_code == 201))


@pytest.fixture
def kept_comment(app, db):
    """A comment sent today, whose code some examples type back."""
    code = new_receipt_code()
    comment = Comment(
        id=new_submission_id(),
        site="waiting-room-a",
        topic=None,
        text="Kept for the withdraw examples",
        drawing=None,
        concern=False,
        receipt_hash=hash_receipt_code(code, app.config["SECRET_KEY"]),
        date=datetime.date.today(),
    )
    assert storage.record_comment(db, comment)
    return comment, code


typed_codes = (
    st.text(max_size=60)
    | codes
    | st.tuples(
        st.lists(st.sampled_from(RECEIPT_WORDS), min_size=3, max_size=3),
        st.sampled_from(["-", " ", "", ", ", ".", "\t", "\x00", "–"]),
    ).map(lambda words: words[1].join(words[0]))
)


@JUNK
@given(
    typed=st.just(PAGE) | typed_codes,
    retype=st.sampled_from([str, str.upper, str.title, lambda code: code.replace("-", "  ")]),
    form_token=st.sampled_from([True, True, True, False]),
    content_type=st.none() | content_types,
    data=st.none() | st.binary(max_size=300),
    accept=accepts,
)
def test_any_code_or_body_sent_to_the_withdraw_page(
    client, db, kept_comment, typed, retype, form_token, content_type, data, accept
):
    comment, code = kept_comment
    token = feedback_page_fields(client)["csrf_token"]
    headers = {"Accept": accept}
    if form_token:
        headers["X-CSRFToken"] = token
    if data is None:
        data = {"receipt_code": retype(code if typed is PAGE else typed)}
    elif content_type:
        headers["Content-Type"] = content_type

    before = comments(db)
    response = client.post("/feedback/withdraw", data=data, headers=headers)
    deleted = response.status_code == 200 and DELETED in response.get_data(as_text=True)
    check(response, before, comments(db), -int(deleted))
    if deleted:
        assert storage.record_comment(db, comment)


@JUNK
@given(
    site=sites,
    kind=st.sampled_from(["", "/qr.svg", "/qr.png"]),
    query=st.sampled_from(["", "?from=kiosk"]) | header_text.map(lambda junk: "?" + quote(junk)),
    accept=accepts,
)
def test_any_site_asked_for_its_box_or_poster(client, db, site, kind, query, accept):
    response = client.get(
        f"/feedback/{quote(site, safe='')}{kind}{query}", headers={"Accept": accept}
    )
    check(response, 0, comments(db), 0)
    if site in {"waiting-room-a", "youth-hub"}:
        assert 200 == response.status_code


@JUNK
@given(
    method=methods,
    path=st.sampled_from(
        ["/feedback/waiting-room-a", "/feedback/withdraw", "/feedback/youth-hub/qr.svg",
         "/feedback/youth-hub/qr.png", "/feedback/nowhere"]
    ),
    data=st.binary(max_size=200),
    accept=accepts,
)  # fmt: skip
def test_any_method_at_any_feedback_address(client, db, method, path, data, accept):
    before = comments(db)
    with client.open(path, method=method, data=data, headers={"Accept": accept}) as response:
        check(response, before, comments(db), 0)


@pytest.mark.parametrize("url", ["/feedback/waiting-room-a", "/feedback/withdraw"])
@pytest.mark.parametrize("name", ["\n", "\\", "a\rb"], ids=["newline", "backslash", "return"])
def test_a_form_part_with_an_unreadable_name_is_refused_not_a_500(client, db, url, name):
    boundary, body = encode_multipart({name: "junk", "text": "hello"})
    response = client.post(
        url,
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        headers={"Accept": "application/json"},
    )
    assert (400, 0) == (response.status_code, comments(db))
