"""The weekly summary (the staff landing page), its month view for weeks with
too few responses, and the printable report for team meetings."""

import datetime

from flask import current_app, render_template, request

from admin import bp
from admin.charts import ANSWERS, compare_bars, trend_bars
from admin.figures import figures_for
from admin.periods import chosen_period
from kiosk import storage
from kiosk.for_request import database
from kiosk.surveys.child import QUESTIONS

NAMES = {"week": ("This week", "Last week"), "month": ("This month", "Last month")}


def summary_parts() -> dict:
    """Everything the summary and the report show, for the site and period asked for."""
    db = database()
    sites = storage.list_sites(db)
    site = request.args.get("site") or None
    if site not in {s["slug"] for s in sites}:
        site = None
    period = chosen_period(request.args, datetime.date.today())
    minimum = current_app.config["MIN_GROUP_SIZE"]
    figures = figures_for(db, period, site, minimum)
    names = NAMES[period.kind]
    charts = {
        question.key: compare_bars(
            f"chart-{question.key}",
            question.key,
            question.text,
            figures.now,
            figures.before,
            names,
            minimum,
        )
        for question in QUESTIONS
    }
    points = [(s.period.key, s.period.short, s.responses) for s in figures.trend]
    trends = {"responses": trend_bars("Responses", points, percent=False)}
    for question in QUESTIONS:
        points = [(s.period.key, s.period.short, s.yes_share(question.key)) for s in figures.trend]
        trends[question.key] = trend_bars(f'{question.text} Share of "Yes"', points, percent=True)
    return {
        "sites": sites,
        "site": site,
        "site_name": next((s["name"] for s in sites if s["slug"] == site), "All sites"),
        "period": period,
        "figures": figures,
        "names": names,
        "charts": charts,
        "trends": trends,
        "minimum": minimum,
        "questions": QUESTIONS,
        "answers": ANSWERS,
        # The week's words and drawings sit under its figures, concerns first.
        "comments": (
            storage.comments_for_week(db, period.key, site) if period.kind == "week" else []
        ),
        "site_names": {s["slug"]: s["name"] for s in sites},
    }


@bp.get("/")
def summary():
    """The weekly summary: how children answered, for one site or all, one week
    (or one month, offered when a week has too few responses)."""
    return render_template("admin/summary.html", **summary_parts())


@bp.get("/report")
def report():
    """The same figures as the summary, laid out to print on one or two A4 pages."""
    return render_template("admin/report.html", **summary_parts())
