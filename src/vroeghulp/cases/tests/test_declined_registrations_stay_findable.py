"""A registration answered elsewhere stays findable for the network's coordinators, with its
reason, read-only; others never see it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional, verified_client
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.models import Registration
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _declined(world) -> Registration:
    registration = RegistrationFactory(network=world.network, child_given_name="Mila")
    verified_client(world.users[Role.COORDINATOR]).post(
        reverse("cases:decline", args=[registration.code]),
        {
            "kind": "light_support",
            "reason": "Lichte opvoedvraag, past bij het CJG",
            "referred_to": "CJG Oost",
            "version": registration.version,
        },
    )
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED
    return registration


def test_a_declined_registration_is_listed_with_its_reason_and_opens(world):
    registration = _declined(world)
    other_coordinator = verified_client(professional(Role.COORDINATOR, world.organisation))
    listing = other_coordinator.get(reverse("cases:registrations")).content.decode()
    assert "Mila" in listing and "Lichte opvoedvraag, past bij het CJG" in listing
    page = other_coordinator.get(reverse("cases:registration", args=[registration.code]))
    assert page.status_code == 200
    assert "CJG Oost" in page.content.decode()


def test_a_declined_registration_cannot_be_changed_or_seen_by_others(world, other_world):
    registration = _declined(world)
    coordinator = verified_client(world.users[Role.COORDINATOR])
    response = coordinator.post(
        reverse("cases:accept", args=[registration.code]), {"version": registration.version}
    )
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED
    for client in (
        verified_client(world.users[Role.CASEMANAGER]),
        verified_client(other_world.users[Role.COORDINATOR]),
    ):
        page = client.get(reverse("cases:registration", args=[registration.code]))
        assert page.status_code == 404


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("cases:registrations")).status_code == 200
    return len(queries)


def test_the_list_asks_the_same_queries_for_one_declined_registration_or_many(world):
    client = verified_client(world.users[Role.COORDINATOR])
    _declined(world)
    one = _list_queries(client)
    for _ in range(5):
        _declined(world)
    assert _list_queries(client) == one
