"""Who reaches the social map: the network's professionals read it, its administrator keeps it;
another network's entry answers 404; parents and visitors get nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.socialmap.models import SocialMapEntry

from .factories import SocialMapEntryFactory

pytestmark = pytest.mark.django_db


def _urls(entry) -> list[str]:
    return [
        reverse("socialmap:list"),
        reverse("socialmap:detail", args=[entry.code]),
        reverse("socialmap:create"),
        reverse("socialmap:edit", args=[entry.code]),
    ]


def test_every_role_reads_an_entry_of_its_network(world):
    entry = SocialMapEntryFactory(network=world.network, name="Logopedie Molenhoek")
    for role in Role:
        response = verified_client(world.users[role]).get(
            reverse("socialmap:detail", args=[entry.code])
        )
        assert response.status_code == 200, role
        assert "Logopedie Molenhoek" in response.content.decode()
        assert response.context["may_edit"] is (role == Role.NETWORK_ADMIN)


def test_another_networks_entry_is_not_found(world, other_world):
    foreign = SocialMapEntryFactory(network=other_world.network)
    for role in Role:
        client = verified_client(world.users[role])
        assert client.get(reverse("socialmap:detail", args=[foreign.code])).status_code == 404
        assert client.get(reverse("socialmap:edit", args=[foreign.code])).status_code == 404


def test_only_the_network_administrator_opens_the_forms(world):
    entry = SocialMapEntryFactory(network=world.network)
    for role in Role:
        client = verified_client(world.users[role])
        for url in (reverse("socialmap:create"), reverse("socialmap:edit", args=[entry.code])):
            expected = 200 if role == Role.NETWORK_ADMIN else 404
            assert client.get(url).status_code == expected, (role, url)


def test_parents_and_visitors_get_nothing(world):
    entry = SocialMapEntryFactory(network=world.network)
    parent = UserFactory()
    world.own_case.child.guardians.update(user=parent)
    parent_client = Client()
    parent_client.force_login(parent)
    for url in _urls(entry):
        assert parent_client.get(url).status_code == 404, url
        visitor = Client().get(url)
        assert visitor.status_code == 302 and "inloggen" in visitor["Location"], url
    before = SocialMapEntry.objects.get(pk=entry.pk)
    parent_client.post(reverse("socialmap:set_active", args=[entry.code]), {"active": "0"})
    assert SocialMapEntry.objects.get(pk=entry.pk).is_active == before.is_active
