"""Follow-up proactive or on request (a network setting): proactive plans check-ins and reminds;
on request plans none and reminds of none, and a recorded request makes the contact due."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.constants import EventKind
from vroeghulp.cases.models import Case, TimelineEvent
from vroeghulp.cases.states import Phase
from vroeghulp.followup.models import FollowUpPlan, FollowUpRequest
from vroeghulp.networks.constants import FollowUpMode

pytestmark = pytest.mark.django_db


def _closed(world, mode) -> Case:
    world.network.follow_up_mode = mode
    world.network.save(update_fields=["follow_up_mode"])
    Case.objects.filter(pk=world.own_case.pk).update(
        phase=Phase.CLOSED,
        closed_at=timezone.now(),
        opened_at=timezone.now() - datetime.timedelta(days=200),
    )
    return Case.objects.get(pk=world.own_case.pk)


def _start(client, case, **extra):
    return client.post(
        reverse("followup:start", args=[case.code]), {"version": case.version, **extra}
    )


def test_proactive_plans_check_ins_and_reminds(world):
    case = _closed(world, FollowUpMode.PROACTIVE)
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _start(client, case)  # without a rhythm: refused, as before
    assert response.status_code == 400
    assert not FollowUpPlan.objects.exists()
    soon = timezone.localdate() + datetime.timedelta(days=2)
    assert _start(client, case, every_months=6, first_check_on=soon.isoformat()).status_code == 302
    call_command("send_reminders", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_on_request_plans_nothing_and_sends_no_reminder(world):
    case = _closed(world, FollowUpMode.ON_REQUEST)
    client = verified_client(world.users[Role.CASEMANAGER])
    page = client.get(reverse("followup:case", args=[case.code])).content.decode()
    assert "In dit netwerk gaat langdurige begeleiding op verzoek" in page
    assert 'name="every_months"' not in page

    assert _start(client, case, reason="Down syndroom; vragen bij de overstap").status_code == 302

    plan = FollowUpPlan.objects.get(case=case)
    assert plan.every_months is None and plan.next_check_on is None
    assert Case.objects.get(pk=case.pk).phase == Phase.FOLLOW_UP
    call_command("send_reminders", stdout=StringIO())
    assert mail.outbox == []
    page = client.get(reverse("followup:case", args=[case.code])).content.decode()
    assert "er is geen check-in gepland" in page


def test_a_request_reopens_contact_and_a_check_in_answers_it(world):
    case = _closed(world, FollowUpMode.ON_REQUEST)
    client = verified_client(world.users[Role.CASEMANAGER])
    _start(client, case)
    today = timezone.localdate()

    response = client.post(
        reverse("followup:record_request", args=[case.code]),
        {"on": today.isoformat(), "asked_by": "parents", "question": "Vragen over de school"},
    )

    assert response.status_code == 302
    request = FollowUpRequest.objects.get(case=case)
    assert (request.asked_by, request.question) == ("parents", "Vragen over de school")
    assert FollowUpPlan.objects.get(case=case).next_check_on == today
    event = TimelineEvent.objects.get(case=case, kind=EventKind.FOLLOW_UP)
    assert event.text == "Verzoek om contact (de ouders)"
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, child_id=case.child_id, object_type="followuprequest"
    ).exists()
    # the contact is due: it is on the casemanager's work list
    work = client.get(reverse("home")).content.decode()
    assert case.child.full_name in work
    # even a due contact in an on-request network is not mailed about
    call_command("send_reminders", stdout=StringIO())
    assert mail.outbox == []

    client.post(
        reverse("followup:check_in", args=[case.code]),
        {"on": today.isoformat(), "summary": "Gebeld; school is geregeld."},
    )
    assert FollowUpPlan.objects.get(case=case).next_check_on is None


def test_a_request_without_a_question_is_refused_and_keeps_the_input(world):
    case = _closed(world, FollowUpMode.ON_REQUEST)
    client = verified_client(world.users[Role.CASEMANAGER])
    _start(client, case)
    response = client.post(
        reverse("followup:record_request", args=[case.code]),
        {"on": timezone.localdate().isoformat(), "asked_by": "casemanager", "question": ""},
    )
    assert response.status_code == 400
    assert "Schrijf kort op waar de vraag over gaat" in response.content.decode()
    assert not FollowUpRequest.objects.exists()


def test_who_may_record_a_request(world, other_world):
    case = _closed(world, FollowUpMode.ON_REQUEST)
    _start(verified_client(world.users[Role.CASEMANAGER]), case)
    data = {"on": timezone.localdate().isoformat(), "asked_by": "parents", "question": "Vraag"}
    for user in (
        world.users[Role.ANALYST],
        world.users[Role.NETWORK_ADMIN],
        other_world.users[Role.COORDINATOR],
    ):
        response = verified_client(user).post(
            reverse("followup:record_request", args=[case.code]), data
        )
        assert response.status_code == 404
    assert not FollowUpRequest.objects.exists()
    response = verified_client(world.users[Role.TEAM_MEMBER]).post(
        reverse("followup:record_request", args=[case.code]), data
    )
    assert response.status_code == 302
    assert FollowUpRequest.objects.count() == 1
