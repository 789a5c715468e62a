"""verify_audit_log: exit 0 on an intact chain, 1 naming the first broken entry otherwise.

`run` is shared with the other verification tests."""

import itertools

import pytest
from django.core.management import call_command

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.context import RequestContext, current_request
from vroeghulp.audit.models import AuditEntry
from vroeghulp.audit.writer import AuditEvent, record

from .tampering import raw_execute

pytestmark = pytest.mark.django_db

LIST_SIZE = 12  # a list page logs one entry per child shown


@pytest.fixture
def entries():
    return record(
        *[AuditEvent(action=AuditAction.READ, network_id=1, child_id=n) for n in range(1, 6)]
    )


def run(capsys) -> tuple[int, str]:
    try:
        call_command("verify_audit_log")
    except SystemExit as exit_:
        return exit_.code, capsys.readouterr().err
    return 0, capsys.readouterr().out


def test_intact_chain_passes(entries, capsys):
    code, output = run(capsys)
    assert code == 0
    assert "5 entries verified" in output


def test_chain_links_each_entry_to_the_previous(entries):
    for previous, entry in itertools.pairwise(entries):
        assert entry.previous_hash == previous.entry_hash
        assert entry.sequence == previous.sequence + 1


def test_edited_entry_is_caught(entries, capsys):
    raw_execute("UPDATE audit_auditentry SET child_id = %s WHERE id = %s", [99, entries[2].pk])
    code, output = run(capsys)
    assert code == 1
    assert f"entry {entries[2].sequence}" in output
    assert "does not match its hash" in output


def test_deleted_entry_is_caught(entries, capsys):
    raw_execute("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    code, output = run(capsys)
    assert code == 1
    assert f"entry {entries[1].sequence}" in output


def test_entry_rewritten_with_a_fresh_hash_is_caught_by_the_next_link(entries, capsys):
    forged = entries[1]
    forged.child_id = 42
    new_hash = forged.compute_hash()
    raw_execute(
        "UPDATE audit_auditentry SET child_id = %s, entry_hash = %s WHERE id = %s",
        [42, new_hash, forged.pk],
    )
    code, output = run(capsys)
    assert code == 1
    assert f"entry {entries[2].sequence}" in output


def test_removed_tail_is_caught(entries, capsys):
    raw_execute("DELETE FROM audit_auditentry WHERE id = %s", [entries[-1].pk])
    code, output = run(capsys)
    assert code == 1
    assert "missing at the end" in output


def test_a_list_sized_write_is_chained_and_reads_back_unchanged(capsys):
    """Lists write many entries at once: same content, same chain."""
    token = current_request.set(RequestContext(request_id="abc123", client_address="10.0.0.7"))
    try:
        written = record(
            *[
                AuditEvent(
                    action=AuditAction.READ,
                    network_id=1,
                    child_id=n,
                    object_type="case",
                    object_id=str(n),
                    details={"view": "worklist", "quote": 'a "b"\tc\\d'},
                )
                for n in range(1, LIST_SIZE + 3)
            ]
        )
    finally:
        current_request.reset(token)
    stored = list(AuditEntry.objects.order_by("sequence"))
    assert [e.entry_hash for e in stored] == [e.entry_hash for e in written]
    assert all(e.compute_hash() == e.entry_hash for e in stored)
    assert stored[-1].details == {"view": "worklist", "quote": 'a "b"\tc\\d'}
    assert (stored[0].client_address, stored[0].request_id) == ("10.0.0.7", "abc123")
    code, output = run(capsys)
    assert (code, output.splitlines()[0]) == (
        0,
        f"Audit log intact: {LIST_SIZE + 2} entries verified.",
    )


def test_single_and_list_writes_chain_on_whatever_their_content(capsys):
    """Writes of one and of many entries continue each other's chain (on PostgreSQL numbered and
    hashed by the database), also with content that imitates the hashed key."""
    tricky = {"view": 'x "sequence":-1,"timestamp":', "naam": "Zoë ’t Hart", "n": [1, {"a": None}]}
    record(AuditEvent(action=AuditAction.READ, network_id=1, child_id=1, details=tricky))
    record(
        *[AuditEvent(action=AuditAction.READ, network_id=1, child_id=n) for n in range(LIST_SIZE)]
    )
    single = record(
        AuditEvent(action=AuditAction.SEARCH, network_id=2, details={"sequence": 5}),
        AuditEvent(action=AuditAction.READ, network_id=2, object_id="Ω"),
    )
    stored = list(AuditEntry.objects.order_by("sequence"))
    assert [e.sequence for e in stored] == list(range(1, LIST_SIZE + 4))
    assert stored[0].details == tricky
    assert [(e.pk, e.entry_hash) for e in stored[-2:]] == [(e.pk, e.entry_hash) for e in single]
    assert all(e.compute_hash() == e.entry_hash for e in stored)
    code, output = run(capsys)
    assert (code, output.splitlines()[0]) == (
        0,
        f"Audit log intact: {LIST_SIZE + 3} entries verified.",
    )
