"""Team tiers: the case's coordinator or casemanager choose which team discusses the child,
with the reason; the choice is kept as history, on the timeline and in the audit log."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.constants import EventKind
from vroeghulp.cases.models import Case, TierChoice, TimelineEvent
from vroeghulp.networks.constants import TierKind
from vroeghulp.networks.tests.factories import TeamTierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiers(world):
    local = TeamTierFactory(network=world.network, name="Kernteam Stad", kind=TierKind.LOCAL)
    provincial = TeamTierFactory(
        network=world.network, name="Provinciaal team", kind=TierKind.PROVINCIAL
    )
    return local, provincial


def _choose(world, role, tier, reason="Complexe vraag: meerdere specialisten nodig"):
    case = Case.objects.get(pk=world.own_case.pk)
    return verified_client(world.users[role]).post(
        reverse("cases:choose_tier", args=[case.code]),
        {"tier": tier.pk, "reason": reason, "version": case.version},
    )


def test_the_casemanager_chooses_the_provincial_team(world, tiers):
    _local, provincial = tiers
    page = verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("cases:team", args=[world.own_case.code])
    )
    assert "Welk team bespreekt dit kind" in page.content.decode()
    assert "Provinciaal team" in page.content.decode()

    response = _choose(world, Role.CASEMANAGER, provincial)

    assert response.status_code == 302
    case = Case.objects.get(pk=world.own_case.pk)
    assert case.team_tier == provincial
    choice = TierChoice.objects.get(case=case)
    assert choice.reason == "Complexe vraag: meerdere specialisten nodig"
    assert choice.chosen_by == world.users[Role.CASEMANAGER]
    event = TimelineEvent.objects.get(case=case, kind=EventKind.TIER)
    assert event.text == "Besproken door: Provinciaal team"
    entry = AuditEntry.objects.get(
        action=AuditAction.UPDATE, child_id=case.child_id, object_type="tierchoice"
    )
    assert entry.details["tier"] == "Provinciaal team"


def test_a_second_choice_is_kept_beside_the_first(world, tiers):
    local, provincial = tiers
    _choose(world, Role.COORDINATOR, local, reason="Eerst lokaal")
    _choose(world, Role.COORDINATOR, provincial, reason="Toch complex")
    case = Case.objects.get(pk=world.own_case.pk)
    assert case.team_tier == provincial
    assert [c.reason for c in TierChoice.objects.filter(case=case)] == [
        "Toch complex",
        "Eerst lokaal",
    ]


def test_without_a_reason_it_is_refused_and_nothing_changes(world, tiers):
    local, _provincial = tiers
    response = _choose(world, Role.CASEMANAGER, local, reason="")
    assert response.status_code == 400
    assert "Schrijf op waarom dit team het kind bespreekt" in response.content.decode()
    assert Case.objects.get(pk=world.own_case.pk).team_tier is None
    assert not TierChoice.objects.exists()


def test_a_team_member_may_not_choose(world, tiers):
    local, _provincial = tiers
    response = _choose(world, Role.TEAM_MEMBER, local)
    assert response.status_code == 400
    assert "Alleen de coördinator of de trajectbegeleider" in response.content.decode()
    assert not TierChoice.objects.exists()


def test_a_tier_of_another_network_is_refused(world, other_world, tiers):
    foreign = TeamTierFactory(network=other_world.network, name="Ander team")
    response = _choose(world, Role.COORDINATOR, foreign)
    assert response.status_code == 400
    assert "Kies een team van dit netwerk" in response.content.decode()
    assert not TierChoice.objects.exists()


def test_outside_the_case_or_the_network_gets_404(world, other_world, tiers):
    local, _provincial = tiers
    case = world.own_case
    for user in (world.users[Role.ANALYST], other_world.users[Role.COORDINATOR]):
        response = verified_client(user).post(
            reverse("cases:choose_tier", args=[case.code]),
            {"tier": local.pk, "reason": "x", "version": case.version},
        )
        assert response.status_code == 404
    assert not TierChoice.objects.exists()


def test_a_network_without_tiers_shows_no_choice(world):
    page = verified_client(world.users[Role.COORDINATOR]).get(
        reverse("cases:team", args=[world.own_case.code])
    )
    assert "Welk team bespreekt dit kind" not in page.content.decode()
