"""Checks the hash chain of the audit log from the first entry to the chain head."""

from dataclasses import dataclass

from .models import GENESIS_HASH, AuditChainHead, AuditEntry


@dataclass
class ChainProblem:
    sequence: int
    reason: str


def find_first_break(chunk_size: int = 5000) -> ChainProblem | None:
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    last_sequence = 0
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=chunk_size):
        if entry.sequence != expected_sequence:
            return ChainProblem(expected_sequence, "entry missing")
        if entry.previous_hash != expected_previous:
            return ChainProblem(entry.sequence, "link to previous entry broken")
        if entry.compute_hash() != entry.entry_hash:
            return ChainProblem(entry.sequence, "content does not match its hash")
        expected_previous = entry.entry_hash
        expected_sequence += 1
        last_sequence = entry.sequence
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.sequence, head.last_hash) != (last_sequence, expected_previous):
        return ChainProblem(last_sequence + 1, "entries missing at the end of the log")
    return None
