"""Recording a child and the parents or guardians who decide for the child."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Action, Decision, coordinator_membership, require
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record
from vroeghulp.networks.models import Network

from .constants import FamilyLinkKind, FamilyLinkSource
from .models import Child, FamilyLink, Guardian


@dataclass
class GuardianData:
    full_name: str
    relation: str
    has_custody: bool = True
    email: str = ""
    phone: str = ""
    preferred_language: str = "nl"
    user: object = None


def register_child(
    network: Network, *, actor, guardians: list[GuardianData], **child_fields
) -> Child:
    """Record a newly registered child; only intake staff (coordinators) of the network may."""
    coordinator = coordinator_membership(actor, network.pk)
    municipality = child_fields.get("municipality")
    if municipality is not None and municipality.network_id != network.pk:
        raise PermissionDenied
    with transaction.atomic():
        child = Child.objects.create(network=network, **child_fields)
        Guardian.objects.bulk_create(
            Guardian(child=child, **vars(guardian)) for guardian in guardians
        )
        decision = Decision(True, Grounds.TRIAGE, membership=coordinator)
        record(event_for(actor, decision, AuditAction.CREATE, child))
    return child


def link_guardian_account(guardian: Guardian, *, actor, user) -> Guardian:
    """Give a parent their own login to the child's file (the portal)."""
    decision = require(actor, Action.EDIT, guardian.child)
    with transaction.atomic():
        guardian.user = user
        guardian.save(update_fields=["user"])
        record(event_for(actor, decision, AuditAction.UPDATE, guardian.child, guardian))
    return guardian


def link_family(
    child: Child,
    sibling: Child,
    *,
    actor,
    kind: str,
    source: str = FamilyLinkSource.CASE_PAGE,
) -> FamilyLink:
    """Record that two children of the network belong to one family.

    From a case page: someone who may edit the child's file and may see the sibling's (the
    policy decides both). From the duplicate check at registration: the coordinator accepting
    the registration, for a child the check offered (the caller checks which). Never across
    networks.
    """
    if sibling.network_id != child.network_id:
        raise PermissionDenied
    if sibling.pk == child.pk:
        raise ValidationError(_("Een kind kan niet aan zichzelf gekoppeld worden."))
    if kind not in FamilyLinkKind.values:
        raise ValidationError(_("Kies hoe de kinderen bij elkaar horen."))
    if source == FamilyLinkSource.DUPLICATE_CHECK:
        membership = coordinator_membership(actor, child.network_id)
        decision = sibling_decision = Decision(True, Grounds.TRIAGE, membership=membership)
    else:
        decision = require(actor, Action.EDIT, child)
        sibling_decision = require(actor, Action.VIEW, sibling)
    first, second = sorted([child, sibling], key=lambda c: c.pk)
    already = ValidationError(_("Deze kinderen zijn al als gezin gekoppeld."))
    with transaction.atomic():
        if FamilyLink.objects.filter(child=first, other_child=second).exists():
            raise already
        try:
            with transaction.atomic():  # two people linking the same pair at once
                link = FamilyLink.objects.create(
                    network_id=child.network_id,
                    child=first,
                    other_child=second,
                    kind=kind,
                    source=source,
                    created_by=actor,
                )
        except IntegrityError as error:
            raise already from error
        record(
            event_for(actor, decision, AuditAction.CREATE, child, link),
            event_for(actor, sibling_decision, AuditAction.CREATE, sibling, link),
        )
    return link
