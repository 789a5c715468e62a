"""The professional responsible for an advice item gets one e-mail when its date comes, naming no
child; a new date gives a new reminder, and a finished item or a former team member none."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.models import Case, TeamMember
from vroeghulp.plans.actions import save_item, start_plan
from vroeghulp.plans.models import Plan, PlanItem

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def opened_a_month_ago(world):
    Case.objects.filter(pk=world.own_case.pk).update(
        opened_at=timezone.now() - datetime.timedelta(days=30)
    )


def _save(plan, actor, days: int, item=None, status: str = "to_do", responsible=None):
    fresh = Plan.objects.get(pk=plan.pk)
    return save_item(
        fresh,
        actor=actor,
        version=fresh.version,
        item=item,
        domain="medical",
        advice="Oren nakijken",
        due_on=timezone.localdate() + datetime.timedelta(days=days),
        responsible=responsible or actor,
        status=status,
    )


def _reminders() -> list:
    mail.outbox.clear()
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return [m for m in mail.outbox if m.subject == "Adviezen met een datum"]


def test_one_reminder_when_the_date_comes_and_again_for_a_new_date(world):
    user = world.users[Role.CASEMANAGER]
    plan = start_plan(world.own_case, actor=user)
    item = _save(plan, user, 1)
    assert _reminders() == []  # not yet
    PlanItem.objects.filter(pk=item.pk).update(due_on=timezone.localdate())
    sent = _reminders()
    assert [m.to for m in sent] == [[user.email]]
    assert world.own_case.child.full_name not in sent[0].body
    assert _reminders() == []  # safe to run twice
    item = _save(plan, user, 0, item=PlanItem.objects.get(pk=item.pk), status="started")
    assert _reminders() == []  # the same date, already reminded
    _save(plan, user, -1, item=item, status="started")
    assert len(_reminders()) == 1


def test_no_reminder_for_a_finished_item_or_someone_off_the_team(world):
    user = world.users[Role.CASEMANAGER]
    member = world.users[Role.TEAM_MEMBER]
    plan = start_plan(world.own_case, actor=user)
    _save(plan, user, 0, status="done")
    _save(plan, user, -2, status="declined")
    _save(plan, user, 0, responsible=member)
    TeamMember.objects.filter(case=world.own_case, user=member).update(ended_at=timezone.now())
    assert _reminders() == []
    assert not PlanItem.objects.filter(reminded_on__isnull=False).exists()
