"""Receiving registrations by every route, the parents' confirmation, callback and declining."""

import datetime
import hashlib
import secrets
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import registration_event
from vroeghulp.access.policy import (
    Action,
    Decision,
    coordinator_membership,
    decide_registration,
)
from vroeghulp.accounts.constants import Role
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record, record_all
from vroeghulp.concurrency import StaleVersionError
from vroeghulp.networks.models import Network

from . import notifications
from .constants import CONFIRMATION_DAYS, STAFF_ROUTES, DeclineKind, Route, Status
from .deadlines import callback_due_on
from .models import EarlierExamination, Registration


@dataclass
class RegistrationData:
    """What every route records; referrer fields stay empty where there is no referrer."""

    child_given_name: str
    child_family_name: str
    child_date_of_birth: object
    guardians: list[dict]
    child_sex: str = "x"
    child_gestational_age_weeks: int | None = None
    child_gestational_age_days: int | None = None
    municipality: object = None
    concern_referrer: str = ""
    concern_parents: str = ""
    first_concern_on: object = None
    referrer_organisation: object = None
    referrer_name: str = ""
    referrer_role: str = ""
    examinations: list[dict] = field(default_factory=list)


def _create(network: Network, data: RegistrationData, received_at=None, **fields) -> Registration:
    if data.municipality is not None and data.municipality.network_id != network.pk:
        raise ValidationError(_("Deze gemeente hoort niet bij het netwerk."))
    if not data.guardians:
        raise ValidationError(_("Vul ten minste één ouder of verzorger in."))
    born = plausible.birth(data.child_date_of_birth)
    plausible.check(received_at, plausible.RECEIVED, born)
    plausible.check(data.first_concern_on, plausible.FIRST_CONCERN, born)
    for exam in data.examinations:
        plausible.check(exam.get("when"), plausible.EXAMINATION, born)
    values = {k: v for k, v in vars(data).items() if k != "examinations"}
    received_at = received_at or timezone.now()
    registration = Registration.objects.create(
        network=network,
        received_at=received_at,
        callback_due_on=callback_due_on(network, received_at),
        **values,
        **fields,
    )
    EarlierExamination.objects.bulk_create(
        EarlierExamination(registration=registration, **exam) for exam in data.examinations
    )
    return registration


def submit_public_registration(
    network: Network, *, data: RegistrationData, fingerprint: str
) -> Registration:
    """Parents register their child themselves, without an account."""
    if not network.accepts_public_registrations:
        raise PermissionDenied
    with transaction.atomic():
        registration = _create(
            network, data, route=Route.PUBLIC_FORM, submitter_fingerprint=fingerprint
        )
        record(
            registration_event(
                None, Decision(True, Grounds.PARENT), AuditAction.CREATE, registration
            )
        )
    return registration


def submit_referrer_registration(
    network: Network, *, actor, data: RegistrationData, parents_agreed: bool, parent_email: str
) -> tuple[Registration, str]:
    """A referrer's pre-registration; the parents confirm it through the link sent to them."""
    membership = next(
        (
            m
            for m in actor.active_memberships()
            if m.network_id == network.pk and m.role == Role.REFERRER
        ),
        None,
    )
    if membership is None:
        raise PermissionDenied
    if not parents_agreed:
        raise ValidationError(_("Meld alleen aan als de ouders akkoord zijn."))
    token = secrets.token_urlsafe(32)
    data.referrer_organisation = membership.organisation
    data.referrer_name = data.referrer_name or actor.full_name
    now = timezone.now()
    with transaction.atomic():
        registration = _create(
            network,
            data,
            received_at=now,
            route=Route.REFERRER,
            status=Status.AWAITING_CONFIRMATION,
            referrer_user=actor,
            parents_agreed=True,
            confirmation_token_hash=_hash(token),
            confirmation_email=parent_email.strip(),
            confirmation_expires_at=now + datetime.timedelta(days=CONFIRMATION_DAYS),
        )
        decision = Decision(True, Grounds.REFERRAL, membership=membership)
        record(registration_event(actor, decision, AuditAction.CREATE, registration))
        transaction.on_commit(lambda: notifications.ask_parents_to_confirm(registration, token))
    return registration, token


class LinkProblem:
    """Why a confirmation link no longer works, so the parent reads the reason."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"


def registration_for_token(token: str) -> tuple[Registration | None, str]:
    """The pre-registration of a confirmation link, and a problem ("" while it can be used)."""
    registration = (
        Registration.objects.select_related("network", "referrer_organisation")
        .filter(confirmation_token_hash=_hash(token))
        .first()
        if token
        else None
    )
    if registration is None:
        return None, LinkProblem.UNKNOWN
    if registration.status != Status.AWAITING_CONFIRMATION:
        return registration, LinkProblem.USED
    if confirmation_expired(registration):
        return registration, LinkProblem.EXPIRED
    return registration, ""


def confirmation_expired(registration: Registration, now=None) -> bool:
    expires_at = registration.confirmation_expires_at
    return expires_at is not None and expires_at <= (now or timezone.now())


def _locked_for_parent(registration: Registration, user, now) -> Registration:
    """Only the account of the address the link was sent to answers, once, before it expires."""
    email = (getattr(user, "email", "") or "").strip().lower()
    if not email or email != registration.confirmation_email.strip().lower():
        raise PermissionDenied
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.status != Status.AWAITING_CONFIRMATION:
        raise ValidationError(_("Deze aanmelding is al beantwoord."))
    if confirmation_expired(locked, now):
        raise ValidationError(_("De termijn om te bevestigen is verlopen."))
    return locked


def confirm_registration(
    registration: Registration, *, user, concern_parents: str = ""
) -> Registration:
    """The parents confirm a pre-registration (after an e-mail code to the address it was sent
    to), in their own words if they like; from now on the callback deadline runs."""
    now = timezone.now()
    with transaction.atomic():
        locked = _locked_for_parent(registration, user, now)
        locked.status = Status.NEW
        locked.confirmed_at = now
        locked.callback_due_on = callback_due_on(locked.network, now)
        if concern_parents.strip():
            locked.concern_parents = concern_parents.strip()
        locked.version += 1
        locked.save(
            update_fields=[
                "status",
                "confirmed_at",
                "callback_due_on",
                "concern_parents",
                "version",
            ]
        )
        record(
            registration_event(
                user,
                Decision(True, Grounds.PARENT),
                AuditAction.UPDATE,
                locked,
                {"confirmed": True},
            )
        )
    return locked


def decline_pre_registration(registration: Registration, *, user) -> Registration:
    """The parents do not confirm: the pre-registration ends, what the referrer wrote about the
    child and the family is erased, and the referrer hears only that it does not go ahead."""
    with transaction.atomic():
        locked = _locked_for_parent(registration, user, timezone.now())
        locked.status = Status.NOT_CONFIRMED
        locked.concern_referrer = ""
        locked.concern_parents = ""
        locked.guardians = []
        locked.confirmation_email = ""
        locked.version += 1
        locked.save(
            update_fields=[
                "status",
                "concern_referrer",
                "concern_parents",
                "guardians",
                "confirmation_email",
                "version",
            ]
        )
        EarlierExamination.objects.filter(registration=locked).delete()
        record(
            registration_event(
                user,
                Decision(True, Grounds.PARENT),
                AuditAction.UPDATE,
                locked,
                {"not_confirmed": True},
            )
        )
        transaction.on_commit(lambda: notifications.tell_referrer_not_confirmed(locked))
    return locked


def pre_registrations_of(actor, network: Network) -> list[Registration]:
    """The pre-registrations the referrer's own organisation sent to this network (status only:
    what follows the parents' confirmation is the network's and the family's business). Each
    one shown is a read in the audit log."""
    memberships = [
        m
        for m in actor.active_memberships()
        if m.network_id == network.pk and m.role == Role.REFERRER
    ]
    if not memberships:
        return []
    membership = memberships[0]
    rows = list(
        Registration.objects.filter(
            network=network,
            route=Route.REFERRER,
            referrer_organisation_id__in=[m.organisation_id for m in memberships],
        )
        .only(
            "pk",
            "network_id",
            "child_id",
            "code",
            "status",
            "received_at",
            "child_given_name",
            "confirmation_expires_at",
        )
        .order_by("-received_at")[:100]
    )
    decision = Decision(True, Grounds.REFERRAL, membership=membership)
    record_all(
        registration_event(actor, decision, AuditAction.READ, r, {"view": "pre_registrations"})
        for r in rows
    )
    return rows


def record_staff_registration(
    network: Network, *, actor, route: str, data: RegistrationData, received_at=None
) -> Registration:
    """Intake staff enter a registration by phone, from the CJG front office or a wijkteam.

    `received_at` is when the call came in, when it is entered later.
    """
    membership = coordinator_membership(actor, network.pk)
    if route not in STAFF_ROUTES:
        raise ValidationError(_("Kies hoe de aanmelding binnenkwam."))
    if received_at is not None and received_at > timezone.now():
        raise ValidationError(_("De aanmelding kan niet in de toekomst binnengekomen zijn."))
    if network.referral_required and not (data.referrer_organisation or data.referrer_name.strip()):
        raise ValidationError(
            _(
                "Dit netwerk neemt alleen aanmeldingen met een verwijzer aan. Vul in wie "
                "verwijst (naam of organisatie)."
            )
        )
    with transaction.atomic():
        registration = _create(network, data, received_at=received_at, route=route)
        decision = Decision(True, Grounds.TRIAGE, membership=membership)
        record(registration_event(actor, decision, AuditAction.CREATE, registration))
    return registration


def submit_cbplus_registration(
    network: Network, *, actor, decision: Decision, data: RegistrationData
) -> Registration:
    """The registration a concluded CB-plus consult leads to, made by the clinic that held it.

    The consult's action decides who may (`decide_consult`) and hands its decision in. The
    parents agreed in the consult, so there is no confirmation link: the callback deadline runs
    from now. The consult's findings come in `data.examinations`, so nobody repeats them.
    """
    with transaction.atomic():
        registration = _create(
            network,
            data,
            route=Route.CBPLUS,
            referrer_user=actor,
            parents_agreed=True,
        )
        record(registration_event(actor, decision, AuditAction.CREATE, registration))
    return registration


def _locked_for_edit(registration: Registration, actor, version: int):
    decision = decide_registration(actor, Action.EDIT, registration)
    if not decision:
        raise PermissionDenied
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.version != version:
        raise StaleVersionError
    return locked, decision


def record_callback(
    registration: Registration, *, actor, called_back_at, note: str, version: int
) -> Registration:
    if called_back_at > timezone.now():
        raise ValidationError(_("Het terugbelmoment kan niet in de toekomst liggen."))
    plausible.check(
        called_back_at,
        plausible.CALLBACK,
        plausible.birth(registration.child_date_of_birth),
        plausible.registration(registration.received_at),
    )
    with transaction.atomic():
        locked, decision = _locked_for_edit(registration, actor, version)
        locked.called_back_at = called_back_at
        locked.callback_note = note
        locked.version += 1
        locked.save(update_fields=["called_back_at", "callback_note", "version"])
        record(registration_event(actor, decision, AuditAction.UPDATE, locked, {"callback": True}))
    return locked


def decline_registration(
    registration: Registration,
    *,
    actor,
    reason: str,
    referred_to: str,
    version: int,
    kind: str = DeclineKind.OTHER,
) -> Registration:
    """Advise or refer elsewhere; the registration stays and is counted, per kind of reason."""
    if not reason.strip():
        raise ValidationError(_("Geef de reden."))
    if kind not in DeclineKind.values:
        raise ValidationError(_("Kies de soort reden."))
    with transaction.atomic():
        locked, decision = _locked_for_edit(registration, actor, version)
        if locked.status != Status.NEW:
            raise ValidationError(_("Over deze aanmelding is al besloten."))
        locked.status = Status.DECLINED
        locked.decline_reason = reason.strip()
        locked.decline_kind = kind
        locked.referred_to = referred_to.strip()
        locked.triaged_at = timezone.now()
        locked.triaged_by = actor
        locked.version += 1
        locked.save(
            update_fields=[
                "status",
                "decline_reason",
                "decline_kind",
                "referred_to",
                "triaged_at",
                "triaged_by",
                "version",
            ]
        )
        record(registration_event(actor, decision, AuditAction.UPDATE, locked, {"declined": True}))
    return locked


def mark_triaged(
    registration: Registration, *, actor, status: str, child, version: int
) -> Registration:
    """Accepted or merged: called by the cases app inside its own transaction and audit entry."""
    locked, _decision = _locked_for_edit(registration, actor, version)
    if locked.status != Status.NEW:
        raise ValidationError(_("Over deze aanmelding is al besloten."))
    locked.status = status
    locked.child = child
    locked.triaged_at = timezone.now()
    locked.triaged_by = actor
    locked.version += 1
    locked.save(update_fields=["status", "child", "triaged_at", "triaged_by", "version"])
    # What was found before the registration follows the child into the file.
    EarlierExamination.objects.filter(registration=locked).update(child=child)
    return locked


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
