"""Parents log in through an OpenID Connect provider (here a real one on loopback)."""

from urllib.parse import urlparse

import pytest
import requests
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import User
from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.portal.oidc import BACKEND

from .oidc_provider import Provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    with (
        Provider() as provider,
        override_settings(
            **provider.settings(),
            AUTHENTICATION_BACKENDS=[*settings.AUTHENTICATION_BACKENDS, BACKEND],
        ),
    ):
        yield provider


@pytest.fixture
def parent(world):
    user = UserFactory(email="moeder@example.test")
    GuardianFactory(child=world.own_case.child, user=user)
    return user


def _log_in(client: Client, provider: Provider, claims: dict):
    """Start at the portal, let the provider answer, and come back to the callback."""
    provider.claims = claims
    start = client.get(reverse("portal:oidc_start"))
    assert start.status_code == 302 and start["Location"].startswith(provider.url)
    answer = requests.get(start["Location"], allow_redirects=False, timeout=5)
    callback = urlparse(answer.headers["Location"])
    assert callback.path == reverse("portal:oidc_callback")
    return client.get(f"{callback.path}?{callback.query}", follow=True)


def test_a_parent_logs_in_with_the_provider(world, parent, provider):
    client = Client()
    login_page = client.get(reverse("portal:login")).content.decode()
    assert "Inloggen met DigiD" in login_page
    response = _log_in(
        client, provider, {"sub": "p-1", "email": "Moeder@Example.test", "email_verified": True}
    )
    assert int(client.session["_auth_user_id"]) == parent.pk
    assert "Wat gebeurt er hierna?" in response.content.decode()
    assert world.own_case.child.full_name in response.content.decode()


@pytest.mark.parametrize(
    "claims",
    [
        {"email": "moeder@example.test", "email_verified": False},  # not verified
        {"email": "onbekend@example.test", "email_verified": True},  # not a known parent
        {"email_verified": True},  # no e-mail address at all
    ],
)
def test_unverified_or_unknown_identities_are_refused(world, parent, provider, claims):
    client = Client()
    users_before = User.objects.count()
    response = _log_in(client, provider, claims)
    assert "_auth_user_id" not in client.session
    assert "Inloggen via DigiD is niet gelukt." in response.content.decode()
    assert User.objects.count() == users_before  # nobody gets an account this way


def test_professionals_cannot_skip_their_second_factor(world, provider):
    casemanager = world.users[Role.CASEMANAGER]
    GuardianFactory(child=world.own_case.child, user=casemanager)  # also a parent, say
    client = Client()
    _log_in(client, provider, {"email": casemanager.email, "email_verified": True})
    assert "_auth_user_id" not in client.session


def test_a_forged_state_is_refused(world, parent, provider):
    client = Client()
    client.get(reverse("portal:oidc_start"))
    response = client.get(reverse("portal:oidc_callback"), {"code": "x", "state": "forged"})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_without_configuration_there_is_no_oidc_login(world):
    client = Client()
    assert "Inloggen met" not in client.get(reverse("portal:login")).content.decode()
    assert client.get(reverse("portal:oidc_start")).status_code == 404
    assert client.get(reverse("portal:oidc_callback")).status_code == 404


def _invite(world, email: str) -> None:
    """The casemanager invites the child's guardian to the portal."""
    from vroeghulp.accounts.tests.factories import verified_client

    guardian = world.own_case.child.guardians.get()
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    prefix = f"g{guardian.pk}"
    response = casemanager.post(
        reverse("invitations:invite", args=[world.own_case.code]),
        {"guardian": guardian.pk, f"{prefix}-email": email, f"{prefix}-email_again": email},
    )
    assert response.status_code == 302


def _link_path() -> str:
    from django.core import mail

    link = next(word for word in mail.outbox[-1].body.split() if "/ouders/uitnodiging/" in word)
    return urlparse(link).path


def test_an_invited_parent_gets_in_through_the_provider_with_that_address(
    world, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, "vader@example.test")
    path = _link_path()
    client = Client()
    assert "Inloggen met DigiD" in client.get(path).content.decode()
    response = _log_in(
        client, provider, {"sub": "p-2", "email": "vader@example.test", "email_verified": True}
    )
    user = User.objects.get(email="vader@example.test")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert world.own_case.child.guardians.get().user == user
    assert world.own_case.child.full_name in response.content.decode()
    assert Client().get(path).status_code == 404  # the link worked once


def test_the_provider_with_another_address_does_not_use_the_invitation(
    world, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, "vader@example.test")
    path = _link_path()
    client = Client()
    client.get(path)
    users_before = User.objects.count()
    _log_in(client, provider, {"sub": "p-3", "email": "ander@example.test", "email_verified": True})
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == users_before
    assert world.own_case.child.guardians.get().user is None
