"""Nothing in the admin deletes: no delete permission, no 'delete selected' action, no button."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.networks.admin import admin_site

pytestmark = pytest.mark.django_db


def _requests(world):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    for user in (world.users[Role.NETWORK_ADMIN], superuser):
        request = RequestFactory().get(reverse("admin:index"))
        request.user = user
        user.is_verified = lambda: True  # as django-otp's middleware marks a second-factor login
        yield request


def test_no_registered_model_may_be_deleted(world):
    for request in _requests(world):
        for model, model_admin in admin_site._registry.items():
            assert not model_admin.has_delete_permission(request), model
            assert "delete_selected" not in model_admin.get_actions(request), model
            for inline in model_admin.get_inline_instances(request):
                assert not inline.has_delete_permission(request), (model, inline)
                assert not inline.can_delete, (model, inline)


def test_no_change_page_offers_deletion(world):
    client = verified_client(UserFactory(is_superuser=True, is_staff=True))
    pages = {
        "networks_network": world.network.pk,
        "networks_organisation": world.organisation.pk,
        "accounts_user": world.users[Role.CASEMANAGER].pk,
    }
    for name, pk in pages.items():
        html = client.get(reverse(f"admin:{name}_change", args=[pk])).content.decode()
        assert reverse(f"admin:{name}_delete", args=[pk]) not in html, name
        listing = client.get(reverse(f"admin:{name}_changelist")).content.decode()
        assert "delete_selected" not in listing, name


def test_the_delete_page_is_refused(world):
    organisation = world.organisation
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    response = client.post(
        reverse("admin:networks_organisation_delete", args=[organisation.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert type(organisation).objects.filter(pk=organisation.pk).exists()
