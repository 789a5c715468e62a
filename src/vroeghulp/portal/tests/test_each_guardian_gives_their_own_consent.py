"""In the portal each guardian sees what they gave, what the other guardian gave and whose
consent is still missing, and gives or withdraws only their own."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.audit.models import AuditEntry
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent, ConsentGiving

pytestmark = pytest.mark.django_db


@pytest.fixture
def mother(world):
    guardian = world.own_case.child.guardians.get()
    guardian.full_name = "Mirjam Eigen"
    guardian.user = UserFactory(email="mirjam@example.test")
    guardian.save(update_fields=["full_name", "user"])
    return guardian


@pytest.fixture
def father(world):
    return GuardianFactory(
        child=world.own_case.child,
        full_name="Pieter Eigen",
        relation="father",
        user=UserFactory(email="pieter@example.test"),
    )


def _client(guardian) -> Client:
    client = Client()
    client.force_login(guardian.user)
    return client


def _give(client, world, purpose=Purpose.EXCHANGE_INFORMATION):
    return client.post(
        reverse("portal:give_consent", args=[world.own_case.code]),
        {"organisation": world.other_organisation.pk, "purpose": purpose},
    )


def _page(client, world) -> str:
    return client.get(reverse("portal:child", args=[world.own_case.code])).content.decode()


def test_the_other_guardian_sees_their_own_consent_is_missing(world, mother, father):
    assert _give(_client(mother), world).status_code == 302
    consent = Consent.objects.get()
    assert not Consent.objects.in_force().exists()
    page = _page(_client(father), world)
    assert "Mirjam Eigen gaf toestemming op" in page
    assert "nog nodig: uw toestemming" in page
    assert "Ik geef ook toestemming voor" in page
    page = _page(_client(mother), world)
    assert "U gaf toestemming op" in page
    assert "nog nodig: toestemming van Pieter Eigen" in page
    assert "Ik geef ook toestemming voor" not in page
    # the father adds his own: one consent, two givings, in force
    assert _give(_client(father), world).status_code == 302
    assert list(Consent.objects.in_force()) == [consent]
    assert sorted(consent.givings.values_list("guardian__full_name", flat=True)) == [
        "Mirjam Eigen",
        "Pieter Eigen",
    ]
    assert AuditEntry.objects.filter(object_type="consent", action="update").exists()


def test_giving_twice_is_explained(world, mother, father):
    client = _client(mother)
    _give(client, world)
    response = _give(client, world)
    assert response.status_code == 400
    assert "U heeft hiervoor al toestemming gegeven." in response.content.decode()
    assert ConsentGiving.objects.count() == 1


def test_a_guardian_never_withdraws_in_the_other_guardians_name(world, mother, father):
    _give(_client(mother), world)
    consent = Consent.objects.get()
    assert "Mijn toestemming intrekken" not in _page(_client(father), world)
    response = _client(father).post(
        reverse("portal:withdraw_consent", args=[world.own_case.code]),
        {"consent": consent.pk, "confirmed": "yes"},
        follow=True,
    )
    assert "alleen een toestemming intrekken die u zelf heeft gegeven" in (
        response.content.decode()
    )
    consent.refresh_from_db()
    assert consent.withdrawn_at is None and consent.withdrawn_by is None


def test_a_withdrawal_is_recorded_as_the_guardians_own(world, mother, father):
    _give(_client(mother), world, Purpose.SHARE_PLAN)
    _give(_client(father), world, Purpose.SHARE_PLAN)
    consent = Consent.objects.get()
    _client(father).post(
        reverse("portal:withdraw_consent", args=[world.own_case.code]),
        {"consent": consent.pk, "confirmed": "yes"},
    )
    consent.refresh_from_db()
    assert consent.withdrawn_by == father
    assert not Consent.objects.in_force().exists()
    assert ConsentGiving.objects.get(guardian=father).withdrawn_at is not None
    assert ConsentGiving.objects.get(guardian=mother).withdrawn_at is None
    assert "ingetrokken</strong> door Pieter Eigen" in _page(_client(mother), world)


def test_a_guardian_without_custody_cannot_give(world, mother, father):
    father.has_custody = False
    father.save(update_fields=["has_custody"])
    assert _give(_client(father), world).status_code == 404
    assert not Consent.objects.exists()


def test_a_guardian_of_another_networks_child_gets_a_404(world, other_world, mother):
    stranger = GuardianFactory(
        child=other_world.own_case.child, user=UserFactory(email="vreemd@example.test")
    )
    assert _give(_client(stranger), world).status_code == 404
    assert not Consent.objects.exists()
