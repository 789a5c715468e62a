"""A user of network A never sees, counts or guesses anything of network B."""

import re

import pytest
from django.urls import reverse

from vroeghulp.access.models import EmergencyAccess
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_case_of_another_network_looks_like_a_case_that_does_not_exist(world, other_world):
    client = verified_client(world.users[Role.COORDINATOR])
    foreign = client.get(reverse("cases:detail", args=[other_world.own_case.code]))
    missing = client.get(reverse("cases:detail", args=["00000000-0000-4000-8000-000000000000"]))
    assert foreign.status_code == missing.status_code == 404
    assert _without_csrf(foreign.content) == _without_csrf(missing.content)


def _without_csrf(content: bytes) -> bytes:
    """The page without what differs per request anyway: the CSRF token and the requested path
    the language switch returns to (which the user typed, so it reveals nothing)."""
    return re.sub(rb'name="(csrfmiddlewaretoken|next)" value="[^"]+"', b"", content)


def test_lists_and_search_show_nothing_of_another_network(world, other_world):
    client = verified_client(world.users[Role.COORDINATOR])
    foreign_names = [
        other_world.own_case.child.family_name,
        other_world.other_case.child.family_name,
    ]
    pages = [
        client.get(reverse("home")),
        client.get(reverse("cases:list")),
        client.get(reverse("cases:registrations")),
        client.get(reverse("children:search"), {"name": "Eigen"}),
        client.get(reverse("children:search"), {"date_of_birth": "2024-03-15"}),
    ]
    for response in pages:
        assert response.status_code == 200
        for name in foreign_names:
            assert name not in response.content.decode()
    results = pages[3].context["results"]
    assert [case.pk for case in results] == [world.own_case.pk]


def test_writes_to_another_networks_case_are_refused(world, other_world):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.post(
        reverse("cases:add_note", args=[other_world.own_case.code]), {"text": "Poging"}
    )
    assert response.status_code == 404
    assert not other_world.own_case.notes.exists()


def test_emergency_access_cannot_reach_another_network(world, other_world):
    client = verified_client(world.users[Role.CASEMANAGER])
    child = other_world.own_case.child
    response = client.post(
        reverse("access:emergency_access"),
        {
            "family_name": child.family_name,
            "date_of_birth": child.date_of_birth.isoformat(),
            "reason": "Acute zorg nodig, ouders bellen",
        },
    )
    assert "Geen kind gevonden" in response.content.decode()
    assert not EmergencyAccess.objects.exists()


def test_audit_entries_carry_the_network_of_the_child(world, other_world):
    verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("cases:detail", args=[world.own_case.code])
    )
    assert set(AuditEntry.objects.values_list("network_id", flat=True)) == {world.network.pk}
