"""The age-group filter places a child born too early by corrected age, until the limit."""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.monitoring.indicators import Scope, compute_all
from vroeghulp.networks.tests.factories import NetworkFactory
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _registered(network, *, born, weeks=None, days=None):
    """A registration and its trajectory on 1 March 2026 (received and opened that day)."""
    child = ChildFactory(
        network=network,
        date_of_birth=born,
        gestational_age_weeks=weeks,
        gestational_age_days=days,
    )
    RegistrationFactory(
        network=network,
        child=child,
        received_at=at(D(2026, 3, 1)),
        child_date_of_birth=born,
        child_gestational_age_weeks=weeks,
        child_gestational_age_days=days,
    )
    CaseFactory(child=child, opened_at=at(D(2026, 3, 1)), phase=Phase.INTAKE)


def _by_age(network, *groups):
    scope = Scope(networks=[network], start=D(2026, 1, 1), end=D(2026, 6, 30), age_groups=groups)
    return compute_all(scope)


def test_a_child_born_at_27_weeks_counts_by_corrected_age():
    network = NetworkFactory()
    # 1 January 2025 at 27+1: 424 days by the calendar on 1 March 2026, 334 days corrected
    _registered(network, born=D(2025, 1, 1), weeks=27, days=1)
    # the same birthday at term: 424 days
    _registered(network, born=D(2025, 1, 1), weeks=40, days=0)
    under_one = _by_age(network, "0-1")
    assert under_one["inflow"].count == 1
    assert under_one["caseload"].count == 1
    assert _by_age(network, "1-2")["inflow"].count == 1


def test_born_at_the_threshold_counts_by_calendar_age():
    network = NetworkFactory()
    _registered(network, born=D(2025, 1, 1), weeks=32, days=0)  # 424 days, 368 corrected
    assert _by_age(network, "0-1")["inflow"].count == 0
    assert _by_age(network, "1-2")["inflow"].count == 1


def test_past_the_limit_the_calendar_age_counts_again():
    network = NetworkFactory(corrected_age_until_months=6)
    _registered(network, born=D(2025, 1, 1), weeks=27, days=1)  # 334 days corrected: past 6
    assert _by_age(network, "0-1")["inflow"].count == 0
    assert _by_age(network, "1-2")["inflow"].count == 1
