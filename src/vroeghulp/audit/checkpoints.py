"""Signed checkpoints of the audit chain's head, kept outside the database.

Someone who can write to the database cannot recompute keyed hashes, but could still cut entries
off the end of the log and set the chain head back. A checkpoint (sequence, hash, time, key id),
signed with the audit key and appended as a JSON line to `checkpoints.jsonl` in
`AUDIT_CHECKPOINT_DIR`, remembers how far the log reached: a log that is shorter, or that holds
another hash at a checkpointed entry, fails verification (verification.py).
"""

import hmac
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .keys import AuditKey, Keyring

FILE_NAME = "checkpoints.jsonl"
# Signatures of checkpoints can never be mistaken for entry hashes made with the same key.
DOMAIN = b"vroeghulp-audit-checkpoint\n"


@dataclass(frozen=True)
class Checkpoint:
    sequence: int
    hash: str
    time: str
    key_id: str

    def signature(self, key: AuditKey) -> str:
        return key.mac(DOMAIN + json.dumps(asdict(self), sort_keys=True).encode())


class CheckpointError(Exception):
    pass


def checkpoint_file() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_DIR) / FILE_NAME


def read_checkpoints(keys: Keyring) -> list[Checkpoint]:
    """Every checkpoint in the file, in the order written; CheckpointError for the first line
    that is unreadable or whose signature is wrong."""
    path = checkpoint_file()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    checkpoints = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            checkpoint = Checkpoint(
                sequence=int(data["sequence"]),
                hash=str(data["hash"]),
                time=str(data["time"]),
                key_id=str(data["key_id"]),
            )
            signature = str(data["signature"])
        except (ValueError, KeyError, TypeError):
            raise CheckpointError(f"checkpoint on line {number} of {path} is unreadable") from None
        key = keys.by_id.get(checkpoint.key_id)
        if key is None:
            raise CheckpointError(
                f"checkpoint on line {number} of {path} is signed with key "
                f"'{checkpoint.key_id}', which is not configured"
            )
        if not hmac.compare_digest(checkpoint.signature(key), signature):
            raise CheckpointError(f"checkpoint on line {number} of {path} has a wrong signature")
        checkpoints.append(checkpoint)
    return checkpoints


def append_checkpoint(sequence: int, last_hash: str, key: AuditKey) -> Checkpoint:
    checkpoint = Checkpoint(
        sequence=sequence,
        hash=last_hash,
        time=timezone.now().isoformat(timespec="seconds"),
        key_id=key.key_id,
    )
    line = json.dumps({**asdict(checkpoint), "signature": checkpoint.signature(key)})
    path = checkpoint_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # One short line in append mode: two writers (the loop and a verification) never mix lines.
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")
        file.flush()
        os.fsync(file.fileno())
    return checkpoint
