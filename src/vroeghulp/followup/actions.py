"""Starting long-term follow-up after closing, check-ins, and reopening a trajectory."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Action, require
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record
from vroeghulp.cases import actions as case_actions
from vroeghulp.cases.models import Case, TimelineEvent
from vroeghulp.cases.states import Phase

from .models import CheckIn, FollowUpPlan, add_months


def start_follow_up(
    case: Case,
    *,
    actor,
    version: int,
    every_months: int,
    first_check_on: datetime.date,
    reason: str = "",
) -> FollowUpPlan:
    """For families where new questions are expected: a rhythm fitted to the family."""
    if not 1 <= every_months <= 24:
        raise ValidationError(_("Kies een ritme tussen 1 en 24 maanden."))
    plausible.check(first_check_on, plausible.FIRST_CHECK_IN, plausible.today())
    with transaction.atomic():
        case = case_actions.transition(case, actor=actor, to_phase=Phase.FOLLOW_UP, version=version)
        plan, _created = FollowUpPlan.objects.update_or_create(
            case=case,
            defaults={
                "every_months": every_months,
                "next_check_on": first_check_on,
                "reason": reason.strip(),
                "active": True,
                "reminded_for": None,
            },
        )
    return plan


def record_check_in(
    case: Case, *, actor, on: datetime.date, summary: str, new_question: bool = False
) -> CheckIn:
    decision = require(actor, Action.EDIT, case.child)
    plausible.check(on, plausible.CHECK_IN, *plausible.of_trajectory(case))
    if not summary.strip():
        raise ValidationError(_("Schrijf kort op hoe het gaat."))
    with transaction.atomic():
        plan = FollowUpPlan.objects.select_for_update().filter(case=case, active=True).first()
        if plan is None:
            raise ValidationError(_("Er is geen langdurige begeleiding voor dit kind."))
        check_in = CheckIn.objects.create(
            case=case, on=on, summary=summary.strip(), new_question=new_question, by=actor
        )
        plan.next_check_on = add_months(on, plan.every_months)
        plan.reminded_for = None
        plan.save(update_fields=["next_check_on", "reminded_for"])
        TimelineEvent.objects.add(case, "check_in", actor=actor, date=plan.next_check_on)
        record(event_for(actor, decision, AuditAction.CREATE, case.child, check_in))
    return check_in


def reopen(case: Case, *, actor, version: int, reason: str) -> Case:
    """One action to restart help: back to intake, the follow-up rhythm pauses."""
    if not reason.strip():
        raise ValidationError(_("Schrijf op waarom het traject weer opent."))
    with transaction.atomic():
        case = case_actions.transition(
            case, actor=actor, to_phase=Phase.INTAKE, version=version, reason=reason.strip()
        )
        FollowUpPlan.objects.filter(case=case).update(active=False)
    return case
