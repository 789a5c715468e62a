"""A child that went back for further diagnostics goes on a later meeting's agenda."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases import actions
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.meetings import actions as meeting_actions
from vroeghulp.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def _meeting(world, hours: int) -> Meeting:
    return Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() + datetime.timedelta(hours=hours),
        created_by=world.users[Role.COORDINATOR],
    )


def test_a_child_back_from_diagnostics_is_offered_for_a_later_meeting(world):
    coordinator = world.users[Role.COORDINATOR]
    Case.objects.filter(pk=world.own_case.pk).update(phase=Phase.MEETING)
    case = registered_earlier(Case.objects.get(pk=world.own_case.pk))
    first = _meeting(world, -2)
    item = AgendaItem.objects.create(meeting=first, case=case)
    meeting_actions.conclude(
        item,
        actor=coordinator,
        version=item.version,
        conclusion="Eerst gehooronderzoek",
        further_diagnostics="Audiologisch centrum",
    )
    case.refresh_from_db()
    case = actions.transition(
        case,
        actor=coordinator,
        to_phase=Phase.INFORMATION,
        version=case.version,
        reason="Naar het audiologisch centrum",
    )
    later = _meeting(world, 24 * 14)
    client = verified_client(coordinator)
    page = client.get(reverse("meetings:detail", args=[later.code])).content.decode()
    assert case.child.full_name not in page  # gathering information: not yet
    actions.transition(case, actor=coordinator, to_phase=Phase.MEETING, version=case.version)
    page = client.get(reverse("meetings:detail", args=[later.code])).content.decode()
    assert case.child.full_name in page
    response = client.post(
        reverse("meetings:add_item", args=[later.code]), {"case": case.pk, "parents_attend": ""}
    )
    assert response.status_code == 302
    assert AgendaItem.objects.filter(meeting=later, case=case).exists()
