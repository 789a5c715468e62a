"""A referrer pre-registers with the parents' agreement; the parents confirm through a link."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.referrals.constants import Route, Status
from vroeghulp.referrals.models import Registration

from .helpers import CHILD

pytestmark = pytest.mark.django_db


@pytest.fixture
def preregister(world, django_capture_on_commit_callbacks):
    """Post a pre-registration; the mail to the parents goes out once it is committed."""

    def post(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return _post(world, **overrides)

    return post


def _post(world, **overrides):
    client = verified_client(world.users[Role.REFERRER])
    data = {
        **CHILD,
        "concern_referrer": "Achterstand in spraak en motoriek bij het 2-jarig consult.",
        "referrer_role": "jeugdarts",
        "parents_agreed": "on",
        "parent_email": "anouk@example.test",
        **overrides,
    }
    return client.post(reverse("referrals:referrer_registration"), data)


def test_pre_registration_waits_for_the_parents(world, preregister):
    response = preregister()
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.route == Route.REFERRER
    assert registration.status == Status.AWAITING_CONFIRMATION
    assert registration.referrer_user == world.users[Role.REFERRER]
    assert registration.referrer_organisation == world.organisation
    assert registration.concern_referrer.startswith("Achterstand")
    assert registration.parents_agreed is True


def test_the_parents_mail_holds_a_link_and_nothing_clinical(world, preregister):
    preregister()
    message = mail.outbox[0]
    assert message.to == ["anouk@example.test"]
    assert "Sofie" not in message.body and "spraak" not in message.body
    assert Registration.objects.get().confirmation_token_hash not in message.body


def test_the_link_expires_after_fourteen_days(world, preregister):
    preregister()
    registration = Registration.objects.get()
    waited = registration.confirmation_expires_at - registration.received_at
    assert waited.days == 14


def test_without_the_parents_agreement_nothing_is_sent(world, preregister):
    response = preregister(parents_agreed="")
    assert "Dit veld is verplicht." in response.content.decode()
    assert not Registration.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("role", [Role.CASEMANAGER, Role.ANALYST, Role.NETWORK_ADMIN])
def test_only_referrers_pre_register(world, role):
    client = verified_client(world.users[role])
    assert client.get(reverse("referrals:referrer_registration")).status_code == 404


def test_a_forged_token_finds_nothing(world):
    response = Client().get(reverse("portal:confirmation", args=["verzonnen-token"]))
    assert response.status_code == 404
    assert "Deze link is niet geldig" in response.content.decode()
