"""Every change to the social map: by a network administrator of the entry's network, checked,
in one transaction, in the audit log (no child involved, so no timeline)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vroeghulp.accounts.administration import acting_membership, administered_networks
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import AuditEvent, record
from vroeghulp.concurrency import StaleVersionError
from vroeghulp.networks.models import Network

from .constants import EntryKind
from .models import SocialMapEntry

PLATFORM_ROLE = "platform"
# The columns an administrator fills in (municipalities apart: a many-to-many).
FIELDS = (
    "name",
    "kind",
    "organisation",
    "description",
    "age_from_months",
    "age_to_months",
    "waiting_weeks",
    "phone",
    "email",
    "website",
    "address",
    "checked_on",
    "is_active",
)


def create_entry(*, actor, network: Network, municipalities=(), **fields) -> SocialMapEntry:
    _check_administrator(actor, network.pk)
    entry = SocialMapEntry(network=network)
    _fill(entry, fields)
    municipalities = list(municipalities)
    _validate(entry, municipalities)
    with transaction.atomic():
        entry.save()
        entry.municipalities.set(municipalities)
        record(_event(actor, AuditAction.CREATE, entry, {"change": "create_entry"}))
    return entry


def update_entry(
    entry: SocialMapEntry, *, actor, version: int, municipalities=None, **fields
) -> SocialMapEntry:
    """Change an entry; refused with StaleVersionError when someone saved it since `version`."""
    _check_administrator(actor, entry.network_id)
    with transaction.atomic():
        locked = SocialMapEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.version != version:
            raise StaleVersionError
        before = {name: _plain(getattr(locked, name)) for name in FIELDS}
        before_places = set(locked.municipalities.values_list("pk", flat=True))
        _fill(locked, fields)
        places = list(municipalities) if municipalities is not None else None
        _validate(locked, places if places is not None else list(locked.municipalities.all()))
        changed = [name for name in FIELDS if _plain(getattr(locked, name)) != before[name]]
        if places is not None and {m.pk for m in places} != before_places:
            changed.append("municipalities")
        if not changed:
            return locked
        locked.version += 1
        locked.save()
        if "municipalities" in changed:
            locked.municipalities.set(places)
        details = {
            "change": "update_entry",
            "fields": changed,
            "before": {name: before[name] for name in changed if name in before},
        }
        record(_event(actor, AuditAction.UPDATE, locked, details))
    return locked


def set_entry_active(entry: SocialMapEntry, *, actor, version: int, active: bool):
    """Take an entry off the map (or back on): it is never deleted, so plan items, referrals
    and the monitoring keep pointing at it."""
    return update_entry(entry, actor=actor, version=version, is_active=active)


def _check_administrator(actor, network_id: int) -> None:
    if not (actor.is_active and network_id in administered_networks(actor)):
        raise PermissionDenied("The social map is kept by the network's own administrator.")


def _fill(entry: SocialMapEntry, fields: dict) -> None:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    for name, value in fields.items():
        setattr(entry, name, value.strip() if isinstance(value, str) else value)


def _validate(entry: SocialMapEntry, municipalities: list) -> None:
    if not entry.name:
        raise ValidationError(_("Vul de naam in."))
    if entry.kind not in EntryKind.values:
        raise ValidationError(_("Kies de soort."))
    if entry.organisation is not None and entry.organisation.network_id != entry.network_id:
        raise PermissionDenied("The organisation belongs to another network.")
    if any(m.network_id != entry.network_id for m in municipalities):
        raise PermissionDenied("A municipality of another network.")
    start, end = entry.age_from_months, entry.age_to_months
    if start is not None and end is not None and start >= end:
        raise ValidationError(_("De leeftijd 'tot' moet hoger zijn dan de leeftijd 'vanaf'."))


def _plain(value):
    """A value as the audit log's details keep it."""
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _event(actor, action: str, entry: SocialMapEntry, details: dict) -> AuditEvent:
    membership = acting_membership(actor, entry.network_id)
    return AuditEvent(
        action=action,
        network_id=entry.network_id,
        user=actor,
        object_type=entry._meta.model_name,
        object_id=str(entry.pk),
        role=membership.role if membership else PLATFORM_ROLE,
        organisation_label=membership.organisation.name if membership else "",
        details=details,
    )
