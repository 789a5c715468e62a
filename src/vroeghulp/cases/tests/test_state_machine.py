"""Every allowed transition works for the roles that may make it, and only for them."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional
from vroeghulp.cases import actions
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case, PhaseTransition
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db

NETWORK_ROLE = {
    TeamRole.COORDINATOR: Role.COORDINATOR,
    TeamRole.CASEMANAGER: Role.CASEMANAGER,
    TeamRole.MEMBER: Role.TEAM_MEMBER,
}


def _case_with(world, phase: str, team_role: str):
    case = CaseFactory(child__network=world.network, phase=phase)
    user = professional(NETWORK_ROLE[team_role], world.organisation)
    TeamMemberFactory(case=case, user=user, team_role=team_role)
    return case, user


C, M = TeamRole.COORDINATOR, TeamRole.CASEMANAGER
# Who may make each move, written out by hand from docs/process.md (not read from the module
# under test). Every other pair of phases is refused for every team role.
EXPECTED = {
    (Phase.REGISTERED, Phase.INTAKE): {C},
    (Phase.REGISTERED, Phase.CLOSED): {C},
    (Phase.INTAKE, Phase.INFORMATION): {C, M},
    (Phase.INTAKE, Phase.CLOSED): {C, M},
    (Phase.INFORMATION, Phase.MEETING): {C, M},
    (Phase.INFORMATION, Phase.CLOSED): {C, M},
    (Phase.MEETING, Phase.ADVICE): {C},
    (Phase.MEETING, Phase.INFORMATION): {C},
    (Phase.MEETING, Phase.CLOSED): {C, M},
    (Phase.ADVICE, Phase.EXECUTION): {C, M},
    (Phase.ADVICE, Phase.MEETING): {C},
    (Phase.ADVICE, Phase.CLOSED): {C, M},
    (Phase.EXECUTION, Phase.EVALUATION): {C, M},
    (Phase.EXECUTION, Phase.CLOSED): {C, M},
    (Phase.EVALUATION, Phase.EXECUTION): {C, M},
    (Phase.EVALUATION, Phase.CLOSED): {C, M},
    (Phase.CLOSED, Phase.FOLLOW_UP): {C, M},
    (Phase.CLOSED, Phase.EXECUTION): {C, M},
    (Phase.FOLLOW_UP, Phase.INTAKE): {C, M},
    (Phase.FOLLOW_UP, Phase.CLOSED): {C, M},
}


@pytest.mark.parametrize(
    ("from_phase", "to_phase"), list(itertools.product(Phase.values, Phase.values))
)
@pytest.mark.parametrize("team_role", list(TeamRole))
def test_each_move_for_each_team_role(world, from_phase, to_phase, team_role):
    case, user = _case_with(world, from_phase, team_role)
    # the team concluded, and every move says why: the rules on those are tested below
    Case.objects.filter(pk=case.pk).update(meeting_concluded_at=timezone.now())
    case.refresh_from_db()
    if team_role in EXPECTED.get((from_phase, to_phase), set()):
        moved = actions.transition(
            case, actor=user, to_phase=to_phase, version=case.version, reason="Omdat"
        )
        assert moved.phase == to_phase
        row = PhaseTransition.objects.get(case=case)
        assert (row.from_phase, row.to_phase, row.actor) == (from_phase, to_phase, user)
        assert (moved.closed_at is None) == (to_phase != Phase.CLOSED)
    else:
        with pytest.raises(ValidationError):
            actions.transition(
                case, actor=user, to_phase=to_phase, version=case.version, reason="Omdat"
            )
        assert Case.objects.get(pk=case.pk).phase == from_phase
        assert not PhaseTransition.objects.filter(case=case).exists()


def test_moving_back_after_the_meeting_is_recorded_with_its_reason(world):
    case, coordinator = _case_with(world, Phase.MEETING, TeamRole.COORDINATOR)
    moved = actions.transition(
        case,
        actor=coordinator,
        to_phase=Phase.INFORMATION,
        reason="Eerst onderzoek in het audiologisch centrum",
        version=case.version,
    )
    assert moved.phase == Phase.INFORMATION
    assert PhaseTransition.objects.get(case=case).reason.startswith("Eerst onderzoek")


def test_a_stale_version_is_refused_and_nothing_changes(world):
    case, coordinator = _case_with(world, Phase.INTAKE, TeamRole.COORDINATOR)
    actions.transition(case, actor=coordinator, to_phase=Phase.INFORMATION, version=1)
    with pytest.raises(actions.StaleVersionError):
        actions.transition(case, actor=coordinator, to_phase=Phase.CLOSED, version=1)
    assert Case.objects.get(pk=case.pk).phase == Phase.INFORMATION


def test_someone_outside_the_team_cannot_move_a_case(world):
    case, _ = _case_with(world, Phase.INTAKE, TeamRole.CASEMANAGER)
    outsider = professional(Role.COORDINATOR, world.organisation)
    with pytest.raises(PermissionDenied):
        actions.transition(case, actor=outsider, to_phase=Phase.INFORMATION, version=1)


def test_every_phase_can_be_reached_and_left():
    targets = {to for _, to in EXPECTED}
    sources = {start for start, _ in EXPECTED}
    assert set(Phase) - {Phase.REGISTERED} <= targets
    assert set(Phase) == sources
