"""Writes audit entries: one lock on the chain head, then the entries with chained hashes."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from .context import current_request
from .models import GENESIS_HASH, AuditChainHead, AuditEntry


@dataclass
class AuditEvent:
    action: str
    network_id: int | None
    user: Any = None
    responsible_user: Any = None
    child_id: int | None = None
    object_type: str = ""
    object_id: str = ""
    grounds: str = ""
    consent_id: int | None = None
    role: str = ""
    organisation_label: str = ""
    details: dict = field(default_factory=dict)


def record(*events: AuditEvent) -> list[AuditEntry]:
    """Append the events to the log, in order, inside the caller's transaction (if any)."""
    if not events:
        return []
    context = current_request.get()
    with transaction.atomic():
        head = _locked_head()
        entries = []
        now = timezone.now()
        for event in events:
            entry = _entry_for(event, context, now)
            entry.sequence = head.sequence + 1
            entry.previous_hash = head.last_hash
            entry.entry_hash = entry.compute_hash()
            head.sequence, head.last_hash = entry.sequence, entry.entry_hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries)
        AuditChainHead.objects.filter(pk=1).update(sequence=head.sequence, last_hash=head.last_hash)
    return entries


def record_all(events: Iterable[AuditEvent]) -> list[AuditEntry]:
    return record(*list(events))


def _locked_head() -> AuditChainHead:
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    try:
        with transaction.atomic():
            AuditChainHead.objects.create(pk=1, sequence=0, last_hash=GENESIS_HASH)
    except IntegrityError:
        pass  # another writer created it first
    return AuditChainHead.objects.select_for_update().get(pk=1)


def _entry_for(event: AuditEvent, context, now) -> AuditEntry:
    user = event.user
    responsible = event.responsible_user or user
    return AuditEntry(
        timestamp=now,
        user_id=getattr(user, "pk", None),
        user_label=str(user) if user is not None else "systeem",
        responsible_user_id=getattr(responsible, "pk", None),
        organisation_label=event.organisation_label,
        role=event.role,
        network_id=event.network_id,
        child_id=event.child_id,
        action=event.action,
        object_type=event.object_type,
        object_id=str(event.object_id or ""),
        grounds=event.grounds,
        consent_id=event.consent_id,
        client_address=context.client_address,
        request_id=context.request_id,
        details=event.details,
    )
