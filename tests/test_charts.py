"""The summary's charts: inline SVG that states its numbers, in calm colours,
with a gap (never a number) for a group too small to show."""

import re

import pytest

from admin.charts import EDGE, FILL, INK, compare_bars, scale_colours, stacked_bars, trend_bars
from admin.figures import Shown
from admin.periods import Period
from kiosk.surveys import FACES, SCALE_KIND, Question

THIS, LAST = Period("week", "2026-W48"), Period("week", "2026-W47")


def counts(yes=0, sometimes=0, no=0, skip=0) -> dict:
    answers = {"yes": yes, "sometimes": sometimes, "no": no, "skip": skip}
    return {"responses": sum(answers.values()), "questions": {"safe": answers}}


def chart(now, before, text="Do you feel safe?") -> str:
    return str(
        compare_bars(
            "c", "safe", text, Shown(THIS, now), Shown(LAST, before), ("This week", "Last week"), 5
        )
    )


def label(svg: str) -> str:
    return re.search(r'aria-label="([^"]*)"', svg)[1]


def drawn_numbers(svg: str) -> list[str]:
    return re.findall(r'text-anchor="middle" fill="#1f2d3a">(\d+%?)</text>', svg)


def test_a_chart_is_an_image_whose_label_states_every_number():
    svg = chart(counts(yes=6, no=2), counts(sometimes=5, skip=1))
    assert 'role="img"' in svg
    assert (
        "Do you feel safe? This week (2026-W48): Yes 6, Sometimes 0, No 2, Skipped 0."
        " Last week (2026-W47): Yes 0, Sometimes 5, No 0, Skipped 1."
    ) == label(svg)
    assert f"<title>{label(svg)}</title>" in svg
    # Drawn left to right: last week then this week, for Yes, Sometimes, No, Skipped.
    assert ["0", "6", "5", "0", "0", "2", "1", "0"] == drawn_numbers(svg)


def test_a_small_week_is_drawn_as_nothing_and_said_plainly():
    svg = chart(counts(yes=6), None)
    assert "Last week (2026-W47): fewer than 5 responses, not shown." in label(svg)
    assert ["6", "0", "0", "0"] == drawn_numbers(svg)
    assert 4 == len(re.findall(r"<rect x=\"[\d.]+\" y=\"[\d.]+\" width=\"34\"", svg))


def test_words_in_a_label_are_escaped():
    svg = chart(counts(yes=5), None, text='Is it <b>"safe"</b> & calm?')
    assert "&lt;b&gt;&#34;safe&#34;&lt;/b&gt; &amp; calm?" in label(svg)
    assert "<b>" not in svg


def colours_in(svg: str) -> set[str]:
    return {colour.lower() for colour in re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', svg)}


def is_reddish(colour: str) -> bool:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return red > 150 and red > green + 40 and red > blue + 40


@pytest.mark.parametrize(
    "svg",
    [
        chart(counts(yes=9, sometimes=3, no=7, skip=2), counts(no=5)),
        str(trend_bars("Responses", [("2026-W48", "W48", 7), ("2026-W47", "W47", None)], False)),
        str(trend_bars("Yes", [("2026-W48", "W48", 40)], True)),
    ],
)
def test_calm_colours_from_the_kiosk_faces_never_red(svg):
    assert colours_in(svg)
    assert set() == {colour for colour in colours_in(svg) if is_reddish(colour)}
    palette = {*FILL.values(), *EDGE.values(), INK, "#ffffff"}
    assert set() == colours_in(svg) - palette


def test_a_trend_leaves_small_periods_as_gaps():
    points = [("2026-W46", "W46", 12), ("2026-W47", "W47", None), ("2026-W48", "W48", 6)]
    svg = str(trend_bars("Responses", points, percent=False))
    assert "Responses: 2026-W46 12, 2026-W47 not shown, 2026-W48 6." == label(svg)
    assert ["12", "W46", "W47", "6", "W48"] == re.findall(r">(\w+)</text>", svg)
    assert 2 == svg.count('stroke-width="1.5"')  # two bars, no bar for the gap


def test_a_share_trend_is_in_per_cent():
    svg = str(trend_bars('Share of "Yes"', [("2026-11", "Nov", 40)], percent=True))
    assert "Share of &#34;Yes&#34;: 2026-11 40%." == label(svg)
    assert ["40%"] == drawn_numbers(svg)


def test_each_answer_the_kiosk_offers_is_named_under_its_bars_in_the_kiosks_order():
    svg = chart(counts(yes=6), counts(no=5))
    under_bars = re.findall(
        r'font-size="13" text-anchor="middle" fill="#1f2d3a">([^<]+)</text>', svg
    )
    assert [*(face.word for face in FACES), "Skipped"] == under_bars


SATISFACTION = Question(
    "satisfied",
    "How satisfied are you?",
    SCALE_KIND,
    (
        "Very Satisfied",
        "Somewhat Satisfied",
        "Neutral",
        "Somewhat Dissatisfied",
        "Very Dissatisfied",
    ),
)


def scale_counts(*numbers) -> dict:
    answers = dict(zip(["1", "2", "3", "4", "5", "skip"], numbers, strict=True))
    return {"responses": sum(numbers), "questions": {"satisfied": answers}}


def stacked(now, before) -> str:
    shown = (Shown(THIS, now), Shown(LAST, before))
    return str(stacked_bars("s", SATISFACTION, *shown, ("This week", "Last week"), 5))


def test_a_scale_is_a_stacked_bar_a_period_in_the_order_of_its_options():
    svg = stacked(scale_counts(10, 20, 0, 3, 1, 6), scale_counts(0, 0, 5, 0, 0, 0))
    assert 'role="img"' in svg
    assert (
        "How satisfied are you? This week (2026-W48): Very Satisfied 10, Somewhat Satisfied 20,"
        " Neutral 0, Somewhat Dissatisfied 3, Very Dissatisfied 1, Skipped 6. Last week"
        " (2026-W47): Very Satisfied 0, Somewhat Satisfied 0, Neutral 5, Somewhat Dissatisfied 0,"
        " Very Dissatisfied 0, Skipped 0."
    ) == label(svg)
    # One bar a period: this week's five parts left to right, in the options' order,
    # each as wide as its share; then last week's one part, hatched.
    parts = re.findall(
        r'<rect x="([\d.]+)" y="(\d+)" width="([\d.]+)" height="26" fill="([^"]+)"', svg
    )
    this_week = [p for p in parts if p[1] == parts[0][1]]
    assert [10, 20, 3, 1, 6] == [round(float(p[2]) / 428 * 40) for p in this_week]
    assert sorted(float(p[0]) for p in this_week) == [float(p[0]) for p in this_week]
    [last_week] = [p for p in parts if p[1] != parts[0][1]]
    assert "url(#s-2)" == last_week[3]
    # Every number is written: in its part when it fits, and all in the list under the bars.
    words = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert [
        "Very Satisfied: 10 this week, 0 last week",
        "Somewhat Satisfied: 20 this week, 0 last week",
        "Neutral: 0 this week, 5 last week",
        "Somewhat Dissatisfied: 3 this week, 0 last week",
        "Very Dissatisfied: 1 this week, 0 last week",
        "Skipped: 6 this week, 0 last week",
    ] == words[-6:]
    assert {"10", "20", "6", "5"} <= set(words)


def test_a_small_period_has_no_bar_and_no_number():
    svg = stacked(scale_counts(2, 3, 0, 0, 0, 0), None)
    assert "Last week (2026-W47): fewer than 5 responses, not shown." in label(svg)
    assert "Last week (2026-W47): fewer than 5 responses<" in svg
    assert "Very Satisfied: 2 this week" in svg and "last week</text>" not in svg
    assert 2 == len(re.findall(r'height="26"', svg))


@pytest.mark.parametrize("options", range(2, 8))
def test_a_scales_colours_are_calm_and_in_order_never_red(options):
    colours = scale_colours(options)
    assert options + 1 == len(set(colours))
    assert (FILL["yes"], EDGE["yes"]) == colours[0]
    assert (FILL["no"], EDGE["no"]) == colours[options - 1]
    assert (FILL["skip"], EDGE["skip"]) == colours[-1]
    assert [] == [c for pair in colours for c in pair if is_reddish(c)]
    question = Question("q", "Q?", SCALE_KIND, tuple(f"Option {n}" for n in range(options)))
    answers = {str(n): n for n in range(1, options + 1)} | {"skip": 1}
    now = {"responses": sum(answers.values()), "questions": {"q": answers}}
    svg = str(stacked_bars("q", question, Shown(THIS, now), Shown(LAST, None), ("A", "B"), 5))
    palette = {c for pair in colours for c in pair} | {INK, "#ffffff"}
    assert set() == colours_in(svg) - palette
