"""The network's settings for premature children: threshold, limit and schedule, in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.networks.constants import default_premature_schedule

pytestmark = pytest.mark.django_db


def test_defaults_are_32_weeks_24_months_and_the_default_schedule(world):
    network = world.network
    assert (network.premature_threshold_weeks, network.corrected_age_until_months) == (32, 24)
    assert [m["months"] for m in network.premature_moments] == [0, 3, 6, 9, 12, 18, 24]
    assert network.premature_moments == default_premature_schedule()


@pytest.mark.parametrize(
    "schedule",
    [
        [{"months": 30, "kind": "consult"}],  # beyond the limit of 24 months
        [{"months": 3, "kind": "phone"}],
        [{"months": "3", "kind": "consult"}],
        {"months": 3},
    ],
)
def test_a_bad_schedule_is_refused(world, schedule):
    world.network.premature_schedule = schedule
    with pytest.raises(ValidationError) as refused:
        world.network.full_clean()
    assert "premature_schedule" in refused.value.message_dict


def test_the_administrator_sees_the_settings_in_the_admin(world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    page = client.get(reverse("admin:networks_network_change", args=[world.network.pk]))
    html = page.content.decode()
    assert 'name="premature_threshold_weeks"' in html
    assert 'name="corrected_age_until_months"' in html
    assert 'name="premature_schedule"' in html
