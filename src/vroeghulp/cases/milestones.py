"""Dates a trajectory has passed that the monitoring counts by, kept on the trajectory itself.

The first casemanager, the first team meeting that discussed the child and the first
conversation about the plan with the parents are recorded elsewhere (team, agenda items, plan
discussions). The dashboard needs them for
every trajectory in a period; reading them off the trajectory's own row saves joining meetings
and plans for tens of thousands of trajectories at a national scale. The actions that record
these events call `refresh_milestones`, and so do the migrations that added the fields.
"""

from django.db.models import Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from .constants import TeamRole


def refresh_milestones(cases: QuerySet) -> None:
    """Set the milestone dates of `cases` from what is recorded (works on historical models)."""
    local = timezone.get_current_timezone()
    cases.update(
        casemanager_from=_first(
            cases.model,
            TruncDate("team__started_at", tzinfo=local),
            Q(team__team_role=TeamRole.CASEMANAGER),
        ),
        first_meeting_on=_first(
            cases.model,
            TruncDate("agenda_items__meeting__starts_at", tzinfo=local),
            Q(agenda_items__discussed_at__isnull=False),
        ),
        plan_discussed_on=_first(cases.model, "plan__versions__discussions__on"),
    )


def _first(model, moment, only: Q | None = None) -> Subquery:
    rows = model.objects.filter(pk=OuterRef("pk")).order_by().values("pk")
    return Subquery(rows.annotate(first=Min(moment, filter=only)).values("first")[:1])
