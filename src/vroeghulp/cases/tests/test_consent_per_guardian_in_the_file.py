"""The consents tab says per consent who gave it and whose consent is missing, and records the
missing guardian's own giving; each guardian's giving has their own day and recorder."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent, ConsentGiving
from vroeghulp.consent.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consent(world):
    mother = world.own_case.child.guardians.get()
    mother.full_name = "Mirjam Eigen"
    mother.save(update_fields=["full_name"])
    GuardianFactory(child=world.own_case.child, full_name="Pieter Eigen", relation="father")
    return ConsentFactory(
        child=world.own_case.child,
        organisation=world.other_organisation,
        purpose=Purpose.EXCHANGE_INFORMATION,
        given_on=datetime.date(2026, 11, 1),
        given_by=[mother],
    )


def _post(client, world, consent_row, **overrides):
    father = world.own_case.child.guardians.get(full_name="Pieter Eigen")
    prefix = f"c{consent_row.pk}"
    data = {
        "consent": consent_row.pk,
        f"{prefix}-guardian": father.pk,
        f"{prefix}-given_on": "2026-11-20",
        **overrides,
    }
    return client.post(reverse("cases:give_guardian_consent", args=[world.own_case.code]), data)


def test_the_page_says_whose_consent_is_missing(world, consent):
    client = verified_client(world.users[Role.TEAM_MEMBER])
    page = client.get(reverse("cases:consents", args=[world.own_case.code])).content.decode()
    assert "Mirjam Eigen, 1 november 2026" in page
    assert "nog nodig: toestemming van Pieter Eigen" in page
    assert "geldt nog niet" in page


def test_recording_the_missing_guardians_consent(world, consent):
    client = verified_client(world.users[Role.CASEMANAGER])
    assert _post(client, world, consent).status_code == 302
    giving = ConsentGiving.objects.get(guardian__full_name="Pieter Eigen")
    assert giving.given_on == datetime.date(2026, 11, 20)
    assert giving.recorded_by == world.users[Role.CASEMANAGER]
    assert list(Consent.objects.for_information(world.own_case.child)) == [consent]
    overview = client.get(reverse("cases:detail", args=[world.own_case.code])).content.decode()
    assert "Toestemming gegeven door Pieter Eigen" in overview
    page = client.get(reverse("cases:consents", args=[world.own_case.code])).content.decode()
    assert "nog nodig" not in page


def test_a_date_before_the_first_giving_is_explained(world, consent):
    client = verified_client(world.users[Role.CASEMANAGER])
    prefix = f"c{consent.pk}"
    response = _post(client, world, consent, **{f"{prefix}-given_on": "2026-10-01"})
    assert response.status_code == 400
    assert "Deze datum ligt voor de eerste toestemming." in response.content.decode()
    assert 'value="2026-10-01"' in response.content.decode()
    assert ConsentGiving.objects.count() == 1


def test_a_guardian_without_custody_cannot_give(world, consent):
    father = world.own_case.child.guardians.get(full_name="Pieter Eigen")
    father.has_custody = False
    father.save(update_fields=["has_custody"])
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _post(client, world, consent)
    assert response.status_code == 400
    assert ConsentGiving.objects.count() == 1


def test_another_network_gets_a_404(world, other_world, consent):
    client = verified_client(other_world.users[Role.CASEMANAGER])
    assert _post(client, world, consent).status_code == 404
    assert ConsentGiving.objects.count() == 1


def test_a_consent_of_another_child_is_a_404(world, consent):
    other = ConsentFactory(child=world.other_case.child, organisation=world.other_organisation)
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _post(client, world, consent, consent=other.pk)
    assert response.status_code == 404
    assert ConsentGiving.objects.count() == 1


def test_the_consents_tab_asks_the_same_queries_for_one_or_many_consents(world, consent):
    client = verified_client(world.users[Role.CASEMANAGER])
    url = reverse("cases:consents", args=[world.own_case.code])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for purpose in (Purpose.SHARE_PLAN, Purpose.VIDEO_RECORDING, Purpose.MEETING_ATTENDANCE):
        ConsentFactory(child=world.own_case.child, organisation=world.organisation, purpose=purpose)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(one)
