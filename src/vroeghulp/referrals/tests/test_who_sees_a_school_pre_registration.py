"""A school's pre-registration: its own school sees how far it got (status only), the
coordinator sees it waiting for the parents (not yet to be decided on); another school and
another network see nothing."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.models import Registration

from .school import pre_register, school_with_ib

pytestmark = pytest.mark.django_db


def _own_list(user) -> str:
    return verified_client(user).get(reverse("referrals:referrer_registration")).content.decode()


def test_the_school_sees_its_pre_registration_waiting(world):
    _school, ib = school_with_ib(world.network)
    pre_register(ib)
    page = _own_list(ib)
    assert "Sofie" in page and "Wacht op bevestiging ouders" in page
    registration = Registration.objects.get()
    read = AuditEntry.objects.get(action=AuditAction.READ, object_id=str(registration.pk))
    assert read.grounds == Grounds.REFERRAL and read.user_id == ib.pk


def test_after_confirmation_the_school_sees_only_that(world):
    _school, ib = school_with_ib(world.network)
    pre_register(ib)
    Registration.objects.update(status=Status.ACCEPTED)
    page = _own_list(ib)
    assert "Bevestigd door de ouders" in page
    assert "Geaccepteerd" not in page


def test_another_school_and_another_network_see_nothing(world, other_world):
    _school, ib = school_with_ib(world.network)
    pre_register(ib)
    _other_school, other_ib = school_with_ib(world.network, name="Obs De Linde")
    _far_school, far_ib = school_with_ib(other_world.network, name="Basisschool Ver Weg")
    for outsider in (other_ib, far_ib, other_world.users[Role.REFERRER]):
        page = _own_list(outsider)
        assert "Sofie" not in page and "Wacht op bevestiging" not in page
        assert "Nog geen vooraanmeldingen." in page
    registration = Registration.objects.get()
    for outsider in (ib, other_ib, other_world.users[Role.COORDINATOR]):
        detail = verified_client(outsider).get(
            reverse("cases:registration", args=[registration.code])
        )
        assert detail.status_code == 404


def test_the_coordinator_sees_it_waiting_but_not_to_decide(world, other_world):
    _school, ib = school_with_ib(world.network)
    pre_register(ib)
    response = verified_client(world.users[Role.COORDINATOR]).get(reverse("cases:registrations"))
    assert response.context["rows"] == []
    assert [r.child_given_name for r in response.context["unconfirmed"]] == ["Sofie"]
    assert "Basisschool De Regenboog" in response.content.decode()
    elsewhere = verified_client(other_world.users[Role.COORDINATOR]).get(
        reverse("cases:registrations")
    )
    assert elsewhere.context["unconfirmed"] == []
    detail = verified_client(world.users[Role.COORDINATOR]).get(
        reverse("cases:registration", args=[Registration.objects.get().code])
    )
    assert detail.status_code == 200 and detail.context["can_decide"] is False
