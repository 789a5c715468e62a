"""A person holds one active place per role on a child's team: a second one is refused in Dutch,
the database refuses it too, and the e-mail to the coordinator goes out once."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, professional, verified_client
from vroeghulp.cases import actions
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import TeamMember
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.portal.actions import request_data_change
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _add(client, world, user, team_role):
    return client.post(
        reverse("cases:add_member", args=[world.own_case.code]),
        {"user": user.pk, "team_role": team_role},
    )


def test_adding_an_active_member_again_in_the_same_role_is_refused_in_dutch(world):
    casemanager = world.users[Role.CASEMANAGER]  # on the team as casemanager already
    before = TeamMember.objects.count()
    client = verified_client(world.users[Role.COORDINATOR])
    response = _add(client, world, casemanager, TeamRole.CASEMANAGER)
    assert response.status_code == 400
    assert f"{casemanager.full_name} staat al in het team als casemanager." in (
        response.content.decode()
    )
    assert TeamMember.objects.count() == before


def test_the_form_names_the_place_someone_already_holds_in_another_role(world):
    casemanager = world.users[Role.CASEMANAGER]
    before = TeamMember.objects.count()
    client = verified_client(world.users[Role.COORDINATOR])
    response = _add(client, world, casemanager, TeamRole.MEMBER)
    assert response.status_code == 400
    assert f"{casemanager.full_name} staat al in het team als casemanager." in (
        response.content.decode()
    )
    assert TeamMember.objects.count() == before


def test_the_action_refuses_a_second_active_place_too(world):
    coordinator = world.users[Role.COORDINATOR]
    before = TeamMember.objects.count()
    with pytest.raises(ValidationError) as refused:
        actions.add_team_member(
            world.own_case, actor=coordinator, user=coordinator, team_role=TeamRole.COORDINATOR
        )
    assert refused.value.messages == [
        f"{coordinator.full_name} staat al in het team als coördinator."
    ]
    assert TeamMember.objects.count() == before


def test_someone_whose_place_ended_can_be_added_again(world):
    casemanager = world.users[Role.CASEMANAGER]
    place = TeamMember.objects.get(case=world.own_case, user=casemanager)
    actions.end_team_membership(place, actor=world.users[Role.COORDINATOR])
    client = verified_client(world.users[Role.COORDINATOR])
    assert _add(client, world, casemanager, TeamRole.CASEMANAGER).status_code == 302
    places = TeamMember.objects.filter(case=world.own_case, user=casemanager)
    assert places.count() == 2
    assert places.filter(ended_at__isnull=True).count() == 1


def test_the_database_holds_the_same_rule(world):
    casemanager = world.users[Role.CASEMANAGER]
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMember.objects.create(
            case=world.own_case, user=casemanager, team_role=TeamRole.CASEMANAGER
        )
    # an ended place and a place in another role are not duplicates
    TeamMember.objects.create(
        case=world.own_case,
        user=casemanager,
        team_role=TeamRole.CASEMANAGER,
        ended_at=timezone.now(),
    )
    TeamMember.objects.create(case=world.own_case, user=casemanager, team_role=TeamRole.MEMBER)
    assert TeamMember.objects.filter(case=world.own_case, user=casemanager).count() == 3


def test_the_coordinator_who_accepts_is_on_the_team_once_and_mailed_once(
    world, django_capture_on_commit_callbacks
):
    coordinator = professional(Role.COORDINATOR, world.organisation, email="co@example.test")
    registration = RegistrationFactory(network=world.network)
    case = actions.accept_registration(registration, actor=coordinator, version=1)
    # the demo used to add the accepting coordinator a second time
    with pytest.raises(ValidationError):
        actions.add_team_member(
            case, actor=coordinator, user=coordinator, team_role=TeamRole.COORDINATOR
        )
    assert case.team.filter(user=coordinator, ended_at__isnull=True).count() == 1

    parent = UserFactory(email="ouder@example.test")
    GuardianFactory(child=case.child, user=parent)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request_data_change(case, user=parent, kind="correction", text="Mijn adres klopt niet.")
    assert [message.to for message in mail.outbox] == [["co@example.test"]]
