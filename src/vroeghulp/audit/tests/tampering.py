"""Changing audit rows behind the application's back, as an attacker with database access would."""

import hashlib
from collections.abc import Callable
from contextlib import contextmanager

from django.db import connection

from vroeghulp.audit.models import AuditEntry, hashed_payload


@contextmanager
def triggers_disabled():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = DEFAULT")
    else:
        yield


def raw_execute(sql: str, params: list) -> None:
    with triggers_disabled(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def plain_sha256(previous_hash: str, content: dict) -> str:
    """What anyone can compute: the chain's hash without a key."""
    return hashlib.sha256((previous_hash + hashed_payload(content)).encode()).hexdigest()


def rewrite_chain(
    from_sequence: int,
    *,
    rehash: Callable[[str, dict], str],
    key_id: str,
    child_id: int | None = None,
    to_sequence: int | None = None,
) -> None:
    """Change the child of entry `from_sequence` (when given) and recompute that entry's hash and
    every later one (up to `to_sequence`) with `rehash`, marked with `key_id`, then move the
    chain head along: the rewrite that plain hashes could not reveal."""
    entries = list(AuditEntry.objects.filter(sequence__gte=from_sequence).order_by("sequence"))
    if to_sequence is not None:
        entries = [entry for entry in entries if entry.sequence <= to_sequence]
    previous = entries[0].previous_hash
    for entry in entries:
        if entry.sequence == from_sequence and child_id is not None:
            entry.child_id = child_id
        entry_hash = rehash(previous, entry.hashed_content())
        raw_execute(
            "UPDATE audit_auditentry SET child_id = %s, key_id = %s, previous_hash = %s, "
            "entry_hash = %s WHERE id = %s",
            [entry.child_id, key_id, previous, entry_hash, entry.pk],
        )
        previous = entry_hash
    if to_sequence is None:
        raw_execute("UPDATE audit_auditchainhead SET last_hash = %s WHERE id = 1", [previous])


def cut_tail(keep: int) -> None:
    """Delete every entry after `keep` and set the chain head back to it."""
    last = AuditEntry.objects.get(sequence=keep)
    raw_execute("DELETE FROM audit_auditentry WHERE sequence > %s", [keep])
    raw_execute(
        "UPDATE audit_auditchainhead SET sequence = %s, last_hash = %s WHERE id = 1",
        [keep, last.entry_hash],
    )
