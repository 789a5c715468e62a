"""Password reset by e-mail; the page never tells whether an address has an account."""

import re

import pytest
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse

from vroeghulp.accounts import views
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


def _reset_request(email: str):
    request = RequestFactory().post(reverse("accounts:password_reset"), {"email": email})
    request._dont_enforce_csrf_checks = True
    return request


def test_the_mail_goes_out_after_the_response(world):
    """Known and unknown addresses get their answer before any lookup or mail is done."""
    user = world.users[Role.CASEMANAGER]
    response = views.password_reset(_reset_request(user.email))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []  # the answer is ready; nothing sent yet
    response.close()  # what the WSGI server does once the response is delivered
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]


def test_an_unknown_address_gets_the_same_answer_and_no_mail(db):
    response = views.password_reset(_reset_request("niemand@example.test"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    response.close()
    assert mail.outbox == []
