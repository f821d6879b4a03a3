"""An invented co-production group for the demo data, so a newcomer finds the
companion's pages filled in: a readiness check answered twice, a plan whose
change was delivered, the group agreement as the group changed it, and five
meetings of 2 to 6 children, shown only in whole blocks of 5 or more.

Like the rest of the demo data it goes through the real storage functions.
"""

import datetime
import random
import secrets

import sqlite_utils

from kiosk import storage
from kiosk.coproduction.agreement_texts import starting_text
from kiosk.surveys import CHILD_EVALUATION, SKIP, Submission

GROUP = "Young Voices"
HEARD = "The meetings were too long."
DID = "Meetings are now one hour, with a break in the middle."
# (weeks ago, children who answered): 3 + 4 show together; 6 alone; 2 waits.
MEETINGS = ((7, 3), (6, 4), (4, 6), (2, 2))


def fill_coproduction(
    db: sqlite_utils.Database, site: str, today: datetime.date, rng: random.Random
) -> str:
    """Add the group at `site` with all its parts; return its slug."""
    slug = storage.add_group(db, GROUP, site, "children", [CHILD_EVALUATION], today)
    first = today - datetime.timedelta(weeks=9)
    storage.record_readiness(
        db,
        slug,
        [
            ("yes", ""),
            ("partly", "Ask the youth council how to welcome everyone."),
            ("not-yet", "Invite children from the two schools we do not reach yet."),
            ("partly", "Make an easy-read version of the invitation."),
        ],
        first,
    )
    storage.record_readiness(
        db,
        slug,
        [("yes", ""), ("yes", ""), ("partly", "Keep inviting both schools."), ("yes", "")],
        today - datetime.timedelta(weeks=8),
    )
    entry = storage.add_you_said(db, site, HEARD, DID, today - datetime.timedelta(weeks=3))
    storage.set_principles(db, "you-said", entry, ["choice", "collaboration"])
    plan = storage.add_plan(
        db,
        slug,
        "Making our meetings better",
        {
            "aim": "What makes our meetings feel safe and worth coming to.",
            "impact": "Children and young people who come to the group, and their families.",
            "team": "The participation worker and a team manager.",
            "invite": "Children aged 8 to 12 who use the service.",
            "benefit": "Children, because meetings will fit them better.",
        },
        [DID, "Children choose where we meet."],
        first,
    )
    storage.link_change(db, plan, 1, entry, site)
    adults, children = starting_text("adults", "en"), starting_text("children", "en")
    storage.save_agreement(db, slug, "en", adults, children, first)
    children = {**children, "intro": children["intro"] + " We wrote this together."}
    storage.save_agreement(db, slug, "en", adults, children, today - datetime.timedelta(weeks=6))
    storage.set_agreement_public(db, slug, True)
    child = storage.latest_version(db, CHILD_EVALUATION)
    for weeks_ago, children_there in MEETINGS:
        day = today - datetime.timedelta(weeks=weeks_ago)
        meeting = storage.add_meeting(db, slug, day, [CHILD_EVALUATION])
        for _ in range(children_there):
            answers = {
                q.key: rng.choice(["yes", "yes", "sometimes", "no", SKIP])
                for q in child.choice_questions
            }
            submission = Submission(
                secrets.token_hex(16), site, child.slug, answers, day, child.version
            )
            storage.record_meeting_answers(db, meeting, submission, child)
    storage.add_meeting(db, slug, today, [CHILD_EVALUATION])  # open now: try its QR code
    return slug
