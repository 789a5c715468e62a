"""Password reset by e-mail; the page never tells whether an address has an account."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "nieuw-en-lang-genoeg-wachtwoord-77"


def test_reset_link_sets_a_new_password(world):
    user = world.users[Role.CASEMANAGER]
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)

    form = client.get(link, follow=True)
    assert form.context["validlink"]
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_unknown_address_looks_the_same_and_sends_nothing(db):
    response = Client().post(reverse("accounts:password_reset"), {"email": "niemand@example.test"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_weak_new_password_is_refused_in_dutch(world):
    user = world.users[Role.ANALYST]
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": "kort", "new_password2": "kort"}
    )
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens." in response.content.decode()
