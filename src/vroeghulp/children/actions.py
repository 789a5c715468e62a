"""Recording a child and the parents or guardians who decide for the child."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction

from vroeghulp.access.auditing import event_for
from vroeghulp.access.policy import Action, Decision, coordinator_membership, require
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.writer import record
from vroeghulp.networks.models import Network

from .models import Child, Guardian


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
