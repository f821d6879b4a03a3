"""The weekly summary (the staff landing page), its month view for weeks with
too few responses, and the printable report for team meetings: for any
survey, one section per version (admin.figures)."""

import datetime

from flask import current_app, render_template, request

from admin import bp
from admin.changes import biggest_changes
from admin.charts import ANSWERS, choices_of, compare_bars, stacked_bars, trend_bars
from admin.figures import Figures, figures_for, top_box_words, wording_changes
from admin.periods import asked_period, has_begun
from kiosk import storage
from kiosk.app.for_request import database
from kiosk.surveys import CHILD_EVALUATION, FACES_KIND, SCALE_KIND

NAMES = {"week": ("This week", "Last week"), "month": ("This month", "Last month")}


def chosen_survey(db) -> tuple[list[dict], dict]:
    """The published surveys, and the one asked for (?survey=slug; the child
    evaluation when none, or one that does not exist, is asked for)."""
    surveys = [s for s in storage.list_surveys(db) if s["latest"] is not None]
    asked = request.args.get("survey") or CHILD_EVALUATION
    default = next((s for s in surveys if s["slug"] == CHILD_EVALUATION), surveys[0])
    return surveys, next((s for s in surveys if s["slug"] == asked), default)


def charts_of(own: Figures, names, minimum: int) -> dict:
    """The charts of one version: each question this period beside the one
    before, and the trend of responses and of each question's top box."""
    charts = {}
    for question in own.survey.choice_questions:
        chart_id = f"v{own.survey.version}-{question.key}"
        if question.kind == FACES_KIND:
            charts[question.key] = compare_bars(
                chart_id, question.key, question.text, own.now, own.before, names, minimum
            )
        elif question.kind == SCALE_KIND:
            charts[question.key] = stacked_bars(
                chart_id, question, own.now, own.before, names, minimum
            )
    points = [(s.period.key, s.period.short, s.responses) for s in own.trend]
    trends = {"responses": trend_bars("Responses", points, percent=False)}
    for question in own.survey.choice_questions:
        points = [(s.period.key, s.period.short, s.top_box_share(question)) for s in own.trend]
        title = f"{question.text} Share of {top_box_words(question)}"
        trends[question.key] = trend_bars(title, points, percent=True)
    return {"charts": charts, "trends": trends, "changes": biggest_changes(own)}


def summary_parts() -> dict:
    """Everything the summary and the report show, for the survey, site and period asked for."""
    db = database()
    sites = storage.list_sites(db)
    site = request.args.get("site") or None
    if site not in {s["slug"] for s in sites}:
        site = None
    surveys, survey = chosen_survey(db)
    today = datetime.date.today()
    asked = asked_period(request.args, today)
    period = asked.period
    minimum = current_app.config["MIN_GROUP_SIZE"]
    listed = figures_for(db, survey["slug"], period, site, minimum)
    names = NAMES[period.kind]
    return {
        "sites": sites,
        "site": site,
        "site_name": next((s["name"] for s in sites if s["slug"] == site), "All sites"),
        "surveys": surveys,
        "survey": survey["latest"],
        # In links: nothing for the child evaluation, so its addresses stay as they were.
        "survey_arg": None if survey["slug"] == CHILD_EVALUATION else survey["slug"],
        "period": period,
        "week_asked": asked,
        "later": period.shifted(1) if has_begun(period.shifted(1), today) else None,
        "versions": [(own, charts_of(own, names, minimum)) for own in listed],
        "only": listed[0] if len(listed) == 1 else None,
        "changes": wording_changes(listed, period.trend()[0].first_day),
        "names": names,
        "minimum": minimum,
        "answers": ANSWERS,
        "choices_of": choices_of,
        "faces": FACES_KIND,
        "scale": SCALE_KIND,
        "top_box_words": top_box_words,
        # The week's words and drawings sit under its figures, concerns first.
        "comments": (
            storage.comments_for_week(db, period.key, site) if period.kind == "week" else []
        ),
        "site_names": {s["slug"]: s["name"] for s in sites},
    }


def status_of(parts: dict) -> int:
    """400 for a week or month not understood: the page says so, beside the box."""
    return 200 if parts["week_asked"].understood else 400


@bp.get("/")
def summary():
    """The weekly summary: how people answered a survey, for one site or all,
    one week (or one month, offered when a week has too few responses)."""
    parts = summary_parts()
    return render_template("admin/summary.html", **parts), status_of(parts)


@bp.get("/report")
def report():
    """The same figures as the summary, laid out to print on one or two A4 pages."""
    parts = summary_parts()
    return render_template("admin/report.html", **parts), status_of(parts)
