"""Which accepted children wait for a team meeting: the first one, or a later one after
further diagnostics."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from vroeghulp.access.policy import CARE_ROLES
from vroeghulp.access.queries import visible_cases
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import AGENDA_AGAIN_PHASES, MEETING_DUE_PHASES

from .models import AgendaItem, Meeting


def scheduled(network_ids, case_ref="pk") -> Exists:
    # The networks narrow the subquery to their own future meetings (meeting_network_time
    # index); PostgreSQL hashes it once, and otherwise reads every future meeting in the country.
    return Exists(
        AgendaItem.objects.filter(
            case=OuterRef(case_ref),
            discussed_at__isnull=True,
            meeting__network_id__in=network_ids,
            meeting__starts_at__gte=timezone.now(),
        )
    )


def waiting_for_first_meeting(user, cases: QuerySet[Case] | None = None) -> QuerySet[Case]:
    """Accepted, open, never discussed by the team; `is_scheduled` tells if a date is set.

    Among `cases` (a subset of the user's visible cases), or all the user's visible cases.
    "Never discussed" is the trajectory's own milestone (cases.milestones), kept by `conclude`.
    """
    return (
        (visible_cases(user) if cases is None else cases)
        .filter(phase__in=MEETING_DUE_PHASES, first_meeting_on__isnull=True)
        .annotate(is_scheduled=scheduled(user.networks_with_role(*CARE_ROLES)))
    )


def next_meeting_start(network_ids):
    """When the next meeting of these networks begins (None: none planned): its children then
    count as not scheduled until it is concluded."""
    return (
        Meeting.objects.filter(network_id__in=network_ids, starts_at__gte=timezone.now())
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )


def agenda_candidates(user, meeting: Meeting) -> QuerySet[Case]:
    """Who can go on this meeting's agenda: children never discussed, and children whose
    trajectory is back in the meeting phase (after further diagnostics). A meeting of a team
    tier offers the children for whom that tier was chosen."""
    cases = visible_cases(user)
    if meeting.team_tier_id:
        cases = cases.filter(team_tier_id=meeting.team_tier_id)
    return (
        cases.filter(network=meeting.network)
        .filter(
            Q(phase__in=MEETING_DUE_PHASES, first_meeting_on__isnull=True)
            | Q(phase__in=AGENDA_AGAIN_PHASES)
        )
        .exclude(agenda_items__meeting=meeting)
        .select_related("child")
        .order_by("opened_at")
    )
