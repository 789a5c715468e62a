"""Roles are granted and revoked through an audited action, in one's own network only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from vroeghulp.accounts.actions import grant_role, revoke_role
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.accounts.tests.factories import MembershipFactory, UserFactory, verified_client
from vroeghulp.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, int]:
    return Membership.objects.count(), AuditEntry.objects.count()


def test_a_grant_in_the_admin_is_audited(world):
    admin_user, analyst = world.users[Role.NETWORK_ADMIN], world.users[Role.ANALYST]
    response = verified_client(admin_user).post(
        reverse("admin:accounts_membership_add"),
        {
            "user": analyst.pk,
            "network": world.network.pk,
            "organisation": world.organisation.pk,
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=analyst, role=Role.COORDINATOR)
    entry = AuditEntry.objects.get(details__change="grant_role")
    assert entry.action == "create"
    assert entry.user_id == admin_user.pk
    assert entry.network_id == world.network.pk
    assert (entry.object_type, entry.object_id) == ("membership", str(membership.pk))
    assert entry.details["role"] == "coordinator"
    assert entry.details["user_id"] == analyst.pk
    assert entry.role == "network_admin"


def test_a_new_colleague_with_a_role_is_audited(world):
    admin_user = world.users[Role.NETWORK_ADMIN]
    verified_client(admin_user).post(
        reverse("admin:accounts_user_add"),
        {
            "email": "nieuw@example.test",
            "full_name": "Nieuwe Collega",
            "password1": "een-heel-lang-wachtwoord-9",
            "password2": "een-heel-lang-wachtwoord-9",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "1",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-network": world.network.pk,
            "memberships-0-organisation": world.organisation.pk,
            "memberships-0-role": Role.CASEMANAGER,
            "memberships-0-is_active": "on",
        },
    )
    user = User.objects.get(email="nieuw@example.test")
    entry = AuditEntry.objects.get(details__change="grant_role")
    assert entry.details["user_id"] == user.pk
    assert entry.details["role"] == "casemanager"
    assert entry.network_id == world.network.pk


def test_revoking_a_role_in_the_admin_is_audited(world):
    admin_user, coordinator = world.users[Role.NETWORK_ADMIN], world.users[Role.COORDINATOR]
    membership = Membership.objects.get(user=coordinator, role=Role.COORDINATOR)
    response = verified_client(admin_user).post(
        reverse("admin:accounts_membership_change", args=[membership.pk]),
        {
            "user": coordinator.pk,
            "network": world.network.pk,
            "organisation": world.organisation.pk,
            "role": Role.COORDINATOR,
            # is_active left out: unticked
        },
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert not membership.is_active
    entry = AuditEntry.objects.get(details__change="revoke_role")
    assert entry.action == "update"
    assert entry.details["role"] == "coordinator"
    assert entry.details["user_id"] == coordinator.pk
    assert entry.details["before"]["is_active"] is True


def test_no_grant_in_another_network_through_the_admin(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    foreign_user = other_world.users[Role.ANALYST]
    before = _counts()
    added = client.post(
        reverse("admin:accounts_membership_add"),
        {
            "user": world.users[Role.ANALYST].pk,
            "network": other_world.network.pk,
            "organisation": other_world.organisation.pk,
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    assert added.status_code == 200  # the form again, with an error
    foreign = Membership.objects.get(user=foreign_user)
    changed = client.post(
        reverse("admin:accounts_membership_change", args=[foreign.pk]),
        {
            "user": foreign_user.pk,
            "network": other_world.network.pk,
            "organisation": other_world.organisation.pk,
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    assert changed.status_code == 302 and changed["Location"] == reverse("admin:index")
    assert _counts() == before
    foreign.refresh_from_db()
    assert foreign.role == Role.ANALYST


def test_the_action_refuses_another_network_and_ones_own_roles(world, other_world):
    admin_user = world.users[Role.NETWORK_ADMIN]
    before = _counts()
    with pytest.raises(PermissionDenied):
        grant_role(
            Membership(
                user=world.users[Role.ANALYST],
                network=other_world.network,
                organisation=other_world.organisation,
                role=Role.COORDINATOR,
            ),
            actor=admin_user,
        )
    with pytest.raises(PermissionDenied):
        grant_role(
            Membership(
                user=admin_user,
                network=world.network,
                organisation=world.organisation,
                role=Role.COORDINATOR,
            ),
            actor=admin_user,
        )
    foreign = Membership.objects.get(user=other_world.users[Role.COORDINATOR])
    with pytest.raises(PermissionDenied):
        revoke_role(foreign, actor=admin_user)
    # Moving a row of another network into one's own is refused as well.
    foreign.network, foreign.organisation = world.network, world.organisation
    with pytest.raises(PermissionDenied):
        grant_role(foreign, actor=admin_user)
    assert _counts() == before
    foreign.refresh_from_db()
    assert (foreign.network, foreign.is_active) == (other_world.network, True)


def test_other_roles_cannot_grant(world):
    before = _counts()
    with pytest.raises(PermissionDenied):
        grant_role(
            Membership(
                user=world.users[Role.ANALYST],
                network=world.network,
                organisation=world.organisation,
                role=Role.COORDINATOR,
            ),
            actor=world.users[Role.COORDINATOR],
        )
    assert _counts() == before


def test_a_network_administrator_never_hands_out_platform_rights(world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    user = world.users[Role.ANALYST]
    membership = Membership.objects.get(user=user)
    client.post(
        reverse("admin:accounts_user_change", args=[user.pk]),
        {
            "email": user.email,
            "full_name": user.full_name,
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-MIN_NUM_FORMS": "1",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-id": membership.pk,
            "memberships-0-user": user.pk,
            "memberships-0-network": world.network.pk,
            "memberships-0-organisation": world.organisation.pk,
            "memberships-0-role": Role.ANALYST,
            "memberships-0-is_active": "on",
        },
    )
    user.refresh_from_db()
    assert not user.is_superuser and not user.is_staff


def test_platform_accounts_are_out_of_a_network_administrators_reach(world):
    platform = UserFactory(is_superuser=True, is_staff=True)
    membership = MembershipFactory(
        user=platform, organisation=world.organisation, role=Role.COORDINATOR
    )
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    users = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert platform.email not in users
    assert client.get(reverse("admin:accounts_user_change", args=[platform.pk])).status_code == 302
    before = _counts()
    with pytest.raises(PermissionDenied):
        revoke_role(membership, actor=world.users[Role.NETWORK_ADMIN])
    assert _counts() == before
