"""Querysets of child data as one user may see them; lists and search start here."""

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet, Value
from django.http import Http404

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case, TeamMember
from vroeghulp.cases.states import TRIAGE_PHASES
from vroeghulp.cbplus.models import Consult, Participant
from vroeghulp.children.models import Child
from vroeghulp.id_lists import among
from vroeghulp.referrals.constants import OPEN_STATUSES, Status

from .models import EmergencyAccess
from .policy import (
    CARE_ROLES,
    CONSULT_PARTICIPANT_ROLES,
    Decision,
    cbplus_memberships,
    decide,
    decide_as_parent,
    decide_consult,
)


def visible_cases(user) -> QuerySet[Case]:
    """Cases a professional may open: their teams, triage for coordinators, emergency grants."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    care_networks = user.networks_with_role(*CARE_ROLES)
    coordinator_networks = user.networks_with_role(Role.COORDINATOR)
    # The user's own children and emergency grants are few: selected once and matched by IN
    # (a hashed subplan), not probed once per case of the network.
    team_children = TeamMember.objects.filter(user=user, ended_at__isnull=True).values(
        "case__child_id"
    )
    granted_children = EmergencyAccess.objects.in_force().filter(user=user).values("child_id")
    on_team = Q(child_id__in=team_children)
    via_emergency = Q(child_id__in=granted_children)
    # New cases without a coordinator yet: the subquery is limited to such cases, so it stays
    # small however many trajectories the network has had.
    coordinator_taken = TeamMember.objects.filter(
        case__network_id__in=coordinator_networks,
        case__phase__in=TRIAGE_PHASES,
        team_role=TeamRole.COORDINATOR,
        ended_at__isnull=True,
    ).values("case_id")
    triage = (
        Q(network_id__in=coordinator_networks)
        & Q(phase__in=TRIAGE_PHASES)
        & ~Q(pk__in=coordinator_taken)
    )
    return (
        Case.objects.filter(network_id__in=care_networks)
        .filter(on_team | triage | via_emergency)
        .annotate(
            on_team=ExpressionWrapper(on_team, output_field=BooleanField()),
            via_emergency=ExpressionWrapper(via_emergency, output_field=BooleanField()),
        )
    )


def visible_children(user) -> QuerySet[Child]:
    return Child.objects.filter(pk__in=visible_cases(user).values("child_id"))


def case_for(user, code, action: str, *, as_parent: bool = False) -> tuple[Case, Decision]:
    """The case with this code if the user may do `action` on it; 404 otherwise, never 403.

    The case is looked for among those the user may open at all (professionals: their teams,
    triage, emergency grants; parents: their children), so a case that exists but is not theirs
    costs the same one query as a code that exists nowhere, and tells nothing by its timing.
    """
    cases = cases_of_guardian(user) if as_parent else visible_cases(user)
    # codes are unique: one row, without the ORDER BY that first() adds
    found = cases.select_related("child", "network", "child__municipality").filter(code=code)[:1]
    case = next(iter(found), None)
    if case is None:
        raise Http404
    decision = (decide_as_parent if as_parent else decide)(user, action, case.child)
    if not decision:
        raise Http404
    return case, decision


def cases_of_guardian(user) -> QuerySet[Case]:
    """The cases of the children for whom this user is a parent or guardian with custody."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return Case.objects.filter(
        child__guardians__user=user, child__guardians__has_custody=True
    ).distinct()


def own_cases(case_ids: list[int]) -> QuerySet[Case]:
    """The cases of `own_team_case_ids`, annotated like `visible_cases`.

    A subset of `visible_cases` (team membership is its first ground) that needs none of the
    network-wide triage and emergency subqueries: the work list starts here.
    """
    return Case.objects.filter(among("pk", case_ids)).annotate(
        on_team=Value(True, output_field=BooleanField()),
        via_emergency=Value(False, output_field=BooleanField()),
    )


def own_team_case_ids(user) -> list[int]:
    """Ids of the cases whose team the user is on now (with a care role in the case's network).

    Read once and given to each of the work list's queries as one parameter (`among`): as a
    subquery, PostgreSQL joined the team to the network's cases again in every one of them.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        TeamMember.objects.filter(
            user=user,
            ended_at__isnull=True,
            case__network_id__in=user.networks_with_role(*CARE_ROLES),
        ).values_list("case_id", flat=True)
    )


def visible_consults(user) -> QuerySet[Consult]:
    """The CB-plus consults `decide_consult` lets the user read, as one queryset (the list)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Consult.objects.none()
    clinics = [m.organisation_id for m in cbplus_memberships(user)]
    participant_networks = user.networks_with_role(*CONSULT_PARTICIPANT_ROLES)
    took_part = Participant.objects.filter(user=user).values("consult_id")
    coordinator_networks = user.networks_with_role(Role.COORDINATOR)
    triage = Q(
        network_id__in=coordinator_networks,
        registration__status__in=[*OPEN_STATUSES, Status.AWAITING_CONFIRMATION, Status.DECLINED],
    )
    through_child = Q(registration__child_id__in=visible_children(user).values("pk"))
    return Consult.objects.filter(
        Q(organisation_id__in=clinics)
        | Q(network_id__in=participant_networks, pk__in=took_part)
        | triage
        | through_child
    )


def consult_for(user, code, action: str) -> tuple[Consult, Decision]:
    """The consult with this code if the user may do `action` on it; 404 otherwise, never 403."""
    found = (
        visible_consults(user)
        .select_related("child", "network", "organisation", "registration")
        .filter(code=code)[:1]
    )
    consult = next(iter(found), None)
    if consult is None:
        raise Http404
    decision = decide_consult(user, action, consult)
    if not decision:
        raise Http404
    return consult, decision
