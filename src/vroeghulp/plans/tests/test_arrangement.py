"""The care–education arrangement: agreed with the parents, evaluated some months later."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.plans.models import Arrangement

pytestmark = pytest.mark.django_db


def _days(n):
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


@pytest.fixture
def client(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    client.post(reverse("plans:start", args=[world.own_case.code]))
    return client


def _save(client, world, **overrides):
    data = {
        "setting": "Peuterspeelzaal De Vlinder",
        "needs": "Een vaste juf en pictogrammen bij de dagindeling.",
        "agreed_with_parents": "on",
        "starts_on": _days(-90),
        "evaluate_on": _days(3),
        **overrides,
    }
    return client.post(reverse("plans:save_arrangement", args=[world.own_case.code]), data)


def test_arrangement_shows_on_the_work_list_when_evaluation_is_due(world, client):
    assert _save(client, world).status_code == 302
    work = client.get(reverse("home")).context["work"]
    assert [a.setting for a in work.evaluations_due] == ["Peuterspeelzaal De Vlinder"]
    client.post(
        reverse("plans:evaluate_arrangement", args=[world.own_case.code]),
        {"evaluated_on": _days(0), "evaluation": "Gaat goed; pictogrammen helpen."},
    )
    assert Arrangement.objects.get().evaluated_on is not None
    assert client.get(reverse("home")).context["work"].evaluations_due == []


def test_evaluation_must_come_after_the_start(world, client):
    response = _save(client, world, evaluate_on=_days(-100))
    assert "De evaluatie ligt na de start." in response.content.decode()
    assert not Arrangement.objects.exists()


def test_outsiders_cannot_write_arrangements(world, other_world, client):
    outsider = verified_client(other_world.users[Role.CASEMANAGER])
    assert _save(outsider, world).status_code == 404


def test_evaluation_reminder_goes_once_without_the_childs_name(world, client):
    from django.core import mail
    from django.core.management import call_command

    _save(client, world)
    call_command("send_reminders")
    reminders = [m for m in mail.outbox if "onderwijs-zorgarrangement" in m.body]
    assert len(reminders) == 1
    assert world.own_case.child.family_name not in reminders[0].body
    call_command("send_reminders")
    assert len([m for m in mail.outbox if "onderwijs-zorgarrangement" in m.body]) == 1
