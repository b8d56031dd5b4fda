"""How far a commitment has come: computed here, used by every page and export.

For a commitment with a number:
- its target is per period of its rhythm (a year, each quarter, each month, or once by a
  due date); the target for the year is the target times the number of periods;
- done is the sum of the reported quantities (verified ones for anything public);
- expected by a day is, period by period, the target times the share of the period's days
  elapsed up to and including that day (whole periods count in full, future ones not at all);
  leap years count their 366 days.
Status, in this order:
- ACHIEVED when done reaches the target for the year;
- NOT_STARTED when nothing is done and nothing is expected yet;
- ON_TRACK when done reaches ON_TRACK_RATIO (90 %) of the expected amount;
- BEHIND otherwise (nothing done while something is expected is behind).
A commitment without a number takes its status from its judgement: done → achieved,
partly done → on track, not done → behind, not judged yet → not started; once its due date
has come (its due date, or the end of the plan's year), anything but done is behind.

A plan's overall figure ("mức hoàn thành chung") is the mean of its commitments' shares: a
commitment with a number counts done / the year's target (at most 100 %), one without counts
100 % when judged done, 50 % when partly done, 0 % otherwise (QUALITATIVE_SHARE).

Only verified reports count, wherever a figure is shown: pending and returned reports are
listed as such and never summed.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _

ON_TRACK_RATIO = Decimal("0.9")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Rhythm(models.TextChoices):
    YEAR = "year", _("mỗi năm")
    QUARTER = "quarter", _("mỗi quý")
    MONTH = "month", _("mỗi tháng")
    ONCE = "once", _("một lần, trước hạn")

    @property
    def short(self) -> str:
        return {"year": _("năm"), "quarter": _("quý"), "month": _("tháng"), "once": _("lần")}[
            self.value
        ]


@dataclass
class Fulfilment:
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_STARTED = "not_started"
    LABELS = {
        ACHIEVED: _("Đã đạt"),
        ON_TRACK: _("Đúng tiến độ"),
        BEHIND: _("Chậm tiến độ"),
        NOT_STARTED: _("Chưa thực hiện"),
    }

    status: str
    done: Decimal | None = None
    target: Decimal | None = None
    expected: Decimal | None = None
    periods: list[dict] = field(default_factory=list)
    judged_share: float | None = None  # a commitment without a number

    @property
    def label(self) -> str:
        return str(self.LABELS[self.status])

    @property
    def share(self) -> float | None:
        """Done as a share of the year's target, at most 1 (for progress bars); for a
        commitment without a number, the share its judgement counts for."""
        if not self.target:
            return self.judged_share
        return float(min(self.done / self.target, Decimal(1)))

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)


def _next_month(day: date, months: int = 1) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


@lru_cache(maxsize=256)
def periods_of(rhythm: str, year: int, due_date: date | None = None) -> tuple[tuple[date, date]]:
    """The periods of a rhythm in a year, as [start, end) pairs (a table of plans asks for
    the same few thousands of times)."""
    start = date(year, 1, 1)
    if rhythm == Rhythm.QUARTER:
        return tuple((_next_month(start, 3 * i), _next_month(start, 3 * i + 3)) for i in range(4))
    if rhythm == Rhythm.MONTH:
        return tuple((_next_month(start, i), _next_month(start, i + 1)) for i in range(12))
    if rhythm == Rhythm.ONCE and due_date:
        return ((start, due_date + timedelta(days=1)),)
    return ((start, date(year + 1, 1, 1)),)


@lru_cache(maxsize=1024)
def elapsed_share(start: date, end: date, day: date) -> Decimal:
    """Share of the days of [start, end) elapsed by the end of `day`."""
    if day < start:
        return Decimal(0)
    if day >= end:
        return Decimal(1)
    return Decimal((day - start).days + 1) / Decimal((end - start).days)


def status_of(done: Decimal, target: Decimal, expected: Decimal) -> str:
    if done >= target:
        return Fulfilment.ACHIEVED
    if done <= 0 and expected <= 0:
        return Fulfilment.NOT_STARTED
    if done >= expected * ON_TRACK_RATIO:
        return Fulfilment.ON_TRACK
    return Fulfilment.BEHIND


JUDGEMENT_STATUS = {
    "done": Fulfilment.ACHIEVED,
    "partly": Fulfilment.ON_TRACK,
    "not_done": Fulfilment.BEHIND,
    "": Fulfilment.NOT_STARTED,
}
QUALITATIVE_SHARE = {"done": 1.0, "partly": 0.5, "not_done": 0.0, "": 0.0}


def judged_status(judgement: str, due: date, day: date) -> str:
    """A commitment without a number: its judgement, and behind once due unless done."""
    if day >= due and judgement != "done":
        return Fulfilment.BEHIND
    return JUDGEMENT_STATUS[judgement]


class Terms(NamedTuple):
    """What `commitment_fulfilment` reads of a commitment, for tables of many plans that
    read plain values rather than a model instance per commitment."""

    target: Decimal | None
    rhythm: str
    due_date: date | None
    judgement: str
    plan: Any  # anything with a `year`


def plan_summary(results: list[Fulfilment]) -> dict:
    """A plan's overall figures from its commitments' fulfilments (see the module's doc)."""
    shares = [r.share for r in results if r.share is not None]
    share = sum(shares) / len(shares) if shares else None
    return {
        "share": share,
        "percent": None if share is None else round(share * 100),
        "behind": sum(1 for r in results if r.status == Fulfilment.BEHIND),
        "achieved": sum(1 for r in results if r.status == Fulfilment.ACHIEVED),
        "count": len(results),
    }


@lru_cache(maxsize=4096)
def expected_by(
    target: Decimal, rhythm: str, year: int, due_date: date | None, day: date
) -> tuple[Decimal, tuple[Decimal, ...]]:
    """What should be done by `day`: in all, and period by period."""
    each = tuple(
        target * elapsed_share(start, end, day) for start, end in periods_of(rhythm, year, due_date)
    )
    return sum(each, Decimal(0)), each


def commitment_fulfilment(commitment, reports: list[tuple[date, Decimal]], day: date):
    """Fulfilment of one commitment from its reports [(period start, quantity)] on `day`."""
    result = total_fulfilment(commitment, sum((q for _s, q in reports), Decimal(0)), day)
    if commitment.target is not None:
        year = commitment.plan.year
        bounds = periods_of(commitment.rhythm, year, commitment.due_date)
        _, each = expected_by(commitment.target, commitment.rhythm, year, commitment.due_date, day)
        result.periods = [
            {
                "start": start,
                "end": end - timedelta(days=1),
                "target": commitment.target,
                "done": sum((q for s, q in reports if start <= s < end), Decimal(0)),
                "expected": due,
            }
            for (start, end), due in zip(bounds, each, strict=True)
        ]
    return result


def total_fulfilment(commitment, done: Decimal, day: date) -> Fulfilment:
    """Fulfilment of one commitment from the total done, without the period-by-period
    figures (tables of plans: the total is summed by the database)."""
    if commitment.target is None:
        judgement = commitment.judgement or ""
        due = commitment.due_date or date(commitment.plan.year, 12, 31)
        return Fulfilment(
            status=judged_status(judgement, due, day), judged_share=QUALITATIVE_SHARE[judgement]
        )
    expected, each = expected_by(
        commitment.target, commitment.rhythm, commitment.plan.year, commitment.due_date, day
    )
    target = commitment.target * len(each)  # the target of each period, for the year
    return Fulfilment(
        status=status_of(done, target, expected), done=done, target=target, expected=expected
    )


def period_label(kind: str, start: date) -> str:
    if kind == "quarter":
        return _("Quý %(q)s/%(y)s") % {"q": ROMAN[(start.month - 1) // 3 + 1], "y": start.year}
    return _("Tháng %(m)s/%(y)s") % {"m": start.month, "y": start.year}


def period_choices(year: int) -> list[tuple[str, str]]:
    """Report periods of a year, as form choices "month:2022-02-01"."""
    months = [
        (f"month:{date(year, m, 1)}", period_label("month", date(year, m, 1))) for m in range(1, 13)
    ]
    quarters = [
        (f"quarter:{date(year, m, 1)}", period_label("quarter", date(year, m, 1)))
        for m in (1, 4, 7, 10)
    ]
    return quarters + months
