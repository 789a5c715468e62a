"""What is due, overdue and waiting on others for one professional, from every part of the file.

Deadlines are computed from recorded dates, so the list is right without any scheduled job.
"""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from vroeghulp.access.queries import own_cases
from vroeghulp.accounts.constants import Role
from vroeghulp.cases import states
from vroeghulp.cases.constants import RequestStatus
from vroeghulp.cases.models import InformationRequest
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.meetings.queries import waiting_for_first_meeting
from vroeghulp.plans.models import Arrangement
from vroeghulp.portal.models import DataRequest, DataRequestOutcome
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.deadlines import callback_state
from vroeghulp.referrals.models import Registration

SOON_DAYS = 7
# The home page lists the most recent of one's own trajectories; the case list has them all.
MY_CASES_SHOWN = 25


@dataclass
class WorkList:
    callbacks: list
    not_in_meeting: list
    information_overdue: list
    check_ins_due: list
    evaluations_due: list
    data_requests: list
    my_cases: list
    more_cases: bool = False
    # The user's own cases (ids selected once), for whatever else needs them in the same request
    own: QuerySet | None = None


def work_for(user) -> WorkList:
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=SOON_DAYS)
    mine = own_cases(user)
    mine_ids = mine.values("pk")
    coordinator_networks = user.networks_with_role(Role.COORDINATOR)
    callbacks = [
        {"registration": r, "deadline": callback_state(r.callback_due_on, r.called_back_at, today)}
        for r in Registration.objects.filter(
            network_id__in=coordinator_networks,
            status=Status.NEW,
            called_back_at__isnull=True,
            callback_due_on__lte=soon,
        ).order_by("callback_due_on")[:50]
    ]
    not_in_meeting = list(
        waiting_for_first_meeting(user, mine)
        .filter(is_scheduled=False)
        .select_related("child")
        .order_by("opened_at")[:50]
    )
    information_overdue = list(
        InformationRequest.objects.filter(
            case__in=mine_ids, status=RequestStatus.REQUESTED, due_on__lt=today
        )
        .select_related("case", "case__child", "organisation")
        .order_by("due_on")[:50]
    )
    check_ins_due = list(
        FollowUpPlan.objects.filter(case__in=mine_ids, active=True, next_check_on__lte=soon)
        .select_related("case", "case__child")
        .order_by("next_check_on")[:50]
    )
    evaluations_due = list(
        Arrangement.objects.filter(
            plan__case__in=mine_ids, evaluated_on__isnull=True, evaluate_on__lte=soon
        )
        .select_related("plan__case", "plan__case__child")
        .order_by("evaluate_on")[:50]
    )
    data_requests = list(
        DataRequest.objects.filter(
            case__in=mine_ids,
            case__network_id__in=coordinator_networks,
            outcome=DataRequestOutcome.OPEN,
        )
        .select_related("case", "case__child")
        .order_by("due_on")[:50]
    )
    my_cases = list(
        mine.filter(phase__in=states.OPEN_PHASES - {states.Phase.FOLLOW_UP})
        .select_related("child", "child__municipality")
        .order_by("-opened_at")[: MY_CASES_SHOWN + 1]
    )
    return WorkList(
        callbacks,
        not_in_meeting,
        information_overdue,
        check_ins_due,
        evaluations_due,
        data_requests,
        my_cases[:MY_CASES_SHOWN],
        more_cases=len(my_cases) > MY_CASES_SHOWN,
        own=mine,
    )
