"""Without a key, with DEBUG off, nothing is logged and so nothing happens; the demo's key is
never accepted in production; a key file or variable that is wrong is named."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.keys import DEVELOPMENT_KEY, MissingKeyError, keyring
from vroeghulp.audit.models import AuditChainHead, AuditEntry
from vroeghulp.audit.writer import AuditEvent, record

from .test_verify_audit_log import run

PROJECT = Path(__file__).resolve().parents[4]
NO_KEY = {"AUDIT_HMAC_KEY": "", "AUDIT_HMAC_OLD_KEYS": "", "AUDIT_HMAC_KEY_FILE": ""}


def event() -> AuditEvent:
    return AuditEvent(action=AuditAction.READ, network_id=1, child_id=7)


@pytest.mark.django_db
def test_without_a_key_and_debug_off_nothing_is_written(capsys):
    record(event())
    head = AuditChainHead.objects.get(pk=1)
    with override_settings(**NO_KEY), pytest.raises(MissingKeyError, match="AUDIT_HMAC_KEY"):
        record(event())
    assert AuditEntry.objects.count() == 1
    assert AuditChainHead.objects.get(pk=1).sequence == head.sequence == 1
    with override_settings(**NO_KEY):
        code, output = run(capsys)
    assert code == 1
    assert output.startswith("Audit log cannot be trusted: No audit log key: set AUDIT_HMAC_KEY")


@pytest.mark.django_db
def test_the_demo_key_is_refused_with_debug_off():
    with override_settings(AUDIT_HMAC_KEY=DEVELOPMENT_KEY), pytest.raises(MissingKeyError):
        record(event())
    with (
        override_settings(AUDIT_HMAC_OLD_KEYS=DEVELOPMENT_KEY),
        pytest.raises(MissingKeyError, match="demo's audit key"),
    ):
        record(event())
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_the_demo_uses_its_documented_key():
    with override_settings(DEBUG=True, **NO_KEY):
        [entry] = record(event())
    assert entry.key_id == "dev"


@pytest.mark.parametrize(
    ("configuration", "message"),
    [
        ({"AUDIT_HMAC_KEY": "no-colon-in-this-key-000000000000000000"}, "'<key id>:<secret>'"),
        ({"AUDIT_HMAC_KEY": "a key:long-enough-secret-00000000000000000"}, "'<key id>:<secret>'"),
        ({"AUDIT_HMAC_KEY": "k1:short"}, "shorter than 32 characters"),
        (
            {
                "AUDIT_HMAC_KEY": "k1:first-secret-0000000000000000000000000",
                "AUDIT_HMAC_OLD_KEYS": "k1:second-secret-000000000000000000000000",
            },
            "two different secrets",
        ),
        ({"AUDIT_HMAC_KEY_FILE": "/nonexistent/audit.keys"}, "cannot be read"),
        ({"AUDIT_HMAC_KEY_FILE": "/dev/null"}, "No audit log key"),
    ],
)
def test_a_wrong_key_configuration_is_named(configuration, message):
    with (
        override_settings(**(NO_KEY | configuration)),
        pytest.raises(ImproperlyConfigured, match=message),
    ):
        keyring()


def test_a_key_in_the_environment_and_a_key_file_is_one_too_many(tmp_path):
    key_file = tmp_path / "audit.keys"
    key_file.write_text("k1:first-secret-0000000000000000000000000\n")
    with (
        override_settings(AUDIT_HMAC_KEY_FILE=str(key_file)),
        pytest.raises(ImproperlyConfigured, match="not both"),
    ):
        keyring()


def manage(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDIT_HMAC")}
    env.update(DEBUG="0", SECRET_KEY="ci-only")
    return subprocess.run(  # noqa: S603  (this interpreter, our manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_a_key_check_deploy_fails_but_makemigrations_runs():
    deploy = manage("check", "--deploy")
    assert deploy.returncode != 0
    assert "vroeghulp.audit.E001" in deploy.stderr and "AUDIT_HMAC_KEY" in deploy.stderr
    migrations = manage("makemigrations", "--check", "--dry-run")
    assert migrations.returncode == 0, migrations.stdout + migrations.stderr
