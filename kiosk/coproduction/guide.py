"""The guide's co-production tools in its own words (seeds: "Is Your Service
Ready for Co-Production?", the planning proforma, the reflection questions and
the six principles). Kept word for word: a team reads what the guide says."""

from kiosk.storage.schema_coproduction import AUDIENCES, PRINCIPLES, READINESS_ANSWERS

AUDIENCE_WORDS = dict(
    zip(AUDIENCES, ("Children", "Young people", "Adults", "Mixed ages"), strict=True)
)

# The guide's six principles, as staff tag what children raised and what was done.
PRINCIPLE_WORDS = dict(
    zip(
        PRINCIPLES,
        (
            "Safety",
            "Trustworthiness",
            "Choice",
            "Collaboration",
            "Empowerment",
            "Cultural considerations",
        ),
        strict=True,
    )
)

READINESS_INTRO = (
    "Co-production requires us to be able to meet the following four conditions fully"
    " before we can commence on this work:"
)
# (short name, the guide's question, the guide's explanation)
READINESS_CONDITIONS = (
    (
        "Working reciprocally",
        "Can we work reciprocally yet?",
        "This means that we have to be ready to share what our service is doing but to hear"
        " back from our co-producers and be receptive to what they have to say as part of a"
        " two-way process.",
    ),
    (
        "Equality",
        "Can we extend our commitment to equality into co-production work?",
        "This means that everyone in the group can be safely welcome into the conversations"
        " as equals irrespective of their backgrounds, experiences and more.",
    ),
    (
        "Diversity",
        "Are we embodying diversity in all we do?",
        "From day 1 we must ensure that we gather a representative group who mirror the"
        " communities we serve",
    ),
    (
        "Accessibility",
        "Can we make it accessible?",
        "This includes the meeting methods, visual materials and the ways in which we communicate.",
    ),
)
READINESS_ANSWER_WORDS = dict(zip(READINESS_ANSWERS, ("Yes", "Partly", "Not yet"), strict=True))

# The planning proforma's six questions, by the column that keeps the answer.
# The sixth, the intended changes, is a list (plan_changes).
PROFORMA = (
    ("aim", "What am I aiming to find out?"),
    ("impact", "Who does it impact?"),
    ("team", "Which members of the team need to be involved?"),
    ("invite", "Which groups of service users do I need to invite?"),
    ("benefit", "Who will benefit and why?"),
    ("changes", "What are the intended changes?"),
)

# The guide's reflection questions, by where each belongs in the companion.
REFLECTIONS = {
    "readiness": "Is your service ready? If not, what needs to happen first.",
    "good-practice": (
        "What good practice is already happening in your service and what could be done"
        " differently?"
    ),
    "adapting": "What methods of participation might work in your service or setting?",
}
