"""Reasons for delay: recorded by the case team, on the timeline and in the audit log."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

DELAY = {"stage": "meeting", "reason": "capacity", "note": "MDO van maart was vol."}


def _url(case):
    return reverse("cases:add_delay", args=[case.code])


def test_casemanager_records_a_reason_for_delay(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(_url(world.own_case), DELAY, follow=True)
    delay = world.own_case.delays.get()
    assert (delay.stage, delay.reason, delay.note) == ("meeting", "capacity", DELAY["note"])
    html = response.content.decode()
    assert "De reden van vertraging is vastgelegd." in html
    assert "te weinig capaciteit" in html
    event = world.own_case.events.get(kind="execution")
    assert event.text == "Reden van vertraging (mdo): te weinig capaciteit"
    assert AuditEntry.objects.filter(
        child_id=world.own_case.child_id, action="create", object_type="delay"
    ).exists()


def test_unknown_reason_is_refused_in_dutch_and_keeps_the_note(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(_url(world.own_case), DELAY | {"reason": "zomaar"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Selecteer een geldige keuze." in html
    assert DELAY["note"] in html
    assert not world.own_case.delays.exists()


@pytest.mark.parametrize("role", [Role.REFERRER, Role.ANALYST, Role.NETWORK_ADMIN])
def test_roles_outside_the_case_team_cannot_record(world, role):
    client = verified_client(world.users[role])
    assert client.post(_url(world.own_case), DELAY).status_code in (403, 404)
    assert not world.own_case.delays.exists()


def test_other_cases_and_networks_are_not_found(world, other_world):
    client = verified_client(world.users[Role.CASEMANAGER])
    assert client.post(_url(world.other_case), DELAY).status_code == 404
    assert client.post(_url(other_world.own_case), DELAY).status_code == 404
    assert not world.other_case.delays.exists() and not other_world.own_case.delays.exists()
