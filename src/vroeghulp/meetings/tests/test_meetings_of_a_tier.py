"""In a network with team tiers a meeting is of one tier, and its agenda offers the children
for whom that tier was chosen; a child of another tier is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.models import Case
from vroeghulp.cases.tests.factories import TeamMemberFactory
from vroeghulp.meetings import actions
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.networks.constants import TierKind
from vroeghulp.networks.tests.factories import TeamTierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiers(world):
    return (
        TeamTierFactory(network=world.network, name="Kernteam Stad", kind=TierKind.LOCAL),
        TeamTierFactory(network=world.network, name="Provinciaal team", kind=TierKind.PROVINCIAL),
    )


def _when():
    return (timezone.localtime() + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")


def test_a_meeting_is_planned_for_a_tier(world, tiers):
    _local, provincial = tiers
    client = verified_client(world.users[Role.COORDINATOR])
    page = client.get(reverse("meetings:list")).content.decode()
    assert "Provinciaal team" in page
    response = client.post(
        reverse("meetings:plan"), {"starts_at": _when(), "team_tier": provincial.pk}
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.team_tier == provincial and meeting.tier == "Provinciaal team"


def test_without_a_tier_the_plan_is_refused_and_the_input_kept(world, tiers):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.post(reverse("meetings:plan"), {"starts_at": _when(), "location": "GGD"})
    assert response.status_code == 400
    assert "Kies het team van dit MDO" in response.content.decode()
    assert 'value="GGD"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_agenda_offers_the_children_of_its_tier(world, tiers):
    local, provincial = tiers
    Case.objects.filter(pk=world.own_case.pk).update(team_tier=provincial)
    Case.objects.filter(pk=world.other_case.pk).update(team_tier=local)
    coordinator = world.users[Role.COORDINATOR]
    TeamMemberFactory(case=world.other_case, user=coordinator, team_role="coordinator")
    meeting = actions.plan_meeting(
        world.network,
        actor=coordinator,
        starts_at=timezone.now() + datetime.timedelta(days=7),
        team_tier=provincial,
    )
    page = verified_client(coordinator).get(reverse("meetings:detail", args=[meeting.code]))
    choices = [case for case in page.context["form"].fields["case"].queryset]
    assert choices == [Case.objects.get(pk=world.own_case.pk)]

    other = Case.objects.get(pk=world.other_case.pk)
    with pytest.raises(ValidationError, match="besproken door een ander team"):
        actions.add_to_agenda(meeting, actor=coordinator, case=other, parents_attend=None)
    assert not AgendaItem.objects.exists()


def test_a_network_without_tiers_names_its_team_freely(world):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.post(reverse("meetings:plan"), {"starts_at": _when(), "tier": "Kernteam"})
    assert response.status_code == 302
    assert Meeting.objects.get().tier == "Kernteam"
