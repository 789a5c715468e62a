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
from vroeghulp.calendar_months import add_months
from vroeghulp.cases import actions as case_actions
from vroeghulp.cases.models import Case, TimelineEvent
from vroeghulp.cases.states import Phase

from .constants import AskedBy
from .models import CheckIn, FollowUpPlan, FollowUpRequest


def start_follow_up(
    case: Case,
    *,
    actor,
    version: int,
    every_months: int | None = None,
    first_check_on: datetime.date | None = None,
    reason: str = "",
) -> FollowUpPlan:
    """For families where new questions are expected: a rhythm fitted to the family. In a
    network where follow-up runs on request, no rhythm and no check-in are planned: contact
    follows a request (`record_request`)."""
    if case.network.follow_up_on_request:
        every_months = first_check_on = None
    else:
        if every_months is None or not 1 <= every_months <= 24:
            raise ValidationError(_("Kies een ritme tussen 1 en 24 maanden."))
        if first_check_on is None:
            raise ValidationError(_("Vul de datum van de eerste check-in in."))
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
        # on request: the asked contact took place; the next waits for the next request
        plan.next_check_on = add_months(on, plan.every_months) if plan.every_months else None
        plan.reminded_for = None
        plan.save(update_fields=["next_check_on", "reminded_for"])
        if plan.next_check_on:
            TimelineEvent.objects.add(case, "check_in", actor=actor, date=plan.next_check_on)
        else:
            TimelineEvent.objects.add(case, "check_in_on_request", actor=actor)
        record(event_for(actor, decision, AuditAction.CREATE, case.child, check_in))
    return check_in


def record_request(
    case: Case, *, actor, on: datetime.date, asked_by: str, question: str
) -> FollowUpRequest:
    """Follow-up on request: the parents (or the casemanager, or someone else) ask for contact.
    The contact is then due from that day: it stands on the casemanager's work list until a
    check-in records it."""
    decision = require(actor, Action.EDIT, case.child)
    plausible.check(on, plausible.CHECK_IN, *plausible.of_trajectory(case))
    if asked_by not in AskedBy.values:
        raise ValidationError(_("Kies wie om contact vraagt."))
    if not question.strip():
        raise ValidationError(_("Schrijf kort op waar de vraag over gaat."))
    with transaction.atomic():
        plan = FollowUpPlan.objects.select_for_update().filter(case=case, active=True).first()
        if plan is None:
            raise ValidationError(_("Er is geen langdurige begeleiding voor dit kind."))
        request = FollowUpRequest.objects.create(
            case=case, on=on, asked_by=asked_by, question=question.strip(), recorded_by=actor
        )
        if plan.next_check_on is None or on < plan.next_check_on:
            plan.next_check_on = on
            plan.reminded_for = None
            plan.save(update_fields=["next_check_on", "reminded_for"])
        TimelineEvent.objects.add(case, "contact_requested", actor=actor, who=request.asked_by)
        record(event_for(actor, decision, AuditAction.CREATE, case.child, request))
    return request


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
