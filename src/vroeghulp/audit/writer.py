"""Writes audit entries: one lock on the chain head, then the entries with chained hashes.

On PostgreSQL the entries of a request go in with one call of a database function, which chains
them; elsewhere the ORM writes them after Python chained them; seed_scale copies chained rows in
with COPY. All follow the same chain rules: HMAC-SHA-256 with the current audit key (keys.py),
times to the millisecond.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import psycopg
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from psycopg.types.json import Jsonb

from .context import current_request
from .keys import current_key
from .models import (
    GENESIS_HASH,
    HASHED_FIELDS,
    AuditChainHead,
    AuditEntry,
    chain_hash,
    payload_around_sequence,
    whole_milliseconds,
)

COLUMNS = [*HASHED_FIELDS, "key_id", "previous_hash", "entry_hash"]
APPEND = "SELECT * FROM audit_append(%s, %s, %s, %s)"


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
    now = whole_milliseconds(timezone.now())
    entries = [_entry_for(event, context, now) for event in events]
    if connection.vendor == "postgresql":
        _append_in_database(entries)
    else:
        _append(entries)
    return entries


def _append(entries: list[AuditEntry]) -> None:
    key = current_key()  # before the lock: without a key nothing is written
    with transaction.atomic():
        head = _locked_head()
        for entry in entries:
            entry.sequence = head.sequence + 1
            entry.previous_hash = head.last_hash
            entry.key_id = key.key_id
            entry.entry_hash = chain_hash(entry.previous_hash, entry.hashed_content(), key)
            head.sequence, head.last_hash = entry.sequence, entry.entry_hash
        AuditEntry.objects.bulk_create(entries)
        AuditChainHead.objects.filter(pk=1).update(sequence=head.sequence, last_hash=head.last_hash)


def _append_in_database(entries: list[AuditEntry]) -> None:
    """One statement (one round trip, its own transaction outside an atomic block): the function
    of migration 0009 applies the same chain rules as `_append` to the payloads Python built,
    with the HMAC pads of the current key, which the database uses and never stores."""
    key = current_key()
    inner_pad, outer_pad = key.pads
    # A JSON array: PostgreSQL reads it far faster than a text[] parameter.
    pairs = Jsonb([payload_around_sequence(entry.hashed_content()) for entry in entries])
    connection.ensure_connection()
    connection.validate_no_broken_transaction()
    started = time.monotonic()
    # psycopg's own cursor binds the parameters on the server: the pads never become part of the
    # statement's text (statement logs, pg_stat_activity), nor of Django's query log.
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(APPEND, [pairs, key.key_id, inner_pad, outer_pad], prepare=False)
        appended = sorted(cursor.fetchall(), key=lambda row: row[1])  # by sequence: their order
    if connection.queries_logged:  # counted like any query (query-count tests), pads left out
        connection.queries_log.append(
            {
                "sql": APPEND % ("<entries>", "<key id>", "<pad>", "<pad>"),
                "time": "%.3f" % (time.monotonic() - started),
            }
        )
    for entry, row in zip(entries, appended, strict=True):
        entry.pk, entry.sequence, entry.previous_hash, entry.entry_hash = row
        entry.key_id = key.key_id
        entry._state.adding, entry._state.db = False, connection.alias


def record_all(events: Iterable[AuditEvent]) -> list[AuditEntry]:
    return record(*list(events))


def copy_rows(rows: Iterable[tuple]) -> None:
    """Entries (values in COLUMNS order, hashes made) into the table by COPY: PostgreSQL only.
    For bulk loads that keep the chain head themselves (seed_scale)."""
    details = COLUMNS.index("details")
    sql = f"COPY {AuditEntry._meta.db_table} ({', '.join(COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row((*row[:details], Jsonb(row[details]), *row[details + 1 :]))


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
