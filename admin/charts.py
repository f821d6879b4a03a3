"""Bar charts as inline SVG, drawn on the server: no chart library, no script.

Each chart is role="img" with a label that states every number it draws, and
the page puts the same numbers in a table beside it. Colours are the kiosk
faces' own (never red), each bar edged in its face's dark ink so it keeps 3:1
contrast on white paper; last week's bars are hatched, so print in grey still
tells the two weeks apart. A scale's options take colours from the faces' in
order, Yes's green to No's blue through Sometimes' yellow. Charts only ever get
figures already passed through admin.figures, where a group under
MIN_GROUP_SIZE is None: a gap, never a number.
"""

from markupsafe import Markup, escape

from admin.figures import Shown
from kiosk.surveys import FACES, SKIP, Question

# Every answer a child can give, as (key, word), in the kiosk's order: the
# charts, their spoken labels and the summary's tables all use this one list.
ANSWERS = (*((face.key, face.word) for face in FACES), (SKIP, "Skipped"))
FILL = {"yes": "#9ad8b0", "sometimes": "#f7dd8b", "no": "#a9c8ea", "skip": "#dfe6ec"}
EDGE = {"yes": "#24453a", "sometimes": "#4a3d17", "no": "#1f3551", "skip": "#3d4f5e"}
INK = "#1f2d3a"
NOT_SHOWN = "fewer than {minimum} responses, not shown"
NOT_SHOWN_PART = "not shown, as part of it had fewer than {minimum} responses"


NOT_SHOWN_SITES = "not shown, as no site had {minimum} responses on its own"


def not_shown(shown: Shown, minimum: int) -> str:
    if shown.left_out is not None:
        return NOT_SHOWN_SITES.format(minimum=minimum)
    return (NOT_SHOWN if shown.too_few else NOT_SHOWN_PART).format(minimum=minimum)


def legend_state(shown: Shown, minimum: int) -> str:
    """What a chart's legend says of a period it draws no bars for: short, so it
    fits on one line of the chart at any width (the label says why in full)."""
    if shown.left_out is None and shown.too_few:
        return f"fewer than {minimum} responses"
    return "not shown"


def choices_of(question: Question) -> list[tuple[str, str]]:
    """Every answer a question can get, as (key, word), in its own order, then Skipped."""
    return [*((choice.key, choice.word) for choice in question.choices), (SKIP, "Skipped")]


def described(shown: Shown, name: str, question: str, minimum: int, choices=ANSWERS) -> str:
    answers = shown.answers(question)
    if answers is None:
        return f"{name} ({shown.period.key}): {not_shown(shown, minimum)}."
    words = ", ".join(f"{word} {answers[key]}" for key, word in choices)
    return f"{name} ({shown.period.key}): {words}."


def _svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    label = escape(label)
    # Every piece of text in body went through escape(); the rest are numbers.
    return Markup(  # noqa: S704
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{label}</title>{''.join(body)}</svg>"
    )


def compare_bars(
    chart_id: str, question: str, text: str, now: Shown, before: Shown, names, minimum: int
) -> Markup:
    """Counts of each answer to one question: this period (solid) beside the one
    before (hatched). `names` are what the two periods are called ("This week")."""
    width, height, top, bottom = 440, 190, 44, 160
    counts = [s.answers(question) for s in (before, now)]
    tallest = max([1, *(c[key] for c in counts if c for key, _ in ANSWERS)])
    label = " ".join(
        [text, described(now, names[0], question, minimum)]
        + [described(before, names[1], question, minimum)]
    )
    body = []
    for key, _ in ANSWERS:
        body.append(
            f'<pattern id="{chart_id}-{key}" width="6" height="6" patternUnits="userSpaceOnUse"'
            f' patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            f'<rect width="3" height="6" fill="{FILL[key]}"/></pattern>'
        )
    body = [f"<defs>{''.join(body)}</defs>"]
    legend = [(now, names[0], False), (before, names[1], True)]
    for row, (shown, name, hatched) in enumerate(legend):
        y = 6 + row * 18
        fill = f"url(#{chart_id}-yes)" if hatched else FILL["yes"]
        state = "" if shown.counts else ": " + legend_state(shown, minimum)
        body.append(
            f'<rect x="4" y="{y}" width="12" height="12" fill="{fill}" stroke="{EDGE["yes"]}"/>'
            f'<text x="22" y="{y + 10}" font-size="12" fill="{INK}">'
            f"{escape(name)} ({shown.period.key}){escape(state)}</text>"
        )
    group = (width - 20) / len(ANSWERS)
    for index, (key, word) in enumerate(ANSWERS):
        x0 = 10 + index * group
        for slot, (answers, hatched) in enumerate(((counts[0], True), (counts[1], False))):
            if answers is None:
                continue
            value = answers[key]
            bar = (bottom - top - 16) * value / tallest
            x = x0 + 14 + slot * 40
            fill = f"url(#{chart_id}-{key})" if hatched else FILL[key]
            body.append(
                f'<rect x="{x:.1f}" y="{bottom - bar:.1f}" width="34" height="{bar:.1f}"'
                f' fill="{fill}" stroke="{EDGE[key]}" stroke-width="1.5"/>'
                f'<text x="{x + 17:.1f}" y="{bottom - bar - 4:.1f}" font-size="12"'
                f' text-anchor="middle" fill="{INK}">{value}</text>'
            )
        body.append(
            f'<text x="{x0 + group / 2:.1f}" y="{bottom + 18}" font-size="13"'
            f' text-anchor="middle" fill="{INK}">{word}</text>'
        )
    body.append(f'<line x1="6" x2="{width - 6}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>')
    return _svg(width, height, label, body)


def trend_bars(title: str, points: list[tuple[str, str, int | None]], percent: bool) -> Markup:
    """One column per period, oldest first: (key, short label, value or None).
    A period too small to show is a gap with no number."""
    width, height, top, bottom = 300, 124, 16, 100  # three fit across a laptop's page
    values = [value for _, _, value in points if value is not None]
    tallest = 100 if percent else max([1, *values])
    unit = "%" if percent else ""
    spoken = ", ".join(
        f"{key} {value}{unit}" if value is not None else f"{key} not shown"
        for key, _, value in points
    )
    body = []
    step = (width - 12) / len(points)
    for index, (_, short, value) in enumerate(points):
        x = 6 + index * step
        if value is not None:
            bar = (bottom - top) * value / tallest
            body.append(
                f'<rect x="{x + 4:.1f}" y="{bottom - bar:.1f}" width="{step - 8:.1f}"'
                f' height="{bar:.1f}" fill="{FILL["yes"] if percent else FILL["no"]}"'
                f' stroke="{EDGE["yes"] if percent else EDGE["no"]}" stroke-width="1.5"/>'
                f'<text x="{x + step / 2:.1f}" y="{bottom - bar - 3:.1f}" font-size="10"'
                f' text-anchor="middle" fill="{INK}">{value}{unit}</text>'
            )
        body.append(
            f'<text x="{x + step / 2:.1f}" y="{bottom + 16}" font-size="10"'
            f' text-anchor="middle" fill="{INK}">{escape(short)}</text>'
        )
    body.append(f'<line x1="4" x2="{width - 4}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>')
    return _svg(width, height, f"{title}: {spoken}.", body)


def _mixed(one: str, other: str, share: float) -> str:
    a, b = (tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) for colour in (one, other))
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def scale_colours(options: int) -> list[tuple[str, str]]:
    """(fill, edge) for each of a scale's options, in order: the faces' green,
    yellow and blue, and the colours between them; then Skipped's grey."""
    faces = [face.key for face in FACES]
    colours = []
    for index in range(options):
        place = 2 * index / max(options - 1, 1)  # 0 (first) to 2 (last)
        left = min(int(place), 1)
        share = place - left
        colours.append(
            tuple(
                _mixed(palette[faces[left]], palette[faces[left + 1]], share)
                for palette in (FILL, EDGE)
            )
        )
    return [*colours, (FILL[SKIP], EDGE[SKIP])]


def stacked_bars(
    chart_id: str, question: Question, now: Shown, before: Shown, names, minimum: int
) -> Markup:
    """A scale question: one horizontal bar for this period and one for the period
    before (hatched), each split into its options in their order, then Skipped.
    A count is written in its part of the bar when it fits, and every count is
    written in the list under the bars, so no number is only a width."""
    choices = choices_of(question)
    colours = scale_colours(len(choices) - 1)
    width, left, bar_height, row_height = 440, 6, 26, 46
    bars = [(now, names[0], False), (before, names[1], True)]
    height = 12 + row_height * len(bars) + 18 * len(choices) + 6
    label = " ".join(
        [question.text]
        + [described(shown, name, question.key, minimum, choices) for shown, name, _ in bars]
    )
    defs = "".join(
        f'<pattern id="{chart_id}-{index}" width="6" height="6" patternUnits="userSpaceOnUse"'
        f' patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<rect width="3" height="6" fill="{fill}"/></pattern>'
        for index, (fill, _) in enumerate(colours)
    )
    body = [f"<defs>{defs}</defs>"]
    for row, (shown, name, hatched) in enumerate(bars):
        y = 12 + row * row_height
        answers = shown.answers(question.key)
        state = f"{shown.responses} responses" if answers else legend_state(shown, minimum)
        body.append(
            f'<text x="{left}" y="{y}" font-size="12" fill="{INK}">'
            f"{escape(name)} ({shown.period.key}): {escape(state)}</text>"
        )
        if not answers:
            continue
        x = float(left)
        full = width - 2 * left
        for index, (key, _) in enumerate(choices):
            value = answers[key]
            if not value:
                continue
            part = full * value / shown.responses
            fill, edge = colours[index]
            paint = f"url(#{chart_id}-{index})" if hatched else fill
            body.append(
                f'<rect x="{x:.1f}" y="{y + 6}" width="{part:.1f}" height="{bar_height}"'
                f' fill="{paint}" stroke="{edge}" stroke-width="1.5"/>'
            )
            if part >= 12 + 8 * len(str(value)):
                body.append(
                    f'<text x="{x + part / 2:.1f}" y="{y + 6 + 18}" font-size="13"'
                    f' font-weight="bold" text-anchor="middle" fill="{INK}">{value}</text>'
                )
            x += part
    top = 12 + row_height * len(bars)
    for index, (key, word) in enumerate(choices):
        y = top + 18 * index
        fill, edge = colours[index]
        counts = ", ".join(
            f"{shown.answers(question.key)[key]} {name.lower()}"
            for shown, name, _ in bars
            if shown.counts is not None
        )
        body.append(
            f'<rect x="{left}" y="{y - 10}" width="12" height="12" fill="{fill}" stroke="{edge}"/>'
            f'<text x="{left + 18}" y="{y}" font-size="12" fill="{INK}">'
            f"{escape(word)}{': ' + counts if counts else ''}</text>"
        )
    return _svg(width, height, label, body)
