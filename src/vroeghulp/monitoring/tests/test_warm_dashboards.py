"""warm_dashboards computes the default dashboards ahead, so nobody waits for them."""

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import MembershipFactory, verified_client
from vroeghulp.monitoring.queries import network_sets
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(settings):
    settings.MONITORING_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def _dashboard(user):
    response = verified_client(user).get(reverse("monitoring:overview"))
    assert response.status_code == 200
    inflow = next(r for r in response.context["indicators"] if r.key == "inflow")
    return inflow.value, response.context["computed_at"]


def test_the_dashboard_shows_the_warmed_figures_without_computing(world, kept):
    RegistrationFactory.create_batch(6, network=world.network)
    before_warming = timezone.now()
    call_command("warm_dashboards")
    RegistrationFactory.create_batch(6, network=world.network)  # after the warming

    for role in (Role.ANALYST, Role.COORDINATOR):
        value, computed_at = _dashboard(world.users[role])
        assert before_warming <= computed_at <= timezone.now()
        assert value == "5–8"  # the 6 warmed, not the 12 there are now (9–12)


def test_each_users_set_of_networks_is_warmed_on_its_own(world, other_world, kept):
    RegistrationFactory.create_batch(6, network=world.network)
    RegistrationFactory.create_batch(8, network=other_world.network)
    both = world.users[Role.ANALYST]
    MembershipFactory(
        user=both,
        network=other_world.network,
        organisation=other_world.organisation,
        role=Role.ANALYST,
    )
    sets = network_sets(Role.COORDINATOR, Role.ANALYST)
    assert [world.network, other_world.network] in sets
    assert [other_world.network] in sets

    call_command("warm_dashboards")
    RegistrationFactory.create_batch(5, network=other_world.network)

    assert _dashboard(both)[0] == "13–16"  # 14
    assert _dashboard(other_world.users[Role.ANALYST])[0] == "5–8"  # 8, not 13


def test_without_keeping_figures_there_is_nothing_to_warm(world, settings):
    settings.MONITORING_CACHE_SECONDS = 0
    with pytest.raises(CommandError, match="nothing to warm"):
        call_command("warm_dashboards")


def test_figures_kept_by_other_definitions_are_not_used(world, kept, monkeypatch):
    """Kept figures are files that outlive a deployment: new code computes its own."""
    from vroeghulp.monitoring import cache as kept_figures

    RegistrationFactory.create_batch(6, network=world.network)
    call_command("warm_dashboards")
    RegistrationFactory.create_batch(6, network=world.network)
    assert _dashboard(world.users[Role.ANALYST])[0] == "5–8"  # 6

    monkeypatch.setattr(kept_figures, "DEFINITIONS", "changed")
    assert _dashboard(world.users[Role.ANALYST])[0] == "9–12"  # 12
