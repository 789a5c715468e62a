"""An advice item with a date lands on Mijn werk of the professional responsible for it, from a
week before the date until it is done or declined; nobody else's list shows it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.models import Case, TeamMember
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.plans.models import Plan, PlanItem
from vroeghulp.work.queries import SOON_DAYS

pytestmark = pytest.mark.django_db


def _item(case, responsible, days: int, status: str = "to_do", advice: str = "Oren nakijken"):
    plan, _ = Plan.objects.get_or_create(case=case)
    return PlanItem.objects.create(
        plan=plan,
        domain="medical",
        advice=advice,
        due_on=timezone.localdate() + datetime.timedelta(days=days),
        responsible=responsible,
        status=status,
    )


def _work(user):
    response = verified_client(user).get(reverse("home"))
    assert response.status_code == 200
    return response


def test_the_responsible_professional_sees_items_due_soon_or_past(world):
    casemanager = world.users[Role.CASEMANAGER]
    overdue = _item(world.own_case, casemanager, -3, advice="Gehoortest aanvragen")
    soon = _item(world.own_case, casemanager, SOON_DAYS, status="started", advice="Logopedie")
    _item(world.own_case, casemanager, SOON_DAYS + 1, advice="Later")
    _item(world.own_case, casemanager, -1, status="done", advice="Klaar")
    _item(world.own_case, casemanager, -1, status="declined", advice="Niet gewenst")
    response = _work(casemanager)
    assert response.context["work"].plan_items_due == [overdue, soon]
    html = response.content.decode()
    assert "Adviezen met een datum" in html
    assert "Gehoortest aanvragen" in html
    assert '<span class="deadline-overdue">⚠ te laat' in html
    for hidden in ("Later", "Klaar", "Niet gewenst"):
        assert hidden not in html


def test_only_the_responsible_professional_sees_the_item(world):
    casemanager = world.users[Role.CASEMANAGER]
    _item(world.own_case, casemanager, 1)
    coordinator_work = _work(world.users[Role.COORDINATOR])
    assert coordinator_work.context["work"].plan_items_due == []
    assert "Adviezen met een datum" not in coordinator_work.content.decode()


def test_leaving_the_team_takes_ones_items_off_the_list(world):
    casemanager = world.users[Role.CASEMANAGER]
    _item(world.own_case, casemanager, 1)
    TeamMember.objects.filter(case=world.own_case, user=casemanager).update(ended_at=timezone.now())
    assert _work(casemanager).context["work"].plan_items_due == []


def test_a_case_named_only_by_this_section_is_in_the_audit_entries(world):
    casemanager = world.users[Role.CASEMANAGER]
    # in follow-up the case is neither among "my running trajectories" nor waiting for the MDO
    Case.objects.filter(pk=world.own_case.pk).update(phase=Phase.FOLLOW_UP)
    _item(world.own_case, casemanager, 2)
    before = AuditEntry.objects.count()
    work = _work(casemanager).context["work"]
    assert work.my_cases == [] and work.not_in_meeting == []
    logged = AuditEntry.objects.order_by("pk")[before:].values_list("child_id", flat=True)
    assert list(logged) == [world.own_case.child_id]


def _queries(client) -> int:
    client.get(reverse("home"))  # warm up: the first audit write creates the chain head
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("home")).status_code == 200
    return len(context)


def _more_items(world, user, n: int) -> None:
    for index in range(n):
        case = CaseFactory(child=ChildFactory(network=world.network), phase=Phase.FOLLOW_UP)
        TeamMemberFactory(case=case, user=user, team_role="casemanager")
        _item(case, user, index - 2)


def test_the_section_costs_the_same_queries_however_many_items(world):
    casemanager = world.users[Role.CASEMANAGER]
    client = verified_client(casemanager)
    empty = _queries(client)
    _more_items(world, casemanager, 1)
    one = _queries(client)
    _more_items(world, casemanager, 8)
    assert _queries(client) == one
    # the rows and their count: one query each, and nothing when the section is empty
    assert one <= empty + 2
