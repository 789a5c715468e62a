"""The schedule of a child born too early: the network's moments, dated by corrected age."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.constants import EventKind
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.prematurity import actions
from vroeghulp.prematurity.models import PrematureVisit

from .helpers import born_at_27_plus_1

pytestmark = pytest.mark.django_db


def test_moments_are_dated_from_the_due_date(world):
    born = born_at_27_plus_1(world.own_case)
    actions.plan_schedule(world.own_case, actor=world.users[Role.CASEMANAGER])
    due = born + datetime.timedelta(days=90)
    rows = list(PrematureVisit.objects.values_list("corrected_months", "kind", "planned_on"))
    assert rows[0] == (0, "home_visit", due)
    assert [r[0] for r in rows] == [0, 3, 6, 9, 12, 18, 24]
    assert rows[-1][2].year == due.year + 2 and rows[-1][2].month == due.month
    event = world.own_case.events.get(kind=EventKind.PREMATURE)
    assert "7 bezoeken" in event.text
    assert AuditEntry.objects.filter(object_type="child", action="create").exists()


def test_planning_twice_adds_nothing(world):
    born_at_27_plus_1(world.own_case)
    actor = world.users[Role.CASEMANAGER]
    actions.plan_schedule(world.own_case, actor=actor)
    assert actions.plan_schedule(world.own_case, actor=actor) == []
    assert PrematureVisit.objects.count() == 7


def test_a_network_schedule_is_used(world):
    world.network.premature_schedule = [{"months": 6, "kind": "consult"}]
    world.network.save()
    born_at_27_plus_1(world.own_case)
    case = Case.objects.select_related("child", "network").get(pk=world.own_case.pk)
    actions.plan_schedule(case, actor=world.users[Role.CASEMANAGER])
    assert list(PrematureVisit.objects.values_list("corrected_months", "kind")) == [(6, "consult")]


def test_a_child_born_at_32_weeks_gets_no_schedule(world):
    world.own_case.child.gestational_age_weeks = 32
    world.own_case.child.save()
    with pytest.raises(ValidationError):
        actions.plan_schedule(world.own_case, actor=world.users[Role.CASEMANAGER])
    assert PrematureVisit.objects.count() == 0


def test_a_closed_trajectory_is_read_only(world):
    born_at_27_plus_1(world.own_case)
    Case.objects.filter(pk=world.own_case.pk).update(phase=Phase.CLOSED, closed_at=timezone.now())
    case = Case.objects.get(pk=world.own_case.pk)
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(reverse("prematurity:schedule", args=[case.code]))
    assert response.status_code == 302
    assert PrematureVisit.objects.count() == 0


def test_who_may_plan(world, other_world):
    born_at_27_plus_1(world.own_case)
    url = reverse("prematurity:schedule", args=[world.own_case.code])
    for user in (
        world.users[Role.REFERRER],
        world.users[Role.NETWORK_ADMIN],
        other_world.users[Role.COORDINATOR],
    ):
        assert verified_client(user).post(url).status_code == 404
    assert PrematureVisit.objects.count() == 0
    assert verified_client(world.users[Role.CASEMANAGER]).post(url).status_code == 302
    assert PrematureVisit.objects.count() == 7
