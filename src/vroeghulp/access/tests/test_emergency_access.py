"""Break the glass: a reason, read-only, time-limited, logged and listed for the log manager."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from vroeghulp.access.actions import grant_emergency_access
from vroeghulp.access.models import EmergencyAccess
from vroeghulp.access.policy import Action, decide, may_also
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
REASON = "Kind op de SEH, moeder vraagt om het adviesplan"


def _form(case, reason=REASON):
    child = case.child
    return {
        "family_name": child.family_name.upper(),
        "date_of_birth": child.date_of_birth.isoformat(),
        "reason": reason,
    }


def test_a_reason_is_required(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(reverse("access:emergency_access"), _form(world.other_case, "snel"))
    assert "Geef een reden van minstens 10 tekens." in response.content.decode()
    assert not EmergencyAccess.objects.exists()
    with pytest.raises(ValidationError):
        grant_emergency_access(
            world.other_case.child, actor=world.users[Role.CASEMANAGER], reason=" "
        )


def test_grant_opens_the_file_read_only_and_is_logged(world):
    user = world.users[Role.CASEMANAGER]
    child = world.other_case.child
    assert decide(user, Action.VIEW, child).allowed is False
    client = verified_client(user)
    response = client.post(reverse("access:emergency_access"), _form(world.other_case))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[world.other_case.code])

    page = client.get(response["Location"])
    assert "met noodtoegang" in page.content.decode()
    assert decide(user, Action.VIEW, child).grounds == Grounds.EMERGENCY
    assert decide(user, Action.EDIT, child).allowed is False
    assert may_also(decide(user, Action.VIEW, child), Action.EDIT) is False
    assert (
        client.post(
            reverse("cases:add_note", args=[world.other_case.code]), {"text": "x"}
        ).status_code
        == 404
    )

    grant_entry = AuditEntry.objects.get(action=AuditAction.EMERGENCY_ACCESS)
    assert grant_entry.child_id == child.pk and grant_entry.grounds == Grounds.EMERGENCY
    read = AuditEntry.objects.get(action=AuditAction.READ, object_type="case")
    assert read.grounds == Grounds.EMERGENCY
    assert world.other_case.events.filter(kind="emergency_access").exists()


def test_grant_expires(world):
    user = world.users[Role.CASEMANAGER]
    grant = grant_emergency_access(world.other_case.child, actor=user, reason=REASON)
    EmergencyAccess.objects.filter(pk=grant.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert decide(user, Action.VIEW, world.other_case.child).allowed is False


@pytest.mark.parametrize(
    "role", [Role.NETWORK_ADMIN, Role.ANALYST, Role.LOG_MANAGER, Role.REFERRER]
)
def test_roles_without_care_duties_cannot_break_the_glass(world, role):
    with pytest.raises(PermissionDenied):
        grant_emergency_access(world.other_case.child, actor=world.users[role], reason=REASON)
    response = verified_client(world.users[role]).get(reverse("access:emergency_access"))
    assert response.status_code == 404


def test_log_manager_sees_the_grants(world, other_world):
    grant_emergency_access(
        world.other_case.child, actor=world.users[Role.CASEMANAGER], reason=REASON
    )
    grant_emergency_access(
        other_world.other_case.child, actor=other_world.users[Role.CASEMANAGER], reason=REASON
    )
    response = verified_client(world.users[Role.LOG_MANAGER]).get(reverse("audit:emergency_grants"))
    grants = list(response.context["page"].object_list)
    assert [g.network_id for g in grants] == [world.network.pk]
    assert REASON in response.content.decode()
