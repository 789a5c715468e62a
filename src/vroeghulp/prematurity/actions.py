"""Every change to a premature child's follow-up: checked, in one transaction, on the timeline
and in the audit log."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Action, require
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record
from vroeghulp.cases.actions import ensure_editable
from vroeghulp.cases.models import Case, TimelineEvent
from vroeghulp.concurrency import StaleVersionError

from .constants import HANDOVER, VISIT_DONE, HandoverMode
from .models import PrematureVisit, WarmHandover
from .schedule import planned_moments

MIN_WEEKS, MAX_WEEKS = 22, 44


def record_gestation(case: Case, *, actor, weeks: int, days: int | None) -> Case:
    """The gestational age at birth, when it was not known at registration or was wrong."""
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    if not MIN_WEEKS <= weeks <= MAX_WEEKS or not 0 <= (days or 0) <= 6:
        raise ValidationError(_("Vul een zwangerschapsduur in van 22+0 tot en met 44+6 weken."))
    child = case.child
    with transaction.atomic():
        child.gestational_age_weeks, child.gestational_age_days = weeks, days or 0
        child.save(update_fields=["gestational_age_weeks", "gestational_age_days"])
        TimelineEvent.objects.add(
            case, "premature_gestation", actor=actor, weeks=weeks, days=days or 0
        )
        record(event_for(actor, decision, AuditAction.UPDATE, child, child))
    return case


def plan_schedule(case: Case, *, actor) -> list[PrematureVisit]:
    """The network's moments by corrected age for this child; moments already planned stay."""
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    moments = planned_moments(case)
    if not moments:
        raise ValidationError(
            _(
                "Dit kind valt niet onder de zorg voor prematuur geboren kinderen, of alle "
                "momenten van het schema liggen voor de aanmelding."
            )
        )
    with transaction.atomic():
        known = set(case.premature_visits.values_list("corrected_months", "kind"))
        visits = [
            PrematureVisit(case=case, corrected_months=months, kind=kind, planned_on=planned)
            for months, kind, planned in moments
            if (months, kind) not in known
        ]
        for visit in visits:  # one save each: the work list is kept until its rows change
            visit.save()
        if visits:
            TimelineEvent.objects.add(case, "premature_schedule", actor=actor, n=len(visits))
            record(
                event_for(
                    actor,
                    decision,
                    AuditAction.CREATE,
                    case.child,
                    details={"premature_visits": len(visits)},
                )
            )
    return visits


def record_visit(
    visit: PrematureVisit, *, actor, version: int, done_on: datetime.date, notes: str = ""
) -> PrematureVisit:
    """A consult or home visit of the schedule took place."""
    case = visit.case
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    plausible.check(done_on, VISIT_DONE, *plausible.of_trajectory(case))
    with transaction.atomic():
        current = PrematureVisit.objects.select_for_update().get(pk=visit.pk)
        if current.version != version:
            raise StaleVersionError
        current.done_on, current.done_by, current.notes = done_on, actor, notes.strip()
        current.version += 1
        current.save(update_fields=["done_on", "done_by", "notes", "version"])
        TimelineEvent.objects.add(
            case,
            "premature_visit_done",
            actor=actor,
            kind=current.kind,
            months=current.corrected_months,
        )
        record(event_for(actor, decision, AuditAction.UPDATE, case.child, current))
    return current


def record_handover(
    case: Case,
    *,
    actor,
    on: datetime.date,
    from_name: str,
    to_name: str,
    mode: str,
    from_role: str = "",
    to_role: str = "",
    notes: str = "",
) -> WarmHandover:
    """A warm handover: the one who handed over introduced the next one to the family."""
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    plausible.check(on, HANDOVER, *plausible.of_trajectory(case))
    if not from_name.strip() or not to_name.strip():
        raise ValidationError(_("Vul in wie overdroeg en aan wie."))
    if mode not in HandoverMode.values:
        raise ValidationError(_("Kies hoe de overdracht ging."))
    handover = WarmHandover(
        case=case,
        on=on,
        from_name=from_name.strip(),
        from_role=from_role.strip(),
        to_name=to_name.strip(),
        to_role=to_role.strip(),
        mode=mode,
        notes=notes.strip(),
        recorded_by=actor,
    )
    with transaction.atomic():
        handover.save()
        TimelineEvent.objects.add(
            case,
            "warm_handover",
            actor=actor,
            from_name=handover.from_name,
            to_name=handover.to_name,
        )
        record(event_for(actor, decision, AuditAction.CREATE, case.child, handover))
    return handover
