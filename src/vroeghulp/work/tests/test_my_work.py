"""Mijn werk shows what is due, overdue and waiting on others, only from the user's own cases."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.models import InformationRequest
from vroeghulp.cases.states import Phase
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_coordinator_sees_callbacks_due_and_children_not_in_a_meeting(world):
    RegistrationFactory(network=world.network, callback_due_on=_days(-1), child_given_name="Bel")
    RegistrationFactory(network=world.network, callback_due_on=_days(30), child_given_name="Later")
    work = verified_client(world.users[Role.COORDINATOR]).get(reverse("home")).context["work"]
    assert [r["registration"].child_given_name for r in work.callbacks] == ["Bel"]
    assert work.callbacks[0]["deadline"].overdue
    assert world.own_case in work.not_in_meeting


def test_overdue_information_and_due_check_ins(world):
    user = world.users[Role.CASEMANAGER]
    InformationRequest.objects.create(
        case=world.own_case,
        organisation=world.other_organisation,
        question="Verslag",
        due_on=_days(-3),
        requested_by=user,
    )
    world.own_case.phase = Phase.FOLLOW_UP
    world.own_case.save(update_fields=["phase"])
    FollowUpPlan.objects.create(case=world.own_case, every_months=6, next_check_on=_days(2))
    before = AuditEntry.objects.count()
    work = verified_client(user).get(reverse("home")).context["work"]
    assert [i.case for i in work.information_overdue] == [world.own_case]
    assert [p.case for p in work.check_ins_due] == [world.own_case]
    # named only by its deadlines (follow-up is not among the running trajectories): one entry
    logged = AuditEntry.objects.order_by("pk")[before:]
    assert [(e.child_id, e.grounds, e.details["view"]) for e in logged] == [
        (world.own_case.child_id, Grounds.TEAM_MEMBERSHIP, "worklist")
    ]


def test_nothing_from_cases_the_user_is_not_on(world, other_world):
    RegistrationFactory(network=other_world.network, callback_due_on=_days(-1))
    html = verified_client(world.users[Role.CASEMANAGER]).get(reverse("home")).content.decode()
    assert world.other_case.child.full_name not in html
    assert other_world.own_case.child.full_name not in html
    work = verified_client(world.users[Role.COORDINATOR]).get(reverse("home")).context["work"]
    assert work.callbacks == []


def test_a_long_section_shows_the_most_urgent_rows_says_how_many_more_and_can_show_all(world):
    from vroeghulp.cases.constants import TeamRole
    from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory
    from vroeghulp.children.tests.factories import ChildFactory
    from vroeghulp.work.queries import SECTION_ROWS

    coordinator = world.users[Role.COORDINATOR]
    created = []
    for days in range(SECTION_ROWS + 3):
        case = CaseFactory(
            child=ChildFactory(network=world.network),
            phase=Phase.INTAKE,
            opened_at=timezone.now() - datetime.timedelta(days=100 + days),
        )
        TeamMemberFactory(case=case, user=coordinator, team_role=TeamRole.COORDINATOR)
        created.append(case)
    client = verified_client(coordinator)
    everything = client.get(reverse("home"), {"alles": "1"}).context["work"]
    assert set(created) <= set(everything.not_in_meeting)
    assert everything.more["not_in_meeting"] == 0
    in_all = len(everything.not_in_meeting)

    before = AuditEntry.objects.count()
    response = client.get(reverse("home"))
    work = response.context["work"]
    assert work.not_in_meeting == sorted(created, key=lambda case: case.opened_at)[:SECTION_ROWS]
    assert work.more["not_in_meeting"] == in_all - SECTION_ROWS
    page = response.content.decode()
    assert f"En nog {in_all - SECTION_ROWS}." in page and 'href="?alles=1"' in page
    logged = set(AuditEntry.objects.order_by("pk")[before:].values_list("child_id", flat=True))
    assert logged == {case.child_id for case in work.my_cases + work.not_in_meeting}
