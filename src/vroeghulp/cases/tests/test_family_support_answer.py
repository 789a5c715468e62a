"""The parents' answer to a family-support offer is recorded when it comes and changed later,
on the same offer."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.constants import SupportResponse
from vroeghulp.cases.models import FamilySupport
from vroeghulp.children.tests.factories import GuardianFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(world):
    return FamilySupport.objects.create(
        case=world.own_case, programme="VoorZorg", offered_on=datetime.date(2026, 3, 2)
    )


def _answer(client, world, offer, response):
    return client.post(
        reverse("cases:answer_support", args=[world.own_case.code]),
        {"support": offer.pk, "response": response},
    )


def test_the_answer_is_recorded_and_changed_on_the_same_offer(world, offer):
    client = verified_client(world.users[Role.CASEMANAGER])
    assert _answer(client, world, offer, SupportResponse.ACCEPTED).status_code == 302
    offer.refresh_from_db()
    assert (offer.response, offer.answered_on) == (SupportResponse.ACCEPTED, timezone.localdate())
    assert _answer(client, world, offer, SupportResponse.DECLINED).status_code == 302
    offer.refresh_from_db()
    assert offer.response == SupportResponse.DECLINED
    assert FamilySupport.objects.count() == 1
    assert (
        AuditEntry.objects.filter(action=AuditAction.UPDATE, object_type="familysupport").count()
        == 2
    )
    page = client.get(reverse("cases:execution", args=[world.own_case.code])).content.decode()
    assert "VoorZorg" in page and "Antwoord vastleggen" in page


def test_an_unknown_answer_is_refused_in_dutch(world, offer):
    response = _answer(verified_client(world.users[Role.CASEMANAGER]), world, offer, "misschien")
    assert response.status_code == 400
    assert "Kies het antwoord van de ouders." in response.content.decode()
    offer.refresh_from_db()
    assert offer.response == SupportResponse.PENDING


def test_nobody_outside_the_case_records_an_answer(world, other_world, offer):
    parent = UserFactory()
    GuardianFactory(child=world.own_case.child, user=parent)
    parent_client = Client()
    parent_client.force_login(parent)
    for client in (
        verified_client(other_world.users[Role.CASEMANAGER]),
        verified_client(world.users[Role.ANALYST]),
        parent_client,
    ):
        assert _answer(client, world, offer, SupportResponse.ACCEPTED).status_code == 404
    offer.refresh_from_db()
    assert offer.response == SupportResponse.PENDING
