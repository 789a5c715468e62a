"""The case coordinator puts the team together; access follows at once."""

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.access.policy import Action, decide
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional, verified_client
from vroeghulp.cases.models import TeamMember

pytestmark = pytest.mark.django_db


def test_coordinator_adds_a_casemanager_who_then_sees_the_file(world):
    newcomer = professional(Role.CASEMANAGER, world.organisation)
    child = world.own_case.child
    assert not decide(newcomer, Action.VIEW, child)
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.post(
        reverse("cases:add_member", args=[world.own_case.code]),
        {"user": newcomer.pk, "team_role": "casemanager"},
    )
    assert response.status_code == 302
    assert decide(newcomer, Action.VIEW, child).allowed
    assert world.own_case.events.filter(kind="team_changed").exists()
    world.own_case.refresh_from_db()
    assert world.own_case.casemanager_from == timezone.localdate()


def test_ending_a_membership_ends_access(world):
    member = TeamMember.objects.get(case=world.own_case, user=world.users[Role.TEAM_MEMBER])
    client = verified_client(world.users[Role.COORDINATOR])
    client.post(reverse("cases:end_member", args=[world.own_case.code]), {"member": member.pk})
    member.refresh_from_db()
    assert member.ended_at is not None
    assert not decide(world.users[Role.TEAM_MEMBER], Action.VIEW, world.own_case.child)


def test_people_without_a_care_role_or_from_elsewhere_are_not_offered(world, other_world):
    client = verified_client(world.users[Role.COORDINATOR])
    form = client.get(reverse("cases:team", args=[world.own_case.code])).context["form"]
    offered = set(form.fields["user"].queryset)
    assert world.users[Role.ANALYST] not in offered
    assert other_world.users[Role.CASEMANAGER] not in offered
    response = client.post(
        reverse("cases:add_member", args=[world.own_case.code]),
        {"user": other_world.users[Role.CASEMANAGER].pk, "team_role": "member"},
    )
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_a_casemanager_cannot_change_the_team(world):
    outsider = professional(Role.TEAM_MEMBER, world.organisation)
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:add_member", args=[world.own_case.code]),
        {"user": outsider.pk, "team_role": "member"},
    )
    assert response.status_code == 400
    assert "Alleen de coördinator van dit traject" in response.content.decode()
    assert not decide(outsider, Action.VIEW, world.own_case.child)


def test_someone_outside_the_case_gets_404(world, other_world):
    client = verified_client(other_world.users[Role.COORDINATOR])
    assert client.get(reverse("cases:team", args=[world.own_case.code])).status_code == 404
    member = TeamMember.objects.filter(case=world.own_case).first()
    response = client.post(
        reverse("cases:end_member", args=[world.own_case.code]), {"member": member.pk}
    )
    assert response.status_code == 404
    member.refresh_from_db()
    assert member.ended_at is None
