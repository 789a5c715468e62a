"""Once the parents have the plan, their portal page shows how each advice stands: its status
and since when, its date, and the name of who keeps it up (nothing more about that person)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.plans.actions import issue_version, save_item, start_plan
from vroeghulp.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(world):
    user = UserFactory()
    GuardianFactory(child=world.own_case.child, user=user)
    client = Client()
    client.force_login(user)
    return client


def _page(client, world) -> str:
    response = client.get(reverse("portal:child", args=[world.own_case.code]))
    assert response.status_code == 200
    return response.content.decode()


def _save(plan, actor, **fields):
    fresh = Plan.objects.get(pk=plan.pk)
    return save_item(fresh, actor=actor, version=fresh.version, domain="medical", **fields)


def test_parents_see_each_items_status_since_when_and_its_date(world, parent):
    casemanager = world.users[Role.CASEMANAGER]
    # not the parents' contact person, whose e-mail address the page shows on purpose
    member = world.users[Role.TEAM_MEMBER]
    plan = start_plan(world.own_case, actor=casemanager)
    due = timezone.localdate() + datetime.timedelta(days=20)
    item = _save(
        plan,
        casemanager,
        advice="De huisarts kijkt naar de oren.",
        due_on=due,
        responsible=member,
        status="to_do",
    )
    assert "De huisarts kijkt naar de oren." not in _page(parent, world)  # nothing issued yet

    fresh = Plan.objects.get(pk=plan.pk)
    issue_version(fresh, actor=casemanager, version=fresh.version)
    _save(
        plan,
        casemanager,
        item=item,
        advice=item.advice,
        due_on=due,
        responsible=member,
        status="started",
    )
    html = _page(parent, world)
    today = timezone.localdate()
    assert "Hoe staat het met de adviezen?" in html
    assert "De huisarts kijkt naar de oren." in html
    assert "Gestart" in html
    assert f"sinds {today.day} " in html
    assert f"gepland op {due.day} " in html
    assert f"{member.full_name} houdt dit bij" in html
    assert member.email not in html  # the professional's name, nothing else of them


def test_another_parent_sees_nothing_of_it(world, other_world):
    casemanager = world.users[Role.CASEMANAGER]
    plan = start_plan(world.own_case, actor=casemanager)
    _save(plan, casemanager, advice="Geheim advies", status="to_do")
    fresh = Plan.objects.get(pk=plan.pk)
    issue_version(fresh, actor=casemanager, version=fresh.version)
    stranger = UserFactory()
    GuardianFactory(child=other_world.own_case.child, user=stranger)
    client = Client()
    client.force_login(stranger)
    response = client.get(reverse("portal:child", args=[world.own_case.code]))
    assert response.status_code == 404
    assert "Geheim advies" not in response.content.decode()
