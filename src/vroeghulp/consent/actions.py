"""Recording and withdrawing the parents' consents: each guardian gives and withdraws their own."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp import plausible_dates as plausible
from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Action, require
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record
from vroeghulp.children.models import Child, Guardian
from vroeghulp.networks.models import Organisation

from .completeness import child_is_asked
from .constants import ChildAnswer
from .models import Consent, ConsentGiving


def give_consent(
    child: Child,
    *,
    actor,
    organisation: Organisation,
    purpose: str,
    given_by: list[Guardian],
    given_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> Consent:
    """A consent the parents gave a professional, who records it."""
    decision = require(actor, Action.EDIT, child)
    plausible.check(given_on, plausible.CONSENT, plausible.birth(child.date_of_birth))
    with transaction.atomic():
        consent = create_consent(
            child,
            organisation=organisation,
            purpose=purpose,
            given_by=given_by,
            given_on=given_on,
            ends_on=ends_on,
            recorded_by=actor,
        )
        record(event_for(actor, decision, AuditAction.CREATE, child, consent))
    return consent


def create_consent(
    child: Child,
    *,
    organisation: Organisation,
    purpose: str,
    given_by: list[Guardian],
    given_on: datetime.date,
    ends_on: datetime.date | None,
    recorded_by,
) -> Consent:
    """The checks and the row every consent needs, whoever records it (inside their transaction)."""
    if organisation.network_id != child.network_id:
        raise ValidationError(_("Deze organisatie hoort niet bij het netwerk van het kind."))
    if not given_by or any(g.child_id != child.pk or not g.has_custody for g in given_by):
        raise ValidationError(_("Toestemming wordt gegeven door een ouder of voogd met gezag."))
    if ends_on and ends_on < given_on:
        raise ValidationError(_("De einddatum ligt voor de datum van toestemming."))
    consent = Consent.objects.create(
        network_id=child.network_id,
        child=child,
        organisation=organisation,
        purpose=purpose,
        given_on=given_on,
        ends_on=ends_on,
        recorded_by=recorded_by,
    )
    ConsentGiving.objects.bulk_create(
        ConsentGiving(consent=consent, guardian=g, given_on=given_on, recorded_by=recorded_by)
        for g in given_by
    )
    return consent


def add_giving(
    consent: Consent, *, guardian: Guardian, given_on: datetime.date, recorded_by
) -> ConsentGiving:
    """One more guardian gives an existing consent (inside the caller's transaction, with the
    consent locked): their own row, with their own day."""
    if guardian.child_id != consent.child_id or not guardian.has_custody:
        raise ValidationError(_("Toestemming wordt gegeven door een ouder of voogd met gezag."))
    if consent.withdrawn_at is not None:
        raise ValidationError(
            _("Deze toestemming is ingetrokken. Leg zo nodig een nieuwe toestemming vast.")
        )
    if ConsentGiving.objects.filter(consent=consent, guardian=guardian).exists():
        raise ValidationError(
            _("%(name)s heeft deze toestemming al gegeven.") % {"name": guardian.full_name}
        )
    if given_on < consent.given_on:
        raise ValidationError(_("Deze datum ligt voor de eerste toestemming."))
    return ConsentGiving.objects.create(
        consent=consent, guardian=guardian, given_on=given_on, recorded_by=recorded_by
    )


def record_guardian_consent(
    consent: Consent, *, actor, guardian: Guardian, given_on: datetime.date
) -> ConsentGiving:
    """A professional records that one more guardian gave this consent."""
    decision = require(actor, Action.EDIT, consent.child)
    plausible.check(given_on, plausible.CONSENT, plausible.birth(consent.child.date_of_birth))
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        giving = add_giving(locked, guardian=guardian, given_on=given_on, recorded_by=actor)
        record(
            event_for(
                actor,
                decision,
                AuditAction.UPDATE,
                consent.child,
                locked,
                {"given_by": guardian.pk},
            )
        )
    return giving


def end_by_withdrawal(consent: Consent, guardian: Guardian) -> bool:
    """A guardian with custody withdraws (inside the caller's transaction, consent locked):
    the whole consent ends, nothing more is shared under it, and the withdrawal is theirs.
    False when it had already ended."""
    if guardian.child_id != consent.child_id or not guardian.has_custody:
        raise ValidationError(_("Alleen een ouder of verzorger met gezag kan intrekken."))
    if consent.withdrawn_at is not None:
        return False
    now = timezone.now()
    consent.withdrawn_at = now
    consent.withdrawn_by = guardian
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    ConsentGiving.objects.filter(consent=consent, guardian=guardian).update(withdrawn_at=now)
    return True


def withdraw_consent(consent: Consent, *, actor, withdrawn_by: Guardian) -> Consent:
    """A professional records that a guardian (named) withdrew the consent."""
    decision = require(actor, Action.EDIT, consent.child)
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if end_by_withdrawal(locked, withdrawn_by):
            record(event_for(actor, decision, AuditAction.UPDATE, consent.child, locked))
    return locked


def record_child_answer(
    consent: Consent, *, actor, answer: str, asked_on: datetime.date
) -> Consent:
    """The child's own answer, where the network asks children of the child's age."""
    decision = require(actor, Action.EDIT, consent.child)
    child = consent.child
    if answer not in ChildAnswer.values:
        raise ValidationError(_("Kies het antwoord van het kind."))
    plausible.check(asked_on, plausible.CONSENT, plausible.birth(child.date_of_birth))
    if not child_is_asked(child, asked_on):
        raise ValidationError(
            _("Dit netwerk vraagt een kind van deze leeftijd (nog) niet zelf om instemming.")
        )
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(_("Deze toestemming is ingetrokken."))
        locked.child_answer = answer
        locked.child_asked_on = asked_on
        locked.child_asked_by = actor
        locked.save(update_fields=["child_answer", "child_asked_on", "child_asked_by"])
        record(
            event_for(actor, decision, AuditAction.UPDATE, child, locked, {"child_answer": answer})
        )
    return locked
