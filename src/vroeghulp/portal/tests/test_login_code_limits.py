"""The parents' e-mail code: looked up and sent after the answer (a known address answers no
slower than an unknown one), and one client may ask only so many codes, over all accounts."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import Client, RequestFactory
from django.urls import reverse

from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.portal import views
from vroeghulp.portal.login_codes import MAX_PER_ADDRESS_PER_HOUR
from vroeghulp.portal.models import LoginCode

pytestmark = pytest.mark.django_db


def _parent(world, email):
    user = UserFactory(email=email)
    GuardianFactory(child=world.own_case.child, user=user)
    return user


def test_the_code_is_sent_after_the_answer_is_out(world):
    _parent(world, "moeder@example.test")
    request = RequestFactory().post(reverse("portal:login"), {"email": "moeder@example.test"})
    request.session = SessionStore()
    response = views.login_start(request)
    assert response.status_code == 302
    assert mail.outbox == [] and not LoginCode.objects.exists()
    # what the WSGI server does once the response is delivered (without closing the test's
    # database connection, as Django's test client does too)
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert len(mail.outbox) == 1
    assert LoginCode.objects.get().client_address == "127.0.0.1"


def test_one_client_asks_only_so_many_codes_over_all_accounts(world):
    emails = [f"ouder{n}@example.test" for n in range(MAX_PER_ADDRESS_PER_HOUR + 2)]
    for email in emails:
        _parent(world, email)
    client = Client(REMOTE_ADDR="203.0.113.9")
    for email in emails:
        client.post(reverse("portal:login"), {"email": email})
    assert len(mail.outbox) == MAX_PER_ADDRESS_PER_HOUR
    assert LoginCode.objects.count() == MAX_PER_ADDRESS_PER_HOUR
    # another client is not held up by this one
    Client(REMOTE_ADDR="198.51.100.7").post(reverse("portal:login"), {"email": emails[-1]})
    assert len(mail.outbox) == MAX_PER_ADDRESS_PER_HOUR + 1
