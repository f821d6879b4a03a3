"""What changed since the period before: the biggest rises and falls in the
share of responses that gave each answer, for the top of the summary.

Only figures admin/figures.py lets through are compared, so a change is said
only when both periods are shown: a share of a group too small to show is
never worked out here."""

from dataclasses import dataclass

from admin.figures import Figures

BIGGEST = 3  # rises, and falls, listed
NOTICEABLE = 5  # percentage points: smaller moves are not news


@dataclass(frozen=True)
class Change:
    question: str
    answer: str
    before: int  # per cent of the period before's responses
    now: int  # per cent of this period's responses

    @property
    def points(self) -> int:
        return self.now - self.before

    @property
    def sentence(self) -> str:
        verb = "rose" if self.points > 0 else "fell"
        return f'{self.question} "{self.answer}" {verb} from {self.before}% to {self.now}%.'


def share(count: int, responses: int) -> int:
    return round(100 * count / responses)


def every_change(own: Figures) -> list[Change]:
    """How each answer's share moved, for each question with choices (not Skipped)."""
    now, before = own.now, own.before
    changes = []
    for question in own.survey.choice_questions:
        this, last = now.answers(question.key), before.answers(question.key)
        for choice in question.choices:
            changes.append(
                Change(
                    question.text,
                    choice.word,
                    share(last[choice.key], before.responses),
                    share(this[choice.key], now.responses),
                )
            )
    return changes


def biggest_changes(own: Figures) -> dict | None:
    """{"rises": [...], "falls": [...]}, biggest first, each at least NOTICEABLE
    points; None when this period or the one before is not shown."""
    if own.now.counts is None or own.before.counts is None:
        return None
    changes = [c for c in every_change(own) if abs(c.points) >= NOTICEABLE]
    rises = sorted((c for c in changes if c.points > 0), key=lambda c: -c.points)
    falls = sorted((c for c in changes if c.points < 0), key=lambda c: c.points)
    return {"rises": rises[:BIGGEST], "falls": falls[:BIGGEST]}
