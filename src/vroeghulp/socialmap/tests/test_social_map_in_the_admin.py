"""The social map in the admin: each administrator sees and keeps their own network's entries,
through the audited actions, and deletes nothing."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.networks.tests.factories import MunicipalityFactory
from vroeghulp.socialmap.models import SocialMapEntry

from .factories import SocialMapEntryFactory

pytestmark = pytest.mark.django_db


def _form(entry, **changes) -> dict:
    data = {
        "name": entry.name,
        "kind": entry.kind,
        "organisation": "",
        "description": entry.description,
        "age_from_months": "",
        "age_to_months": "",
        "waiting_weeks": "",
        "phone": "",
        "email": "",
        "website": "",
        "address": "",
        "is_active": "on",
        "checked_on": "",
        "version": str(entry.version),
    }
    data.update(changes)
    return data


def test_the_admin_lists_only_the_own_networks_entries(world, other_world):
    SocialMapEntryFactory(network=world.network, name="Eigen aanbieder")
    foreign = SocialMapEntryFactory(network=other_world.network, name="Vreemde aanbieder")
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    html = client.get(reverse("admin:socialmap_socialmapentry_changelist")).content.decode()
    assert "Eigen aanbieder" in html
    assert "Vreemde aanbieder" not in html
    response = client.get(reverse("admin:socialmap_socialmapentry_change", args=[foreign.pk]))
    assert response.status_code == 302


def test_a_change_in_the_admin_is_audited(world):
    entry = SocialMapEntryFactory(network=world.network, name="Logopedie")
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    response = client.post(
        reverse("admin:socialmap_socialmapentry_change", args=[entry.pk]),
        _form(entry, waiting_weeks="5"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry.refresh_from_db()
    assert (entry.waiting_weeks, entry.version) == (5, 2)
    assert AuditEntry.objects.filter(object_type="socialmapentry", action="update").count() == 1


def test_the_admin_refuses_an_older_version_and_other_networks_municipalities(world, other_world):
    entry = SocialMapEntryFactory(network=world.network, name="Logopedie")
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    stale = client.post(
        reverse("admin:socialmap_socialmapentry_change", args=[entry.pk]),
        _form(entry, waiting_weeks="5", version="0"),
    )
    assert stale.status_code == 200
    assert "Iemand anders heeft dit intussen opgeslagen" in stale.content.decode()
    foreign = MunicipalityFactory(network=other_world.network)
    mixed = client.post(
        reverse("admin:socialmap_socialmapentry_change", args=[entry.pk]),
        _form(entry, municipalities=[foreign.pk]),
    )
    assert mixed.status_code == 200
    entry.refresh_from_db()
    assert (entry.waiting_weeks, entry.version) == (None, 1)
    assert list(entry.municipalities.all()) == []


def test_the_admin_adds_an_entry_through_the_action(world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    blank = SocialMapEntry(name="Kinderopvang Het Nest", kind="other", description="")
    blank.version = 0
    response = client.post(
        reverse("admin:socialmap_socialmapentry_add"),
        _form(blank, network=world.network.pk, version=""),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = SocialMapEntry.objects.get()
    assert entry.network == world.network
    assert AuditEntry.objects.filter(object_type="socialmapentry", action="create").count() == 1
