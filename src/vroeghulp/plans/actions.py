"""Writing the plan, issuing immutable versions, the parents' reactions, and sharing."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Action, Decision, require
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record
from vroeghulp.cases.actions import ensure_editable
from vroeghulp.cases.milestones import refresh_milestones
from vroeghulp.cases.models import Case, TeamMember, TimelineEvent
from vroeghulp.concurrency import StaleVersionError
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent
from vroeghulp.socialmap import picking

from . import pdf, snapshot
from .constants import Reaction
from .due_dates import due_date_error
from .models import (
    Arrangement,
    Discussion,
    ParentReaction,
    Plan,
    PlanItem,
    PlanItemStatusChange,
    PlanVersion,
    Share,
)


def start_plan(case: Case, *, actor) -> Plan:
    decision = require(actor, Action.EDIT, case.child)
    with transaction.atomic():
        plan, created = Plan.objects.get_or_create(case=case)
        if created:
            record(event_for(actor, decision, AuditAction.CREATE, case.child, plan))
    return plan


def _locked_draft(plan: Plan, actor, version: int):
    decision = require(actor, Action.EDIT, plan.case.child)
    ensure_editable(plan.case)
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.version != version:
        raise StaleVersionError
    locked.version += 1
    locked.save(update_fields=["version", "updated_at"])
    return locked, decision


def save_introduction(plan: Plan, *, actor, version: int, introduction: str) -> Plan:
    with transaction.atomic():
        locked, decision = _locked_draft(plan, actor, version)
        locked.introduction = introduction.strip()
        locked.save(update_fields=["introduction"])
        record(event_for(actor, decision, AuditAction.UPDATE, plan.case.child, locked))
    return locked


def save_item(
    plan: Plan, *, actor, version: int, item: PlanItem | None = None, **fields
) -> PlanItem:
    """Add an advice item, or change one; both count as an edit of the draft.

    A new item's first status and every later change of status is kept as a row with its date
    and author, so the parents see since when an item stands as it does.
    """
    if not fields.get("advice", "").strip():
        raise ValidationError(_("Schrijf het advies op."))
    error = due_date_error(plan.case, fields.get("due_on"))
    if error:
        raise ValidationError(error)
    responsible = fields.get("responsible")
    if responsible is not None and not _on_current_team(plan.case, responsible):
        raise ValidationError(_("Kies als verantwoordelijke iemand uit het team van dit kind."))
    with transaction.atomic():
        _locked, decision = _locked_draft(plan, actor, version)
        if item is None:
            last = plan.items.aggregate(last=Max("position"))["last"] or 0
            item = PlanItem(plan=plan, position=last + 1)
            audit_action = AuditAction.CREATE
            old_status, old_due_on = None, None
        else:
            if item.plan_id != plan.pk:
                raise ValidationError(_("Dit advies hoort niet bij dit plan."))
            # read again under the draft's lock: the status compared is the one that stands
            item = PlanItem.objects.get(pk=item.pk)
            audit_action = AuditAction.UPDATE
            old_status, old_due_on = item.status, item.due_on
        if "social_map_entry" in fields:
            previous = item.social_map_entry if item.pk else None
            picking.check_pick(plan.case, fields["social_map_entry"], previous)
        for name, value in fields.items():
            setattr(item, name, value.strip() if isinstance(value, str) else value)
        now = timezone.now()
        status_changed = item.status != old_status
        if status_changed:
            item.status_changed_at = now
        if item.due_on != old_due_on:
            item.reminded_on = None  # a new date, a new reminder
        item.save()
        if status_changed:
            PlanItemStatusChange.objects.create(item=item, status=item.status, at=now, by=actor)
        record(event_for(actor, decision, audit_action, plan.case.child, item))
    return item


def _on_current_team(case: Case, user) -> bool:
    return TeamMember.objects.filter(case=case, user=user, ended_at__isnull=True).exists()


def remove_item(plan: Plan, *, actor, version: int, item: PlanItem) -> None:
    with transaction.atomic():
        _locked, decision = _locked_draft(plan, actor, version)
        record(event_for(actor, decision, AuditAction.DELETE, plan.case.child, item))
        item.delete()


def issue_version(plan: Plan, *, actor, version: int) -> PlanVersion:
    """Freeze the draft as a version for the parents: snapshot, PDF and its hash, the changes."""
    if not plan.items.exists():
        raise ValidationError(_("Een plan zonder adviezen kan niet worden uitgegeven."))
    with transaction.atomic():
        _locked, decision = _locked_draft(plan, actor, version)
        content = snapshot.snapshot(plan)
        previous = plan.versions.order_by("-number").first()
        number = (plan.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        document = pdf.render_pdf(content, number, plan.case.network)
        issued = PlanVersion(
            plan=plan,
            number=number,
            content=content,
            changes=snapshot.changes(previous, content),
            pdf_sha256=hashlib.sha256(document).hexdigest(),
            issued_by=actor,
        )
        issued.pdf.save("plan.pdf", ContentFile(document), save=False)
        issued.save()
        TimelineEvent.objects.add(plan.case, "plan_issued", actor=actor, n=number)
        record(event_for(actor, decision, AuditAction.CREATE, plan.case.child, issued))
    return issued


def record_discussion(version: PlanVersion, *, actor, on, how: str) -> Discussion:
    """The oral explanation to the parents, recorded apart from sending the plan."""
    case = version.plan.case
    decision = require(actor, Action.EDIT, case.child)
    plausible.check(
        on,
        plausible.DISCUSSION,
        *plausible.of_trajectory(case),
        plausible.after(version.issued_at, _("versie gemaakt")),
    )
    with transaction.atomic():
        discussion = Discussion.objects.create(version=version, on=on, how=how, recorded_by=actor)
        refresh_milestones(Case.objects.filter(pk=case.pk), fields=["plan_discussed_on"])
        TimelineEvent.objects.add(case, "plan_discussed", actor=actor, n=version.number)
        record(event_for(actor, decision, AuditAction.CREATE, case.child, discussion))
    return discussion


def record_reaction(
    version: PlanVersion, *, actor, guardian, reaction: str, comment: str = ""
) -> ParentReaction:
    """The team writes down a reaction the parents gave in person or by phone."""
    case = version.plan.case
    decision = require(actor, Action.EDIT, case.child)
    if guardian.child_id != case.child_id:
        raise ValidationError(_("Alleen een ouder of verzorger van dit kind kan reageren."))
    return store_reaction(
        version,
        guardian=guardian,
        reaction=reaction,
        comment=comment,
        recorded_by=actor,
        decision=decision,
        missing_comment=_("Schrijf de opmerkingen van de ouders op."),
    )


def store_reaction(
    version: PlanVersion,
    *,
    guardian,
    reaction: str,
    comment: str,
    recorded_by,
    decision: Decision,
    missing_comment: str,
) -> ParentReaction:
    """The one rule for a reaction to a plan version, whoever records it (the parents in the
    portal, or the team for them): a known reaction, and a comment unless they agree."""
    if reaction not in Reaction.values:
        raise ValidationError(_("Kies de reactie."))
    if reaction != Reaction.AGREE and not comment.strip():
        raise ValidationError(missing_comment)
    case = version.plan.case
    with transaction.atomic():
        answer = ParentReaction.objects.create(
            version=version,
            guardian=guardian,
            reaction=reaction,
            comment=comment.strip(),
            recorded_by=recorded_by,
        )
        TimelineEvent.objects.add(
            case,
            "plan_reaction",
            actor=recorded_by,
            guardian=guardian.full_name,
            n=version.number,
            reaction=answer.reaction,
        )
        record(event_for(recorded_by, decision, AuditAction.CREATE, case.child, answer))
    return answer


def share_version(version: PlanVersion, *, actor, organisation) -> Share:
    """Give another organisation the plan: only with the parents' consent to share the plan."""
    case = version.plan.case
    decision = require(actor, Action.EXPORT, case.child)
    if organisation.network_id != case.network_id:
        raise ValidationError(_("Deze organisatie hoort niet bij het netwerk."))
    consent = (
        Consent.objects.in_force()
        .filter(child=case.child, organisation=organisation, purpose=Purpose.SHARE_PLAN)
        .first()
    )
    if consent is None:
        raise ValidationError(
            _("De ouders hebben geen toestemming gegeven om het plan te delen met %(org)s.")
            % {"org": organisation}
        )
    with transaction.atomic():
        share = Share.objects.create(
            version=version, organisation=organisation, consent=consent, shared_by=actor
        )
        TimelineEvent.objects.add(
            case, "plan_shared", actor=actor, n=version.number, org=organisation.name
        )
        grounds = Decision(True, decision.grounds, consent.pk, decision.membership)
        record(event_for(actor, grounds, AuditAction.EXPORT, case.child, version))
    return share


def save_arrangement(
    plan: Plan,
    *,
    actor,
    setting: str,
    needs: str,
    agreed_with_parents: bool,
    starts_on,
    evaluate_on,
) -> Arrangement:
    decision = require(actor, Action.EDIT, plan.case.child)
    born = plausible.birth(plan.case.child.date_of_birth)
    plausible.check(starts_on, plausible.ARRANGEMENT_START, born)
    plausible.check(evaluate_on, plausible.ARRANGEMENT_EVALUATION, born)
    if evaluate_on <= starts_on:
        raise ValidationError(_("De evaluatie ligt na de start."))
    with transaction.atomic():
        arrangement, created = Arrangement.objects.update_or_create(
            plan=plan,
            defaults={
                "setting": setting.strip(),
                "needs": needs.strip(),
                "agreed_with_parents": agreed_with_parents,
                "starts_on": starts_on,
                "evaluate_on": evaluate_on,
            },
        )
        TimelineEvent.objects.add(
            plan.case,
            "arrangement",
            actor=actor,
            setting=arrangement.setting,
            date=evaluate_on,
        )
        action = AuditAction.CREATE if created else AuditAction.UPDATE
        record(event_for(actor, decision, action, plan.case.child, arrangement))
    return arrangement


def evaluation_since(arrangement: Arrangement) -> tuple[plausible.Limit, plausible.Limit]:
    """An evaluation follows the arrangement's start (which follows the child's birth)."""
    return (
        plausible.birth(arrangement.plan.case.child.date_of_birth),
        plausible.after(arrangement.starts_on, _("start arrangement")),
    )


def evaluate_arrangement(
    arrangement: Arrangement, *, actor, evaluated_on, evaluation: str
) -> Arrangement:
    decision = require(actor, Action.EDIT, arrangement.plan.case.child)
    plausible.check(evaluated_on, plausible.EVALUATION, *evaluation_since(arrangement))
    if not evaluation.strip():
        raise ValidationError(_("Schrijf de uitkomst van de evaluatie op."))
    with transaction.atomic():
        arrangement.evaluated_on = evaluated_on
        arrangement.evaluation = evaluation.strip()
        arrangement.save(update_fields=["evaluated_on", "evaluation"])
        record(
            event_for(actor, decision, AuditAction.UPDATE, arrangement.plan.case.child, arrangement)
        )
    return arrangement
