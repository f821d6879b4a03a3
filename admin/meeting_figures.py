"""What a group's meeting results show, prepared in one place, as admin/figures.py
does for weeks: the small-number rule for meetings is kept here, before any
template sees a count.

A co-production meeting is often 3 or 4 children, under MIN_GROUP_SIZE, so a
meeting is counted together with the meetings before it: the group's closed
meetings, oldest first, are cut into runs ("blocks"), each closed as soon as
its responses reach the minimum. Only whole blocks are ever shown. So:

- a meeting is shown on its own only when it is a block by itself (at least
  the minimum, with nothing small before it waiting);
- blocks never overlap, so no shown figure less another is a small meeting;
- a block is made only of closed meetings, which take no more answers, and
  the cut is made from the oldest meeting on, so a block once shown never
  changes: no figure today less the same figure last week is one person;
- the meetings after the last block wait, counted nowhere, until enough
  answers come to close the next block.

Blocks are cut per version of a survey, from the meetings during which that
version was the one asked (figures.current_during), as figures never add one
version's counts to another's. Meeting answers are in their own table, never
in a site's weeks, and a group is never added to another: no figure of a week
or of another group can be subtracted from a block, nor a block from them.
"""

import datetime
from dataclasses import dataclass

import sqlite_utils

from admin.figures import added
from kiosk import storage
from kiosk.storage.meetings import (  # cut_into_blocks: re-exported, retention uses it too
    asked_during,
    cut_into_blocks,
    is_closed,
    meetings_of_group,
)
from kiosk.surveys import Survey

__all__ = ["Block", "VersionResults", "cut_into_blocks", "results_for"]


@dataclass(frozen=True)
class Block:
    """Meetings counted together: oldest first, with one version's counts
    (admin.figures.added: every answer the version offers, 0 when none)."""

    meetings: tuple[dict, ...]
    counts: dict

    @property
    def responses(self) -> int:
        return self.counts["responses"]

    @property
    def first_day(self) -> str:
        return self.meetings[0]["date"]

    @property
    def last_day(self) -> str:
        return self.meetings[-1]["date"]


@dataclass(frozen=True)
class VersionResults:
    """One version of one survey at one group's meetings."""

    survey: Survey
    blocks: list[Block]  # oldest first
    waiting: tuple[dict, ...]  # closed meetings in no block yet, oldest first
    still_open: tuple[dict, ...]  # meetings that take answers now, or have not begun

    @property
    def latest(self) -> Block | None:
        """The group's latest meetings counted together: its running total."""
        return self.blocks[-1] if self.blocks else None

    @property
    def all_counted(self) -> dict | None:
        """Every block added together: only whole blocks, so nothing new shows."""
        return added([block.counts for block in self.blocks], self.survey) if self.blocks else None


def results_for(
    db: sqlite_utils.Database,
    group: str,
    survey: str,
    minimum: int,
    today: datetime.date,
) -> list[VersionResults]:
    """A group's results for one survey, one entry a version, newest version
    first: every version with a block, and the newest version always."""
    meetings = [m for m in meetings_of_group(db, group) if survey in m["surveys"]]
    closed = [m for m in meetings if is_closed(m, today)]
    still_open = tuple(m for m in meetings if not is_closed(m, today))
    counts = storage.meeting_answer_counts(db, [m["id"] for m in closed], survey)
    versions = storage.survey_versions(db, survey)
    results = []
    for index, version in enumerate(versions):
        during = asked_during(versions, index, closed)
        own = [counts.get(m["id"], {}).get(version.version) for m in during]
        responses = [part["responses"] if part else 0 for part in own]
        ranges, waiting = cut_into_blocks(responses, minimum)
        blocks = [
            Block(
                tuple(during[i] for i in span),
                added([own[i] for i in span if own[i]], version),
            )
            for span in ranges
        ]
        if blocks or index == 0:
            results.append(
                VersionResults(
                    version,
                    blocks,
                    tuple(during[i] for i in waiting),
                    still_open if index == 0 else (),
                )
            )
    return results
