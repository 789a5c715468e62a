"""What parents decide themselves: withdrawing a consent and reacting to the plan."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Action, Decision, require
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record
from vroeghulp.cases.actions import on_open_timelines
from vroeghulp.cases.constants import EventKind, TeamRole
from vroeghulp.cases.models import Case, TimelineEvent
from vroeghulp.cases.states import Phase
from vroeghulp.children.models import Guardian
from vroeghulp.consent.models import Consent
from vroeghulp.plans.constants import Reaction
from vroeghulp.plans.models import ParentReaction, PlanVersion

from .models import Message, SatisfactionAnswer, SatisfactionQuestion

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
            on_open_timelines(
                consent.child,
                None,
                _("Toestemming ingetrokken door %(guardian)s: %(consent)s")
                % {"guardian": guardian, "consent": locked},
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


def send_message_as_parent(case: Case, *, user, body: str) -> Message:
    """A message to the casemanager; the e-mail only says that there is a new message."""
    _guardian(user, case.child)
    body = body.strip()
    if not body:
        raise ValidationError(_("Schrijf eerst uw bericht."))
    with transaction.atomic():
        message = Message.objects.create(case=case, sender=user, from_parent=True, body=body)
        record(event_for(user, PARENT, AuditAction.CREATE, case.child, message))
        recipients = [
            member.user.email
            for member in case.team.filter(
                ended_at__isnull=True, team_role=TeamRole.CASEMANAGER
            ).select_related("user")
        ]
        transaction.on_commit(lambda: _notify(recipients, case))
    return message


def reply_as_professional(case: Case, *, actor, body: str) -> Message:
    decision = require(actor, Action.EDIT, case.child)
    body = body.strip()
    if not body:
        raise ValidationError(_("Schrijf eerst je bericht."))
    with transaction.atomic():
        message = Message.objects.create(case=case, sender=actor, from_parent=False, body=body)
        Message.objects.filter(case=case, from_parent=True, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        record(event_for(actor, decision, AuditAction.CREATE, case.child, message))
        recipients = [
            g.user.email
            for g in case.child.guardians.filter(
                user__isnull=False, has_custody=True
            ).select_related("user")
        ]
        transaction.on_commit(lambda: _notify(recipients, case))
    return message


def _notify(recipients: list[str], case: Case) -> None:
    if not recipients:
        return
    send_mail(
        _("Nieuw bericht in Vroeghulp"),
        _("Er staat een nieuw bericht voor u klaar in Vroeghulp. Log in om het te lezen: %(link)s")
        % {"link": settings.SITE_URL + "/"},
        None,
        recipients,
    )


def answer_satisfaction(case: Case, *, user, scores: dict[int, int]) -> None:
    """The closing questionnaire: once per closed trajectory."""
    _guardian(user, case.child)
    if case.phase not in (Phase.CLOSED, Phase.FOLLOW_UP):
        raise ValidationError(_("De vragenlijst komt als het traject is afgesloten."))
    if SatisfactionAnswer.objects.filter(case=case).exists():
        raise ValidationError(_("U heeft de vragenlijst al ingevuld. Dank u wel."))
    questions = {
        q.pk: q for q in SatisfactionQuestion.objects.filter(network=case.network, active=True)
    }
    if set(scores) != set(questions) or not all(1 <= s <= 5 for s in scores.values()):
        raise ValidationError(_("Beantwoord alle vragen met een cijfer van 1 tot 5."))
    with transaction.atomic():
        SatisfactionAnswer.objects.bulk_create(
            SatisfactionAnswer(case=case, question=questions[pk], score=score)
            for pk, score in scores.items()
        )
        record(
            event_for(user, PARENT, AuditAction.CREATE, case.child, case, {"questionnaire": True})
        )
