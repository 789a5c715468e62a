"""seed_demo builds a working, deterministic demo network through the real actions."""

import pytest
from django.core.management import call_command
from django.db import transaction

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import User
from vroeghulp.audit.verification import find_first_break
from vroeghulp.cases.models import Case, TeamMember
from vroeghulp.cases.states import Phase
from vroeghulp.children.models import Child
from vroeghulp.networks.models import Network

pytestmark = pytest.mark.django_db


def _snapshot():
    return sorted(
        Child.objects.values_list("given_name", "family_name", "date_of_birth", "cases__phase")
    )


def test_seed_builds_every_role_and_every_phase(capsys):
    call_command("seed_demo", children=24, seed=7)
    network = Network.objects.get(slug="regio-voorbeeld")
    assert network.municipalities.count() == 3
    assert network.organisations.count() == 9  # with the school of the school protocol
    roles = set(network.memberships.values_list("role", flat=True))
    assert roles == set(Role)
    assert set(Case.objects.values_list("phase", flat=True)) >= set(Phase) - {Phase.FOLLOW_UP}
    parent = User.objects.get(email="ouder@vroeghulp.test")
    assert parent.guardianships.count() == 1
    assert find_first_break() is None
    assert "coordinator@vroeghulp.test" in capsys.readouterr().out


def test_every_team_has_each_person_once_per_role():
    call_command("seed_demo", children=12, seed=5)
    places = TeamMember.objects.filter(ended_at__isnull=True)
    assert places.count() > 12  # coordinator, casemanager and two members per trajectory
    distinct = set(places.values_list("case_id", "user_id", "team_role"))
    assert len(distinct) == places.count()
    coordinator = User.objects.get(email="coordinator@vroeghulp.test")
    for case in Case.objects.filter(network__slug="regio-voorbeeld", team__isnull=False).distinct():
        assert case.team.filter(user=coordinator, team_role="coordinator").count() == 1


class Rollback(Exception):
    pass


def _seeded_snapshot(seed: int):
    try:
        with transaction.atomic():
            call_command("seed_demo", children=12, seed=seed)
            snapshot = _snapshot()
            raise Rollback
    except Rollback:
        return snapshot


def test_the_same_seed_gives_the_same_children():
    assert _seeded_snapshot(3) == _seeded_snapshot(3)
    assert _seeded_snapshot(3) != _seeded_snapshot(4)


def test_running_twice_adds_nothing():
    call_command("seed_demo", children=12, seed=3)
    first = _snapshot()
    call_command("seed_demo", children=12, seed=3)
    assert _snapshot() == first
