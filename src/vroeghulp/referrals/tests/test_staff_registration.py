"""Intake staff enter a registration taken by phone, at the CJG front office or from a wijkteam."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.referrals.constants import Route, Status
from vroeghulp.referrals.models import Registration

from .helpers import CHILD

pytestmark = pytest.mark.django_db


def test_coordinator_enters_a_phone_registration(world):
    client = verified_client(world.users[Role.COORDINATOR])
    data = {**CHILD, "route": Route.PHONE, "referrer_name": "Huisarts Bos"}
    response = client.post(reverse("referrals:staff_registration"), data)
    registration = Registration.objects.get()
    assert response["Location"] == reverse("cases:registration", args=[registration.code])
    assert (registration.route, registration.status) == (Route.PHONE, Status.NEW)
    assert registration.referrer_name == "Huisarts Bos"
    entry = AuditEntry.objects.get(action=AuditAction.CREATE)
    assert (entry.grounds, entry.role) == (Grounds.TRIAGE, Role.COORDINATOR)


def test_public_form_is_not_a_staff_route(world):
    client = verified_client(world.users[Role.COORDINATOR])
    data = {**CHILD, "route": Route.PUBLIC_FORM}
    response = client.post(reverse("referrals:staff_registration"), data)
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize("role", [Role.CASEMANAGER, Role.REFERRER, Role.ANALYST])
def test_only_intake_staff_enter_registrations(world, role):
    client = verified_client(world.users[role])
    assert client.get(reverse("referrals:staff_registration")).status_code == 404
