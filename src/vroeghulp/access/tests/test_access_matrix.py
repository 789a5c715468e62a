"""Every role × action × (own case, other case in the network, case in another network)."""

import pytest

from vroeghulp.access.policy import Action, decide, may_also
from vroeghulp.accounts.constants import Role
from vroeghulp.audit.constants import Grounds

# What each role may do on a case whose team it is on. Nothing on any other case. A parent's
# contribution is no professional action: nobody gets it from a team place.
OWN_CASE = {
    Role.COORDINATOR: frozenset({Action.VIEW, Action.EDIT, Action.EXPORT, Action.PRINT}),
    Role.CASEMANAGER: frozenset({Action.VIEW, Action.EDIT, Action.EXPORT, Action.PRINT}),
    Role.TEAM_MEMBER: frozenset({Action.VIEW, Action.EDIT, Action.PRINT}),
    Role.REFERRER: frozenset(),
    Role.NETWORK_ADMIN: frozenset(),
    Role.ANALYST: frozenset(),
    Role.LOG_MANAGER: frozenset(),
    # a CB-plus worker reads consults (test_consult_access), never a case file
    Role.CBPLUS: frozenset(),
}


def test_the_table_covers_every_role():
    assert set(OWN_CASE) == set(Role)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
@pytest.mark.django_db
def test_role_action_matrix(world, other_world, role, action):
    user = world.users[role]
    expected_own = action in OWN_CASE[role]

    own = decide(user, action, world.own_case.child)
    assert own.allowed is expected_own
    if expected_own:
        assert own.grounds == Grounds.TEAM_MEMBERSHIP
    assert decide(user, action, world.other_case.child).allowed is False
    assert decide(user, action, other_world.own_case.child).allowed is False
    assert decide(user, action, other_world.other_case.child).allowed is False


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
@pytest.mark.django_db
def test_a_second_action_answered_from_the_first_decision_agrees(world, role, action):
    user = world.users[role]
    child = world.own_case.child
    assert may_also(decide(user, Action.VIEW, child), action) is (action in OWN_CASE[role])


@pytest.mark.django_db
def test_leaving_the_team_ends_access(world):
    user = world.users[Role.CASEMANAGER]
    world.own_case.team.filter(user=user).update(ended_at="2026-01-01T00:00:00Z")
    assert decide(user, Action.VIEW, world.own_case.child).allowed is False


@pytest.mark.django_db
def test_losing_the_care_role_ends_access_even_on_the_team(world):
    user = world.users[Role.CASEMANAGER]
    user.memberships.update(is_active=False)
    user = type(user).objects.get(pk=user.pk)
    assert decide(user, Action.VIEW, world.own_case.child).allowed is False


@pytest.mark.django_db
def test_anonymous_and_inactive_users_are_refused(world):
    from django.contrib.auth.models import AnonymousUser

    assert decide(AnonymousUser(), Action.VIEW, world.own_case.child).allowed is False
    user = world.users[Role.COORDINATOR]
    user.is_active = False
    assert decide(user, Action.VIEW, world.own_case.child).allowed is False
