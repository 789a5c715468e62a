"""Every change to a trajectory: checked, written in one transaction, on the timeline and logged."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import event_for, registration_event
from vroeghulp.access.policy import (
    CARE_ROLES,
    Action,
    Decision,
    coordinator_membership,
    decide,
    require,
)
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record
from vroeghulp.children.actions import GuardianData, link_family, register_child
from vroeghulp.children.constants import FamilyLinkKind, FamilyLinkSource
from vroeghulp.children.models import Child, FamilyLink
from vroeghulp.concurrency import StaleVersionError
from vroeghulp.consent import actions as consent_actions
from vroeghulp.consent.models import Consent, ConsentGiving
from vroeghulp.networks.constants import OrganisationKind
from vroeghulp.networks.models import Network, Organisation, TeamTier
from vroeghulp.referrals import actions as referral_actions
from vroeghulp.referrals import notifications
from vroeghulp.referrals.constants import Status as RegistrationStatus
from vroeghulp.referrals.models import EarlierExamination, Registration
from vroeghulp.socialmap import picking

from . import states
from .constants import (
    ClosingReason,
    DocumentKind,
    RequestStatus,
    SupportResponse,
    TeamRole,
)
from .duplicates import family_candidates_for
from .milestones import refresh_milestones
from .models import (
    Case,
    Closure,
    Contact,
    Delay,
    Document,
    FamilySupport,
    Goal,
    InformationRequest,
    Intake,
    Note,
    PhaseTransition,
    ReferralOut,
    TeamMember,
    TierChoice,
    TimelineEvent,
    TimeSpent,
)
from .uploads import check_upload


def ensure_editable(case: Case) -> None:
    """A closed trajectory is read-only (contacts, hours, notes, documents, intake, plan) until
    it is reopened with `reopen`."""
    if not states.is_editable(case.phase):
        raise ValidationError(
            _(
                "Dit traject is afgesloten. Heropen het eerst als er nog iets moet worden "
                "vastgelegd."
            )
        )


def lead_role(case: Case, actor) -> str | None:
    """The actor's strongest role for moving this case (triage counts as coordinator).

    Remembered on the case object, which lives for one request: pages ask it more than once.
    """
    remembered = case.__dict__.setdefault("_lead_roles", {})
    if actor.pk not in remembered:
        remembered[actor.pk] = _lead_role(case, actor)
    return remembered[actor.pk]


def active_team(case: Case) -> list[TeamMember]:
    """The case's current team with their users; remembered on the case object like lead_role."""
    if "_active_team" not in case.__dict__:
        case._active_team = list(
            TeamMember.objects.filter(case=case, ended_at__isnull=True).select_related("user")
        )
    return case._active_team


def _lead_role(case: Case, actor) -> str | None:
    roles = {member.team_role for member in active_team(case) if member.user_id == actor.pk}
    if not roles and decide(actor, Action.EDIT, case.child).grounds == Grounds.TRIAGE:
        return TeamRole.COORDINATOR
    return next((r for r in (TeamRole.COORDINATOR, TeamRole.CASEMANAGER) if r in roles), None)


def open_case(*, network: Network, child: Child, actor, opened_at=None) -> Case:
    """Start a trajectory for a registered child; the registration enters triage."""
    coordinator = coordinator_membership(actor, network.pk)
    if child.network_id != network.pk:
        raise PermissionDenied
    with transaction.atomic():
        opened_at = opened_at or timezone.now()
        case = Case.objects.create(network=network, child=child, opened_at=opened_at)
        TimelineEvent.objects.add(case, "opened", actor=actor, at=opened_at)
        decision = Decision(True, Grounds.TRIAGE, membership=coordinator)
        record(event_for(actor, decision, AuditAction.CREATE, child, case))
    return case


def already_on_team(user, role_label) -> str:
    return _("%(name)s staat al in het team als %(role)s.") % {
        "name": user.full_name,
        "role": str(role_label).lower(),
    }


def add_team_member(case: Case, *, actor, user, team_role: str, at=None) -> TeamMember:
    """A person gets a place on the team; one active place per person and role (the database
    holds the same rule, `team_one_active_place`)."""
    decision = require(actor, Action.EDIT, case.child)
    if lead_role(case, actor) != TeamRole.COORDINATOR:
        raise PermissionDenied
    if not user.networks_with_role(*CARE_ROLES) & {case.network_id}:
        raise ValidationError(_("Deze persoon heeft geen zorgrol in dit netwerk."))
    plausible.check(at, plausible.TEAM, *plausible.of_trajectory(case))
    refused = ValidationError(already_on_team(user, dict(TeamRole.choices).get(team_role, "")))
    with transaction.atomic():
        if TeamMember.objects.filter(
            case=case, user=user, team_role=team_role, ended_at__isnull=True
        ).exists():
            raise refused
        at = min(at or timezone.now(), timezone.now())
        try:
            with transaction.atomic():  # a savepoint: someone adding the same place at once
                member = TeamMember.objects.create(
                    case=case, user=user, team_role=team_role, started_at=at
                )
        except IntegrityError:
            raise refused from None
        if team_role == TeamRole.CASEMANAGER:
            refresh_milestones(Case.objects.filter(pk=case.pk), fields=["casemanager_from"])
        TimelineEvent.objects.add(
            case, "member_added", actor=actor, at=at, name=user.full_name, role=member.team_role
        )
        record(event_for(actor, decision, AuditAction.CREATE, case.child, member))
    return member


def transition(
    case: Case,
    *,
    actor,
    to_phase: str,
    reason: str = "",
    version: int,
    at=None,
    parents_agreed: bool = False,
) -> Case:
    """Move a case to another phase; refuses moves the state machine does not allow.

    `at` records when the step really happened, when it is entered afterwards.
    `parents_agreed`: the professional confirms that the parents agree (advice without a team
    meeting needs it).
    """
    decision = require(actor, Action.EDIT, case.child)
    plausible.check(at, plausible.PHASE_CHANGE, *plausible.of_trajectory(case))
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.version != version:
            raise StaleVersionError
        role = lead_role(locked, actor)
        reason = reason.strip()
        without_meeting = _advice_without_meeting(locked, to_phase, role, reason, parents_agreed)
        if not without_meeting and not states.can_move(locked.phase, to_phase, role):
            raise ValidationError(_("Deze overgang is niet toegestaan."))
        if states.needs_reason(locked.phase, to_phase) and not reason:
            raise ValidationError(_("Schrijf op waarom het traject deze stap maakt."))
        now = timezone.now()
        at = min(at or now, now)
        PhaseTransition.objects.create(
            case=locked,
            from_phase=locked.phase,
            to_phase=to_phase,
            actor=actor,
            reason=reason,
            at=at,
            without_meeting=without_meeting,
            parents_agreed=without_meeting and parents_agreed,
        )
        locked.phase = to_phase
        locked.version += 1
        locked.closed_at = None if states.is_open(to_phase) else at
        if states.clears_conclusion(to_phase):
            locked.meeting_concluded_at = None
        locked.save(update_fields=["phase", "version", "closed_at", "meeting_concluded_at"])
        name = "phase_changed_without_meeting" if without_meeting else "phase_changed"
        TimelineEvent.objects.add(locked, name, actor=actor, at=at, phase=locked.phase)
        details = {"to_phase": to_phase}
        if without_meeting:
            details |= {"without_meeting": True, "parents_agreed": True}
        record(event_for(actor, decision, AuditAction.UPDATE, case.child, locked, details))
    return locked


def _advice_without_meeting(
    case: Case, to_phase: str, role: str | None, reason: str, parents_agreed: bool
) -> bool:
    """Advice follows a team meeting's conclusion. A network may allow advice without a
    meeting: the trajectbegeleider (or the coordinator), with the parents' agreement, from
    information gathering or the meeting phase; then the reason and the parents' agreement
    are required and the move is marked, so monitoring counts it."""
    if not states.advice_may_skip_meeting(case.phase, to_phase) or case.meeting_concluded_at:
        return False
    if not case.network.advice_without_meeting:
        raise ValidationError(
            _(
                "Advies komt na de bespreking in het MDO: leg eerst de conclusie van het team "
                "vast bij de bespreking van dit kind."
            )
        )
    if not states.may_advise_without_meeting(role):
        raise ValidationError(_("Deze overgang is niet toegestaan."))
    if not reason:
        raise ValidationError(
            _("Advies zonder MDO: schrijf op waarom, en dat de ouders ermee instemmen.")
        )
    if not parents_agreed:
        raise ValidationError(
            _(
                "Advies zonder MDO kan alleen met instemming van de ouders. Bespreek het met "
                "hen en bevestig dat zij ermee instemmen."
            )
        )
    return True


def advise_without_meeting(
    case: Case, *, actor, reason: str, parents_agreed: bool, version: int
) -> Case:
    """Nijmegen's way: the trajectbegeleider gives advice without a team meeting, with the
    parents' agreement and the reason written down (a network setting)."""
    return transition(
        case,
        actor=actor,
        to_phase=states.Phase.ADVICE,
        reason=reason,
        version=version,
        parents_agreed=parents_agreed,
    )


def choose_tier(case: Case, *, actor, tier: TeamTier, reason: str, version: int) -> Case:
    """The case's coordinator or casemanager choose which team (tier) discusses the child:
    kept as history, on the timeline and in the audit log."""
    decision = require(actor, Action.EDIT, case.child)
    if lead_role(case, actor) not in states.CASE_LEADS:
        raise ValidationError(
            _("Alleen de coördinator of de trajectbegeleider van dit traject kiest het team.")
        )
    ensure_editable(case)
    if tier.network_id != case.network_id or not tier.active:
        raise ValidationError(_("Kies een team van dit netwerk."))
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Schrijf op waarom dit team het kind bespreekt."))
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.version != version:
            raise StaleVersionError
        if locked.team_tier_id == tier.pk:
            raise ValidationError(_("Dit team is al gekozen."))
        choice = TierChoice.objects.create(case=locked, tier=tier, reason=reason, chosen_by=actor)
        locked.team_tier = tier
        locked.version += 1
        locked.save(update_fields=["team_tier", "version"])
        TimelineEvent.objects.add(locked, "tier_chosen", actor=actor, tier=tier.name)
        record(
            event_for(actor, decision, AuditAction.UPDATE, case.child, choice, {"tier": tier.name})
        )
    return locked


def reopen(case: Case, *, actor, reason: str, version: int) -> Case:
    """Open a closed file again (back to execution): explicit, with a reason, audited."""
    if states.is_editable(case.phase):
        raise ValidationError(_("Dit traject is niet afgesloten."))
    return transition(
        case, actor=actor, to_phase=states.Phase.EXECUTION, reason=reason, version=version
    )


def add_note(case: Case, *, actor, text: str, professional_only: bool = False, at=None) -> Note:
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    text = text.strip()
    if not text:
        raise ValidationError(_("Schrijf eerst een notitie."))
    with transaction.atomic():
        note = Note.objects.create(
            case=case,
            author=actor,
            source_organisation=decision.membership.organisation,
            text=text,
            professional_only=professional_only,
            created_at=at or timezone.now(),
        )
        TimelineEvent.objects.add(
            case,
            "note_added",
            actor=actor,
            at=note.created_at,
            org=note.source_organisation.name,
            # a note is the team's working record; a shared one is in the parents' download
            professional_only=True,
        )
        record(event_for(actor, decision, AuditAction.CREATE, case.child, note))
    return note


def accept_registration(
    registration: Registration,
    *,
    actor,
    version: int,
    existing_child: Child | None = None,
    sibling: Child | None = None,
    family_kind: str = FamilyLinkKind.SIBLING,
) -> Case:
    """Accept into a trajectory: the child (new, or one the network knows), a case, a team.

    The coordinator who accepts becomes the case's coordinator; the referrer hears only that the
    trajectory started. With `sibling` (a child the duplicate check found to be of the same
    family) the new child is linked to that brother or sister.
    """
    coordinator = coordinator_membership(actor, registration.network_id)
    if existing_child is not None and existing_child.network_id != registration.network_id:
        raise PermissionDenied
    if sibling is not None and sibling.pk not in {
        case.child_id for case in family_candidates_for(registration)
    }:
        raise PermissionDenied
    with transaction.atomic():
        child = (
            existing_child
            or _known_child(registration)
            or register_child(
                registration.network,
                actor=actor,
                guardians=[GuardianData(**guardian) for guardian in registration.guardians],
                given_name=registration.child_given_name,
                family_name=registration.child_family_name,
                date_of_birth=registration.child_date_of_birth,
                sex=registration.child_sex,
                gestational_age_weeks=registration.child_gestational_age_weeks,
                gestational_age_days=registration.child_gestational_age_days,
                municipality=registration.municipality,
            )
        )
        accepted = referral_actions.mark_triaged(
            registration,
            actor=actor,
            status=RegistrationStatus.ACCEPTED,
            child=child,
            version=version,
        )
        case = open_case(
            network=registration.network,
            child=child,
            actor=actor,
            opened_at=registration.received_at,
        )
        add_team_member(case, actor=actor, user=actor, team_role=TeamRole.COORDINATOR)
        TimelineEvent.objects.add(case, "registration_accepted", actor=actor, route=accepted.route)
        _pre_registration_on_timeline(case, accepted)
        if sibling is not None:
            _link_family(
                child,
                sibling,
                actor=actor,
                kind=family_kind,
                source=FamilyLinkSource.DUPLICATE_CHECK,
            )
        decision = Decision(True, Grounds.TRIAGE, membership=coordinator)
        record(
            registration_event(actor, decision, AuditAction.UPDATE, accepted, {"accepted": True})
        )
        transaction.on_commit(lambda: notifications.tell_referrer_trajectory_started(accepted))
    return case


def _known_child(registration: Registration) -> Child | None:
    """A registration from a CB-plus consult is about the consult's child, whom the network
    already knows: accepting it must not record the child a second time."""
    consult = getattr(registration, "cbplus_consult", None)
    return consult.child if consult is not None else None


def _pre_registration_on_timeline(case: Case, registration: Registration) -> None:
    """A referrer's pre-registration that the parents confirmed: both moments on the timeline,
    at the time they happened (the audit log has recorded each since it happened)."""
    if registration.confirmed_at is None:
        return
    TimelineEvent.objects.add(
        case,
        "pre_registered",
        actor=registration.referrer_user,
        at=registration.received_at,
        org=str(registration.referrer_organisation or registration.referrer_name),
    )
    TimelineEvent.objects.add(
        case, "confirmed_by_parents", actor=None, at=registration.confirmed_at
    )


def link_sibling(case: Case, sibling: Child, *, actor, kind: str) -> FamilyLink:
    """From the case page: link the child to a brother or sister the user may also see."""
    ensure_editable(case)
    with transaction.atomic():
        return _link_family(case.child, sibling, actor=actor, kind=kind)


def _link_family(child: Child, sibling: Child, *, actor, kind: str, **source) -> FamilyLink:
    """The link and its audit entries, and on both children's open timelines the fact only:
    the sibling's name is not written where the sibling's file may not be open to the reader."""
    link = link_family(child, sibling, actor=actor, kind=kind, **source)
    for one in (child, sibling):
        TimelineEvent.objects.add_to_open_cases(one, "family_known", actor=actor, kind=link.kind)
    return link


def merge_registration(registration: Registration, *, actor, case: Case, version: int) -> Case:
    """A new registration for a child with an open trajectory joins that trajectory."""
    coordinator = coordinator_membership(actor, registration.network_id)
    if case.network_id != registration.network_id:
        raise PermissionDenied
    if not states.is_open(case.phase):
        raise ValidationError(_("Dit traject is afgesloten; start een nieuw traject."))
    with transaction.atomic():
        merged = referral_actions.mark_triaged(
            registration,
            actor=actor,
            status=RegistrationStatus.MERGED,
            child=case.child,
            version=version,
        )
        TimelineEvent.objects.add(case, "registration_merged", actor=actor, route=merged.route)
        decision = Decision(True, Grounds.TRIAGE, membership=coordinator)
        record(registration_event(actor, decision, AuditAction.UPDATE, merged, {"merged": case.pk}))
    return case


def end_team_membership(member: TeamMember, *, actor) -> TeamMember:
    case = member.case
    decision = require(actor, Action.EDIT, case.child)
    if lead_role(case, actor) != TeamRole.COORDINATOR:
        raise PermissionDenied
    with transaction.atomic():
        locked = TeamMember.objects.select_for_update().get(pk=member.pk)
        if locked.ended_at is None:
            locked.ended_at = timezone.now()
            locked.save(update_fields=["ended_at"])
            TimelineEvent.objects.add(case, "member_left", actor=actor, name=locked.user.full_name)
            record(event_for(actor, decision, AuditAction.UPDATE, case.child, locked))
    return locked


def record_consent(case: Case, *, actor, **consent_fields) -> Consent:
    """Record the parents' consent, and put it on the timeline of the child's open cases."""
    with transaction.atomic():
        consent = consent_actions.give_consent(case.child, actor=actor, **consent_fields)
        TimelineEvent.objects.add_to_open_cases(
            case.child, "consent_given", actor=actor, **consent_params(consent)
        )
    return consent


def withdraw_consent(case: Case, consent: Consent, *, actor, withdrawn_by) -> Consent:
    """Withdrawal takes effect at once: no new sharing happens under this consent."""
    if consent.child_id != case.child_id:
        raise PermissionDenied
    with transaction.atomic():
        was_active = consent.withdrawn_at is None
        consent = consent_actions.withdraw_consent(consent, actor=actor, withdrawn_by=withdrawn_by)
        if was_active:
            TimelineEvent.objects.add_to_open_cases(
                case.child,
                "consent_withdrawn",
                actor=actor,
                guardian=withdrawn_by.full_name,
                **consent_params(consent),
            )
    return consent


def consent_params(consent: Consent) -> dict:
    return {"purpose": consent.purpose, "org": consent.organisation.name}


def record_guardian_consent(
    case: Case, consent: Consent, *, actor, guardian, given_on
) -> ConsentGiving:
    """One more guardian gave an existing consent (the one still missing, say)."""
    if consent.child_id != case.child_id:
        raise PermissionDenied
    ensure_editable(case)
    with transaction.atomic():
        giving = consent_actions.record_guardian_consent(
            consent, actor=actor, guardian=guardian, given_on=given_on
        )
        TimelineEvent.objects.add_to_open_cases(
            case.child,
            "consent_given_by",
            actor=actor,
            guardian=guardian.full_name,
            **consent_params(consent),
        )
    return giving


def record_child_answer(case: Case, consent: Consent, *, actor, answer: str, asked_on) -> Consent:
    """The child's own say on a consent, where the network asks children of its age."""
    if consent.child_id != case.child_id:
        raise PermissionDenied
    ensure_editable(case)
    with transaction.atomic():
        consent = consent_actions.record_child_answer(
            consent, actor=actor, answer=answer, asked_on=asked_on
        )
        TimelineEvent.objects.add_to_open_cases(
            case.child,
            "child_answered",
            actor=actor,
            answer=consent.child_answer,
            **consent_params(consent),
        )
    return consent


def save_intake(
    case: Case,
    *,
    actor,
    version: int,
    home_visit_on=None,
    question: str = "",
    observations: str = "",
    trajectory_explained: bool = False,
    goals: list[str] | None = None,
) -> Intake:
    """Record the first visit and the parents' goals; refuses to overwrite a newer version."""
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    plausible.check(home_visit_on, plausible.HOME_VISIT, *plausible.of_trajectory(case))
    with transaction.atomic():
        intake, created = Intake.objects.select_for_update().get_or_create(case=case)
        if intake.version != version:
            raise StaleVersionError
        intake.home_visit_on = home_visit_on
        intake.question = question.strip()
        intake.observations = observations.strip()
        intake.trajectory_explained = trajectory_explained
        intake.version += 1
        intake.save()
        refresh_milestones(Case.objects.filter(pk=case.pk), fields=["visited_on"])
        _sync_goals(case, goals or [])
        name = "intake_recorded" if created else "intake_updated"
        TimelineEvent.objects.add(case, name, actor=actor)
        action = AuditAction.CREATE if created else AuditAction.UPDATE
        record(event_for(actor, decision, action, case.child, intake))
    return intake


def _sync_goals(case: Case, texts: list[str]) -> None:
    texts = [t.strip() for t in texts if t.strip()]
    existing = {goal.text: goal for goal in case.goals.all()}
    Goal.objects.filter(case=case).exclude(text__in=texts).delete()
    for position, text in enumerate(texts):
        goal = existing.get(text)
        if goal is None:
            Goal.objects.create(case=case, text=text, position=position)
        elif goal.position != position:
            goal.position = position
            goal.save(update_fields=["position"])


def _consent_for_information(case: Case, organisation) -> Consent:
    consent = Consent.objects.for_information(case.child).filter(organisation=organisation).first()
    if consent is None:
        raise ValidationError(
            _(
                "Er is geen geldige toestemming van de ouders om informatie uit te wisselen met "
                "%(org)s. Leg eerst de toestemming vast."
            )
            % {"org": organisation}
        )
    return consent


def request_information(
    case: Case, *, actor, organisation, question: str, due_on, professional: str = ""
) -> InformationRequest:
    """Ask another professional for information: only with the parents' consent in force."""
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    if organisation.network_id != case.network_id:
        raise PermissionDenied
    plausible.check(due_on, plausible.INFORMATION_DUE, plausible.today())
    with transaction.atomic():
        consent = _consent_for_information(case, organisation)
        info = InformationRequest.objects.create(
            case=case,
            organisation=organisation,
            professional=professional.strip(),
            question=question.strip(),
            due_on=due_on,
            consent=consent,
            requested_by=actor,
        )
        TimelineEvent.objects.add(case, "information_requested", actor=actor, org=organisation.name)
        record(
            event_for(
                actor,
                Decision(True, decision.grounds, consent.pk, decision.membership),
                AuditAction.CREATE,
                case.child,
                info,
            )
        )
    return info


def answer_information_request(
    info: InformationRequest, *, actor, status: str, answered_on
) -> InformationRequest:
    """Received or refused. Receiving needs the consent to still be in force."""
    case = info.case
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    if status not in (RequestStatus.RECEIVED, RequestStatus.REFUSED):
        raise ValidationError(_("Kies ontvangen of geweigerd."))
    plausible.check(
        answered_on,
        plausible.ANSWER,
        *plausible.of_trajectory(case),
        plausible.after(info.requested_on, _("verzoek")),
    )
    with transaction.atomic():
        locked = InformationRequest.objects.select_for_update().get(pk=info.pk)
        if status == RequestStatus.RECEIVED:
            _consent_for_information(case, locked.organisation)
        locked.status = status
        locked.answered_on = answered_on
        locked.save(update_fields=["status", "answered_on"])
        TimelineEvent.objects.add(
            case,
            "information_answered",
            actor=actor,
            org=locked.organisation.name,
            status=locked.status,
        )
        record(event_for(actor, decision, AuditAction.UPDATE, case.child, locked))
    return locked


def add_document(
    case: Case,
    *,
    actor,
    upload,
    title: str,
    kind: str,
    setting: str = "",
    information_request: InformationRequest | None = None,
    professional_only: bool = False,
) -> Document:
    """Attach a file. A report answering a request counts as coming from that organisation."""
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    source = decision.membership.organisation
    if information_request is not None:
        if information_request.case_id != case.pk:
            raise PermissionDenied
        _consent_for_information(case, information_request.organisation)
        source = information_request.organisation
    return store_document(
        case,
        upload=upload,
        title=title,
        kind=kind,
        source=source,
        uploaded_by=actor,
        decision=decision,
        event="document_added",
        setting=setting,
        information_request=information_request,
        professional_only=professional_only,
    )


def store_document(
    case: Case,
    *,
    upload,
    title: str,
    kind: str,
    source,
    uploaded_by,
    decision: Decision,
    event: str,
    setting: str = "",
    information_request: InformationRequest | None = None,
    professional_only: bool = False,
) -> Document:
    """The one way a file enters a child's file, from the team or from the parents: checked
    by size and content, stored privately, on the timeline and in the audit log. `kind` may be
    "" to take it from the content (a video or something else)."""
    checked = check_upload(upload)
    if not kind:
        video = checked.content_type.startswith("video/")
        kind = DocumentKind.VIDEO if video else DocumentKind.OTHER
    with transaction.atomic():
        document = Document(
            case=case,
            title=title.strip() or upload.name,
            kind=kind,
            setting=setting,
            source_organisation=source,
            information_request=information_request,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            professional_only=professional_only,
            uploaded_by=uploaded_by,
        )
        document.file.save("upload", upload, save=False)
        document.save()
        TimelineEvent.objects.add(
            case,
            event,
            actor=uploaded_by,
            title=document.title,
            professional_only=professional_only,
        )
        record(event_for(uploaded_by, decision, AuditAction.CREATE, case.child, document))
    return document


def _add_to_file(
    case: Case,
    *,
    actor,
    obj,
    event: str,
    params: dict,
    decision: Decision | None = None,
    professional_only: bool = False,
    closing: bool = False,
):
    """Create a row of the file with its timeline event and audit entry, in one transaction.
    An action that needed the access decision already passes it on. The professionals' own
    bookkeeping (hours, reasons of delay) stays off the parents' timeline."""
    decision = decision or require(actor, Action.EDIT, case.child)
    if not closing:  # the closure itself is the last row written to an open file
        ensure_editable(case)
    with transaction.atomic():
        obj.save()
        TimelineEvent.objects.add(
            case, event, actor=actor, professional_only=professional_only, **params
        )
        record(event_for(actor, decision, AuditAction.CREATE, case.child, obj))
    return obj


def record_contact(case: Case, *, actor, on, form: str, summary: str) -> Contact:
    plausible.check(on, plausible.CONTACT, *plausible.of_trajectory(case))
    contact = Contact(case=case, on=on, form=form, summary=summary.strip(), by=actor)
    return _add_to_file(case, actor=actor, obj=contact, event="contact", params={"form": form})


MAX_HOURS_A_DAY = 24


def record_time(case: Case, *, actor, on, activity: str, hours) -> TimeSpent:
    """Hours the actor spent on the trajectory, booked to the organisation of the membership
    that gives the actor access (on the timeline, like all work on the file, also for the
    parents)."""
    plausible.check(on, plausible.HOURS, *plausible.of_trajectory(case))
    if not 0 < hours <= MAX_HOURS_A_DAY:
        raise ValidationError(_("Vul een aantal uren in tussen 0 en 24."))
    decision = require(actor, Action.EDIT, case.child)
    spent = TimeSpent(
        case=case,
        by=actor,
        organisation=decision.membership.organisation,
        on=on,
        activity=activity,
        hours=hours,
    )
    with transaction.atomic():
        spent = _add_to_file(
            case,
            actor=actor,
            obj=spent,
            event="hours",
            params={"hours": Decimal(hours), "activity": activity},
            decision=decision,
            professional_only=True,
        )
        refresh_milestones(Case.objects.filter(pk=case.pk), fields=["hours_total"])
    return spent


def record_delay(case: Case, *, actor, stage: str, reason: str, note: str = "") -> Delay:
    """Record why a waiting time ran long; the monitoring counts these reasons."""
    delay = Delay(case=case, stage=stage, reason=reason, note=note.strip(), recorded_by=actor)
    return _add_to_file(
        case,
        actor=actor,
        obj=delay,
        event="delay",
        params={"stage": stage, "reason": reason},
        professional_only=True,
    )


def refer_out(
    case: Case,
    *,
    actor,
    service: str = "",
    referred_on,
    organisation=None,
    social_map_entry=None,
) -> ReferralOut:
    """A referral to a provider on the social map, or to a service written out by name."""
    plausible.check(referred_on, plausible.REFERRAL_OUT, *plausible.of_trajectory(case))
    if organisation is not None and organisation.network_id != case.network_id:
        raise PermissionDenied
    picking.check_pick(case, social_map_entry)
    service = service.strip() or (social_map_entry.name if social_map_entry else "")
    if not service:
        raise ValidationError(_("Kies een aanbieder van de sociale kaart of schrijf de dienst op."))
    if organisation is None and social_map_entry is not None:
        organisation = social_map_entry.organisation
    referral = ReferralOut(
        case=case,
        service=service,
        organisation=organisation,
        social_map_entry=social_map_entry,
        referred_on=referred_on,
    )
    return _add_to_file(
        case,
        actor=actor,
        obj=referral,
        event="referred_out",
        params={"service": referral.service},
    )


def record_placement(referral: ReferralOut, *, actor, placed: bool, placed_on=None) -> ReferralOut:
    """Feedback whether the referral led to a placement."""
    case = referral.case
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    plausible.check(
        placed_on if placed else None,
        plausible.PLACEMENT,
        *plausible.of_trajectory(case),
        plausible.after(referral.referred_on, _("verwijzing")),
    )
    with transaction.atomic():
        locked = ReferralOut.objects.select_for_update().get(pk=referral.pk)
        locked.placed = placed
        locked.placed_on = placed_on if placed else None
        locked.save(update_fields=["placed", "placed_on"])
        event = "placed" if placed else "not_placed"
        TimelineEvent.objects.add(case, event, actor=actor, service=locked.service)
        record(event_for(actor, decision, AuditAction.UPDATE, case.child, locked))
    return locked


def offer_family_support(
    case: Case,
    *,
    actor,
    programme: str = "",
    offered_on,
    response: str,
    social_map_entry=None,
) -> FamilySupport:
    """A family-support programme offered: one on the social map, or one written out by name."""
    plausible.check(offered_on, plausible.FAMILY_SUPPORT, *plausible.of_trajectory(case))
    picking.check_pick(case, social_map_entry)
    programme = programme.strip() or (social_map_entry.name if social_map_entry else "")
    if not programme:
        raise ValidationError(
            _("Kies een programma van de sociale kaart of schrijf het programma op.")
        )
    support = FamilySupport(
        case=case,
        programme=programme,
        social_map_entry=social_map_entry,
        offered_on=offered_on,
        response=response,
    )
    return _add_to_file(
        case,
        actor=actor,
        obj=support,
        event="support_offered",
        params={"programme": support.programme, "response": support.response},
    )


def record_support_answer(support: FamilySupport, *, actor, response: str) -> FamilySupport:
    """The parents' answer to a family-support offer, recorded when it comes and changed when
    they change their mind: the same offer, not a second one."""
    case = support.case
    decision = require(actor, Action.EDIT, case.child)
    ensure_editable(case)
    if response not in SupportResponse.values:
        raise ValidationError(_("Kies het antwoord van de ouders."))
    with transaction.atomic():
        locked = FamilySupport.objects.select_for_update().get(pk=support.pk)
        if locked.response == response:
            return locked
        locked.response = response
        locked.answered_on = None if response == SupportResponse.PENDING else timezone.localdate()
        locked.save(update_fields=["response", "answered_on"])
        TimelineEvent.objects.add(
            case,
            "support_answered",
            actor=actor,
            programme=locked.programme,
            response=locked.response,
        )
        record(
            event_for(
                actor, decision, AuditAction.UPDATE, case.child, locked, {"response": response}
            )
        )
    return locked


def close_case(
    case: Case,
    *,
    actor,
    version: int,
    reason: str,
    stopped_early_reason: str = "",
    problem_reduction: str = "",
    goal_realisations: dict[int, str] | None = None,
    school=None,
    at=None,
) -> Closure:
    """Close the trajectory: the reason, the goals evaluated, the referrer informed."""
    if reason == ClosingReason.STOPPED_EARLY and not stopped_early_reason.strip():
        raise ValidationError(_("Schrijf op waarom de ouders stopten."))
    plausible.check(at, plausible.CLOSING, *plausible.of_trajectory(case))
    if school is not None and not schools_to_inform(case).filter(pk=school.pk).exists():
        raise ValidationError(
            _("De ouders gaven geen toestemming om informatie met deze school te delen.")
        )
    with transaction.atomic():
        closed = transition(
            case, actor=actor, to_phase=states.Phase.CLOSED, reason=reason, version=version, at=at
        )
        for goal in Goal.objects.filter(case=case, pk__in=(goal_realisations or {}).keys()):
            goal.realisation = goal_realisations[goal.pk]
            goal.save(update_fields=["realisation"])
        registration = referrer_to_inform(case)
        closure = Closure(
            case=closed,
            closed_on=timezone.localtime(closed.closed_at).date(),
            reason=reason,
            stopped_early_reason=stopped_early_reason.strip(),
            problem_reduction=problem_reduction,
            referrer_informed=False,  # set once the message has actually gone out
            school_informed=False,  # set once the message has actually gone out
            school=school,
            closed_by=actor,
        )
        _add_to_file(
            closed,
            actor=actor,
            obj=closure,
            event="closed",
            params={"reason": closure.reason},
            closing=True,
        )
        if registration is not None:
            transaction.on_commit(lambda: _inform_referrer(closure, registration))
        if school is not None:
            transaction.on_commit(lambda: _inform_school(closure, school, case.child))
    return closure


SCHOOL_KINDS = (
    OrganisationKind.SCHOOL,
    OrganisationKind.SCHOOL_PARTNERSHIP,
    OrganisationKind.CHILDCARE,
)


def schools_to_inform(case: Case):
    """The schools and day care of the network the team may tell that the trajectory closed:
    only those the parents' consent to exchange information covers."""
    consented = Consent.objects.for_information(case.child).values("organisation_id")
    return Organisation.objects.filter(
        network_id=case.network_id, kind__in=SCHOOL_KINDS, pk__in=consented
    ).order_by("name")


def referrer_to_inform(case: Case) -> Registration | None:
    """The referrer who hears that the trajectory closed: a professional of an organisation,
    with an e-mail address, and only while the parents' consent to exchange information with
    that organisation is in force."""
    consented = Consent.objects.for_information(case.child).values("organisation_id")
    return (
        Registration.objects.filter(
            child=case.child,
            referrer_user__isnull=False,
            referrer_organisation__isnull=False,
            referrer_organisation__in=consented,
        )
        .exclude(referrer_user__email="")
        .select_related("referrer_user", "network")
        .order_by("-received_at")
        .first()
    )


def referrer_without_consent(case: Case) -> Registration | None:
    """The organisation that registered the child (a school's pre-registration, say) that will
    not hear of the closing because no consent to exchange information with it is in force."""
    consented = Consent.objects.for_information(case.child).values("organisation_id")
    return (
        Registration.objects.filter(child=case.child, referrer_organisation__isnull=False)
        .exclude(referrer_organisation__in=consented)
        .select_related("referrer_organisation")
        .order_by("-received_at")
        .first()
    )


def _inform_school(closure: Closure, school: Organisation, child: Child) -> None:
    """The school or day care hears that the trajectory closed (the parents' consent to exchange
    information with it is in force): who, not what."""
    if not school.email:
        return
    sent = send_mail(
        _("Traject afgesloten"),
        _(
            "Het traject van %(name)s (geboren %(born)s) bij %(network)s is afgesloten. Heeft u "
            "vragen? Neem contact op met de ouders of met %(network)s.\n\nMet vriendelijke "
            "groet,\n%(network)s"
        )
        % {
            "name": child.given_name,
            "born": child.date_of_birth.strftime("%d-%m-%Y"),
            "network": closure.case.network.name,
        },
        None,
        [school.email],
    )
    if sent:
        Closure.objects.filter(pk=closure.pk).update(school_informed=True)


def _inform_referrer(closure: Closure, registration: Registration) -> None:
    if notifications.tell_referrer_trajectory_closed(registration):
        Closure.objects.filter(pk=closure.pk).update(referrer_informed=True)


def record_earlier_finding(
    case: Case, *, actor, what: str, by_whom: str = "", when=None, outcome: str = ""
) -> EarlierExamination:
    """An earlier examination or observation the family mentions later: into the child's file,
    so the team does not ask for it again."""
    what = what.strip()
    if not what:
        raise ValidationError(_("Schrijf op wat er onderzocht of gezien is."))
    plausible.check(when, plausible.EXAMINATION, plausible.birth(case.child.date_of_birth))
    finding = EarlierExamination(
        child=case.child,
        what=what,
        by_whom=by_whom.strip(),
        when=when,
        outcome=outcome.strip(),
        recorded_by=actor,
    )
    return _add_to_file(
        case,
        actor=actor,
        obj=finding,
        event="earlier_finding",
        params={"what": what},
    )
