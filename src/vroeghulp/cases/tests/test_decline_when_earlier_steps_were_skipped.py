"""In a network that requires a referral, the coordinator may decline a registration because
earlier steps were skipped; the registration stays, with that kind of reason, and is counted."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.monitoring.indicators import Scope, compute_all
from vroeghulp.referrals.constants import DeclineKind, Status
from vroeghulp.referrals.models import Registration
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_the_coordinator_declines_because_earlier_steps_were_skipped(world):
    world.network.referral_required = True
    world.network.save(update_fields=["referral_required"])
    registration = RegistrationFactory(network=world.network, status=Status.NEW)
    client = verified_client(world.users[Role.COORDINATOR])
    page = client.get(reverse("cases:registration", args=[registration.code])).content.decode()
    assert "Eerdere stappen overgeslagen" in page

    response = client.post(
        reverse("cases:decline", args=[registration.code]),
        {
            "kind": DeclineKind.STEPS_SKIPPED,
            "reason": "Eerst het consultatiebureau: de jeugdarts heeft het kind nog niet gezien.",
            "referred_to": "JGZ",
            "version": registration.version,
        },
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED
    assert registration.decline_kind == DeclineKind.STEPS_SKIPPED
    today = timezone.localdate()
    scope = Scope(networks=[world.network], start=today - datetime.timedelta(days=30), end=today)
    assert compute_all(scope)["declined_reasons"].breakdown == {"steps_skipped": 1}


def test_another_networks_coordinator_cannot_decline(world, other_world):
    registration = RegistrationFactory(network=world.network, status=Status.NEW)
    response = verified_client(other_world.users[Role.COORDINATOR]).post(
        reverse("cases:decline", args=[registration.code]),
        {"kind": DeclineKind.STEPS_SKIPPED, "reason": "x", "version": registration.version},
    )
    assert response.status_code == 404
    assert Registration.objects.get(pk=registration.pk).status == Status.NEW
