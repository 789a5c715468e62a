"""The reporting cycle's periods, computed from the network's setting."""

import datetime

from vroeghulp.monitoring.reporting_cycle import (
    CyclePeriod,
    period_containing,
    period_starting,
    recent_periods,
)
from vroeghulp.networks.models import Network

D = datetime.date


def _network(every, starts):
    return Network(report_every_months=every, report_cycle_starts_month=starts)


def test_every_four_months_from_january():
    network = _network(4, 1)
    today = D(2026, 6, 15)
    assert recent_periods(network, today, count=4) == [
        CyclePeriod(D(2026, 5, 1), D(2026, 8, 31), complete=False),
        CyclePeriod(D(2026, 1, 1), D(2026, 4, 30), complete=True),
        CyclePeriod(D(2025, 9, 1), D(2025, 12, 31), complete=True),
        CyclePeriod(D(2025, 5, 1), D(2025, 8, 31), complete=True),
    ]


def test_a_cycle_starting_in_september_crosses_the_year():
    network = _network(6, 9)
    assert period_containing(network, D(2026, 1, 20), D(2026, 3, 1)) == CyclePeriod(
        D(2025, 9, 1), D(2026, 2, 28), complete=True
    )
    assert period_containing(network, D(2026, 3, 1), D(2026, 3, 1)).start == D(2026, 3, 1)


def test_a_report_is_asked_for_by_the_first_day_of_its_period():
    network = _network(4, 1)
    today = D(2026, 6, 15)
    assert period_starting(network, "2026-01-01", today).end == D(2026, 4, 30)
    assert period_starting(network, None, today).start == D(2026, 1, 1)  # last complete one
    assert period_starting(network, "2026-02-01", today) is None  # not a start of a period
    assert period_starting(network, "2026-09-01", today) is None  # ahead
    assert period_starting(network, "gisteren", today) is None
