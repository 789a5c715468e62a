"""Jargon terms are shared by every network: only the platform (a superuser) changes them."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, verified_client
from vroeghulp.plans.models import JargonTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def term(db) -> JargonTerm:
    return JargonTerm.objects.create(term="hypotonie-test", plain="slappe spieren")


def test_a_network_administrator_reads_but_cannot_change_a_term(world, term):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    listing = client.get(reverse("admin:plans_jargonterm_changelist"))
    assert listing.status_code == 200
    assert "hypotonie-test" in listing.content.decode()

    response = client.post(
        reverse("admin:plans_jargonterm_change", args=[term.pk]),
        {"term": "hypotonie-test", "plain": "iets anders"},
    )
    assert response.status_code == 403
    term.refresh_from_db()
    assert term.plain == "slappe spieren"


def test_a_network_administrator_cannot_add_a_term(world, term):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    before = JargonTerm.objects.count()
    response = client.post(
        reverse("admin:plans_jargonterm_add"), {"term": "dysfagie", "plain": "slikproblemen"}
    )
    assert response.status_code == 403
    assert JargonTerm.objects.count() == before
    assert not JargonTerm.objects.filter(term="dysfagie").exists()


def test_a_network_administrator_cannot_delete_a_term(world, term):
    client = verified_client(world.users[Role.NETWORK_ADMIN])
    page = client.post(reverse("admin:plans_jargonterm_delete", args=[term.pk]), {"post": "yes"})
    assert page.status_code == 403
    bulk = client.post(
        reverse("admin:plans_jargonterm_changelist"),
        {"action": "delete_selected", "_selected_action": [term.pk], "post": "yes"},
    )
    assert bulk.status_code == 200  # the changelist again: the action does not exist
    assert JargonTerm.objects.filter(pk=term.pk).exists()


def test_a_superuser_edits_a_term_but_does_not_delete_it(term):
    client = verified_client(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        reverse("admin:plans_jargonterm_change", args=[term.pk]),
        {"term": "hypotonie-test", "plain": "weinig spierspanning"},
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.plain == "weinig spierspanning"
    deleted = client.post(reverse("admin:plans_jargonterm_delete", args=[term.pk]), {"post": "yes"})
    assert deleted.status_code == 403
    assert JargonTerm.objects.filter(pk=term.pk).exists()
