"""A team meeting is planned at most a year ahead and entered at most two years afterwards."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.meetings.actions import add_to_agenda, plan_meeting
from vroeghulp.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def _dmy(days_from_today: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days_from_today)).strftime("%d-%m-%Y")


@pytest.mark.parametrize("when", ["1900-01-01T10:00", "2024-03-14T10:00", "2999-01-01T10:00"])
def test_an_implausible_meeting_date_is_refused_with_its_window(world, when):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.post(
        reverse("meetings:plan"), {"starts_at": when, "location": "MEE", "tier": "Kernteam"}
    )
    html = response.content.decode()
    assert (
        f"Vul voor het MDO een datum in van {_dmy(-731)} (2 jaar terug) "
        f"tot en met {_dmy(365)} (1 jaar vooruit)."
    ) in html
    assert f'value="{when}"' in html
    assert not Meeting.objects.exists()


def test_a_meeting_next_week_is_planned_and_the_action_checks_too(world):
    client = verified_client(world.users[Role.COORDINATOR])
    next_week = (timezone.localtime() + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    client.post(reverse("meetings:plan"), {"starts_at": next_week, "location": "MEE"})
    assert Meeting.objects.count() == 1
    with pytest.raises(ValidationError):
        plan_meeting(
            world.network,
            actor=world.users[Role.COORDINATOR],
            starts_at=datetime.datetime(1900, 1, 1, 10, tzinfo=datetime.UTC),
        )
    assert Meeting.objects.count() == 1


def test_a_child_cannot_be_on_the_agenda_of_a_meeting_before_its_registration(world):
    coordinator = world.users[Role.COORDINATOR]
    registered_earlier(world.own_case)  # 5 January 2026
    before = Meeting.objects.create(
        network=world.network,
        starts_at=datetime.datetime(2026, 1, 4, 13, 30, tzinfo=datetime.UTC),
        created_by=coordinator,
    )
    with pytest.raises(ValidationError) as refused:
        add_to_agenda(before, actor=coordinator, case=world.own_case, parents_attend=None)
    assert refused.value.messages == ["Dit MDO was voor de aanmelding van dit kind (05-01-2026)."]
    assert not AgendaItem.objects.exists()
    after = Meeting.objects.create(
        network=world.network,
        starts_at=datetime.datetime(2026, 1, 5, 13, 30, tzinfo=datetime.UTC),
        created_by=coordinator,
    )
    add_to_agenda(after, actor=coordinator, case=world.own_case, parents_attend=None)
    assert AgendaItem.objects.count() == 1
