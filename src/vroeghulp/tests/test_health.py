"""GET /health/ reports the application and its database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

PROJECT = Path(__file__).resolve().parents[3]

UNREACHABLE_PROBE = """
import django
django.setup()
from django.test import Client
response = Client().get("/health/")
print(response.status_code, response.content.decode())
"""


@pytest.mark.django_db
def test_health_is_ok_with_a_database():
    response = Client().get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_is_503_when_the_database_is_unreachable():
    env = os.environ | {
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "DJANGO_SETTINGS_MODULE": "vroeghulp.settings",
        "PYTHONPATH": str(PROJECT / "src"),
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", UNREACHABLE_PROBE],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == '503 {"status": "error", "database": "unreachable"}'
