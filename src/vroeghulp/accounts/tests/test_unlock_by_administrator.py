"""A network administrator unlocks the login of a user in their own network; it is audited."""

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.actions import unlock_login
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.lockout import is_account_locked
from vroeghulp.accounts.tests.factories import PASSWORD, verified_client
from vroeghulp.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _lock(user, settings) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    for n in range(5):
        Client(REMOTE_ADDR=f"198.51.100.{n}").post(
            reverse("accounts:login"), {"username": user.email, "password": "fout"}
        )
    assert is_account_locked(user.email)


def _unlock_through_admin(admin_user, user):
    return verified_client(admin_user).post(
        reverse("admin:accounts_user_changelist"),
        {"action": "unlock_login", "_selected_action": [user.pk]},
    )


def test_the_admin_shows_the_lock_and_unlocks_it(world, settings):
    user, admin_user = world.users[Role.COORDINATOR], world.users[Role.NETWORK_ADMIN]
    _lock(user, settings)
    page = verified_client(admin_user).get(reverse("admin:accounts_user_change", args=[user.pk]))
    html = page.content.decode()
    assert "Inloggen geblokkeerd" in html and "icon-yes.svg" in html

    response = _unlock_through_admin(admin_user, user)
    assert response.status_code == 302
    assert not is_account_locked(user.email)
    client = Client(REMOTE_ADDR="203.0.113.10")
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert "_auth_user_id" in client.session


def test_the_unlock_writes_an_audit_entry(world, settings):
    user, admin_user = world.users[Role.COORDINATOR], world.users[Role.NETWORK_ADMIN]
    _lock(user, settings)
    _unlock_through_admin(admin_user, user)
    entry = AuditEntry.objects.get(details__change="unlock_login")
    assert entry.user_id == admin_user.pk
    assert entry.network_id == world.network.pk
    assert entry.action == "update"
    assert (entry.object_type, entry.object_id) == ("user", str(user.pk))
    assert entry.details == {"change": "unlock_login", "user_id": user.pk}
    assert entry.role == "network_admin"


def test_an_administrator_cannot_unlock_another_networks_user(world, other_world, settings):
    foreign = other_world.users[Role.COORDINATOR]
    admin_user = world.users[Role.NETWORK_ADMIN]
    _lock(foreign, settings)
    attempts, entries = AccessAttempt.objects.count(), AuditEntry.objects.count()

    _unlock_through_admin(admin_user, foreign)
    with pytest.raises(PermissionDenied):
        unlock_login(foreign, actor=admin_user)

    assert is_account_locked(foreign.email)
    assert AccessAttempt.objects.count() == attempts
    assert AuditEntry.objects.count() == entries


def test_other_roles_cannot_unlock(world, settings):
    user = world.users[Role.CASEMANAGER]
    _lock(user, settings)
    with pytest.raises(PermissionDenied):
        unlock_login(user, actor=world.users[Role.COORDINATOR])
    assert is_account_locked(user.email)
