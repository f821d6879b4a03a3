"""Whatever arrives at the public addresses: never a 500, and a row only on a 201."""

from urllib.parse import quote

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kiosk import storage
from kiosk.surveys import BUILT_IN_BY_SLUG
from tests.conftest import bearer

CHILD = BUILT_IN_BY_SLUG["child-evaluation"]
QUESTION_KEYS = tuple(question.key for question in CHILD.questions)
ANSWER_KEYS = CHILD.questions[0].answer_keys

# One app per test function: its rows pile up across examples, so each
# example compares the count before and after its own request.
JUNK = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)
# Near misses reach the deeper checks: real field and question names, odd values.
answers = st.dictionaries(
    st.sampled_from(QUESTION_KEYS) | st.text(max_size=8),
    st.sampled_from(ANSWER_KEYS) | json_values,
    max_size=6,
)
submission_ids = st.text("0123456789abcdef", min_size=32, max_size=32) | json_values
dates = st.dates().map(str) | json_values
near_misses = st.fixed_dictionaries(
    {"id": submission_ids, "answers": answers},
    optional={
        "date": dates,
        "survey": st.sampled_from(["child-evaluation", "adult"]) | json_values,
    },
) | st.dictionaries(st.sampled_from(["id", "answers", "date", "survey", "ip"]), json_values)

# Well-formed ones too, so a 201 (and its one new row) happens among the junk.
good_submissions = st.fixed_dictionaries(
    {
        "id": st.uuids().map(lambda u: u.hex),
        "answers": st.fixed_dictionaries({k: st.sampled_from(ANSWER_KEYS) for k in QUESTION_KEYS}),
    }
)

REAL_SITES = ["waiting-room-a", "youth-hub"]
real_sites = st.sampled_from(REAL_SITES)
sites = real_sites | st.text(min_size=1, max_size=30)
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
content_types = (
    st.sampled_from(
        [
            "application/json",
            "application/json; charset=utf-16",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
        ]
    )
    | header_text
)
methods = st.sampled_from(
    ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]
)


def path_for(site: str, kind: str) -> str:
    return {
        "start": "/",
        "kiosk": f"/kiosk/{quote(site, safe='')}",
        "token": "/token",
        "submissions": f"/kiosk/{quote(site, safe='')}/submissions",
    }[kind]


def tablet(kiosk_client, site: str) -> dict:
    """A set-up tablet's token (another site's for a made-up site), so junk
    reaches the checks behind the tablet check."""
    return bearer(kiosk_client.token_for(site if site in REAL_SITES else REAL_SITES[0]))


def stored(db) -> int:
    return storage.count_submissions(db)


def check(response, before: int, after: int) -> None:
    event(str(response.status_code))  # see --hypothesis-show-statistics
    assert response.status_code < 500, response.get_data()[:300]
    assert before + (1 if response.status_code == 201 else 0) == after


@JUNK
@given(body=json_values | near_misses | good_submissions, site=sites)
def test_any_json_sent_to_a_kiosk(kiosk_client, db, body, site):
    before = stored(db)
    response = kiosk_client.client.post(
        path_for(site, "submissions"), json=body, headers=tablet(kiosk_client, site)
    )
    check(response, before, stored(db))


@JUNK
@given(
    data=st.binary(max_size=200)
    | st.binary(min_size=4000, max_size=6000)
    | st.integers(0, 4000).map(lambda depth: b"[" * depth),
    content_type=content_types,
    site=real_sites,
)
def test_any_bytes_of_any_declared_type_sent_to_a_kiosk(kiosk_client, db, data, content_type, site):
    before = stored(db)
    headers = {"Content-Type": content_type, **tablet(kiosk_client, site)}
    response = kiosk_client.client.post(path_for(site, "submissions"), data=data, headers=headers)
    check(response, before, stored(db))


@JUNK
@given(
    method=methods,
    kind=st.sampled_from(["start", "kiosk", "token", "submissions"]),
    site=sites,
    data=st.binary(max_size=200),
    accept=st.sampled_from(["text/html", "application/json", "*/*", "image/png"]),
)
def test_any_method_at_any_public_address(client, db, method, kind, site, data, accept):
    before = stored(db)
    with client.open(
        path_for(site, kind), method=method, data=data, headers={"Accept": accept}
    ) as response:
        check(response, before, stored(db))
