"""After five failed logins the account is locked, even for the right password."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_repeated_failures_lock_the_account(world, settings):
    user = world.users[Role.CASEMANAGER]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "fout"})
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(world, settings):
    user = world.users[Role.ANALYST]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "fout"})
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert "_auth_user_id" in client.session
