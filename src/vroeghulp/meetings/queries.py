"""Which accepted children still wait for their first team meeting."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from vroeghulp.access.queries import visible_cases
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import MEETING_DUE_PHASES

from .models import AgendaItem


def discussed_once(case_ref="pk") -> Exists:
    return Exists(AgendaItem.objects.filter(case=OuterRef(case_ref), discussed_at__isnull=False))


def scheduled(case_ref="pk") -> Exists:
    return Exists(
        AgendaItem.objects.filter(
            case=OuterRef(case_ref),
            discussed_at__isnull=True,
            meeting__starts_at__gte=timezone.now(),
        )
    )


def waiting_for_first_meeting(user) -> QuerySet[Case]:
    """Accepted, open, never discussed by the team; `is_scheduled` tells if a date is set."""
    return (
        visible_cases(user)
        .filter(phase__in=MEETING_DUE_PHASES)
        .annotate(was_discussed=discussed_once(), is_scheduled=scheduled())
        .filter(was_discussed=False)
    )
