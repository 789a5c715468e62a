"""TOTP: set up once with a code from the app, then asked at every login."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _password_login(user) -> Client:
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    return client


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _forget_throttling(device: TOTPDevice) -> None:
    # django-otp delays a new attempt after a wrong one; tests do not wait.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()


def test_throttling_after_wrong_codes_is_explained(world):
    user = world.users[Role.COORDINATOR]
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = _password_login(user)
    client.post(reverse("accounts:second_factor"), {"token": "123456"})
    response = client.post(reverse("accounts:second_factor"), {"token": "123456"})
    assert "Te veel pogingen" in response.content.decode()


def test_setup_confirms_the_device_with_a_valid_code(world):
    user = world.users[Role.CASEMANAGER]
    client = _password_login(user)
    page = client.get(reverse("accounts:second_factor_setup"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert page.context["secret"] in page.content.decode()

    wrong = client.post(reverse("accounts:second_factor_setup"), {"token": "000000"})
    assert "Deze code klopt niet" in wrong.content.decode()
    _forget_throttling(device)
    response = client.post(reverse("accounts:second_factor_setup"), {"token": _code(device)})
    assert response["Location"] == reverse("home")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home")).status_code == 200


def test_login_asks_for_the_code_of_the_confirmed_device(world):
    user = world.users[Role.COORDINATOR]
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = _password_login(user)
    wrong = client.post(reverse("accounts:second_factor"), {"token": "123456"})
    assert "Deze code klopt niet of is verlopen" in wrong.content.decode()
    assert client.get(reverse("home")).status_code == 302
    _forget_throttling(device)
    client.post(reverse("accounts:second_factor"), {"token": _code(device)})
    assert client.get(reverse("home")).status_code == 200


def test_setup_is_not_offered_once_a_device_is_confirmed(world):
    user = world.users[Role.COORDINATOR]
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = _password_login(user)
    response = client.get(reverse("accounts:second_factor_setup"))
    assert response["Location"] == reverse("accounts:second_factor")
