"""Bar charts as inline SVG, drawn on the server: no chart library, no script.

Each chart is role="img" with a label that states every number it draws, and
the page puts the same numbers in a table beside it. Colours are the kiosk
faces' own (never red), each bar edged in its face's dark ink so it keeps 3:1
contrast on white paper; last week's bars are hatched, so print in grey still
tells the two weeks apart. Charts only ever get figures already passed through
admin.figures, where a group under MIN_GROUP_SIZE is None: a gap, never a number.
"""

from markupsafe import Markup, escape

from admin.figures import Shown
from kiosk.surveys import FACES, SKIP

# Every answer a child can give, as (key, word), in the kiosk's order: the
# charts, their spoken labels and the summary's tables all use this one list.
ANSWERS = (*((face.key, face.word) for face in FACES), (SKIP, "Skipped"))
FILL = {"yes": "#9ad8b0", "sometimes": "#f7dd8b", "no": "#a9c8ea", "skip": "#dfe6ec"}
EDGE = {"yes": "#24453a", "sometimes": "#4a3d17", "no": "#1f3551", "skip": "#3d4f5e"}
INK = "#1f2d3a"
NOT_SHOWN = "fewer than {minimum} responses, not shown"
NOT_SHOWN_PART = "not shown, as part of it had fewer than {minimum} responses"


def not_shown(shown: Shown, minimum: int) -> str:
    return (NOT_SHOWN if shown.too_few else NOT_SHOWN_PART).format(minimum=minimum)


def described(shown: Shown, name: str, question: str, minimum: int) -> str:
    answers = shown.answers(question)
    if answers is None:
        return f"{name} ({shown.period.key}): {not_shown(shown, minimum)}."
    words = ", ".join(f"{word} {answers[key]}" for key, word in ANSWERS)
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
    width, height, top, bottom = 440, 210, 44, 178
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
        state = "" if shown.counts else ": " + not_shown(shown, minimum)
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
    width, height, top, bottom = 440, 130, 16, 104
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
