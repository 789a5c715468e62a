"""A network administrator defines regions (named sets of their own municipalities) in the admin."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.networks.models import Region
from vroeghulp.networks.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_an_administrator_defines_a_region_of_their_municipalities(world):
    second = MunicipalityFactory(network=world.network, name="Berg en Dal")
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    response = client.post(
        reverse("admin:networks_region_add"),
        {
            "network": world.network.pk,
            "name": "Rijk van Nijmegen",
            "municipalities": [world.own_case.child.municipality_id, second.pk],
        },
    )
    assert response.status_code == 302
    region = Region.objects.get()
    assert region.network == world.network
    assert set(region.municipalities.values_list("name", flat=True)) == {
        world.own_case.child.municipality.name,
        "Berg en Dal",
    }


def test_a_region_cannot_hold_another_networks_municipality(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    response = client.post(
        reverse("admin:networks_region_add"),
        {
            "network": world.network.pk,
            "name": "Over de grens",
            "municipalities": [other_world.own_case.child.municipality_id],
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert not Region.objects.exists()


def test_an_administrator_sees_only_the_regions_of_their_network(world, other_world):
    Region.objects.create(network=world.network, name="Eigen regio")
    Region.objects.create(network=other_world.network, name="Andere regio")
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    html = client.get(reverse("admin:networks_region_changelist")).content.decode()
    assert "Eigen regio" in html
    assert "Andere regio" not in html
