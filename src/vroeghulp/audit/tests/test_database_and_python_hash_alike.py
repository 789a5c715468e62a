"""PostgreSQL's audit_append (given only the key's HMAC pads) and the Python writer chain alike:
each entry's hash is the HMAC-SHA-256 that Python's hmac module computes with the key."""

import hashlib
import hmac

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.utils import timezone
from psycopg.types.json import Jsonb

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.context import RequestContext
from vroeghulp.audit.keys import AuditKey
from vroeghulp.audit.models import AuditEntry, hashed_payload
from vroeghulp.audit.writer import AuditEvent, _append, _entry_for, record

from .test_verify_audit_log import run

TEST_SECRET = b"test-only-audit-key-never-used-in-production-0123"  # pyproject.toml's
LONG_SECRET = "longer-than-a-sha256-block-" * 4  # HMAC hashes such a key first

pytestmark = pytest.mark.django_db


def expected_hash(entry: AuditEntry, secret: bytes) -> str:
    message = (entry.previous_hash + hashed_payload(entry.hashed_content())).encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


@pytest.mark.parametrize("secret", [b"k" * 32, b"k" * 64, LONG_SECRET.encode()])
def test_the_pads_give_the_hmac(secret):
    inner, outer = AuditKey("k", secret).pads
    message = b'0000{"action":"read"}'
    by_pads = hashlib.sha256(outer + hashlib.sha256(inner + message).digest()).hexdigest()
    assert by_pads == hmac.new(secret, message, hashlib.sha256).hexdigest()


def test_database_and_python_writes_continue_one_chain_with_the_same_hashes(capsys):
    """On PostgreSQL record() goes through audit_append; _append is the Python (SQLite) path."""
    record(
        AuditEvent(action=AuditAction.READ, network_id=1, child_id=1, details={"a": "Zoë"}),
        AuditEvent(action=AuditAction.SEARCH, network_id=1, object_id="Ω"),
    )
    at = timezone.now().replace(microsecond=123000)
    _append(
        [
            _entry_for(
                AuditEvent(action=AuditAction.READ, network_id=1, child_id=2), RequestContext(), at
            )
        ]
    )
    record(AuditEvent(action=AuditAction.PRINT, network_id=1, child_id=3))
    stored = list(AuditEntry.objects.order_by("sequence"))
    assert [e.sequence for e in stored] == [1, 2, 3, 4]
    assert [e.key_id for e in stored] == ["test"] * 4
    assert [e.entry_hash for e in stored] == [expected_hash(e, TEST_SECRET) for e in stored]
    assert [e.previous_hash for e in stored[1:]] == [e.entry_hash for e in stored[:-1]]
    assert run(capsys)[0] == 0


def test_a_key_longer_than_a_block_chains_alike_in_the_database():
    with override_settings(AUDIT_HMAC_KEY=f"long:{LONG_SECRET}"):
        record(*[AuditEvent(action=AuditAction.READ, network_id=1, child_id=n) for n in (1, 2)])
    stored = list(AuditEntry.objects.order_by("sequence"))
    assert [e.entry_hash for e in stored] == [
        expected_hash(e, LONG_SECRET.encode()) for e in stored
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="audit_append is PostgreSQL's")
def test_audit_append_refuses_to_chain_without_the_pads():
    with (
        pytest.raises(DatabaseError, match="HMAC pads"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT * FROM audit_append(%s, %s, %s, %s)", [Jsonb([]), "test", b"", b""])
    assert not AuditEntry.objects.exists()
