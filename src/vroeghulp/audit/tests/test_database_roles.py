"""With deploy/postgres-roles.sql applied, the application's PostgreSQL role appends to the audit
log through audit_append but cannot empty it, change or delete entries, or switch off the
trigger that refuses that."""

import uuid
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.audit.writer import AuditEvent, record

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's roles"),
]

SCRIPT = Path(__file__).resolve().parents[4] / "deploy" / "postgres-roles.sql"


def refused(sql: str, match: str) -> None:
    with (
        pytest.raises(DatabaseError, match=match),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)


@pytest.fixture
def app_role():
    """Roles of their own, cluster-wide but made inside the test's transaction: its rollback
    removes them (and the changed owners and rights) again."""
    suffix = uuid.uuid4().hex[:12]
    owner, app = f"vh_test_owner_{suffix}", f"vh_test_app_{suffix}"
    script = SCRIPT.read_text().replace("vroeghulp_owner", owner).replace("vroeghulp_app", app)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {owner} NOLOGIN")
        cursor.execute(f"CREATE ROLE {app} NOLOGIN")
        cursor.execute(script)
        cursor.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_auditentry'")
        assert cursor.fetchone() == (owner,)
        cursor.execute(f"SET ROLE {app}")
    try:
        yield app
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


def test_the_application_role_appends_but_cannot_change_or_empty_the_log(app_role):
    written = record(
        *[AuditEvent(action=AuditAction.READ, network_id=1, child_id=n) for n in (7, 8, 9)]
    )
    assert [entry.sequence for entry in written] == [1, 2, 3]
    refused("TRUNCATE audit_auditentry", "permission denied")
    refused("UPDATE audit_auditentry SET child_id = 99", "permission denied")
    refused("DELETE FROM audit_auditentry", "permission denied")
    refused("ALTER TABLE audit_auditentry DISABLE TRIGGER ALL", "must be owner")
    refused("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only", "must be owner")
    refused("SET session_replication_role = replica", "permission denied")
    refused("DELETE FROM audit_auditchainhead", "permission denied")
    refused("DROP FUNCTION audit_entry_append_only() CASCADE", "must be owner")
    assert record(AuditEvent(action=AuditAction.READ, network_id=1, child_id=10))[0].sequence == 4
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
    assert list(AuditEntry.objects.order_by("sequence").values_list("child_id", flat=True)) == [
        7,
        8,
        9,
        10,
    ]


def test_truncate_is_refused_even_when_granted_by_mistake(app_role):
    record(AuditEvent(action=AuditAction.READ, network_id=1, child_id=7))
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
        cursor.execute(f"GRANT TRUNCATE ON audit_auditentry TO {app_role}")
        cursor.execute(f"SET ROLE {app_role}")
    refused("TRUNCATE audit_auditentry", "append-only: TRUNCATE refused")
    assert AuditEntry.objects.count() == 1
