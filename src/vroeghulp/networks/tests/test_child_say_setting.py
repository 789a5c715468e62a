"""The network administrator turns the child's own say on in the admin; it is off by default."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.networks.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_off_by_default():
    assert NetworkFactory().child_say_from_age is None


def test_the_administrator_finds_it_on_the_network_page(world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    url = reverse("admin:networks_network_change", args=[world.network.pk])
    page = client.get(url).content.decode()
    assert "kinderen vanaf deze leeftijd worden zelf ook gevraagd" in page.lower()
    assert 'name="child_say_from_age"' in page


def test_an_age_above_18_is_refused(world):
    world.network.child_say_from_age = 19
    with pytest.raises(ValidationError):
        world.network.full_clean()
