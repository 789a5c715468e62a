"""A dump of the audit log (dumpdata) loaded into an emptied database verifies: entries' times
are kept to the millisecond, which is all Django's JSON serialiser writes."""

import pytest
from django.core.management import call_command

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.context import RequestContext, current_request
from vroeghulp.audit.models import AuditChainHead, AuditEntry
from vroeghulp.audit.writer import AuditEvent, record

from .tampering import raw_execute
from .test_verify_audit_log import run

pytestmark = pytest.mark.django_db


def log() -> None:
    token = current_request.set(RequestContext(request_id="abc123", client_address="10.0.0.7"))
    try:
        for n in range(4):
            record(
                AuditEvent(action=AuditAction.READ, network_id=1, child_id=n, object_id=str(n)),
                AuditEvent(action=AuditAction.SEARCH, network_id=1, details={"q": ["Zoë", n]}),
            )
    finally:
        current_request.reset(token)


@pytest.mark.parametrize("format_", ["json", "jsonl", "xml"])
def test_dump_and_load_into_an_emptied_database_verifies(format_, tmp_path, capsys):
    log()
    assert run(capsys)[0] == 0  # and a checkpoint of the head
    written = list(AuditEntry.objects.order_by("sequence").values())
    assert all(entry["timestamp"].microsecond % 1000 == 0 for entry in written)
    dump = tmp_path / f"audit.{format_}"
    call_command("dumpdata", "audit", format=format_, output=str(dump))
    raw_execute("DELETE FROM audit_auditentry", [])  # as a fresh database to restore into
    raw_execute("DELETE FROM audit_auditchainhead", [])
    assert not AuditEntry.objects.exists() and not AuditChainHead.objects.exists()

    call_command("loaddata", str(dump), verbosity=0)

    assert list(AuditEntry.objects.order_by("sequence").values()) == written
    code, output = run(capsys)
    assert (code, output.splitlines()[0]) == (0, "Audit log intact: 8 entries verified.")
    record(AuditEvent(action=AuditAction.READ, network_id=1, child_id=9))  # the chain goes on
    code, output = run(capsys)
    assert (code, output.splitlines()[0]) == (0, "Audit log intact: 9 entries verified.")
