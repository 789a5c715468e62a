"""A municipality whose registrations halve against last year raises a signal; others do not."""

import datetime
from unittest.mock import ANY

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.monitoring.falling_inflow import falling_sources
from vroeghulp.networks.tests.factories import MunicipalityFactory
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def _received(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _register(network, municipality, day, n, route="phone"):
    for _ in range(n):
        RegistrationFactory(
            network=network, municipality=municipality, received_at=_received(day), route=route
        )


def test_a_halving_municipality_is_signalled(world):
    falling = MunicipalityFactory(network=world.network, name="Dalingen")
    steady = MunicipalityFactory(network=world.network, name="Gelijkstad")
    _register(world.network, falling, datetime.date(2025, 10, 1), 12)
    _register(world.network, falling, datetime.date(2026, 10, 1), 3)
    _register(world.network, steady, datetime.date(2025, 10, 1), 10, route="cjg")
    _register(world.network, steady, datetime.date(2026, 10, 1), 9, route="cjg")
    signals = falling_sources([world.network], today=TODAY)
    assert [(s.kind, s.source, s.before, s.now) for s in signals] == [
        ("uit", "Dalingen", 12, 3),
        ("via", "Telefonisch", 12, 3),
    ]


def test_small_sources_do_not_raise_signals(world):
    small = MunicipalityFactory(network=world.network, name="Klein")
    _register(world.network, small, datetime.date(2025, 10, 1), 4)
    assert falling_sources([world.network], today=TODAY) == []


def test_the_coordinator_sees_the_signal_on_the_dashboard(world):
    falling = MunicipalityFactory(network=world.network, name="Dalingen")
    today = timezone.localdate()
    _register(
        world.network, falling, today.replace(year=today.year - 1) - datetime.timedelta(days=20), 11
    )
    response = verified_client(world.users[Role.COORDINATOR]).get(reverse("monitoring:overview"))
    assert (
        "Aanmeldingen uit Dalingen: &lt;5 in de laatste 4 maanden, tegen 9–12 een jaar eerder"
        in response.content.decode()
    )


def test_signals_are_kept_a_while_per_network_and_computed_again_on_request(world, other_world):
    from django.core.cache import cache
    from django.test import override_settings

    from vroeghulp.monitoring.cache import signals

    cache.clear()
    falling = MunicipalityFactory(network=world.network, name="Dalingen")
    year_ago = timezone.localdate().replace(year=timezone.localdate().year - 1)
    with override_settings(MONITORING_CACHE_SECONDS=300):
        assert signals([world.network]) == []
        _register(world.network, falling, year_ago - datetime.timedelta(days=20), 11)
        assert signals([world.network]) == []  # kept
        assert [s.source for s in signals([world.network], refresh=True)] == ["Dalingen", ANY]
        assert signals([other_world.network]) == []  # never another network's entry
        client = verified_client(world.users[Role.COORDINATOR])
        assert (
            "Aanmeldingen uit Dalingen: &lt;5 in de laatste 4 maanden, tegen 9–12 een jaar eerder"
            in client.get(reverse("home")).content.decode()
        )
    cache.clear()
