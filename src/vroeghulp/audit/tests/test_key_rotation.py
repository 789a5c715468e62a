"""A new key signs from now on; the old keys, still configured, verify what they signed. Entries
from before the keyed chain verify by the plain rule, at the start of the log only."""

import os

import pytest
from django.test import override_settings

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.audit.writer import AuditEvent, record

from .tampering import plain_sha256, rewrite_chain
from .test_verify_audit_log import run

pytestmark = pytest.mark.django_db

FIRST = "2025a:first-key-of-this-installation-0000000000"
SECOND = "2026a:second-key-of-this-installation-111111111"


def log(count: int) -> None:
    record(*[AuditEvent(action=AuditAction.READ, network_id=1, child_id=n) for n in range(count)])


def test_entries_of_a_rotated_key_verify_with_it_as_an_old_key(capsys):
    with override_settings(AUDIT_HMAC_KEY=FIRST):
        log(3)
        assert run(capsys)[0] == 0  # a checkpoint signed with the first key
    with override_settings(AUDIT_HMAC_KEY=SECOND, AUDIT_HMAC_OLD_KEYS=FIRST):
        log(2)
        code, output = run(capsys)
    assert (code, output.splitlines()[0]) == (0, "Audit log intact: 5 entries verified.")
    key_ids = list(AuditEntry.objects.order_by("sequence").values_list("key_id", flat=True))
    assert key_ids == ["2025a"] * 3 + ["2026a"] * 2


def test_rotation_in_a_key_file_appends_a_line(tmp_path, capsys):
    key_file = tmp_path / "audit.keys"
    key_file.write_text(f"# oldest first; the last line signs\n{FIRST}\n")
    with override_settings(AUDIT_HMAC_KEY="", AUDIT_HMAC_KEY_FILE=str(key_file)):
        log(2)
        key_file.write_text(f"{FIRST}\n{SECOND}\n")
        os.utime(key_file, ns=(1, 1))  # changed, whatever the clock's resolution: read again
        log(2)
        assert run(capsys)[0] == 0
    key_ids = list(AuditEntry.objects.order_by("sequence").values_list("key_id", flat=True))
    assert key_ids == ["2025a", "2025a", "2026a", "2026a"]


def test_without_the_old_key_its_entries_cannot_be_verified(capsys):
    with override_settings(AUDIT_HMAC_KEY=FIRST):
        log(2)
    with override_settings(AUDIT_HMAC_KEY=SECOND):
        log(1)
        assert run(capsys) == (
            1,
            "Audit log broken at entry 1: hashed with key '2025a', which is not configured.\n",
        )


def test_entries_from_before_the_keyed_chain_verify_until_the_first_keyed_one(capsys):
    log(5)
    rewrite_chain(1, rehash=plain_sha256, key_id="")  # as an older version wrote them
    assert run(capsys)[0] == 0
    log(3)
    stored = list(AuditEntry.objects.order_by("sequence"))
    assert [e.key_id for e in stored] == [""] * 5 + ["test"] * 3
    assert stored[5].previous_hash == stored[4].entry_hash
    code, output = run(capsys)
    assert (code, output.splitlines()[0]) == (0, "Audit log intact: 8 entries verified.")


def test_rewriting_entries_from_before_the_keyed_chain_breaks_the_first_keyed_link(capsys):
    log(5)
    rewrite_chain(1, rehash=plain_sha256, key_id="")
    log(3)
    # entries 3 to 5 changed and rehashed; the keyed entries cannot be rehashed without the key
    rewrite_chain(3, rehash=plain_sha256, key_id="", child_id=99, to_sequence=5)
    assert run(capsys) == (1, "Audit log broken at entry 6: link to previous entry broken.\n")
