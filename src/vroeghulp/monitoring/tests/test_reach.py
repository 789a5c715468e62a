"""Reach: children registered and discussed against the children aged 0–7 of each municipality."""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional
from vroeghulp.cases.tests.factories import CaseFactory
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.monitoring.indicators import Scope, compute_all
from vroeghulp.monitoring.presentation import display, rows
from vroeghulp.networks.tests.factories import (
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
)
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def network():
    network = NetworkFactory()
    north = MunicipalityFactory(network=network, name="Noord", children_0_7=1000)
    south = MunicipalityFactory(network=network, name="Zuid", children_0_7=3000)
    unknown = MunicipalityFactory(network=network, name="Onbekend aantal", children_0_7=None)
    for municipality, n in ((north, 6), (south, 7), (unknown, 9)):
        RegistrationFactory.create_batch(
            n, network=network, municipality=municipality, received_at=at(D(2026, 3, 1))
        )
    RegistrationFactory(network=network, municipality=north, received_at=at(D(2025, 3, 1)))

    user = professional(Role.COORDINATOR, OrganisationFactory(network=network))
    meeting = Meeting.objects.create(network=network, starts_at=at(D(2026, 4, 1)), created_by=user)
    later = Meeting.objects.create(network=network, starts_at=at(D(2026, 5, 1)), created_by=user)
    for index in range(6):
        case = CaseFactory(child=ChildFactory(network=network, municipality=north))
        AgendaItem.objects.create(meeting=meeting, case=case, discussed_at=at(D(2026, 4, 1)))
        if index == 0:  # discussed twice: one child
            AgendaItem.objects.create(meeting=later, case=case, discussed_at=at(D(2026, 5, 1)))
    waiting = CaseFactory(child=ChildFactory(network=network, municipality=south))
    AgendaItem.objects.create(meeting=later, case=waiting)  # planned, not yet discussed
    return network


def test_reach_counts_against_the_municipalities_with_a_known_number(network):
    results = compute_all(Scope(networks=[network], start=D(2026, 1, 1), end=D(2026, 12, 31)))
    registered = results["reach_registered"]
    assert (registered.numerator, registered.denominator) == (13, 4000)
    assert registered.breakdown == {"Noord (van 1000)": 6, "Zuid (van 3000)": 7}
    # 13 is shown as 13–16: from 13/4000 to 16/4000
    assert display("per 1.000", registered) == ("3.2–4 per 1.000", "13–16 van 4000 kinderen 0–7")

    discussed = results["reach_discussed"]
    assert (discussed.numerator, discussed.denominator) == (6, 4000)
    assert discussed.breakdown == {"Noord (van 1000)": 6, "Zuid (van 3000)": 0}


def test_a_small_count_is_shown_as_a_bound_and_hidden_per_municipality(network):
    south = network.municipalities.get(name="Zuid")
    scope = Scope(
        networks=[network], start=D(2026, 1, 1), end=D(2026, 12, 31), municipality_ids=[south.pk]
    )
    results = compute_all(scope)
    discussed = results["reach_discussed"]
    assert (discussed.numerator, discussed.denominator) == (0, 3000)
    # 0 is inside "<5": below 5/3000
    assert display("per 1.000", discussed) == ("<1.7 per 1.000", "<5 van 3000 kinderen 0–7")

    RegistrationFactory.create_batch(
        2, network=network, municipality=south, received_at=at(D(2026, 6, 1))
    )
    north = network.municipalities.get(name="Noord")
    small = Scope(networks=[network], start=D(2025, 1, 1), end=D(2025, 12, 31))
    registered = compute_all(small)["reach_registered"]
    assert (registered.numerator, registered.denominator) == (1, 4000)
    assert display("per 1.000", registered) == ("<1.3 per 1.000", "<5 van 4000 kinderen 0–7")
    row = next(r for r in rows(compute_all(small)) if r.key == "reach_registered")
    assert [(cell.label, cell.shown) for cell in row.breakdown] == [
        (f"{north.name} (van 1000)", "<5"),
        ("Zuid (van 3000)", "<5"),
    ]
