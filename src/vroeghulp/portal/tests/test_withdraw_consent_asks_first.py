"""Withdrawing a consent asks once more ("Weet u het zeker?"): the first request only explains
what withdrawing means; only the confirmed one withdraws. It works without JavaScript."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.models import Consent
from vroeghulp.consent.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent_client(world):
    user = UserFactory(email="vader@example.test")
    GuardianFactory(child=world.own_case.child, user=user, full_name="Vader Eigen")
    client = Client()
    client.post(reverse("portal:login"), {"email": "vader@example.test"})
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    client.post(reverse("portal:login_code"), {"code": code})
    return client


@pytest.fixture
def consent(world):
    return ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)


def _url(world):
    return reverse("portal:withdraw_consent", args=[world.own_case.code])


def test_the_first_request_asks_and_withdraws_nothing(world, parent_client, consent):
    response = parent_client.post(_url(world), {"consent": consent.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Weet u het zeker?" in html
    assert "Wat betekent intrekken?" in html
    assert world.other_organisation.name in html
    assert 'name="confirmed" value="yes"' in html
    assert "Nee, niet intrekken" in html
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    assert Consent.objects.in_force().count() == 1
    assert not world.own_case.events.filter(summary__startswith="Toestemming ingetrokken").exists()


def test_the_confirmed_request_withdraws(world, parent_client, consent):
    response = parent_client.post(_url(world), {"consent": consent.pk, "confirmed": "yes"})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert not Consent.objects.in_force().exists()
    page = parent_client.get(response["Location"]).content.decode()
    assert "Uw toestemming is ingetrokken." in page


def test_another_childs_consent_is_not_found(world, parent_client):
    other = ConsentFactory(child=world.other_case.child, organisation=world.other_organisation)
    response = parent_client.post(_url(world), {"consent": other.pk})
    assert response.status_code == 404
    response = parent_client.post(_url(world), {"consent": other.pk, "confirmed": "yes"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.withdrawn_at is None
