"""`flask --app kiosk demo-data`: a full staff area at once, for a newcomer, and
only ever in an empty database."""

import datetime
import random

import pytest

from kiosk import create_app, demo, receipt_codes, safeguarding, storage
from kiosk.comments import make_comment
from kiosk.surveys import iso_week
from tests.conftest import KioskClient, make_config

TODAY = datetime.date.today()


def run(app, *args):
    return app.test_cli_runner().invoke(args=["demo-data", *args])


def test_demo_data_fills_every_week_for_every_site(app, db):
    result = run(app, "--weeks", "3")
    assert 0 == result.exit_code, result.output
    assert "None of it is real." in result.output
    weeks = [iso_week(monday) for monday in demo.mondays(TODAY, 3)]
    assert iso_week(TODAY) == weeks[-1]
    for site in ("waiting-room-a", "youth-hub"):
        counts = storage.answer_counts(db, weeks, site)
        assert all(5 <= counts[week]["responses"] <= 40 for week in weeks), counts
        assert sum(c["responses"] for c in counts.values()) == storage.count_submissions(db, site)
        comments = storage.comments_for_site(db, site)
        assert {c["week"] for c in comments} == set(weeks)
    rows = list(db.query("SELECT date FROM submissions UNION SELECT date FROM comments"))
    assert max(row["date"] for row in rows) <= TODAY.isoformat()


def test_the_demo_has_concerns_found_by_the_real_matcher(app, db):
    run(app, "--weeks", "2")
    concerns = [
        c["text"]
        for site in ("waiting-room-a", "youth-hub")
        for c in storage.comments_for_site(db, site)
        if c["concern"]
    ]
    assert sorted(demo.CONCERN_WORDS) == sorted(concerns)
    assert 2 == sum(storage.unreviewed_concerns_by_week(db).values())


def test_invented_everyday_words_are_not_concerns_and_concern_words_are():
    assert [] == [words for words in demo.EVERYDAY_WORDS if safeguarding.is_concern(words)]
    assert all(safeguarding.is_concern(words) for words in demo.CONCERN_WORDS)


def test_answers_drift_towards_yes_for_ideas():
    rng = random.Random(4)
    early = [demo.answers_for(0.0, rng)["ideas"] for _ in range(2000)].count("yes")
    late = [demo.answers_for(1.0, rng)["ideas"] for _ in range(2000)].count("yes")
    assert late > early * 1.5


def test_drawings_are_small_clean_pngs(db):
    counts = demo.fill(
        db,
        sites=["youth-hub"],
        weeks=8,
        today=TODAY,
        secret="test-secret",
        topics=["The waiting room"],
        rng=random.Random(1),
    )
    drawings = [c for c in storage.comments_for_site(db, "youth-hub") if c["has_drawing"]]
    assert counts.drawings == len(drawings) > 0
    png = storage.drawing_for(db, drawings[0]["id"])
    assert png.startswith(b"\x89PNG") and len(png) < 20_000


def test_a_second_run_is_refused_and_adds_nothing(app, db):
    run(app, "--weeks", "1")
    before = storage.count_submissions(db)
    result = run(app, "--weeks", "1")
    assert 1 == result.exit_code
    assert "already has answers or comments" in result.output
    assert before == storage.count_submissions(db)


def test_a_database_with_real_answers_is_refused(app, client, db):
    body = {"id": "a" * 32, "answers": {"safe": "yes", "talk": "no", "team": "no", "ideas": "no"}}
    assert 201 == KioskClient(client).submit("youth-hub", body).status_code
    assert 1 == run(app).exit_code
    assert 1 == storage.count_submissions(db)


def test_a_database_with_only_a_comment_is_refused(app, db):
    comment = make_comment(
        submission_id="b" * 32, site="youth-hub", topic=None, text="More snacks", drawing=None,
        receipt_code=receipt_codes.new_receipt_code(), secret="test-secret", today=TODAY,
        concern_phrases=None,
    )  # fmt: skip
    assert storage.record_comment(db, comment)
    result = run(app)
    assert 1 == result.exit_code
    assert "already has answers or comments" in result.output
    assert 0 == storage.count_submissions(db)


def test_retired_sites_get_no_demo_data(app, db):
    storage.set_site_retired(db, "youth-hub", True)
    run(app, "--weeks", "1")
    assert 0 == storage.count_submissions(db, "youth-hub")
    assert storage.count_submissions(db, "waiting-room-a") >= 5


@pytest.mark.parametrize("weeks", ["0", "53", "many"])
def test_a_silly_number_of_weeks_is_refused(app, db, weeks):
    assert 2 == run(app, "--weeks", weeks).exit_code
    assert 0 == storage.count_submissions(db)


def test_weeks_past_the_retention_period_are_refused(tmp_path, db):
    app = create_app(make_config(tmp_path, RETENTION_DAYS=30))
    result = run(app, "--weeks", "5")
    assert 1 == result.exit_code
    assert "RETENTION_DAYS is 30" in result.output
    assert 0 == storage.count_submissions(db)
