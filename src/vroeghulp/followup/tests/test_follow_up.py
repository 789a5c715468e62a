"""Long-term follow-up: started after closing, check-ins, reminders, reopening."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.calendar_months import add_months
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.followup.models import FollowUpPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_case(world):
    Case.objects.filter(pk=world.own_case.pk).update(phase=Phase.CLOSED, closed_at=timezone.now())
    return Case.objects.get(pk=world.own_case.pk)


@pytest.fixture
def casemanager(world):
    return verified_client(world.users[Role.CASEMANAGER])


def _start(client, case, first=None):
    first = first or timezone.localdate() + datetime.timedelta(days=3)
    return client.post(
        reverse("followup:start", args=[case.code]),
        {"every_months": 6, "first_check_on": first.isoformat(), "version": case.version},
    )


def test_start_check_in_and_next_date(closed_case, casemanager):
    assert _start(casemanager, closed_case).status_code == 302
    case = Case.objects.get(pk=closed_case.pk)
    assert case.phase == Phase.FOLLOW_UP
    today = timezone.localdate()
    casemanager.post(
        reverse("followup:check_in", args=[case.code]),
        {"on": today.isoformat(), "summary": "Gaat goed op school."},
    )
    plan = FollowUpPlan.objects.get()
    assert plan.next_check_on == add_months(today, 6)
    assert case.check_ins.get().summary == "Gaat goed op school."


def test_reminders_go_once_and_name_no_child(closed_case, casemanager, world):
    _start(casemanager, closed_case)
    call_command("send_reminders")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.users[Role.CASEMANAGER].email]
    assert world.own_case.child.family_name not in mail.outbox[0].body
    call_command("send_reminders")
    assert len(mail.outbox) == 1  # idempotent


def test_reopening_restarts_help(closed_case, casemanager):
    _start(casemanager, closed_case)
    case = Case.objects.get(pk=closed_case.pk)
    response = casemanager.post(
        reverse("followup:reopen", args=[case.code]),
        {"reason": "Nieuwe vraag over schoolkeuze", "version": case.version},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phase == Phase.INTAKE
    assert FollowUpPlan.objects.get().active is False
    assert case.transitions.last().reason == "Nieuwe vraag over schoolkeuze"


def test_a_first_check_in_in_the_past_is_refused(closed_case, casemanager):
    response = _start(casemanager, closed_case, first=datetime.date(2020, 1, 1))
    today = timezone.localdate().strftime("%d-%m-%Y")
    assert (
        f"Vul voor de eerste check-in een datum in van {today} (vandaag) tot en met"
        in response.content.decode()
    )


def test_follow_up_pages_follow_the_case_access(closed_case, other_world):
    outsider = verified_client(other_world.users[Role.CASEMANAGER])
    assert outsider.get(reverse("followup:case", args=[closed_case.code])).status_code == 404
    assert _start(outsider, closed_case).status_code == 404
    analyst = verified_client(other_world.users[Role.ANALYST])
    assert analyst.get(reverse("followup:list")).status_code == 404


def test_add_months_handles_month_ends():
    assert add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 1, 15), 12) == datetime.date(2027, 1, 15)
