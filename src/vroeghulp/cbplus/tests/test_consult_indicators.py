"""Monitoring counts CB-plus consults and the share that led to a registration, per period,
municipality and age group, and publishes them in bands like every other count."""

import datetime

import pytest

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.cbplus.constants import ConsultStatus
from vroeghulp.cbplus.tests.factories import ConsultFactory, clinic
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.monitoring.indicators import Scope, consults_held, consults_registered
from vroeghulp.monitoring.presentation import display
from vroeghulp.monitoring.series import cbplus
from vroeghulp.networks.tests.factories import MunicipalityFactory, NetworkFactory
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
D = datetime.date
BORN_2025 = D(2025, 1, 1)  # one year old in the period


@pytest.fixture
def network():
    network = NetworkFactory()
    east = MunicipalityFactory(network=network, name="Oost")
    west = MunicipalityFactory(network=network, name="West")
    organisation = clinic(network)
    user = UserFactory()

    def consult(held_on, municipality, born=BORN_2025, registered=False, **fields):
        child = ChildFactory(network=network, municipality=municipality, date_of_birth=born)
        return ConsultFactory(
            organisation=organisation,
            child=child,
            held_on=held_on,
            created_by=user,
            status=fields.pop("status", ConsultStatus.CONCLUDED),
            registration=RegistrationFactory(network=network) if registered else None,
        )

    consult(D(2026, 2, 1), east, registered=True)
    consult(D(2026, 2, 2), east)
    consult(D(2026, 3, 1), west, registered=True)
    consult(D(2026, 3, 5), west, born=D(2023, 1, 1))  # three years old
    consult(D(2026, 3, 6), west, status=ConsultStatus.DRAFT)  # not concluded: not counted
    consult(D(2025, 12, 31), east, registered=True)  # before the period
    ConsultFactory(  # another network
        organisation=clinic(NetworkFactory()), child=ChildFactory(), created_by=user
    )
    network.east, network.west = east, west
    return network


def _scope(network, **filters):
    return Scope(networks=[network], start=D(2026, 1, 1), end=D(2026, 3, 31), **filters)


def test_consults_and_the_share_that_led_to_a_registration(network):
    scope = _scope(network)
    assert consults_held(scope).count == 4
    result = consults_registered(scope)
    assert (result.numerator, result.denominator) == (2, 4)


def test_per_municipality_age_group_and_route(network):
    east = _scope(network, municipality_ids=[network.east.pk])
    assert consults_held(east).count == 2
    assert consults_registered(east).numerator == 1
    assert consults_held(_scope(network, age_groups=["2-4"])).count == 1
    assert consults_held(_scope(network, routes=["cbplus"])).count == 4
    assert consults_held(_scope(network, routes=["phone"])).count == 0


def test_published_in_bands(network):
    scope = _scope(network)
    assert display("aantal", consults_held(scope)) == ("<5", "")
    results = {
        "cbplus_consults": consults_held(scope),
        "cbplus_registered": consults_registered(scope),
    }
    assert cbplus(results) == [("Consulten", 4), ("Aangemeld bij IVH", 2)]
