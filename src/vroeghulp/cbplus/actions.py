"""Recording a CB-plus consult, concluding it, and registering the child with IVH from it."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import (
    CONSULT_PARTICIPANT_ROLES,
    Action,
    Decision,
    decide_consult,
    may_start_consults,
)
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record
from vroeghulp.cases import states
from vroeghulp.cases.models import Case, TimelineEvent
from vroeghulp.children.models import Child, Guardian
from vroeghulp.concurrency import StaleVersionError
from vroeghulp.networks.constants import Discipline
from vroeghulp.networks.models import Organisation
from vroeghulp.referrals import actions as referral_actions
from vroeghulp.referrals.models import Registration

from .constants import ConsultStatus
from .eligibility import check_age, check_duration
from .models import Consult, Finding, Participant
from .queries import children_for_consult


@dataclass
class NewChild:
    """A child the network does not know yet, entered with the consult, and one parent."""

    given_name: str
    family_name: str
    date_of_birth: datetime.date
    sex: str
    guardian_name: str
    guardian_relation: str
    guardian_phone: str = ""
    guardian_email: str = ""
    municipality: object = None


def start_consult(
    organisation: Organisation,
    *,
    actor,
    held_on: datetime.date,
    duration_minutes: int,
    parents_present: bool,
    question: str = "",
    child: Child | None = None,
    new_child: NewChild | None = None,
) -> Consult:
    """A CB-plus worker of the clinic records a consult about a known child or a new one."""
    membership = next(
        (m for m in may_start_consults(actor) if m.organisation_id == organisation.pk), None
    )
    if membership is None:
        raise PermissionDenied
    network = organisation.network
    if (child is None) == (new_child is None):
        raise ValidationError(_("Kies een bekend kind of vul een nieuw kind in."))
    if child is not None and not children_for_consult(actor, network.pk).filter(pk=child.pk):
        raise PermissionDenied
    municipality = new_child.municipality if new_child is not None else None
    if municipality is not None and municipality.network_id != network.pk:
        raise ValidationError(_("Deze gemeente hoort niet bij het netwerk."))
    born = child.date_of_birth if child is not None else new_child.date_of_birth
    plausible.check(held_on, plausible.CBPLUS_CONSULT, plausible.birth(born))
    check_age(born, held_on)
    check_duration(duration_minutes)
    decision = Decision(True, Grounds.CBPLUS, membership=membership)
    with transaction.atomic():
        if new_child is not None:
            child = _record_child(network, new_child, actor=actor, decision=decision)
        consult = Consult.objects.create(
            network=network,
            organisation=organisation,
            child=child,
            held_on=held_on,
            duration_minutes=duration_minutes,
            parents_present=parents_present,
            question=question.strip(),
            created_by=actor,
        )
        record(event_for(actor, decision, AuditAction.CREATE, child, consult))
    return consult


def _record_child(network, data: NewChild, *, actor, decision: Decision) -> Child:
    child = Child.objects.create(
        network=network,
        given_name=data.given_name.strip(),
        family_name=data.family_name.strip(),
        date_of_birth=data.date_of_birth,
        sex=data.sex,
        municipality=data.municipality,
    )
    Guardian.objects.create(
        child=child,
        full_name=data.guardian_name.strip(),
        relation=data.guardian_relation,
        phone=data.guardian_phone.strip(),
        email=data.guardian_email.strip(),
    )
    record(event_for(actor, decision, AuditAction.CREATE, child))
    return child


def _editable(consult: Consult, actor) -> tuple[Consult, Decision]:
    """The consult locked for a change, if the actor may edit it and it is still a draft."""
    decision = decide_consult(actor, Action.EDIT, consult)
    if not decision:
        raise PermissionDenied
    locked = Consult.objects.select_for_update().get(pk=consult.pk)
    if locked.status != ConsultStatus.DRAFT:
        raise ValidationError(_("Dit consult is afgerond en verandert niet meer."))
    return locked, decision


def add_participant(
    consult: Consult, *, actor, name: str, discipline: str, organisation: str = "", user=None
) -> Participant:
    if discipline not in Discipline.values:
        raise ValidationError(_("Kies de discipline."))
    if user is not None and not any(
        m.network_id == consult.network_id and m.role in CONSULT_PARTICIPANT_ROLES
        for m in user.active_memberships()
    ):
        raise ValidationError(_("Deze collega werkt niet in dit netwerk."))
    name = name.strip() or (user.full_name if user is not None else "")
    if not name:
        raise ValidationError(_("Vul de naam van de deelnemer in."))
    with transaction.atomic():
        locked, decision = _editable(consult, actor)
        participant = Participant.objects.create(
            consult=locked,
            user=user,
            name=name,
            discipline=discipline,
            organisation=organisation.strip(),
        )
        _bump(locked)
        record(
            event_for(
                actor, decision, AuditAction.UPDATE, locked.child, locked, {"participant": True}
            )
        )
    return participant


def add_finding(consult: Consult, *, actor, discipline: str, text: str) -> Finding:
    if discipline not in Discipline.values:
        raise ValidationError(_("Kies de discipline."))
    if not text.strip():
        raise ValidationError(_("Vul de bevindingen in."))
    with transaction.atomic():
        locked, decision = _editable(consult, actor)
        finding = Finding.objects.create(
            consult=locked, discipline=discipline, text=text.strip(), author=actor
        )
        _bump(locked)
        record(
            event_for(actor, decision, AuditAction.UPDATE, locked.child, locked, {"finding": True})
        )
    return finding


def save_advice(
    consult: Consult, *, actor, advice: str, version: int, conclude: bool = False
) -> Consult:
    """The advice discussed with the parents; concluding also closes the consult for changes."""
    with transaction.atomic():
        locked, decision = _editable(consult, actor)
        if locked.version != version:
            raise StaleVersionError
        locked.advice = advice.strip()
        fields = ["advice", "version"]
        if conclude:
            if not locked.advice:
                raise ValidationError(_("Vul het advies in voordat je het consult afrondt."))
            if not locked.findings.exists():
                raise ValidationError(
                    _("Leg ten minste één bevinding vast voordat je het consult afrondt.")
                )
            locked.status = ConsultStatus.CONCLUDED
            locked.concluded_at = timezone.now()
            locked.concluded_by = actor
            fields += ["status", "concluded_at", "concluded_by"]
        locked.version += 1
        locked.save(update_fields=fields)
        details = {"concluded": True} if conclude else {"advice": True}
        record(event_for(actor, decision, AuditAction.UPDATE, locked.child, locked, details))
    return locked


def register_with_ivh(
    consult: Consult, *, actor, concern: str, parents_agreed: bool, version: int
) -> Registration:
    """'Aanmelden bij IVH': a registration that carries the consult's findings as earlier
    examinations and links back to the consult."""
    decision = decide_consult(actor, Action.EDIT, consult)
    if not decision:
        raise PermissionDenied
    if not parents_agreed:
        raise ValidationError(_("Meld alleen aan als de ouders akkoord zijn."))
    with transaction.atomic():
        locked = Consult.objects.select_for_update().select_related("child").get(pk=consult.pk)
        if locked.version != version:
            raise StaleVersionError
        if locked.status != ConsultStatus.CONCLUDED:
            raise ValidationError(_("Rond het consult eerst af."))
        if locked.registration_id is not None:
            raise ValidationError(_("Dit consult is al aangemeld bij IVH."))
        child = locked.child
        guardians = [
            {
                "full_name": g.full_name,
                "relation": g.relation,
                "has_custody": g.has_custody,
                "email": g.email,
                "phone": g.phone,
                "preferred_language": g.preferred_language,
            }
            for g in child.guardians.order_by("pk")
        ]
        data = referral_actions.RegistrationData(
            child_given_name=child.given_name,
            child_family_name=child.family_name,
            child_date_of_birth=child.date_of_birth,
            child_sex=child.sex,
            child_gestational_age_weeks=child.gestational_age_weeks,
            municipality=child.municipality,
            guardians=guardians,
            concern_referrer=concern.strip() or locked.advice,
            referrer_organisation=locked.organisation,
            referrer_name=actor.full_name,
            referrer_role=_("CB-plus-consult"),
            examinations=_findings_as_examinations(locked),
        )
        registration = referral_actions.submit_cbplus_registration(
            locked.network, actor=actor, decision=decision, data=data
        )
        locked.registration = registration
        locked.version += 1
        locked.save(update_fields=["registration", "version"])
        record(
            event_for(
                actor, decision, AuditAction.UPDATE, child, locked, {"registered": registration.pk}
            )
        )
        case = Case.objects.filter(child=child).order_by("-opened_at").first()
        if case is not None and states.is_open(case.phase):
            TimelineEvent.objects.add(
                case, "registered_from_cbplus", actor=actor, clinic=locked.organisation.name
            )
    return registration


def _findings_as_examinations(consult: Consult) -> list[dict]:
    """One earlier examination per finding: the discipline, who of it took part, the date."""
    names: dict[str, list[str]] = {}
    for participant in consult.participants.all():
        names.setdefault(participant.discipline, []).append(participant.name)
    return [
        {
            "what": _("CB-plus-consult: %(discipline)s")
            % {"discipline": finding.get_discipline_display()},
            "by_whom": ", ".join([*names.get(finding.discipline, []), consult.organisation.name]),
            "when": consult.held_on,
            "outcome": finding.text,
            "recorded_by": finding.author,
        }
        for finding in consult.findings.select_related("author")
    ]


def _bump(consult: Consult) -> None:
    consult.version += 1
    consult.save(update_fields=["version"])
