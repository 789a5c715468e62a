"""Signed checkpoints outside the database: cutting the log's end and setting the head back is
caught, and so is a checkpoint that was not signed with the audit key."""

import json

import pytest
from django.core.management import call_command

from vroeghulp.audit.checkpoints import Checkpoint, checkpoint_file
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.keys import AuditKey
from vroeghulp.audit.models import AuditEntry
from vroeghulp.audit.writer import AuditEvent, record

from .tampering import cut_tail, raw_execute
from .test_verify_audit_log import run

pytestmark = pytest.mark.django_db


def log(count: int) -> None:
    record(*[AuditEvent(action=AuditAction.READ, network_id=1, child_id=n) for n in range(count)])


def lines() -> list[dict]:
    return [json.loads(line) for line in checkpoint_file().read_text().splitlines()]


def checkpoint(capsys) -> tuple[int, str]:
    try:
        call_command("checkpoint_audit_log")
    except SystemExit as exit_:
        return exit_.code, capsys.readouterr().err
    return 0, capsys.readouterr().out


def test_verification_signs_the_head_once(capsys):
    log(5)
    code, output = run(capsys)
    assert code == 0 and "Checkpoint at entry 5 written to" in output
    head = AuditEntry.objects.get(sequence=5)
    [written] = lines()
    assert (written["sequence"], written["hash"], written["key_id"]) == (5, head.entry_hash, "test")
    assert len(written["signature"]) == 64
    assert run(capsys)[0] == 0
    assert len(lines()) == 1  # the same head is not signed twice


def test_cut_tail_with_the_head_set_back_is_caught(capsys):
    log(60)
    assert run(capsys)[0] == 0
    cut_tail(keep=55)
    code, output = run(capsys)
    assert code == 1
    assert output.startswith(
        "Audit log broken at entry 56: the log ends at entry 55, before the signed checkpoint of "
    )
    assert output.endswith(" at entry 60.\n")
    assert checkpoint(capsys)[0] == 1
    assert len(lines()) == 1  # nothing signed for a broken log


def test_a_replaced_tail_as_long_as_before_is_caught(capsys):
    log(10)
    assert run(capsys)[0] == 0
    cut_tail(keep=7)
    log(3)  # the application writes on: entries 8 to 10 again, with other hashes
    code, output = run(capsys)
    assert code == 1
    assert output.startswith("Audit log broken at entry 10: differs from the signed checkpoint")


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda c: c | {"sequence": 3}, id="sequence changed"),
        pytest.param(lambda c: c | {"hash": "0" * 64}, id="hash changed"),
        pytest.param(
            lambda c: (
                c
                | {
                    "signature": Checkpoint(c["sequence"], c["hash"], c["time"], "test").signature(
                        AuditKey("test", b"an-attackers-guess-at-the-audit-key-0000")
                    )
                }
            ),
            id="signed with another key",
        ),
        pytest.param(lambda c: c | {"key_id": "other"}, id="unknown key"),
        pytest.param(lambda c: {"sequence": c["sequence"]}, id="unreadable"),
    ],
)
def test_a_forged_checkpoint_is_caught(forge, capsys):
    log(5)
    assert run(capsys)[0] == 0
    [written] = lines()
    checkpoint_file().write_text(json.dumps(forge(written)) + "\n")
    code, output = run(capsys)
    assert code == 1
    assert output.startswith(
        f"Audit log cannot be trusted: checkpoint on line 1 of {checkpoint_file()}"
    )
    assert checkpoint(capsys)[0] == 1


def test_checkpoint_command_signs_new_entries_and_is_idempotent(capsys):
    log(3)
    assert checkpoint(capsys) == (0, "Checkpoint at entry 3 written (3 entries verified).\n")
    assert checkpoint(capsys) == (0, "Checkpoint at entry 3 was already written.\n")
    log(4)
    # from the last checkpoint on: its own entry again, and the four new ones
    assert checkpoint(capsys) == (0, "Checkpoint at entry 7 written (5 entries verified).\n")
    assert [line["sequence"] for line in lines()] == [3, 7]


def test_checkpoint_command_refuses_to_sign_a_changed_entry_since_the_last_checkpoint(capsys):
    log(3)
    assert checkpoint(capsys)[0] == 0
    log(3)
    raw_execute("UPDATE audit_auditentry SET child_id = 99 WHERE sequence = 5", [])
    assert checkpoint(capsys) == (
        1,
        "Audit log broken at entry 5: content does not match its hash.\n",
    )
    assert [line["sequence"] for line in lines()] == [3]
