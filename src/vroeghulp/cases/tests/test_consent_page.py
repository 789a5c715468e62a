"""Consent per organisation and purpose, given by a parent with custody, withdrawn at once."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent

pytestmark = pytest.mark.django_db


def _give(client, world, **overrides):
    guardian = world.own_case.child.guardians.first()
    data = {
        "organisation": world.other_organisation.pk,
        "purpose": Purpose.EXCHANGE_INFORMATION,
        "given_by": [guardian.pk],
        "given_on": "2026-11-01",
        **overrides,
    }
    return client.post(reverse("cases:give_consent", args=[world.own_case.code]), data)


def test_recording_a_consent(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    assert _give(client, world).status_code == 302
    consent = Consent.objects.get()
    assert consent.organisation == world.other_organisation
    assert list(consent.given_by.all()) == list(world.own_case.child.guardians.all())
    assert consent.recorded_by == world.users[Role.CASEMANAGER]
    assert world.own_case.events.filter(kind="consent").exists()
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_type="consent").exists()


def test_a_parent_without_custody_cannot_give_consent(world):
    without = GuardianFactory(child=world.own_case.child, has_custody=False)
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _give(client, world, given_by=[without.pk])
    assert response.status_code == 400
    assert not Consent.objects.exists()


def test_future_dates_and_bad_input_get_dutch_messages(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    html = _give(client, world, given_on="2999-01-01").content.decode()
    assert "Vul voor de toestemming een datum in van 15-03-2024 (geboortedatum) tot en met" in html
    html = _give(client, world, given_on="2026-11-01", ends_on="2026-10-01").content.decode()
    assert "De einddatum ligt voor de datum van toestemming." in html
    assert not Consent.objects.exists()


def test_withdrawal_takes_effect_at_once_and_is_on_the_timeline(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    _give(client, world)
    consent = Consent.objects.get()
    guardian = world.own_case.child.guardians.first()
    client.post(
        reverse("cases:withdraw_consent", args=[world.own_case.code]),
        {"consent": consent.pk, "withdrawn_by": guardian.pk},
    )
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and consent.withdrawn_by == guardian
    assert not Consent.objects.in_force().exists()
    assert world.own_case.events.filter(name="consent_withdrawn").exists()


def test_a_team_member_of_another_case_cannot_touch_consents(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    _give(client, world)
    consent = Consent.objects.get()
    outsider = verified_client(world.other_case.team.first().user)
    response = outsider.post(
        reverse("cases:withdraw_consent", args=[world.own_case.code]),
        {"consent": consent.pk, "withdrawn_by": world.own_case.child.guardians.first().pk},
    )
    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_date_fields_are_prefilled_in_the_format_browsers_read(world):
    from django.utils import timezone

    client = verified_client(world.users[Role.CASEMANAGER])
    html = client.get(reverse("cases:consents", args=[world.own_case.code])).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in html
