"""Only the holder of the audit key can recompute the chain: a rewrite with plain SHA-256 or
with another key, however complete, is caught."""

import hashlib
import hmac

import pytest

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.keys import AuditKey
from vroeghulp.audit.models import AuditEntry, chain_hash, hashed_payload
from vroeghulp.audit.writer import AuditEvent, record

from .tampering import plain_sha256, rewrite_chain
from .test_verify_audit_log import run

pytestmark = pytest.mark.django_db

TEST_SECRET = b"test-only-audit-key-never-used-in-production-0123"  # pyproject.toml's


@pytest.fixture
def sixty_entries():
    return record(
        *[AuditEvent(action=AuditAction.READ, network_id=1, child_id=n) for n in range(1, 61)]
    )


def test_each_entry_is_the_hmac_of_the_previous_hash_and_its_content(sixty_entries):
    entry = AuditEntry.objects.get(sequence=50)
    message = (entry.previous_hash + hashed_payload(entry.hashed_content())).encode()
    assert entry.key_id == "test"
    assert entry.entry_hash == hmac.new(TEST_SECRET, message, hashlib.sha256).hexdigest()
    assert entry.entry_hash != hashlib.sha256(message).hexdigest()


def test_entry_50_rewritten_with_plain_sha256_and_every_later_hash_recomputed(
    sixty_entries, capsys
):
    rewrite_chain(50, rehash=plain_sha256, key_id="", child_id=99)
    assert run(capsys) == (
        1,
        "Audit log broken at entry 50: entry without a key after keyed entries.\n",
    )


def test_entry_50_rewritten_with_plain_sha256_under_its_key_id(sixty_entries, capsys):
    rewrite_chain(50, rehash=plain_sha256, key_id="test", child_id=99)
    assert run(capsys) == (1, "Audit log broken at entry 50: content does not match its hash.\n")


def test_entry_50_rewritten_with_a_key_of_the_attackers_own(sixty_entries, capsys):
    guessed = AuditKey("test", b"a-guess-at-the-key-of-this-installation-000")
    rewrite_chain(
        50,
        rehash=lambda previous, content: chain_hash(previous, content, guessed),
        key_id="test",
        child_id=99,
    )
    assert run(capsys) == (1, "Audit log broken at entry 50: content does not match its hash.\n")
    own = AuditKey("own", b"the-attackers-own-key-which-is-long-enough")
    rewrite_chain(50, rehash=lambda p, c: chain_hash(p, c, own), key_id="own", child_id=98)
    code, output = run(capsys)
    assert code == 1
    assert (
        output == "Audit log broken at entry 50: hashed with key 'own', which is not configured.\n"
    )


def test_the_whole_log_rewritten_as_plain_entries_is_caught_by_the_checkpoint(
    sixty_entries, capsys
):
    """Entries without a key from before the keyed chain still verify, so an attacker could
    pass off a whole rewritten log as such; the checkpoint says how far the log reached."""
    assert run(capsys)[0] == 0  # signs the head in a checkpoint
    rewrite_chain(1, rehash=plain_sha256, key_id="", child_id=99)
    code, output = run(capsys)
    assert code == 1
    assert output.startswith("Audit log broken at entry 60: differs from the signed checkpoint")


def test_without_any_entry_the_first_checkpoint_rules_out_plain_entries(capsys):
    assert run(capsys)[0] == 0  # the empty log's checkpoint, at entry 0
    record(AuditEvent(action=AuditAction.READ, network_id=1, child_id=1))
    rewrite_chain(1, rehash=plain_sha256, key_id="", child_id=99)
    code, output = run(capsys)
    assert (code, output) == (
        1,
        "Audit log broken at entry 1: entry without a key after the first signed checkpoint.\n",
    )
