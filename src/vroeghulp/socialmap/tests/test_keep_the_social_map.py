"""The network administrator adds, changes and deactivates entries in the application; every
change is in the audit log; edits never overwrite each other; nothing is deleted."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.networks.tests.factories import MunicipalityFactory
from vroeghulp.socialmap import actions
from vroeghulp.socialmap.models import SocialMapEntry

from .factories import SocialMapEntryFactory

pytestmark = pytest.mark.django_db


def _posted(**changes) -> dict:
    data = {
        "name": "Home-Start Maas en Waal",
        "kind": "programme",
        "organisation": "",
        "description": "Vrijwilligers ondersteunen ouders van jonge kinderen thuis.",
        "age_from": "0",
        "age_from_unit": "years",
        "age_to": "6",
        "age_to_unit": "years",
        "waiting_weeks": "3",
        "phone": "024 123 45 67",
        "email": "info@home-start.example",
        "website": "www.home-start.example",
        "address": "Kerkstraat 1, Wijchen",
        "checked_on": "2026-11-02",
    }
    data.update(changes)
    return data


def test_the_administrator_adds_an_entry(world):
    wijchen = MunicipalityFactory(network=world.network, name="Wijchen")
    admin = world.users[Role.NETWORK_ADMIN]
    response = verified_client(admin).post(
        reverse("socialmap:create"),
        _posted(network=world.network.pk, municipalities=[wijchen.pk]),
    )
    entry = SocialMapEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("socialmap:detail", args=[entry.code])
    assert entry.network == world.network
    assert (entry.age_from_months, entry.age_to_months) == (0, 72)
    assert entry.website == "https://www.home-start.example"
    assert entry.checked_on == datetime.date(2026, 11, 2)
    assert list(entry.municipalities.all()) == [wijchen]
    logged = AuditEntry.objects.get(object_type="socialmapentry", action="create")
    assert logged.network_id == world.network.pk
    assert logged.user_id == admin.pk
    assert logged.role == Role.NETWORK_ADMIN
    assert logged.child_id is None


def test_bad_input_comes_back_with_dutch_messages_and_what_was_typed(world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    response = client.post(
        reverse("socialmap:create"),
        _posted(network=world.network.pk, name="", age_from="5", age_to="2", email="geen-adres"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "De leeftijd &#x27;tot&#x27; moet hoger zijn" in html
    assert "Vul een geldig e-mailadres in" in html
    assert "Vrijwilligers ondersteunen ouders" in html
    assert SocialMapEntry.objects.count() == 0


def test_the_administrator_changes_an_entry_and_the_log_says_what_changed(world):
    entry = SocialMapEntryFactory(network=world.network, name="Logopedie", waiting_weeks=2)
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    page = client.get(reverse("socialmap:edit", args=[entry.code]))
    assert page.context["form"].initial["version"] == 1
    response = client.post(
        reverse("socialmap:edit", args=[entry.code]),
        _posted(name="Logopedie", kind="care_provider", waiting_weeks="8", version="1"),
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.waiting_weeks == 8
    assert entry.version == 2
    logged = AuditEntry.objects.get(object_type="socialmapentry", action="update")
    assert "waiting_weeks" in logged.details["fields"]
    assert logged.details["before"]["waiting_weeks"] == 2


def test_a_change_on_an_older_version_is_refused_and_keeps_what_was_typed(world):
    entry = SocialMapEntryFactory(network=world.network, name="Logopedie", waiting_weeks=2)
    admin = world.users[Role.NETWORK_ADMIN]
    actions.update_entry(entry, actor=admin, version=1, waiting_weeks=4)
    response = verified_client(admin).post(
        reverse("socialmap:edit", args=[entry.code]),
        _posted(name="Logopedie nieuw", kind="care_provider", waiting_weeks="9", version="1"),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft dit intussen opgeslagen" in html
    assert "Logopedie nieuw" in html
    entry.refresh_from_db()
    assert (entry.name, entry.waiting_weeks, entry.version) == ("Logopedie", 4, 2)


def test_deactivating_keeps_the_entry(world):
    entry = SocialMapEntryFactory(network=world.network)
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    response = client.post(
        reverse("socialmap:set_active", args=[entry.code]), {"active": "0", "version": "1"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.is_active is False
    assert SocialMapEntry.objects.count() == 1
    logged = AuditEntry.objects.get(object_type="socialmapentry", action="update")
    assert logged.details["fields"] == ["is_active"]
    client.post(reverse("socialmap:set_active", args=[entry.code]), {"active": "1", "version": "2"})
    entry.refresh_from_db()
    assert entry.is_active is True


def test_other_roles_and_other_networks_change_nothing(world, other_world):
    entry = SocialMapEntryFactory(network=world.network, name="Logopedie")
    outsiders = [world.users[role] for role in Role if role != Role.NETWORK_ADMIN]
    outsiders.append(other_world.users[Role.NETWORK_ADMIN])
    for user in outsiders:
        client = verified_client(user)
        edit = client.post(
            reverse("socialmap:edit", args=[entry.code]),
            _posted(name="Overschreven", kind="other", version="1"),
        )
        deactivate = client.post(
            reverse("socialmap:set_active", args=[entry.code]), {"active": "0", "version": "1"}
        )
        assert (edit.status_code, deactivate.status_code) == (404, 404), user
        with pytest.raises(PermissionDenied):
            actions.update_entry(entry, actor=user, version=1, name="Overschreven")
    for role in Role:
        if role != Role.NETWORK_ADMIN:
            verified_client(world.users[role]).post(
                reverse("socialmap:create"), _posted(network=world.network.pk)
            )
    entry.refresh_from_db()
    assert (entry.name, entry.is_active, entry.version) == ("Logopedie", True, 1)
    assert SocialMapEntry.objects.count() == 1
    assert not AuditEntry.objects.filter(object_type="socialmapentry").exists()


def test_an_administrator_cannot_add_to_another_network(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    foreign = MunicipalityFactory(network=other_world.network)
    response = client.post(
        reverse("socialmap:create"),
        _posted(network=other_world.network.pk, municipalities=[foreign.pk]),
    )
    assert response.status_code == 400
    assert SocialMapEntry.objects.count() == 0
    with pytest.raises(PermissionDenied):
        actions.create_entry(
            actor=world.users[Role.NETWORK_ADMIN],
            network=other_world.network,
            name="Elders",
            kind="other",
        )
    with pytest.raises(PermissionDenied):
        actions.create_entry(
            actor=world.users[Role.NETWORK_ADMIN],
            network=world.network,
            name="Gemengd",
            kind="other",
            municipalities=[foreign],
        )
    assert SocialMapEntry.objects.count() == 0
