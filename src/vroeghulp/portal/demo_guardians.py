"""Demo data for two guardians: a consent that still misses one guardian, and a custody change."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from vroeghulp.cases import actions as case_actions
from vroeghulp.cases import states
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case
from vroeghulp.children.constants import CustodyChangeKind, CustodySource
from vroeghulp.consent.constants import Purpose
from vroeghulp.networks.models import Network

from .actions import record_custody_change


def seed(network: Network, users: dict) -> None:
    """Two open trajectories of children with two guardians with custody: on the first (the demo
    parent's child where it qualifies) one guardian consented to video recordings and the other
    has not yet; on the second the second guardian lost custody by a court decision."""
    cases = list(
        Case.objects.filter(network=network, phase__in=states.OPEN_PHASES)
        .annotate(
            custodians=Count("child__guardians", filter=Q(child__guardians__has_custody=True)),
            in_portal=Count("child__guardians__user"),
        )
        .filter(custodians=2)
        .select_related("child")
        .order_by("-in_portal", "pk")
    )
    with_casemanager = [case for case in cases if _casemanager(case) is not None][:2]
    if len(with_casemanager) < 2:
        return
    first, second = with_casemanager
    today = timezone.localdate()
    mother, _other = first.child.guardians.filter(has_custody=True).order_by("pk")
    case_actions.record_consent(
        first,
        actor=_casemanager(first),
        organisation=network.organisations.order_by("pk").first(),
        purpose=Purpose.VIDEO_RECORDING,
        given_by=[mother],
        given_on=today - datetime.timedelta(days=3),
    )
    leaving = second.child.guardians.filter(has_custody=True).order_by("pk").last()
    record_custody_change(
        second,
        leaving,
        actor=_casemanager(second),
        change=CustodyChangeKind.LOST,
        effective_on=today - datetime.timedelta(days=20),
        source=CustodySource.COURT_DECISION,
        note="Beschikking van de rechtbank; het gezag ligt nu bij de andere ouder alleen.",
    )


def _casemanager(case: Case):
    member = (
        case.team.filter(team_role=TeamRole.CASEMANAGER, ended_at__isnull=True)
        .select_related("user")
        .first()
    )
    return member.user if member else None
