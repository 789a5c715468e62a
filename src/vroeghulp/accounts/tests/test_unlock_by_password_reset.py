"""A completed password reset lifts the account's lockout: the owner is never kept out long."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.lockout import is_account_locked

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "nieuw-en-lang-genoeg-wachtwoord-77"


def test_a_completed_reset_unlocks_the_account(world, settings):
    settings.AXES_FAILURE_LIMIT = 5
    user = world.users[Role.COORDINATOR]
    for n in range(5):
        Client(REMOTE_ADDR=f"198.51.100.{n}").post(
            reverse("accounts:login"), {"username": user.email, "password": "fout"}
        )
    assert is_account_locked(user.email)

    owner = Client(REMOTE_ADDR="203.0.113.10")
    owner.post(reverse("accounts:password_reset"), {"email": user.email})
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form = owner.get(link, follow=True)
    assert is_account_locked(user.email)  # opening the link is not enough
    owner.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert not is_account_locked(user.email)

    owner.post(reverse("accounts:login"), {"username": user.email, "password": NEW_PASSWORD})
    assert "_auth_user_id" in owner.session


def test_asking_for_a_reset_alone_does_not_unlock(world, settings):
    settings.AXES_FAILURE_LIMIT = 5
    user = world.users[Role.CASEMANAGER]
    for _ in range(5):
        Client().post(reverse("accounts:login"), {"username": user.email, "password": "fout"})
    Client().post(reverse("accounts:password_reset"), {"email": user.email})
    assert is_account_locked(user.email)
