"""What parents decide themselves: withdrawing a consent and reacting to the plan."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Decision
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record
from vroeghulp.cases.constants import EventKind
from vroeghulp.cases.models import Case, TimelineEvent
from vroeghulp.cases.states import OPEN_PHASES
from vroeghulp.children.models import Guardian
from vroeghulp.consent.models import Consent
from vroeghulp.plans.constants import Reaction
from vroeghulp.plans.models import ParentReaction, PlanVersion

PARENT = Decision(True, Grounds.PARENT)


def _guardian(user, child) -> Guardian:
    guardian = Guardian.objects.filter(child=child, user=user, has_custody=True).first()
    if guardian is None:
        raise PermissionDenied
    return guardian


def withdraw_own_consent(consent: Consent, *, user) -> Consent:
    """Takes effect at once: nothing more is shared under this consent."""
    guardian = _guardian(user, consent.child)
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is None:
            locked.withdrawn_at = timezone.now()
            locked.withdrawn_by = guardian
            locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
            TimelineEvent.objects.bulk_create(
                TimelineEvent(
                    case=case,
                    kind=EventKind.CONSENT,
                    summary=_("Toestemming ingetrokken door %(guardian)s: %(consent)s")
                    % {"guardian": guardian, "consent": locked},
                )
                for case in Case.objects.filter(child=consent.child, phase__in=OPEN_PHASES)
            )
            record(event_for(user, PARENT, AuditAction.UPDATE, consent.child, locked))
    return locked


def react_to_plan(
    version: PlanVersion, *, user, reaction: str, comment: str = ""
) -> ParentReaction:
    child = version.plan.case.child
    guardian = _guardian(user, child)
    if reaction not in Reaction.values:
        raise ValidationError(_("Kies uw reactie."))
    if reaction != Reaction.AGREE and not comment.strip():
        raise ValidationError(_("Schrijf erbij wat u anders wilt of wat u opvalt."))
    with transaction.atomic():
        answer = ParentReaction.objects.create(
            version=version,
            guardian=guardian,
            reaction=reaction,
            comment=comment.strip(),
            recorded_by=user,
        )
        TimelineEvent.objects.create(
            case=version.plan.case,
            kind=EventKind.PLAN,
            actor=user,
            summary=_("Reactie van %(guardian)s op versie %(n)d: %(r)s")
            % {
                "guardian": guardian,
                "n": version.number,
                "r": answer.get_reaction_display().lower(),
            },
        )
        record(event_for(user, PARENT, AuditAction.CREATE, child, answer))
    return answer
