"""The network's reporting cycle to its funder (e.g. every 4 months from January): which
periods it has, so that the funder's report for each comes out of the recorded work."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class CyclePeriod:
    start: datetime.date
    end: datetime.date
    complete: bool

    @property
    def key(self) -> str:
        return self.start.isoformat()


def _month_start(months: int) -> datetime.date:
    """The first day of a month counted as year * 12 + (month - 1)."""
    return datetime.date(months // 12, months % 12 + 1, 1)


def period_containing(network, day: datetime.date, today: datetime.date) -> CyclePeriod:
    every = network.report_every_months
    offset = network.report_cycle_starts_month - 1
    month = day.year * 12 + day.month - 1
    first = offset + (month - offset) // every * every
    start = _month_start(first)
    end = _month_start(first + every) - datetime.timedelta(days=1)
    return CyclePeriod(start, end, complete=end < today)


def recent_periods(network, today: datetime.date, count: int = 6) -> list[CyclePeriod]:
    """The running period and the ones before it, newest first."""
    periods = [period_containing(network, today, today)]
    while len(periods) < count:
        before = periods[-1].start - datetime.timedelta(days=1)
        periods.append(period_containing(network, before, today))
    return periods


def period_starting(network, key: str | None, today: datetime.date) -> CyclePeriod | None:
    """The period a report asks for by its first day (None: the last complete one); None when
    that day does not start one of the network's periods or lies ahead."""
    if not key:
        current = period_containing(network, today, today)
        return period_containing(network, current.start - datetime.timedelta(days=1), today)
    try:
        start = datetime.date.fromisoformat(key)
    except ValueError:
        return None
    period = period_containing(network, start, today)
    if period.start != start or start > today:
        return None
    return period
