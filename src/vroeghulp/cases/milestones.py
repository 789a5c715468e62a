"""Dates a trajectory has passed that the monitoring counts by, kept on the trajectory itself.

The first casemanager, the home visit, the first team meeting that discussed the child and the
first conversation about the plan with the parents are recorded elsewhere (team, intake, agenda
items, plan discussions), and so are the hours booked on it (kept here as their total). The
dashboard needs them for every trajectory in a period; reading them off the trajectory's own
row saves joining those tables for tens of thousands of trajectories at a national scale. The
actions that record these events call `refresh_milestones`, and so do the migrations that added
the fields (each naming its own, so that a later one never reaches into an earlier migration's
models).
"""

from django.db.models import Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from .constants import TeamRole


def _local_date(moment: str) -> TruncDate:
    return TruncDate(moment, tzinfo=timezone.get_current_timezone())


# field on Case: how it follows from the rows recorded elsewhere
MILESTONES = {
    "casemanager_from": lambda: Min(
        _local_date("team__started_at"), filter=Q(team__team_role=TeamRole.CASEMANAGER)
    ),
    "visited_on": lambda: Min("intake__home_visit_on"),
    "first_meeting_on": lambda: Min(
        _local_date("agenda_items__meeting__starts_at"),
        filter=Q(agenda_items__discussed_at__isnull=False),
    ),
    "plan_discussed_on": lambda: Min("plan__versions__discussions__on"),
    "hours_total": lambda: Sum("time_spent__hours"),
}


def refresh_milestones(cases: QuerySet, fields=tuple(MILESTONES)) -> None:
    """Set the kept fields of `cases` from what is recorded (works on historical models)."""
    cases.update(**{name: _of_each(cases.model, MILESTONES[name]()) for name in fields})


def _of_each(model, aggregate) -> Subquery:
    rows = model.objects.filter(pk=OuterRef("pk")).order_by().values("pk")
    return Subquery(rows.annotate(found=aggregate).values("found")[:1])
