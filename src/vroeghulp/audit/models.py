"""The NEN 7513 access log: append-only entries chained by keyed hashes."""

import datetime
import hashlib
import json

from django.db import models
from django.utils.translation import gettext_lazy as _

from vroeghulp.choices import ChoiceLabels

from .constants import AuditAction, Grounds
from .keys import AuditKey, Keyring, keyring

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "sequence",
    "timestamp",
    "user_id",
    "user_label",
    "responsible_user_id",
    "organisation_label",
    "role",
    "network_id",
    "child_id",
    "action",
    "object_type",
    "object_id",
    "grounds",
    "consent_id",
    "client_address",
    "request_id",
    "details",
)


def hashed_payload(content: dict) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"))


def chain_hash(previous_hash: str, content: dict, key: AuditKey) -> str:
    """The entry's hash: HMAC-SHA-256 with the audit key over the previous hash and the entry's
    content (timestamp as ISO 8601). Without the key nobody can recompute it."""
    return key.mac((previous_hash + hashed_payload(content)).encode())


def legacy_hash(previous_hash: str, content: dict) -> str:
    """The hash of entries written before the chain was keyed (their key id is empty): plain
    SHA-256, which anyone can recompute, so such entries only count before the first keyed one
    (verification.py)."""
    return hashlib.sha256((previous_hash + hashed_payload(content)).encode()).hexdigest()


def whole_milliseconds(moment: datetime.datetime) -> datetime.datetime:
    """An entry's time is kept to the millisecond: Django's JSON serialiser (dumpdata) writes no
    more, and the hash covers the time as stored, so a dump and load keeps the chain intact."""
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


SEQUENCE_KEY = '"sequence":'
SEQUENCE_PLACEHOLDER = -1


def payload_around_sequence(content: dict) -> tuple[str, str]:
    """The hashed payload before and after the sequence number, for a writer that numbers the
    entry itself (PostgreSQL's audit_append). The top-level key is the last one so named: keys
    are sorted and only `details` (before it) can hold nested objects; inside JSON strings every
    quote is escaped, so the key cannot be imitated there."""
    payload = hashed_payload({**content, "sequence": SEQUENCE_PLACEHOLDER})
    at = payload.rindex(f"{SEQUENCE_KEY}{SEQUENCE_PLACEHOLDER},") + len(SEQUENCE_KEY)
    return payload[:at], payload[at + len(str(SEQUENCE_PLACEHOLDER)) :]


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit entries cannot be deleted.")

    def bulk_update(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be changed.")


class AuditEntry(ChoiceLabels, models.Model):
    """One access to a child's data. Ids, not names: the child is referenced by internal id."""

    sequence = models.BigIntegerField(unique=True)
    timestamp = models.DateTimeField()
    user_id = models.BigIntegerField(null=True)
    user_label = models.CharField(max_length=200, blank=True)
    responsible_user_id = models.BigIntegerField(null=True)
    organisation_label = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=32, blank=True)
    network_id = models.BigIntegerField(null=True)
    child_id = models.BigIntegerField(null=True)
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    grounds = models.CharField(max_length=16, choices=Grounds.choices, blank=True)
    consent_id = models.BigIntegerField(null=True)
    client_address = models.GenericIPAddressField(null=True)
    request_id = models.CharField(max_length=32, blank=True)
    details = models.JSONField(default=dict, blank=True)
    # Which audit key made entry_hash; empty for the plain SHA-256 of entries from before keys.
    key_id = models.CharField(max_length=16, blank=True, default="")
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("logregel")
        verbose_name_plural = _("logregels")
        # Every index is paid on each write (every page view): only the three ways the log is
        # read (per child, per user, per network and period), each with its time.
        indexes = [
            models.Index(fields=["network_id", "timestamp"], name="audit_network_time"),
            models.Index(fields=["child_id", "timestamp"], name="audit_child_time"),
            models.Index(fields=["user_id", "timestamp"], name="audit_user_time"),
        ]

    def __str__(self) -> str:
        return f"logregel {self.sequence}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be deleted.")

    def hashed_content(self) -> dict:
        content = {name: getattr(self, name) for name in HASHED_FIELDS}
        content["timestamp"] = self.timestamp.isoformat()
        return content

    def compute_hash(self, keys: Keyring | None = None) -> str | None:
        """The hash the entry should have; None when its key is not configured."""
        if not self.key_id:
            return legacy_hash(self.previous_hash, self.hashed_content())
        key = (keys or keyring()).by_id.get(self.key_id)
        if key is None:
            return None
        return chain_hash(self.previous_hash, self.hashed_content(), key)


class AuditChainHead(models.Model):
    """The last link of the chain; its row lock serialises writers so the chain has no forks."""

    sequence = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"audit chain head at {self.sequence}"
