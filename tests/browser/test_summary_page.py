"""A staff member reads the weekly summary's charts, its month view and the
printable report in a real browser: the chart's label and the table beside it
agree, axe-core finds nothing, and the report prints on at most two A4 pages."""

import datetime
import random
import re

import pytest
from playwright.sync_api import expect

from admin.periods import Period
from kiosk.app import demo
from tests.browser.conftest import assert_accessible, live_database, sign_in
from tests.test_summary import SATISFIED, add, add_answers, adult_answers, publish_new_wording


@pytest.fixture
def this_week(today) -> Period:
    return Period.week_of(today)


@pytest.fixture
def summary_page(staff_page, live_server, today):
    """A staff member signed in after two weeks of answers: 7 this week, 5 the week before."""
    with live_database(live_server) as db:
        add(db, ["yes", "sometimes", "no", "skip"], day=today, times=4)
        add(db, ["no", "yes", "yes", "yes"], day=today, times=3)
        add(
            db,
            ["sometimes", "no", "yes", "yes"],
            day=today - datetime.timedelta(weeks=1),
            times=5,
        )
    sign_in(staff_page, live_server)
    return staff_page


def chart_numbers(label: str, period: Period) -> list[str]:
    part = re.search(
        rf"\({period.key}\): Yes (\d+), Sometimes (\d+), No (\d+), Skipped (\d+)\.", label
    )
    return list(part.groups())


def test_the_chart_and_its_table_tell_the_same_numbers(summary_page, this_week):
    page = summary_page
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        f"{this_week.title}: 7 responses"
    )
    last_week = this_week.shifted(-1)
    expected = {
        "safe": (["4", "0", "3", "0"], ["0", "5", "0", "0"]),
        "ideas": (["3", "0", "0", "4"], ["5", "0", "0", "0"]),
    }
    for key, text in [
        ("safe", "Do you feel safe during our meetings?"),
        ("ideas", "Are your ideas helping to change things?"),
    ]:
        figure = page.locator("figure.question-chart").filter(has_text=text)
        chart = figure.get_by_role("img")
        expect(chart).to_be_visible()
        label = chart.get_attribute("aria-label")
        expect(figure.get_by_role("table")).to_have_count(0)  # behind "Show as a table"
        figure.get_by_text("Show as a table").click()
        table = figure.get_by_role("table")
        rows = [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]
        this_column, last_column = [row[0] for row in rows], [row[1] for row in rows]
        assert expected[key] == (this_column, last_column)
        assert (this_column, last_column) == (
            chart_numbers(label, this_week),
            chart_numbers(label, last_week),
        )
    trend = page.locator("figure.trend-chart").first.get_by_role("img")
    expect(trend).to_have_attribute(
        "aria-label", re.compile(rf"{last_week.key} 5, {this_week.key} 7\.$")
    )
    assert_accessible(page)


def test_a_small_week_offers_the_month_and_the_report_prints(summary_page, live_server, this_week):
    page = summary_page
    page.get_by_label("Site").select_option(label="Waiting room A")
    page.get_by_label("Week", exact=True).fill(this_week.shifted(-2).key)
    page.get_by_role("button", name="Show").click()
    page.get_by_role("link", name=re.compile("^Previous week")).click()
    expect(page.get_by_text("Fewer than 5 responses this week")).to_be_visible()
    month = this_week.shifted(-3).month()
    page.get_by_role("link", name=f"See {month.name} instead").click()
    expect(page.get_by_role("heading", name="Monthly summary")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/admin/?site=waiting-room-a")
    page.get_by_role("link", name="Print report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Weekly report: Waiting room A")
    expect(page.get_by_role("heading", level=2).first).to_contain_text("7 responses")
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.get_by_text("Signed in as sam")).to_be_hidden()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2


def test_staff_see_the_adult_evaluation_beside_the_child_evaluation(
    staff_page, live_server, today, this_week
):
    """Both surveys' counts in the weekly summary; the adult evaluation's scales
    as stacked bars whose numbers match the table beside; axe finds nothing."""
    with live_database(live_server) as db:
        add(db, ["yes", "sometimes", "no", "skip"], day=today, times=6)
        add_answers(db, "adult-evaluation", adult_answers("1", "2", "1", "5"), day=today, times=4)
        add_answers(db, "adult-evaluation", adult_answers("2", "1", "3", "1"), day=today, times=3)
    sign_in(staff_page, live_server)
    page = staff_page
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        f"{this_week.title}: 6 responses"
    )
    page.get_by_label("Survey").select_option(label="Co-production evaluation for adults")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        f"{this_week.title}: 7 responses"
    )
    expect(page.get_by_label("Survey")).to_have_value("adult-evaluation")
    figure = page.locator("figure.question-chart").filter(has_text=SATISFIED)
    chart = figure.get_by_role("img")
    expect(chart).to_be_visible()
    label = chart.get_attribute("aria-label")
    assert (
        f"({this_week.key}): Very Satisfied 4, Somewhat Satisfied 3, Neutral 0,"
        " Somewhat Dissatisfied 0, Very Dissatisfied 0, Skipped 0." in label
    )
    figure.get_by_text("Show as a table").click()
    rows = figure.get_by_role("table").locator("tbody tr").all()
    this_week = {
        row.locator("th").inner_text(): row.locator("td").first.inner_text() for row in rows
    }
    assert {"Very Satisfied": "4", "Somewhat Satisfied": "3", "Neutral": "0"}.items() <= (
        this_week.items()
    )
    # Every number is written on the chart itself, not only in its width.
    expect(chart.locator("text").filter(has_text="Very Satisfied: 4 this week")).to_have_count(1)
    expect(page.get_by_text("Answered in words: see the comments")).to_be_visible()
    expect(page.locator("figure.trend-chart figcaption").nth(1)).to_have_text(
        f'{SATISFIED} Share of "Very Satisfied" or "Somewhat Satisfied"'
    )
    assert_accessible(page)


def test_last_weeks_answers_stay_under_the_old_wording(staff_page, live_server, today, this_week):
    """Staff change a question and publish: this week's summary has both versions,
    says when the wording changed, and the report prints them; axe finds nothing."""
    with live_database(live_server) as db:
        add(db, ["yes", "yes", "no", "no"], day=today - datetime.timedelta(weeks=1), times=5)
        publish_new_wording(db, day=this_week.calendar_start)
        answers = dict.fromkeys(["safe", "talk", "team", "ideas"], "sometimes")
        add_answers(db, "child-evaluation", answers, day=today, times=5, version=2)
    sign_in(staff_page, live_server)
    page = staff_page
    changed = (
        f"The questions changed on {this_week.calendar_start} (version 2)."
        " Answers before that are under version 1."
    )
    expect(page.get_by_text(changed)).to_be_visible()
    new = page.get_by_role("region", name=re.compile("version 2"))
    old = page.get_by_role("region", name=re.compile("version 1"))
    expect(new.locator("figure.question-chart").first).to_contain_text(
        "Do you feel safe in our waiting room?"
    )
    expect(old.locator("figure.question-chart").first).to_contain_text(
        "Do you feel safe during our meetings?"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Print report").click()
    expect(page.get_by_text(changed)).to_be_visible()
    assert_accessible(page)


# The summary with a service's usual weeks (kiosk.app.demo, as `flask demo-data`
# makes them): its whole height at 1280 x 800 was 5,178 px at a0fbcf4, each
# question's chart followed by the same numbers in a table.
HEIGHT_BEFORE = 5178


@pytest.fixture
def demo_summary(staff_page, live_server, today):
    config = live_server.app.config
    with live_database(live_server) as db:
        demo.fill(
            db,
            sites=list(config["SITES"]),
            weeks=12,
            today=today,
            secret=config["SECRET_KEY"],
            topics=config["FEEDBACK_TOPICS"],
            rng=random.Random(12),
        )
    sign_in(staff_page, live_server)
    staff_page.set_viewport_size({"width": 1280, "height": 800})
    staff_page.goto(f"{live_server.url}/admin/")
    return staff_page


def test_the_summary_opens_with_what_changed_and_is_less_than_half_as_long(demo_summary):
    page = demo_summary
    changed = page.get_by_role("region", name="What changed since last week")
    expect(changed).to_be_visible()
    sentence = re.compile(r'^. .+\? "(Yes|Sometimes|No)" (rose|fell) from \d+% to \d+%\.$')
    items = changed.get_by_role("listitem").all_inner_texts()
    assert items and all(sentence.match(item) for item in items), items
    assert changed.bounding_box()["y"] < 800  # on the first screen
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 0.5 * HEIGHT_BEFORE, height
    # Every table is there, closed, and opens for a screen reader or anyone.
    disclosures = page.locator("details.as-table")
    assert disclosures.count() >= 6
    expect(page.locator("details.as-table[open]")).to_have_count(0)
    expect(page.get_by_role("table")).to_have_count(0)
    assert_accessible(page)
    safe = page.locator("figure.question-chart").filter(has_text="Do you feel safe")
    safe.get_by_role("group").get_by_text("Show as a table").click()
    table = safe.get_by_role("table", name=re.compile("Do you feel safe during our meetings"))
    expect(table).to_be_visible()
    expect(table.get_by_role("rowheader", name="Yes")).to_be_visible()
    assert_accessible(page)


def test_the_week_box_takes_a_date_or_a_week_number_and_never_the_future(
    summary_page, live_server, this_week
):
    page = summary_page
    last_week = this_week.shifted(-1)
    expect(page.get_by_role("link", name=re.compile("^Next week"))).to_have_count(0)
    page.get_by_label("Week", exact=True).fill(f"{last_week.calendar_start:%d/%m/%Y}")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        f"{last_week.title}: 5 responses"
    )
    expect(page.get_by_label("Week", exact=True)).to_have_value(last_week.key)
    expect(page.get_by_role("link", name=f"Next week ({this_week.key})")).to_be_visible()
    page.get_by_label("Week", exact=True).fill("the week before christmas")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("alert")).to_have_text(
        "We did not understand that week. Try a date like 30/11/2026 or a week number like 49."
    )
    expect(page.get_by_label("Week", exact=True)).to_have_value("the week before christmas")
    expect(page.get_by_label("Week", exact=True)).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    page.get_by_label("Week", exact=True).fill(this_week.shifted(2).key)
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("status")).to_contain_text("That week has not happened yet")
    expect(page.get_by_role("heading", level=2).first).to_contain_text(this_week.title)
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 768])
def test_every_legend_fits_inside_its_chart(staff_page, live_server, width, today):
    """A small last week puts its longest words in the legend of both kinds of chart."""
    with live_database(live_server) as db:
        add(db, ["yes", "sometimes", "no", "skip"], day=today, times=6)
        add(db, ["no", "no", "no", "no"], day=today - datetime.timedelta(weeks=1), times=2)
        add(db, ["no"] * 4, site="youth-hub", day=today - datetime.timedelta(weeks=1), times=3)
        add_answers(db, "adult-evaluation", adult_answers("1", "2", "1", "5"), day=today, times=6)
    sign_in(staff_page, live_server)
    page = staff_page
    page.set_viewport_size({"width": width, "height": 800})
    for query in ("site=waiting-room-a", "", "survey=adult-evaluation"):
        page.goto(f"{live_server.url}/admin/?{query}")
        charts = page.locator("figure.question-chart svg")
        assert charts.count() >= 4
        expect(
            page.locator("figure.question-chart svg text")
            .filter(has_text=re.compile(r"Last week \(.+\): (fewer than 5 responses|not shown)$"))
            .first
        ).to_be_visible()
        outside = page.evaluate(OUTSIDE_ITS_CHART)
        assert [] == outside, (query, outside)
    assert_accessible(page)


# Every piece of text in a chart whose box reaches past its chart's box.
OUTSIDE_ITS_CHART = """() => [...document.querySelectorAll("svg.chart text")].filter(text => {
  const box = text.getBoundingClientRect(), chart = text.closest("svg").getBoundingClientRect();
  return box.left < chart.left - 0.5 || box.right > chart.right + 0.5
    || box.top < chart.top - 0.5 || box.bottom > chart.bottom + 0.5;
}).map(text => text.textContent)"""
