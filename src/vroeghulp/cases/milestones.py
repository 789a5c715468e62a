"""Dates a trajectory has passed that the monitoring counts by, kept on the trajectory itself.

The first casemanager, the home visit, the first team meeting that discussed the child and the
first conversation about the plan with the parents are recorded elsewhere (team, intake, agenda
items, plan discussions). The dashboard needs them for every trajectory in a period; reading
them off the trajectory's own row saves joining those tables for tens of thousands of
trajectories at a national scale. The actions that record these events call
`refresh_milestones`, and so do the migrations that added the fields (each naming its own, so
that a later milestone never reaches into an earlier migration's models).
"""

from django.db.models import Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from .constants import TeamRole


def _local_date(moment: str) -> TruncDate:
    return TruncDate(moment, tzinfo=timezone.get_current_timezone())


# milestone field on Case: (the earliest of what, among which rows)
MILESTONES = {
    "casemanager_from": (
        lambda: _local_date("team__started_at"),
        Q(team__team_role=TeamRole.CASEMANAGER),
    ),
    "visited_on": (lambda: "intake__home_visit_on", None),
    "first_meeting_on": (
        lambda: _local_date("agenda_items__meeting__starts_at"),
        Q(agenda_items__discussed_at__isnull=False),
    ),
    "plan_discussed_on": (lambda: "plan__versions__discussions__on", None),
}


def refresh_milestones(cases: QuerySet, fields=tuple(MILESTONES)) -> None:
    """Set the milestone dates of `cases` from what is recorded (works on historical models)."""
    cases.update(**{name: _first(cases.model, *MILESTONES[name]) for name in fields})


def _first(model, moment, only: Q | None) -> Subquery:
    rows = model.objects.filter(pk=OuterRef("pk")).order_by().values("pk")
    return Subquery(rows.annotate(first=Min(moment(), filter=only)).values("first")[:1])
