"""The admin is for network administrators, limited to their own network, and has no case files."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.networks.admin import admin_site

pytestmark = pytest.mark.django_db


def test_only_network_administrators_enter_the_admin(world):
    for role in Role:
        response = verified_client(world.users[role]).get(reverse("admin:index"))
        expected = 200 if role == Role.NETWORK_ADMIN else 302
        assert response.status_code == expected, role


def test_the_admin_has_no_child_or_case_data():
    models = {model._meta.label for model in admin_site._registry}
    assert models == {
        "networks.Network",
        "networks.Municipality",
        "networks.Organisation",
        "networks.Region",
        "networks.TeamTier",
        "accounts.Membership",
        "accounts.User",
        "plans.JargonTerm",
        "portal.SatisfactionQuestion",
        "socialmap.SocialMapEntry",
    }


def test_an_administrator_sees_only_their_own_network(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    organisations = client.get(reverse("admin:networks_organisation_changelist"))
    html = organisations.content.decode()
    assert world.organisation.name in html
    assert other_world.organisation.name not in html
    foreign = client.get(
        reverse("admin:networks_organisation_change", args=[other_world.organisation.pk])
    )
    assert foreign.status_code == 302  # Django's admin redirects a missing object to the index
    users = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert world.users[Role.CASEMANAGER].email in users
    assert other_world.users[Role.CASEMANAGER].email not in users


def test_an_administrator_adds_a_professional_to_their_network(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "nieuw@example.test",
            "full_name": "Nieuwe Collega",
            "discipline": "logopedist",
            "password1": "een-heel-lang-wachtwoord-9",
            "password2": "een-heel-lang-wachtwoord-9",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "1",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-network": world.network.pk,
            "memberships-0-organisation": world.organisation.pk,
            "memberships-0-role": Role.TEAM_MEMBER,
            "memberships-0-is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="nieuw@example.test")
    assert Membership.objects.get(user=user).network == world.network


def test_an_administrator_cannot_place_someone_in_another_network(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    response = client.post(
        reverse("admin:accounts_membership_add"),
        {
            "user": world.users[Role.ANALYST].pk,
            "network": other_world.network.pk,
            "organisation": other_world.organisation.pk,
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert (
        not Membership.objects.filter(network=other_world.network, role=Role.COORDINATOR)
        .exclude(user__in=other_world.users.values())
        .exists()
    )


def test_membership_organisation_must_belong_to_the_network(world, other_world):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    other_org_in_own_network = world.other_organisation
    response = client.post(
        reverse("admin:accounts_membership_add"),
        {
            "user": world.users[Role.ANALYST].pk,
            "network": world.network.pk,
            "organisation": other_org_in_own_network.pk,
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    membership = Membership(
        user=world.users[Role.ANALYST],
        network=world.network,
        organisation=other_world.organisation,
        role=Role.CASEMANAGER,
    )
    with pytest.raises(ValidationError, match="hoort niet bij het gekozen netwerk"):
        membership.full_clean()


def test_admin_login_page_is_the_application_login(db):
    response = Client().get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_administrator_cannot_change_their_own_roles(world):
    admin_user = world.users[Role.NETWORK_ADMIN]
    client = verified_client(admin_user)
    response = client.post(
        reverse("admin:accounts_membership_add"),
        {
            "user": admin_user.pk,
            "network": world.network.pk,
            "organisation": world.organisation.pk,
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user=admin_user, role=Role.COORDINATOR).exists()
    own = client.get(reverse("admin:accounts_user_change", args=[admin_user.pk]))
    assert own.status_code == 302
