"""The keys of the audit log's hash chain and checkpoints: read from the environment or a key
file, never from the database, so someone who can only write to the database cannot recompute
the chain.

A key is written `<key id>:<secret>`. `AUDIT_HMAC_KEY` is the current key (it signs new entries
and checkpoints); `AUDIT_HMAC_OLD_KEYS` (comma-separated) holds earlier keys, which only verify
what they signed. Or `AUDIT_HMAC_KEY_FILE` names a file with one key per line, oldest first: the
last line is the current key, so a rotation appends a line. Each entry stores the id of its key.
"""

import hashlib
import hmac
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# The demo's key, used when DEBUG is on and no key is set; with DEBUG off it is refused, also as
# an old key, so a copied demo configuration never signs or vouches for a real log.
DEVELOPMENT_KEY = "dev:vroeghulp-demo-audit-key-not-secret-do-not-use-in-production"
KEY_ID = re.compile(r"[A-Za-z0-9_.-]{1,16}")
MIN_SECRET_LENGTH = 32
BLOCK_SIZE = 64  # SHA-256's block: HMAC pads the key to it (RFC 2104)


class MissingKeyError(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class AuditKey:
    key_id: str
    secret: bytes = field(repr=False)

    def mac(self, message: bytes) -> str:
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    @cached_property
    def pads(self) -> tuple[bytes, bytes]:
        """(key XOR ipad, key XOR opad): with them the database computes
        sha256(outer || sha256(inner || message)), the same HMAC, without holding the key."""
        key = self.secret
        if len(key) > BLOCK_SIZE:
            key = hashlib.sha256(key).digest()
        key = key.ljust(BLOCK_SIZE, b"\0")
        return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


@dataclass(frozen=True)
class Keyring:
    current: AuditKey
    by_id: dict[str, AuditKey]


def parse_key(text: str, origin: str) -> AuditKey:
    key_id, colon, secret = text.strip().partition(":")
    if not colon or not KEY_ID.fullmatch(key_id):
        raise ImproperlyConfigured(
            f"{origin}: an audit key is written '<key id>:<secret>', the id 1-16 letters, digits, "
            "'.', '_' or '-'."
        )
    if len(secret) < MIN_SECRET_LENGTH:
        raise ImproperlyConfigured(
            f"{origin}: the secret of audit key '{key_id}' is shorter than "
            f"{MIN_SECRET_LENGTH} characters."
        )
    return AuditKey(key_id, secret.encode())


def keyring() -> Keyring:
    """The configured keys; raises MissingKeyError when there is none, so nothing is written or
    verified with a key that an attacker could know. A key file is read again once it changed,
    so a rotation takes effect at the next write without a restart."""
    key_file = settings.AUDIT_HMAC_KEY_FILE
    try:
        changed = os.stat(key_file).st_mtime_ns if key_file else 0
    except OSError:
        changed = -1  # _keyring names the problem
    return _keyring(
        settings.AUDIT_HMAC_KEY, settings.AUDIT_HMAC_OLD_KEYS, key_file, changed, settings.DEBUG
    )


def current_key() -> AuditKey:
    return keyring().current


@lru_cache(maxsize=8)  # read once per configuration: writers ask for the key on every write
def _keyring(key: str, old_keys: str, key_file: str, changed: int, debug: bool) -> Keyring:
    if key and key_file:
        raise ImproperlyConfigured("Set AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE, not both.")
    if not key and not key_file and debug:
        key = DEVELOPMENT_KEY
    if key_file:
        try:
            text = Path(key_file).read_text(encoding="utf-8")
        except OSError as error:
            raise ImproperlyConfigured(f"AUDIT_HMAC_KEY_FILE cannot be read: {error}") from None
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        keys = [parse_key(line, "AUDIT_HMAC_KEY_FILE") for line in lines]
    elif key:
        old = [parse_key(item, "AUDIT_HMAC_OLD_KEYS") for item in old_keys.split(",") if item]
        keys = [*old, parse_key(key, "AUDIT_HMAC_KEY")]
    else:
        keys = []
    if not keys:
        raise MissingKeyError(
            "No audit log key: set AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE (see README). Without "
            "it no audit entry is written, so nothing that must be logged can happen."
        )
    if not debug and any(each.secret == parse_key(DEVELOPMENT_KEY, "").secret for each in keys):
        raise MissingKeyError("The demo's audit key cannot be used with DEBUG off.")
    by_id: dict[str, AuditKey] = {}
    for each in keys:
        if by_id.get(each.key_id, each) != each:
            raise ImproperlyConfigured(f"Audit key id '{each.key_id}' has two different secrets.")
        by_id[each.key_id] = each
    return Keyring(current=keys[-1], by_id=by_id)
