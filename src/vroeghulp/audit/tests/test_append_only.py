"""The application cannot change or delete audit entries; on PostgreSQL the database refuses too."""

import pytest
from django.db import DatabaseError, connection, transaction

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AppendOnlyError, AuditEntry
from vroeghulp.audit.writer import AuditEvent, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    return record(AuditEvent(action=AuditAction.READ, network_id=1, child_id=7))[0]


def test_saving_an_existing_entry_is_refused(entry):
    entry.action = AuditAction.DELETE
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_queryset_update_and_delete_are_refused(entry):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(child_id=8)
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).child_id == 7


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger is PostgreSQL's")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET child_id = 8",
        "DELETE FROM audit_auditentry",
    ],
)
def test_postgresql_trigger_refuses_raw_changes(entry, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEntry.objects.get(pk=entry.pk).child_id == 7
