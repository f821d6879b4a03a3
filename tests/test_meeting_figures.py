"""A group's meeting results (admin/meeting_figures.py): meetings of 3 and 4
show as one block of 7, never alone; the rule holds between meetings, over
time, between groups and between a group's meetings and its site's weeks."""

import datetime
import itertools
import secrets

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from admin.meeting_figures import cut_into_blocks, results_for
from kiosk import storage
from kiosk.surveys import Submission

TODAY = datetime.date(2026, 11, 30)
SURVEY = "child-evaluation"
CHOICES = ["yes", "sometimes", "no", "skip"]


@pytest.mark.parametrize(
    ("responses", "blocks", "waiting"),
    [
        ([3, 4], [[0, 1]], []),
        ([3], [], [0]),
        ([6, 3, 1, 2], [[0], [1, 2, 3]], []),
        ([0, 5, 0, 2], [[0, 1]], [2, 3]),
        ([], [], []),
        ([4, 4, 4], [[0, 1]], [2]),
    ],
)
def test_meetings_are_cut_into_blocks_that_reach_the_minimum(responses, blocks, waiting):
    cut, rest = cut_into_blocks(responses, 5)
    assert [list(block) for block in cut] == blocks
    assert list(rest) == waiting


counts = st.lists(st.integers(0, 9), max_size=30)


@given(responses=counts, minimum=st.integers(1, 10))
def test_every_block_reaches_the_minimum_and_nothing_waiting_does(responses, minimum):
    blocks, waiting = cut_into_blocks(responses, minimum)
    spans = [*blocks, waiting]
    # Consecutive, without gaps or overlaps, from the first meeting to the last.
    assert list(itertools.chain.from_iterable(spans)) == list(range(len(responses)))
    for block in blocks:
        total = sum(responses[i] for i in block)
        assert total >= minimum
        # Closed at the first meeting that reached it: no shorter block would do.
        assert sum(responses[i] for i in block[:-1]) < minimum
    assert sum(responses[i] for i in waiting) < minimum


@given(responses=counts, more=counts, minimum=st.integers(1, 10))
def test_a_block_once_shown_never_changes_as_meetings_close(responses, more, minimum):
    """Blocks shown today are still shown, exactly, after any meetings more: so
    no figure of today less a figure of next week is one meeting's answers."""
    today, _ = cut_into_blocks(responses, minimum)
    later, _ = cut_into_blocks(responses + more, minimum)
    assert later[: len(today)] == today


# Stored for real, read back through results_for: the figures depend only on
# whole blocks. Each meeting is a date and its answers; "closed" meetings are
# in the past, "open" ones take answers now.

SURVEY_KEYS = ("safe", "talk", "team", "ideas")
answer_sets = st.fixed_dictionaries({q: st.sampled_from(CHOICES) for q in SURVEY_KEYS})
a_meeting = st.lists(answer_sets, max_size=7)


def store(db, group, meetings: list[list[dict]], open_meetings: list[list[dict]] = (), first=None):
    """Each closed meeting a week apart, from `first`, all before TODAY - 7 days;
    open ones today."""
    ids = []
    start = first or TODAY - datetime.timedelta(weeks=len(meetings) + 2)
    plan = [(start + datetime.timedelta(weeks=n), a) for n, a in enumerate(meetings)]
    plan += [(TODAY, a) for a in open_meetings]
    for day, answers in plan:
        meeting = storage.add_meeting(db, group, day, [SURVEY])
        ids.append(meeting)
        for chosen in answers:
            submission = Submission(secrets.token_hex(16), "waiting-room-a", SURVEY, chosen, day)
            assert storage.record_meeting_answers(db, meeting, submission)
    return ids


@pytest.fixture(scope="module")
def new_db(tmp_path_factory):
    """A fresh answers file with one site and two groups, for each example."""

    def make():
        path = tmp_path_factory.mktemp("meetings") / "kiosk.db"
        db = storage.open_database(path)
        storage.add_site(db, "waiting-room-a", "Waiting room A")
        for name in ("Young Voices", "Parents Group"):
            storage.add_group(db, name, "waiting-room-a", "mixed", [SURVEY], TODAY)
        return db

    return make


def shown(db, group: str) -> list:
    """What the group's page may show: each block's meetings' dates and counts,
    the dates waiting, and the dates still open. No per-meeting count is here."""
    return [
        (
            result.survey.version,
            [(tuple(m["date"] for m in b.meetings), b.counts) for b in result.blocks],
            [m["date"] for m in result.waiting],
            [m["date"] for m in result.still_open],
        )
        for result in results_for(db, group, SURVEY, 5, TODAY)
    ]


def test_a_meeting_of_3_and_one_of_4_show_together_as_7(new_db):
    db = new_db()
    yes = dict.fromkeys(SURVEY_KEYS, "yes")
    store(db, "young-voices", [[yes] * 3], first=TODAY - datetime.timedelta(weeks=3))
    [result] = results_for(db, "young-voices", SURVEY, 5, TODAY)
    assert (result.blocks, len(result.waiting)) == ([], 1)
    store(db, "young-voices", [[yes] * 4], first=TODAY - datetime.timedelta(weeks=2))
    [result] = results_for(db, "young-voices", SURVEY, 5, TODAY)
    [block] = result.blocks
    assert block.responses == 7 and len(block.meetings) == 2
    assert block.counts["questions"]["safe"] == {"yes": 7, "sometimes": 0, "no": 0, "skip": 0}
    assert result.latest is block and result.waiting == ()


@settings(max_examples=30, deadline=None)
@given(meetings=st.lists(a_meeting, max_size=6), data=st.data())
def test_answers_moved_between_meetings_of_one_block_change_nothing_shown(new_db, meetings, data):
    """Within a block, which meeting gave which answers shows nowhere: the same
    answers dealt out again among its meetings (each keeping its number of
    responses) give the same page. Nor do the answers of meetings waiting or
    still open, whatever they are, while their number stays small."""
    db = new_db()
    store(db, "young-voices", meetings, open_meetings=[meetings[0]] if meetings else [])
    before = shown(db, "young-voices")
    blocks, waiting = cut_into_blocks([len(m) for m in meetings], 5)
    dealt = [list(m) for m in meetings]
    for block in blocks:
        pool = [a for i in block for a in meetings[i]]
        pool = data.draw(st.permutations(pool))
        for i in block:
            dealt[i], pool = pool[: len(meetings[i])], pool[len(meetings[i]) :]
    for i in waiting:
        dealt[i] = data.draw(
            st.lists(answer_sets, min_size=len(meetings[i]), max_size=len(meetings[i]))
        )
    open_again = data.draw(st.lists(answer_sets, max_size=4))
    again = new_db()
    store(again, "young-voices", dealt, open_meetings=[open_again] if meetings else [])
    assert shown(again, "young-voices") == before


@settings(max_examples=25, deadline=None)
@given(mine=st.lists(a_meeting, max_size=4), theirs=st.lists(a_meeting, max_size=4))
def test_another_groups_answers_change_nothing_on_a_groups_page(new_db, mine, theirs):
    alone = new_db()
    store(alone, "young-voices", mine)
    beside = new_db()
    store(beside, "young-voices", mine)
    store(beside, "parents-group", theirs)
    assert shown(beside, "young-voices") == shown(alone, "young-voices")


def test_a_meeting_answer_is_never_counted_in_the_sites_weeks(new_db):
    db = new_db()
    yes = dict.fromkeys(SURVEY_KEYS, "yes")
    store(db, "young-voices", [[yes] * 6], open_meetings=[[yes] * 6])
    weeks = [f"2026-W{n}" for n in range(40, 50)]
    for counts in storage.answer_counts(db, weeks, survey=SURVEY).values():
        assert counts["responses"] == 0
