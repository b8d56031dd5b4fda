"""The fulfilment arithmetic and status boundaries (work_plans/fulfilment.py)."""

from datetime import date
from decimal import Decimal

import pytest

from work_plans.fulfilment import (
    ON_TRACK_RATIO,
    Fulfilment,
    commitment_fulfilment,
    elapsed_share,
    periods_of,
    status_of,
)


class FakePlan:
    def __init__(self, year):
        self.year = year


class FakeCommitment:
    def __init__(self, target, rhythm, year=2022, due_date=None, judgement=""):
        self.target = None if target is None else Decimal(target)
        self.rhythm = rhythm
        self.plan = FakePlan(year)
        self.due_date = due_date
        self.judgement = judgement


def reports(*pairs):
    return [(start, Decimal(quantity)) for start, quantity in pairs]


def test_yearly_target_expected_mid_year():
    commitment = FakeCommitment(40, "year")
    result = commitment_fulfilment(commitment, reports((date(2022, 1, 1), 20)), date(2022, 7, 1))
    assert result.target == 40
    # 1 January to 1 July 2022 inclusive: 182 of 365 days.
    assert float(result.expected) == pytest.approx(40 * 182 / 365)
    assert result.status == Fulfilment.ON_TRACK


def test_quarterly_rhythm_looked_at_mid_quarter():
    commitment = FakeCommitment(1, "quarter")
    # 15 May 2022: Q1 whole, Q2 (1 April – 30 June, 91 days) 45 days in.
    result = commitment_fulfilment(commitment, reports((date(2022, 1, 1), 1)), date(2022, 5, 15))
    assert result.target == 4
    assert float(result.expected) == pytest.approx(1 + 45 / 91)
    assert [p["done"] for p in result.periods] == [1, 0, 0, 0]
    assert result.status == Fulfilment.BEHIND  # 1 < 0.9 × 1.49


def test_monthly_rhythm_counts_reports_in_their_month():
    commitment = FakeCommitment(2, "month", year=2026)
    done = reports((date(2026, 1, 1), 2), (date(2026, 2, 1), 2), (date(2026, 3, 1), 1))
    result = commitment_fulfilment(commitment, done, date(2026, 3, 31))
    assert result.target == 24
    assert result.expected == 6
    assert [p["done"] for p in result.periods[:4]] == [2, 2, 1, 0]
    assert result.done == 5
    assert result.status == Fulfilment.BEHIND  # 5 < 0.9 × 6 = 5.4


def test_leap_year_february_has_29_days():
    commitment = FakeCommitment(29, "month", year=2024)
    result = commitment_fulfilment(commitment, [], date(2024, 2, 29))
    assert result.periods[1]["end"] == date(2024, 2, 29)
    assert result.expected == 29 + 29  # January and February whole
    leap = commitment_fulfilment(FakeCommitment(366, "year", year=2024), [], date(2024, 2, 29))
    assert leap.expected == 60  # 31 + 29 days of 366


def test_once_by_a_date_is_spread_up_to_its_due_date():
    commitment = FakeCommitment(1, "once", due_date=date(2022, 1, 31))
    assert commitment_fulfilment(commitment, [], date(2022, 1, 31)).expected == 1
    assert commitment_fulfilment(commitment, [], date(2022, 6, 1)).expected == 1
    share = elapsed_share(date(2022, 1, 1), date(2022, 2, 1), date(2022, 1, 15))
    assert float(share) == pytest.approx(15 / 31)


def test_periods_of_each_rhythm():
    assert len(periods_of("quarter", 2022)) == 4
    assert periods_of("quarter", 2022)[3] == (date(2022, 10, 1), date(2023, 1, 1))
    assert len(periods_of("month", 2022)) == 12
    assert periods_of("year", 2022) == ((date(2022, 1, 1), date(2023, 1, 1)),)


@pytest.mark.parametrize(
    "done, target, expected, status",
    [
        (40, 40, 20, Fulfilment.ACHIEVED),  # reaching the year's target
        (41, 40, 40, Fulfilment.ACHIEVED),
        (0, 40, 0, Fulfilment.NOT_STARTED),  # nothing done, nothing expected yet
        (0, 40, 30, Fulfilment.BEHIND),  # nothing done while 30 are expected
        (9, 40, 10, Fulfilment.ON_TRACK),  # exactly 90 % of what is expected
        (Decimal("8.99"), 40, 10, Fulfilment.BEHIND),  # just under 90 %
        (1, 40, 0, Fulfilment.ON_TRACK),  # ahead of an expectation of zero
    ],
)
def test_status_boundaries(done, target, expected, status):
    assert ON_TRACK_RATIO == Decimal("0.9")
    assert status_of(Decimal(done), Decimal(target), Decimal(expected)) == status


@pytest.mark.parametrize(
    "judgement, status",
    [
        ("done", Fulfilment.ACHIEVED),
        ("partly", Fulfilment.ON_TRACK),
        ("not_done", Fulfilment.BEHIND),
        ("", Fulfilment.NOT_STARTED),
    ],
)
def test_qualitative_commitments_follow_their_judgement(judgement, status):
    commitment = FakeCommitment(None, "year", judgement=judgement)
    assert commitment_fulfilment(commitment, [], date(2022, 6, 1)).status == status


@pytest.mark.parametrize("judgement", ["", "partly", "not_done"])
def test_a_qualitative_commitment_past_its_due_date_is_behind_unless_done(judgement):
    commitment = FakeCommitment(None, "once", due_date=date(2026, 6, 30), judgement=judgement)
    assert commitment_fulfilment(commitment, [], date(2026, 11, 30)).status == Fulfilment.BEHIND
    done = FakeCommitment(None, "once", due_date=date(2026, 6, 30), judgement="done")
    assert commitment_fulfilment(done, [], date(2026, 11, 30)).status == Fulfilment.ACHIEVED


def test_nothing_reported_by_late_november_is_behind():
    """Issue 18, case 5: 0 of 40 screenings on 30/11 (36.6 expected) and a qualitative
    commitment overdue since 30/06: two commitments behind."""
    from work_plans.fulfilment import plan_summary

    screenings = commitment_fulfilment(
        FakeCommitment(40, "year", year=2026), [], date(2026, 11, 30)
    )
    assert round(float(screenings.expected), 1) == 36.6
    assert screenings.status == Fulfilment.BEHIND
    overdue = commitment_fulfilment(
        FakeCommitment(None, "once", year=2026, due_date=date(2026, 6, 30)), [], date(2026, 11, 30)
    )
    assert plan_summary([screenings, overdue])["behind"] == 2


@pytest.mark.parametrize(("judgement", "share"), [("done", 1), ("partly", 0.5), ("", 0)])
def test_qualitative_commitments_enter_the_overall_figure(judgement, share):
    from work_plans.fulfilment import plan_summary

    numeric = commitment_fulfilment(
        FakeCommitment(4, "year"), reports((date(2022, 1, 1), 2)), date(2022, 6, 1)
    )
    judged = commitment_fulfilment(
        FakeCommitment(None, "year", judgement=judgement), [], date(2022, 6, 1)
    )
    assert plan_summary([numeric, judged])["share"] == pytest.approx((0.5 + share) / 2)


def test_share_is_capped_for_progress_bars():
    result = commitment_fulfilment(
        FakeCommitment(4, "year"), reports((date(2022, 1, 1), 6)), date(2022, 6, 1)
    )
    assert result.share == 1.0 and result.percent == 100


@pytest.mark.django_db
def test_table_rows_give_the_figures_of_each_plans_own_page():
    """`summaries` (values, for tables of plans) and `fulfilment` (objects, a plan's page)
    give the same figures, whatever the rhythm, judgement, reports and their status."""
    from tests.factories import CommitmentFactory, ProgressReportFactory, WorkPlanFactory
    from work_plans.models import WorkPlan

    ahead, behind, empty = (WorkPlanFactory(year=2022) for _ in range(3))
    yearly = CommitmentFactory(plan=ahead, target=40, rhythm="year")
    ProgressReportFactory(commitment=yearly, quantity=25)
    ProgressReportFactory(commitment=yearly, quantity=30, status="submitted")
    monthly = CommitmentFactory(plan=ahead, target=2, unit="buổi", rhythm="month")
    for month in (1, 2, 3, 4, 5):
        ProgressReportFactory(
            commitment=monthly, period_kind="month", period_start=date(2022, month, 1), quantity=2
        )
    CommitmentFactory(plan=ahead, target=None, unit="", judgement="done")
    once = CommitmentFactory(plan=behind, target=1, rhythm="once", due_date=date(2022, 3, 31))
    ProgressReportFactory(commitment=once, quantity=0, status="returned")
    quarterly = CommitmentFactory(plan=behind, target=3, rhythm="quarter")
    ProgressReportFactory(commitment=quarterly, quantity=1)
    CommitmentFactory(plan=behind, target=None, unit="", judgement="not_done")
    day = date(2022, 6, 30)

    rows = WorkPlan.objects.filter(year=2022).summaries(day)

    assert [row["plan"] for row in rows] == list(WorkPlan.objects.filter(year=2022))
    for row in rows:
        plan = WorkPlan.objects.get(pk=row["plan"].pk)
        assert {k: v for k, v in row.items() if k != "plan"} == plan.fulfilment(day)
    figures = {row["plan"].pk: row for row in rows}
    assert figures[empty.pk] == {
        "plan": empty,
        "share": None,
        "percent": None,
        "behind": 0,
        "achieved": 0,
        "count": 0,
    }
    assert figures[ahead.pk]["count"] == 3 and figures[behind.pk]["behind"] >= 1
