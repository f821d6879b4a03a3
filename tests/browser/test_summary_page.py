"""A staff member reads the weekly summary's charts, its month view and the
printable report in a real browser: the chart's label and the table beside it
agree, axe-core finds nothing, and the report prints on at most two A4 pages."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from admin.periods import Period
from tests.browser.conftest import assert_accessible, live_database, sign_in
from tests.test_summary import SATISFIED, add, add_answers, adult_answers, publish_new_wording

TODAY = datetime.date.today()
THIS_WEEK = Period.week_of(TODAY)


@pytest.fixture
def summary_page(staff_page, live_server):
    """A staff member signed in after two weeks of answers: 7 this week, 5 the week before."""
    with live_database(live_server) as db:
        add(db, ["yes", "sometimes", "no", "skip"], day=TODAY, times=4)
        add(db, ["no", "yes", "yes", "yes"], day=TODAY, times=3)
        add(
            db,
            ["sometimes", "no", "yes", "yes"],
            day=TODAY - datetime.timedelta(weeks=1),
            times=5,
        )
    sign_in(staff_page, live_server)
    return staff_page


def chart_numbers(label: str, period: Period) -> list[str]:
    part = re.search(
        rf"\({period.key}\): Yes (\d+), Sometimes (\d+), No (\d+), Skipped (\d+)\.", label
    )
    return list(part.groups())


def test_the_chart_and_its_table_tell_the_same_numbers(summary_page):
    page = summary_page
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        f"{THIS_WEEK.title}: 7 responses"
    )
    last_week = THIS_WEEK.shifted(-1)
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
        table = figure.get_by_role("table")
        rows = [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]
        this_column, last_column = [row[0] for row in rows], [row[1] for row in rows]
        assert expected[key] == (this_column, last_column)
        assert (this_column, last_column) == (
            chart_numbers(label, THIS_WEEK),
            chart_numbers(label, last_week),
        )
    trend = page.locator("figure.trend-chart").first.get_by_role("img")
    expect(trend).to_have_attribute(
        "aria-label", re.compile(rf"{last_week.key} 5, {THIS_WEEK.key} 7\.$")
    )
    assert_accessible(page)


def test_a_small_week_offers_the_month_and_the_report_prints(summary_page, live_server):
    page = summary_page
    page.get_by_role("link", name=re.compile("^Next week")).click()
    expect(page.get_by_text("Fewer than 5 responses this week")).to_be_visible()
    month = THIS_WEEK.shifted(1).month()
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


def test_staff_see_the_adult_evaluation_beside_the_child_evaluation(staff_page, live_server):
    """Both surveys' counts in the weekly summary; the adult evaluation's scales
    as stacked bars whose numbers match the table beside; axe finds nothing."""
    with live_database(live_server) as db:
        add(db, ["yes", "sometimes", "no", "skip"], day=TODAY, times=6)
        add_answers(db, "adult-evaluation", adult_answers("1", "2", "1", "5"), day=TODAY, times=4)
        add_answers(db, "adult-evaluation", adult_answers("2", "1", "3", "1"), day=TODAY, times=3)
    sign_in(staff_page, live_server)
    page = staff_page
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        f"{THIS_WEEK.title}: 6 responses"
    )
    page.get_by_label("Survey").select_option(label="Co-production evaluation for adults")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        f"{THIS_WEEK.title}: 7 responses"
    )
    expect(page.get_by_label("Survey")).to_have_value("adult-evaluation")
    figure = page.locator("figure.question-chart").filter(has_text=SATISFIED)
    chart = figure.get_by_role("img")
    expect(chart).to_be_visible()
    label = chart.get_attribute("aria-label")
    assert (
        f"({THIS_WEEK.key}): Very Satisfied 4, Somewhat Satisfied 3, Neutral 0,"
        " Somewhat Dissatisfied 0, Very Dissatisfied 0, Skipped 0." in label
    )
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


def test_last_weeks_answers_stay_under_the_old_wording(staff_page, live_server):
    """Staff change a question and publish: this week's summary has both versions,
    says when the wording changed, and the report prints them; axe finds nothing."""
    with live_database(live_server) as db:
        add(db, ["yes", "yes", "no", "no"], day=TODAY - datetime.timedelta(weeks=1), times=5)
        publish_new_wording(db, day=THIS_WEEK.calendar_start)
        answers = dict.fromkeys(["safe", "talk", "team", "ideas"], "sometimes")
        add_answers(db, "child-evaluation", answers, day=TODAY, times=5, version=2)
    sign_in(staff_page, live_server)
    page = staff_page
    changed = (
        f"The questions changed on {THIS_WEEK.calendar_start} (version 2)."
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
