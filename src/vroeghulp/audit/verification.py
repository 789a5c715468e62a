"""Checks the hash chain of the audit log, from the first entry (or a checkpoint) to the head.

The rules:
- every entry links to the previous entry's hash, and its own hash is the HMAC of the key its
  key id names (keys.py);
- entries without a key id carry the plain SHA-256 of installations from before the keyed chain.
  Anyone can recompute those, so they count only at the start of the log: before the first keyed
  entry and no further than the first signed checkpoint (every checkpoint is written by code
  that writes keyed entries). The first keyed entry's HMAC covers the last plain hash, so
  rewriting the old entries breaks that link;
- at every signed checkpoint the log holds the checkpointed hash, and it reaches at least as far
  as the furthest checkpoint (checkpoints.py);
- the chain head in the database agrees with the last entry.
"""

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from .checkpoints import Checkpoint, CheckpointError, append_checkpoint, read_checkpoints
from .keys import Keyring, keyring
from .models import GENESIS_HASH, AuditChainHead, AuditEntry


@dataclass
class ChainProblem:
    sequence: int
    reason: str


@dataclass
class ChainState:
    verified: int  # entries checked
    sequence: int  # the last entry's sequence (0: none)
    last_hash: str
    problem: ChainProblem | None = None


def find_first_break(chunk_size: int = 5000) -> ChainProblem | None:
    return check_chain(chunk_size=chunk_size).problem


def verify_and_checkpoint(*, whole_chain: bool) -> tuple[ChainState, Checkpoint | None]:
    """Verify against every signed checkpoint (the whole chain, or only from the furthest
    checkpoint on) and, when intact, sign the head in a new checkpoint unless the last one holds
    it already. Raises CheckpointError when a checkpoint is unreadable or wrongly signed."""
    keys = keyring()
    checkpoints = read_checkpoints(keys)
    since = None if whole_chain or not checkpoints else max(checkpoints, key=_by_sequence)
    state = check_chain(checkpoints=checkpoints, since=since, keys=keys)
    if state.problem is not None:
        return state, None
    if checkpoints and (checkpoints[-1].sequence, checkpoints[-1].hash) == (
        state.sequence,
        state.last_hash,
    ):
        return state, None
    return state, append_checkpoint(state.sequence, state.last_hash, keys.current)


def verified_or_exit(stderr, *, whole_chain: bool) -> tuple[ChainState, Checkpoint | None]:
    """For the management commands: `verify_and_checkpoint`, or the problem written to `stderr`
    and exit status 1."""
    try:
        state, checkpoint = verify_and_checkpoint(whole_chain=whole_chain)
    except (CheckpointError, ImproperlyConfigured) as error:
        stderr.write(f"Audit log cannot be trusted: {error}.")
        sys.exit(1)
    if state.problem is not None:
        problem = state.problem
        stderr.write(f"Audit log broken at entry {problem.sequence}: {problem.reason}.")
        sys.exit(1)
    return state, checkpoint


def _by_sequence(checkpoint: Checkpoint) -> int:
    return checkpoint.sequence


def check_chain(
    *,
    checkpoints: Sequence[Checkpoint] = (),
    since: Checkpoint | None = None,
    keys: Keyring | None = None,
    chunk_size: int = 5000,
) -> ChainState:
    """The whole chain, or (since) the part from that checkpoint's entry on, which the checkpoint
    vouched for up to there."""
    keys = keys or keyring()
    pinned: dict[int, Checkpoint] = {}
    for checkpoint in checkpoints:
        if pinned.setdefault(checkpoint.sequence, checkpoint).hash != checkpoint.hash:
            return _broken(checkpoint.sequence, "two signed checkpoints disagree about this entry")
    legacy_until = min(pinned) if pinned else None
    # The head first, then the entries up to it: entries appended meanwhile wait for next time.
    head = AuditChainHead.objects.filter(pk=1).first()
    entries = AuditEntry.objects.order_by("sequence")
    if head is not None:
        entries = entries.filter(sequence__lte=head.sequence)
    sequence, previous, verified = 1, GENESIS_HASH, 0
    start_at_checkpoint = since is not None and since.sequence > 0
    if start_at_checkpoint:
        entries = entries.filter(sequence__gte=since.sequence)
        sequence = since.sequence
    keyed = False
    for entry in entries.iterator(chunk_size=chunk_size):
        if entry.sequence != sequence:
            return _broken(sequence, "entry missing")
        vouched = start_at_checkpoint and sequence == since.sequence
        if not vouched and entry.previous_hash != previous:
            return _broken(sequence, "link to previous entry broken")
        if entry.key_id:
            keyed = True
        elif keyed:
            return _broken(sequence, "entry without a key after keyed entries")
        elif legacy_until is not None and sequence > legacy_until:
            return _broken(sequence, "entry without a key after the first signed checkpoint")
        expected = entry.compute_hash(keys)
        if expected is None:
            return _broken(sequence, f"hashed with key '{entry.key_id}', which is not configured")
        if expected != entry.entry_hash:
            return _broken(sequence, "content does not match its hash")
        checkpoint = pinned.get(sequence)
        if checkpoint is not None and checkpoint.hash != entry.entry_hash:
            return _broken(sequence, f"differs from the signed checkpoint of {checkpoint.time}")
        previous, sequence, verified = entry.entry_hash, sequence + 1, verified + 1
    last = sequence - 1
    if pinned and last < max(pinned):
        furthest = pinned[max(pinned)]
        return _broken(
            last + 1,
            f"the log ends at entry {last}, before the signed checkpoint of {furthest.time} "
            f"at entry {furthest.sequence}",
        )
    if head is not None and (head.sequence, head.last_hash) != (last, previous):
        return _broken(last + 1, "entries missing at the end of the log")
    return ChainState(verified=verified, sequence=last, last_hash=previous)


def _broken(sequence: int, reason: str) -> ChainState:
    return ChainState(0, 0, "", ChainProblem(sequence, reason))
