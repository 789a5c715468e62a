"""A coordinator may handle a new registration until a coordinator is assigned to it."""

import pytest

from vroeghulp.access.policy import Action, decide, may_also
from vroeghulp.access.queries import visible_cases
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional
from vroeghulp.audit.constants import Grounds
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory
from vroeghulp.children.tests.factories import ChildFactory


@pytest.fixture
def registration(world):
    return CaseFactory(child=ChildFactory(network=world.network), phase=Phase.REGISTERED)


def test_every_coordinator_of_the_network_may_triage(world, registration):
    coordinator = world.users[Role.COORDINATOR]
    decision = decide(coordinator, Action.VIEW, registration.child)
    assert decision.allowed and decision.grounds == Grounds.TRIAGE
    assert decide(coordinator, Action.EXPORT, registration.child).allowed is False
    assert may_also(decision, Action.EDIT) is True
    assert may_also(decision, Action.EXPORT) is False
    assert registration in visible_cases(coordinator)


def test_other_roles_may_not_triage(world, registration):
    for role in set(Role) - {Role.COORDINATOR}:
        assert decide(world.users[role], Action.VIEW, registration.child).allowed is False


def test_once_a_coordinator_is_assigned_others_lose_triage_access(world, registration):
    assigned = professional(Role.COORDINATOR, world.organisation)
    TeamMemberFactory(case=registration, user=assigned, team_role=TeamRole.COORDINATOR)
    assert decide(world.users[Role.COORDINATOR], Action.VIEW, registration.child).allowed is False
    assert decide(assigned, Action.VIEW, registration.child).grounds == Grounds.TEAM_MEMBERSHIP


def test_coordinators_of_another_network_never_triage(world, other_world, registration):
    coordinator = other_world.users[Role.COORDINATOR]
    assert decide(coordinator, Action.VIEW, registration.child).allowed is False
    assert registration not in visible_cases(coordinator)
