"""What parents decide and add themselves, and the coordinator's answer to their requests."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import (
    Action,
    Decision,
    coordinator_membership,
    require,
    require_as_parent,
)
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record
from vroeghulp.cases import states
from vroeghulp.cases.actions import consent_params, ensure_editable, lead_role, store_document
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case, Document, TimelineEvent
from vroeghulp.children.constants import CustodyChangeKind, CustodySource
from vroeghulp.children.models import CustodyChange, Guardian
from vroeghulp.concurrency import StaleVersionError
from vroeghulp.consent.actions import add_giving, create_consent, end_by_withdrawal
from vroeghulp.consent.models import Consent
from vroeghulp.letter_language import for_parent, writing_to_parent, writing_to_professionals
from vroeghulp.meetings.models import AgendaItem
from vroeghulp.plans.actions import store_reaction
from vroeghulp.plans.models import ParentReaction, PlanVersion

from .models import (
    DataRequest,
    DataRequestKind,
    DataRequestOutcome,
    Invitation,
    Message,
    SatisfactionAnswer,
    SatisfactionQuestion,
)


def _as_parent(user, child) -> Decision:
    """The policy's decision for a parent's own contribution, carrying their guardian record."""
    return require_as_parent(user, Action.CONTRIBUTE, child)


def give_own_consent(case: Case, *, user, organisation, purpose: str, ends_on=None) -> Consent:
    """A guardian gives a consent themselves; it counts from today. Where a consent for this
    organisation and purpose is open and lacks their giving (the other guardian gave it), they
    add theirs to it; otherwise it is a new consent, given by them alone."""
    child = case.child
    decision = _as_parent(user, child)
    guardian = decision.guardian
    today = timezone.localdate()
    with transaction.atomic():
        open_consent = (
            Consent.objects.select_for_update()
            .filter(child=child, organisation=organisation, purpose=purpose)
            .filter(withdrawn_at__isnull=True)
            .filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=today))
            .exclude(givings__guardian=guardian)
            .order_by("given_on", "pk")
            .first()
        )
        if open_consent is not None:
            consent = open_consent
            add_giving(consent, guardian=guardian, given_on=today, recorded_by=user)
        else:
            if (
                Consent.objects.filter(
                    child=child,
                    organisation=organisation,
                    purpose=purpose,
                    withdrawn_at__isnull=True,
                    givings__guardian=guardian,
                )
                .filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=today))
                .exists()
            ):
                raise ValidationError(_("U heeft hiervoor al toestemming gegeven."))
            consent = create_consent(
                child,
                organisation=organisation,
                purpose=purpose,
                given_by=[guardian],
                given_on=today,
                ends_on=ends_on,
                recorded_by=user,
            )
        TimelineEvent.objects.add_to_open_cases(
            child,
            "consent_given_by",
            actor=user,
            guardian=guardian.full_name,
            **consent_params(consent),
        )
        record(
            event_for(
                user,
                decision,
                AuditAction.UPDATE if open_consent else AuditAction.CREATE,
                child,
                consent,
                {"given_by": guardian.pk},
            )
        )
    return consent


def withdraw_own_consent(consent: Consent, *, user) -> Consent:
    """Takes effect at once: nothing more is shared under this consent. A guardian withdraws
    only a consent they gave themselves, never in the other guardian's name."""
    decision = _as_parent(user, consent.child)
    guardian = decision.guardian
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if not locked.givings.filter(guardian=guardian).exists():
            raise ValidationError(
                _("U kunt alleen een toestemming intrekken die u zelf heeft gegeven.")
            )
        if end_by_withdrawal(locked, guardian):
            TimelineEvent.objects.add_to_open_cases(
                consent.child,
                "consent_withdrawn",
                actor=None,
                guardian=guardian.full_name,
                **consent_params(locked),
            )
            record(event_for(user, decision, AuditAction.UPDATE, consent.child, locked))
    return locked


def react_to_plan(
    version: PlanVersion, *, user, reaction: str, comment: str = ""
) -> ParentReaction:
    decision = _as_parent(user, version.plan.case.child)
    return store_reaction(
        version,
        guardian=decision.guardian,
        reaction=reaction,
        comment=comment,
        recorded_by=user,
        decision=decision,
        missing_comment=_("Schrijf erbij wat u anders wilt of wat u opvalt."),
    )


def send_message_as_parent(case: Case, *, user, body: str) -> Message:
    """A message to the casemanager; the e-mail only says that there is a new message."""
    decision = _as_parent(user, case.child)
    body = body.strip()
    if not body:
        raise ValidationError(_("Schrijf eerst uw bericht."))
    with transaction.atomic():
        message = Message.objects.create(case=case, sender=user, from_parent=True, body=body)
        record(event_for(user, decision, AuditAction.CREATE, case.child, message))
        recipients = [
            member.user.email
            for member in case.team.filter(
                ended_at__isnull=True, team_role=TeamRole.CASEMANAGER
            ).select_related("user")
        ]
        transaction.on_commit(lambda: _notify_professionals(recipients))
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
        recipients = _parents_with_an_account(case)
        transaction.on_commit(lambda: _notify_parents(recipients))
    return message


def _parents_with_an_account(case: Case) -> list[tuple[str, str]]:
    """Address and language of each guardian with custody who has an account."""
    guardians = case.child.guardians.filter(user__isnull=False, has_custody=True)
    return [
        (g.user.email, for_parent(g.preferred_language, g.user))
        for g in guardians.select_related("user")
    ]


def _notify_parents(recipients: list[tuple[str, str]]) -> None:
    """Each parent in their own language."""
    for email, language in recipients:
        with translation.override(language):
            _notify([email])


def _notify_professionals(recipients: list[str]) -> None:
    with writing_to_professionals():
        _notify(recipients)


def _notify(recipients: list[str]) -> None:
    if not recipients:
        return
    send_mail(
        _("Nieuw bericht in Vroeghulp"),
        _("Er staat een nieuw bericht voor u klaar in Vroeghulp. Log in om het te lezen: %(link)s")
        % {"link": settings.SITE_URL + "/"},
        None,
        recipients,
    )


def questionnaire_open(case: Case) -> bool:
    """The closing questionnaire waits for the parents: the trajectory ended and it was not
    answered yet (once per trajectory)."""
    return (
        states.has_ended(case.phase) and not SatisfactionAnswer.objects.filter(case=case).exists()
    )


def answer_satisfaction(case: Case, *, user, scores: dict[int, int]) -> None:
    """The closing questionnaire: once per closed trajectory."""
    decision = _as_parent(user, case.child)
    if not states.has_ended(case.phase):
        raise ValidationError(_("De vragenlijst komt als het traject is afgesloten."))
    if not questionnaire_open(case):
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
            event_for(user, decision, AuditAction.CREATE, case.child, case, {"questionnaire": True})
        )


def choose_meeting_attendance(item: AgendaItem, *, user, attend: bool) -> AgendaItem:
    """The parents decide themselves whether they join the team meeting about their child."""
    case = item.case
    decision = _as_parent(user, case.child)
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
        if locked.discussed_at is not None or locked.meeting.starts_at <= timezone.now():
            raise ValidationError(_("Dit overleg is al geweest."))
        locked.parents_attend = attend
        locked.version += 1
        locked.save(update_fields=["parents_attend", "version"])
        name = "parents_attend" if attend else "parents_stay_away"
        day = timezone.localtime(locked.meeting.starts_at).date()
        TimelineEvent.objects.add(case, name, actor=user, date=day)
        record(event_for(user, decision, AuditAction.UPDATE, case.child, locked))
    return locked


CONTACT_FIELDS = ("email", "phone", "preferred_language")


def correct_contact_details(guardian: Guardian, *, user, version: int, **details) -> Guardian:
    """A parent corrects their own contact details; a stale form is refused, not overwritten."""
    decision = _as_parent(user, guardian.child)
    if guardian.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        locked = Guardian.objects.select_for_update().get(pk=guardian.pk)
        if locked.version != version:
            raise StaleVersionError
        changed = [f for f in CONTACT_FIELDS if getattr(locked, f) != details[f].strip()]
        if not changed:
            return locked
        for name in changed:
            setattr(locked, name, details[name].strip())
        locked.version += 1
        locked.save(update_fields=[*changed, "version"])
        TimelineEvent.objects.add_to_open_cases(
            locked.child, "contact_details_changed", actor=user, guardian=locked.full_name
        )
        record(
            event_for(user, decision, AuditAction.UPDATE, locked.child, locked, {"fields": changed})
        )
    return locked


# AVG art. 12(3): answer within one month of receipt.
ANSWER_WITHIN_DAYS = 30


def request_data_change(case: Case, *, user, kind: str, text: str) -> DataRequest:
    """A formal request to correct or delete data; the coordinators are told, not what it says."""
    decision = _as_parent(user, case.child)
    if kind not in DataRequestKind.values:
        raise ValidationError(_("Kies wat u wilt: verbeteren of verwijderen."))
    if not text.strip():
        raise ValidationError(_("Schrijf erbij om welke gegevens het gaat."))
    received = timezone.now()
    with transaction.atomic():
        data_request = DataRequest.objects.create(
            case=case,
            kind=kind,
            text=text.strip(),
            requested_by=user,
            received_at=received,
            due_on=timezone.localdate(received) + datetime.timedelta(days=ANSWER_WITHIN_DAYS),
        )
        TimelineEvent.objects.add(case, "data_request_received", actor=user, kind=data_request.kind)
        record(event_for(user, decision, AuditAction.CREATE, case.child, data_request))
        recipients = [
            member.user.email
            for member in case.team.filter(
                ended_at__isnull=True, team_role=TeamRole.COORDINATOR
            ).select_related("user")
        ]
        transaction.on_commit(lambda: _notify_request(recipients))
    return data_request


def _notify_request(recipients: list[str]) -> None:
    if recipients:
        with writing_to_professionals():
            _send_request_notice(recipients)


def _send_request_notice(recipients: list[str]) -> None:
    send_mail(
        _("Nieuw verzoek van ouders in Vroeghulp"),
        _("Ouders hebben een verzoek over hun gegevens ingediend. Zie Mijn werk: %(link)s")
        % {"link": settings.SITE_URL + "/"},
        None,
        recipients,
    )


def answer_data_request(
    data_request: DataRequest, *, actor, outcome: str, response: str
) -> DataRequest:
    """The coordinator records what was done and tells the parents why, in the portal."""
    case = data_request.case
    decision = require(actor, Action.EDIT, case.child)
    coordinator_membership(actor, case.network_id)
    if outcome not in DataRequestOutcome.values or outcome == DataRequestOutcome.OPEN:
        raise ValidationError(_("Kies de uitkomst van het verzoek."))
    if not response.strip():
        raise ValidationError(_("Schrijf de ouders wat er met hun verzoek is gedaan en waarom."))
    with transaction.atomic():
        locked = DataRequest.objects.select_for_update().get(pk=data_request.pk)
        if locked.outcome != DataRequestOutcome.OPEN:
            raise StaleVersionError
        locked.outcome = outcome
        locked.response = response.strip()
        locked.handled_by = actor
        locked.handled_at = timezone.now()
        locked.save(update_fields=["outcome", "response", "handled_by", "handled_at"])
        TimelineEvent.objects.add(
            case, "data_request_answered", actor=actor, outcome=locked.outcome
        )
        record(event_for(actor, decision, AuditAction.UPDATE, case.child, locked))
        recipients = _parents_with_an_account(case)
        transaction.on_commit(lambda: _notify_parents(recipients))
    return locked


def upload_as_parent(case: Case, *, user, upload, title: str) -> Document:
    """A document, photo or video from the parents, checked like every upload, for the team."""
    decision = _as_parent(user, case.child)
    return store_document(
        case,
        upload=upload,
        title=title,
        kind="",
        source=None,
        uploaded_by=user,
        decision=decision,
        event="parents_document_added",
    )


# An invitation link works this long; a new one can always be sent.
INVITATION_DAYS = 14


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _invitation_decision(case: Case, actor) -> Decision:
    """The casemanager or coordinator on the case invites; other team members do not."""
    decision = require(actor, Action.EDIT, case.child)
    if lead_role(case, actor) not in (TeamRole.COORDINATOR, TeamRole.CASEMANAGER):
        raise PermissionDenied
    return decision


def invite_guardian(case: Case, guardian: Guardian, *, actor, email: str) -> tuple[Invitation, str]:
    """Send a guardian with custody a one-time link to the portal; returns the invitation and
    the link's token (never stored: only its hash is)."""
    decision = _invitation_decision(case, actor)
    if guardian.child_id != case.child_id:
        raise PermissionDenied
    if not guardian.has_custody:
        raise ValidationError(_("Alleen een ouder of verzorger met gezag kan worden uitgenodigd."))
    if guardian.user_id is not None:
        raise ValidationError(
            _("%(name)s heeft al toegang tot het ouderportaal.") % {"name": guardian.full_name}
        )
    email = email.strip()
    with transaction.atomic():
        locked = Guardian.objects.select_for_update().get(pk=guardian.pk)
        Invitation.objects.open().filter(guardian=locked).update(withdrawn_at=timezone.now())
        token = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(
            guardian=locked,
            email=email,
            token_hash=invitation_token_hash(token),
            created_by=actor,
            expires_at=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
        )
        if not locked.email:
            locked.email = email
            locked.version += 1
            locked.save(update_fields=["email", "version"])
        TimelineEvent.objects.add(case, "invited", actor=actor, guardian=locked.full_name)
        record(event_for(actor, decision, AuditAction.CREATE, case.child, invitation))
        preferred = locked.preferred_language
        transaction.on_commit(lambda: _send_invitation(email, token, case, preferred))
    return invitation, token


def resend_invitation(case: Case, invitation: Invitation, *, actor) -> tuple[Invitation, str]:
    """A new link (the old one stops working) and a new validity period."""
    decision = _invitation_decision(case, actor)
    if invitation.guardian.child_id != case.child_id:
        raise PermissionDenied
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None or locked.withdrawn_at is not None:
            raise ValidationError(_("Deze uitnodiging is al gebruikt of ingetrokken."))
        token = secrets.token_urlsafe(32)
        now = timezone.now()
        locked.token_hash = invitation_token_hash(token)
        locked.expires_at = now + datetime.timedelta(days=INVITATION_DAYS)
        locked.sent_count += 1
        locked.last_sent_at = now
        locked.save(update_fields=["token_hash", "expires_at", "sent_count", "last_sent_at"])
        record(event_for(actor, decision, AuditAction.UPDATE, case.child, locked, {"resent": True}))
        email, preferred = locked.email, locked.guardian.preferred_language
        transaction.on_commit(lambda: _send_invitation(email, token, case, preferred))
    return locked, token


def withdraw_invitation(case: Case, invitation: Invitation, *, actor) -> Invitation:
    decision = _invitation_decision(case, actor)
    if invitation.guardian.child_id != case.child_id:
        raise PermissionDenied
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is None and locked.withdrawn_at is None:
            locked.withdrawn_at = timezone.now()
            locked.save(update_fields=["withdrawn_at"])
            record(
                event_for(
                    actor, decision, AuditAction.UPDATE, case.child, locked, {"withdrawn": True}
                )
            )
    return locked


def open_invitation(token: str) -> Invitation | None:
    """The invitation this link belongs to, while it can still be used."""
    return (
        Invitation.objects.open()
        .select_related("guardian", "guardian__child")
        .filter(token_hash=invitation_token_hash(token))
        .first()
    )


def accept_invitation(invitation: Invitation, *, user) -> Guardian:
    """The first login through the link: the account proved it controls the invited address
    (an e-mail code sent there, or the identity provider's verified address); from now on it
    is this guardian's own way into the portal."""
    if user.email.strip().lower() != invitation.email.strip().lower():
        raise PermissionDenied
    with transaction.atomic():
        locked = (
            Invitation.objects.select_for_update().select_related("guardian").get(pk=invitation.pk)
        )
        guardian = Guardian.objects.select_for_update().get(pk=locked.guardian_id)
        if not locked.is_open or not guardian.has_custody or guardian.user_id is not None:
            raise ValidationError(_("Deze uitnodiging is niet (meer) geldig."))
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by"])
        guardian.user = user
        guardian.save(update_fields=["user"])
        child = guardian.child
        decision = require_as_parent(user, Action.VIEW, child)
        TimelineEvent.objects.add_to_open_cases(
            child, "first_login", actor=user, guardian=guardian.full_name
        )
        record(event_for(user, decision, AuditAction.UPDATE, child, locked, {"accepted": True}))
    return guardian


def _send_invitation(email: str, token: str, case: Case, preferred: str) -> None:
    link = settings.SITE_URL + reverse("portal:invitation", args=[token])
    with writing_to_parent(preferred):
        _send_invitation_mail(email, link, case)


def _send_invitation_mail(email: str, link: str, case: Case) -> None:
    send_mail(
        _("Uitnodiging voor het ouderportaal van Vroeghulp"),
        _(
            "U bent uitgenodigd voor het ouderportaal van %(network)s. Daar ziet u hoe het gaat, "
            "leest u het adviesplan en geeft u zelf toestemming. Open deze link binnen "
            "%(days)d dagen: %(link)s\n\nKent u ons niet? Dan kunt u deze e-mail negeren."
        )
        % {"network": case.network.name, "days": INVITATION_DAYS, "link": link},
        None,
        [email],
    )


def record_custody_change(
    case: Case,
    guardian: Guardian,
    *,
    actor,
    change: str,
    effective_on: datetime.date,
    source: str,
    note: str = "",
) -> CustodyChange:
    """Record that a guardian gained or lost custody (gezag), kept as history.

    It changes who may act for the child at once: a guardian who lost custody no longer gets
    into the portal for this child (`decide_as_parent`), can no longer give or withdraw a
    consent, and their open invitations are withdrawn; their earlier consents no longer count
    (see `consent/completeness.py`), so the remaining guardian is asked. A guardian who gained
    custody can be invited, and for a consent that needs every guardian with custody their
    giving is needed from now on. The casemanager or coordinator on the case records it.
    """
    decision = _invitation_decision(case, actor)
    ensure_editable(case)
    if guardian.child_id != case.child_id:
        raise PermissionDenied
    if change not in CustodyChangeKind.values:
        raise ValidationError(_("Kies of het gezag is gekregen of verloren."))
    if source not in CustodySource.values:
        raise ValidationError(_("Kies de bron van de wijziging."))
    plausible.check(effective_on, plausible.CUSTODY, plausible.birth(case.child.date_of_birth))
    with transaction.atomic():
        locked = Guardian.objects.select_for_update().get(pk=guardian.pk)
        gains = change == CustodyChangeKind.GAINED
        if locked.has_custody == gains:
            raise ValidationError(
                _("%(name)s heeft al gezag.") % {"name": locked.full_name}
                if gains
                else _("%(name)s heeft al geen gezag.") % {"name": locked.full_name}
            )
        custody_change = CustodyChange.objects.create(
            guardian=locked,
            change=change,
            effective_on=effective_on,
            source=source,
            note=note.strip(),
            recorded_by=actor,
        )
        locked.has_custody = gains
        locked.version += 1
        locked.save(update_fields=["has_custody", "version"])
        if not gains:
            Invitation.objects.open().filter(guardian=locked).update(withdrawn_at=timezone.now())
        TimelineEvent.objects.add_to_open_cases(
            case.child,
            "custody_gained" if gains else "custody_lost",
            actor=actor,
            guardian=locked.full_name,
            date=effective_on,
            source=source,
        )
        record(event_for(actor, decision, AuditAction.CREATE, case.child, custody_change))
    return custody_change
