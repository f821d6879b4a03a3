"""`flask --app kiosk demo-data`: a full staff area at once, for a newcomer, and
only ever in an empty database."""

import random
import re

import pytest

from kiosk import create_app, storage
from kiosk.app import demo
from kiosk.feedback import receipt_codes, safeguarding
from kiosk.feedback.comments import make_comment
from kiosk.surveys import BUILT_IN_BY_SLUG, iso_week
from tests.conftest import KioskClient, make_account, make_config, sign_in


def run(app, *args):
    return app.test_cli_runner().invoke(args=["demo-data", *args])


def test_demo_data_fills_every_week_for_every_site(app, db, today):
    result = run(app, "--weeks", "3")
    assert 0 == result.exit_code, result.output
    assert "None of it is real." in result.output
    weeks = [iso_week(monday) for monday in demo.mondays(today, 3)]
    assert iso_week(today) == weeks[-1]
    for site in ("waiting-room-a", "youth-hub"):
        children = storage.answer_counts(db, weeks, site)
        assert all(5 <= children[week]["responses"] <= 40 for week in weeks), children
        adults = storage.answer_counts(db, weeks, site, survey="adult-evaluation")
        assert all(5 <= adults[week]["responses"] <= 12 for week in weeks), adults
        assert sum(
            c["responses"] for counts in (children, adults) for c in counts.values()
        ) == storage.count_submissions(db, site)
        comments = storage.comments_for_site(db, site)
        assert {c["week"] for c in comments} == set(weeks)
    rows = list(db.query("SELECT date FROM submissions UNION SELECT date FROM comments"))
    assert max(row["date"] for row in rows) <= today.isoformat()


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
    child = BUILT_IN_BY_SLUG["child-evaluation"]
    early = [demo.answers_for(0.0, rng, child)["ideas"] for _ in range(2000)].count("yes")
    late = [demo.answers_for(1.0, rng, child)["ideas"] for _ in range(2000)].count("yes")
    assert late > early * 1.5


def test_adults_answers_lean_to_the_first_options_more_as_weeks_go_by():
    rng = random.Random(4)
    adult = BUILT_IN_BY_SLUG["adult-evaluation"]
    early = [demo.answers_for(0.0, rng, adult) for _ in range(2000)]
    late = [demo.answers_for(1.0, rng, adult) for _ in range(2000)]
    assert {"satisfied", "organised", "contribute", "included"} == set(early[0])
    very_satisfied = [[a["satisfied"] for a in answers].count("1") for answers in (early, late)]
    assert very_satisfied[1] > very_satisfied[0] * 1.2
    assert {"1", "2", "3", "4", "5", "skip"} == {a["included"] for a in early}


def test_the_demo_summary_shows_both_surveys(app, db, today):
    run(app, "--weeks", "2")
    staff = app.test_client()
    assert 0 == make_account(app).exit_code
    sign_in(staff)
    for slug, title in [
        ("child-evaluation", "Co-production evaluation for children"),
        ("adult-evaluation", "Co-production evaluation for adults"),
    ]:
        page = staff.get(f"/admin/?survey={slug}&site=youth-hub").get_data(as_text=True)
        assert f"{title}, version 1" in page
        assert re.search(rf"Week {iso_week(today)}, Youth hub: \d+ responses", page)


def test_drawings_are_small_clean_pngs(db, today):
    counts = demo.fill(
        db,
        sites=["youth-hub"],
        weeks=8,
        today=today,
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


def test_a_database_with_only_a_comment_is_refused(app, db, today):
    comment = make_comment(
        submission_id="b" * 32, site="youth-hub", topic=None, text="More snacks", drawing=None,
        receipt_code=receipt_codes.new_receipt_code(), secret="test-secret", today=today,
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


def test_the_demo_offers_the_adult_evaluation_by_qr_code_with_a_few_comments(app, client, db):
    run(app, "--weeks", "6")
    for site in ("waiting-room-a", "youth-hub"):
        assert ["adult-evaluation"] == storage.offered_surveys(db, site)
        assert 200 == client.get(f"/survey/{site}/adult-evaluation").status_code
    from_surveys = [
        c
        for site in ("waiting-room-a", "youth-hub")
        for c in storage.comments_for_site(db, site)
        if c["survey"]
    ]
    assert from_surveys, "six weeks of two sites brings at least one adult's comment"
    assert {("adult-evaluation", 1)} == {(c["survey"], c["version"]) for c in from_surveys}
    assert {c["text"] for c in from_surveys} <= {text for _, text in demo.ADULT_COMMENTS}


def test_demo_data_has_a_co_production_group_with_every_part_filled_in(app, staff):
    assert 0 == run(app, "--weeks", "2").exit_code
    page = staff.get("/admin/co-production/young-voices").get_data(as_text=True)
    assert "Young Voices" in page
    assert "What needs to happen first: Keep inviting both schools." in page
    assert "1 of 2 intended changes done" in page
    # Meetings of 3 and 4 together, 6 alone, and 2 waiting: never a small one shown.
    assert "These 2 meetings together: 7 responses" in page
    assert "6 responses" in page
    assert "1 closed meeting is waiting for more answers" in page
    assert not re.search(r"\b[1-4] responses?\b", page)
    principles = staff.get("/admin/co-production/principles").get_data(as_text=True)
    choice = principles.split('id="principle-choice"')[1].split('id="principle-collab')[0]
    assert "Meetings are now one hour, with a break in the middle." in choice
    assert staff.get("/agreement/young-voices").status_code == 200
