"""Information requests need the parents' consent for that organisation, and are tracked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.constants import RequestStatus
from vroeghulp.cases.models import InformationRequest
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.consent.models import Consent
from vroeghulp.consent.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db


def _today() -> str:
    return timezone.localdate().isoformat()


@pytest.fixture(autouse=True)
def _registered_earlier(world):
    # the dates typed below lie before today: the trajectory started before them
    registered_earlier(world.own_case)


def _ask(client, world):
    return client.post(
        reverse("cases:request_information", args=[world.own_case.code]),
        {
            "organisation": world.other_organisation.pk,
            "professional": "Dr. Smit, kinderarts",
            "question": "Verslag van het laatste consult",
            "due_on": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
        },
    )


def test_no_request_without_consent(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _ask(client, world)
    assert response.status_code == 400
    assert "Er is geen geldige toestemming van de ouders" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_with_consent_the_request_is_recorded_with_its_consent(world):
    consent = ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    client = verified_client(world.users[Role.CASEMANAGER])
    assert _ask(client, world).status_code == 302
    info = InformationRequest.objects.get()
    assert info.consent == consent
    assert info.status == RequestStatus.REQUESTED


def test_after_withdrawal_nothing_more_is_received(world):
    consent = ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    client = verified_client(world.users[Role.CASEMANAGER])
    _ask(client, world)
    info = InformationRequest.objects.get()
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    response = client.post(
        reverse("cases:answer_request", args=[world.own_case.code]),
        {"request": info.pk, "status": "received", "answered_on": _today()},
        follow=True,
    )
    assert "Er is geen geldige toestemming" in response.content.decode()
    info.refresh_from_db()
    assert info.status == RequestStatus.REQUESTED
    client.post(
        reverse("cases:answer_request", args=[world.own_case.code]),
        {"request": info.pk, "status": "refused", "answered_on": _today()},
    )
    info.refresh_from_db()
    assert info.status == RequestStatus.REFUSED


def test_overdue_requests_stand_out(world):
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    client = verified_client(world.users[Role.CASEMANAGER])
    _ask(client, world)
    InformationRequest.objects.update(due_on=timezone.localdate() - datetime.timedelta(days=1))
    html = client.get(reverse("cases:information", args=[world.own_case.code])).content.decode()
    assert "deadline-overdue" in html


def test_the_form_offers_the_organisations_with_consent_first(world):
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    client = verified_client(world.users[Role.CASEMANAGER])
    html = client.get(reverse("cases:information", args=[world.own_case.code])).content.decode()
    with_consent, _, without = html.partition('<optgroup label="Nog zonder toestemming">')
    consented = with_consent.partition('<optgroup label="Met toestemming van de ouders">')[2]
    assert f'<option value="{world.other_organisation.pk}">' in consented
    assert f'value="{world.other_organisation.pk}"' not in without
    assert f'<option value="{world.organisation.pk}">' in without
