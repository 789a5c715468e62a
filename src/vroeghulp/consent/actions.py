"""Recording and withdrawing the parents' consents."""

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

from .models import Consent


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
    consent.given_by.set(given_by)
    return consent


def withdraw_consent(consent: Consent, *, actor, withdrawn_by: Guardian) -> Consent:
    decision = require(actor, Action.EDIT, consent.child)
    if withdrawn_by.child_id != consent.child_id:
        raise ValidationError(_("Alleen een ouder of verzorger van dit kind kan intrekken."))
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is None:
            locked.withdrawn_at = timezone.now()
            locked.withdrawn_by = withdrawn_by
            locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
            record(event_for(actor, decision, AuditAction.UPDATE, consent.child, locked))
    return locked
