"""Intake staff enter a registration taken by phone, at the CJG front office or from a wijkteam."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

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


def test_a_registration_entered_later_carries_the_day_it_came_in(world):
    client = verified_client(world.users[Role.COORDINATOR])
    came_in = timezone.localdate() - datetime.timedelta(days=3)
    data = {**CHILD, "route": Route.PHONE, "received_on": came_in.isoformat()}
    response = client.post(reverse("referrals:staff_registration"), data)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert timezone.localtime(registration.received_at).date() == came_in
    # the callback deadline runs from the day it came in, not from the day it was typed
    assert registration.callback_due_on < timezone.localdate() + datetime.timedelta(
        days=world.network.callback_deadline_days
    )


def test_a_day_in_the_future_is_refused_and_the_form_keeps_what_was_typed(world):
    client = verified_client(world.users[Role.COORDINATOR])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = {**CHILD, "route": Route.PHONE, "received_on": tomorrow.isoformat()}
    response = client.post(reverse("referrals:staff_registration"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "binnenkomen van de aanmelding" in html or "toekomst" in html
    assert CHILD["child_given_name"] in html
    assert not Registration.objects.exists()


def test_a_network_that_requires_a_referral_refuses_one_without_a_referrer(world):
    world.network.referral_required = True
    world.network.save(update_fields=["referral_required"])
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.post(reverse("referrals:staff_registration"), {**CHILD, "route": Route.PHONE})
    assert response.status_code == 400
    assert "alleen aanmeldingen met een verwijzer" in response.content.decode()
    assert not Registration.objects.exists()
    response = client.post(
        reverse("referrals:staff_registration"),
        {**CHILD, "route": Route.PHONE, "referrer_name": "Jeugdarts Smit"},
    )
    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_more_than_two_earlier_examinations_can_be_entered(world):
    client = verified_client(world.users[Role.COORDINATOR])
    page = client.get(reverse("referrals:staff_registration")).content.decode()
    assert "Meer onderzoeken invullen" in page
    exams = {
        "onderzoek-TOTAL_FORMS": "8",
        "onderzoek-INITIAL_FORMS": "0",
        **{f"onderzoek-{n}-what": f"Onderzoek {n}" for n in range(5)},
    }
    response = client.post(
        reverse("referrals:staff_registration"), {**CHILD, "route": Route.PHONE, **exams}
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.earlier_examinations.count() == 5
