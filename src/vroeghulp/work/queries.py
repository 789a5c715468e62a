"""What is due, overdue and waiting on others for one professional, from every part of the file.

Deadlines are computed from recorded dates, so the list is right without any scheduled job.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Exists, QuerySet
from django.utils import timezone

from vroeghulp.access.queries import own_cases, own_team_case_ids
from vroeghulp.accounts.constants import Role
from vroeghulp.cases import states
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import InformationRequest
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.id_lists import among
from vroeghulp.meetings.queries import waiting_for_first_meeting
from vroeghulp.paging import first_rows
from vroeghulp.plans.constants import FINISHED_STATUSES
from vroeghulp.plans.models import Arrangement, PlanItem
from vroeghulp.portal.models import DataRequest, DataRequestOutcome
from vroeghulp.prematurity.models import PrematureVisit
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.deadlines import callback_state
from vroeghulp.referrals.models import Registration

SOON_DAYS = 7
# Each to-do section shows its most urgent rows and says how many more there are; "alles
# tonen" shows up to SECTION_ROWS_ALL. The home page lists the most recent of one's own
# trajectories; the case list has them all.
SECTION_ROWS = 10
SECTION_ROWS_ALL = 50
MY_CASES_SHOWN = 10


@dataclass
class WorkList:
    callbacks: list
    not_in_meeting: list
    information_overdue: list
    check_ins_due: list
    evaluations_due: list
    plan_items_due: list
    data_requests: list
    premature_visits_due: list
    my_cases: list
    # Per section: how many rows there are beyond the ones shown
    more: dict = field(default_factory=dict)

    @property
    def more_cases(self) -> bool:
        return bool(self.more.get("my_cases"))

    def cases_shown(self) -> list:
        """Every trajectory the page names once, annotated like `own_cases` for its audit entry.

        The deadline sections come from the user's own teams (`own_team_case_ids`), so their cases
        are on the team as well; they arrive with the rows (no query of their own).
        """
        shown = {case.pk: case for case in self.my_cases + self.not_in_meeting}
        for case in (
            *(row.case for row in self.information_overdue),
            *(row.case for row in self.check_ins_due),
            *(row.plan.case for row in self.evaluations_due),
            *(row.plan.case for row in self.plan_items_due),
            *(row.case for row in self.data_requests),
            *(row.case for row in self.premature_visits_due),
        ):
            if case.pk not in shown:
                case.on_team, case.via_emergency = True, False
                shown[case.pk] = case
        return list(shown.values())


# The sections that are seldom empty; the others are asked first whether they have rows.
USUALLY_FILLED = ("not_in_meeting", "my_cases")


def _with_rows(user, sections: dict[str, QuerySet]) -> list[str]:
    """The sections that may have rows: the deadlines, asked in one query, are empty on most
    days, and each query costs more to build and plan than to run."""
    asked = {name: Exists(rows) for name, rows in sections.items() if name not in USUALLY_FILLED}
    found = get_user_model().objects.filter(pk=user.pk).values(**asked).get()
    return [name for name in sections if found.get(name, name in USUALLY_FILLED)]


def work_for(user, everything: bool = False) -> WorkList:
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=SOON_DAYS)
    limit = SECTION_ROWS_ALL if everything else SECTION_ROWS
    mine_ids = own_team_case_ids(user)
    mine = own_cases(mine_ids)
    coordinator_networks = user.networks_with_role(Role.COORDINATOR)
    sections = {
        "callbacks": Registration.objects.filter(
            network_id__in=coordinator_networks,
            status=Status.NEW,
            called_back_at__isnull=True,
            callback_due_on__lte=soon,
        ).order_by("callback_due_on"),
        "not_in_meeting": waiting_for_first_meeting(user, mine)
        .filter(is_scheduled=False)
        .select_related("child")
        .order_by("opened_at"),
        "information_overdue": InformationRequest.objects.overdue(today)
        .filter(among("case_id", mine_ids))
        .select_related("case", "case__child", "organisation")
        .order_by("due_on"),
        "check_ins_due": FollowUpPlan.objects.filter(
            among("case_id", mine_ids), active=True, next_check_on__lte=soon
        )
        .select_related("case", "case__child")
        .order_by("next_check_on"),
        "evaluations_due": Arrangement.objects.filter(
            among("plan__case_id", mine_ids), evaluated_on__isnull=True, evaluate_on__lte=soon
        )
        .select_related("plan__case", "plan__case__child")
        .order_by("evaluate_on"),
        # one's own advice items with a date: only on one's own teams, so a professional who left
        # the team no longer sees the child
        "plan_items_due": PlanItem.objects.filter(
            among("plan__case_id", mine_ids), responsible=user, due_on__lte=soon
        )
        .exclude(status__in=FINISHED_STATUSES)
        .select_related("plan__case", "plan__case__child")
        .order_by("due_on", "pk"),
        "data_requests": DataRequest.objects.filter(
            among("case_id", mine_ids),
            case__network_id__in=coordinator_networks,
            outcome=DataRequestOutcome.OPEN,
        )
        .select_related("case", "case__child")
        .order_by("due_on"),
        # the schedule of a child born too early: for the casemanager of the trajectory
        "premature_visits_due": PrematureVisit.objects.filter(
            among("case_id", mine_ids),
            case__team__user=user,
            case__team__team_role=TeamRole.CASEMANAGER,
            case__team__ended_at__isnull=True,
            case__phase__in=states.OPEN_PHASES,
            done_on__isnull=True,
            planned_on__lte=soon,
        )
        .select_related("case", "case__child")
        .order_by("planned_on", "pk"),
        "my_cases": mine.filter(phase__in=states.OPEN_PHASES - {states.Phase.FOLLOW_UP})
        .select_related("child", "child__municipality", "child__network")
        .order_by("-opened_at"),
    }
    shown, more = {name: [] for name in sections}, dict.fromkeys(sections, 0)
    for name in _with_rows(user, sections):
        found, in_all = first_rows(sections[name], MY_CASES_SHOWN if name == "my_cases" else limit)
        shown[name], more[name] = found, in_all - len(found)
    shown["callbacks"] = [
        {"registration": r, "deadline": callback_state(r.callback_due_on, r.called_back_at, today)}
        for r in shown["callbacks"]
    ]
    return WorkList(**shown, more=more)
