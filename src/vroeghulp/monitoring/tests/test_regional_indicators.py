"""The regional settings are counted: advice without a team meeting (share of the moves to
advice), trajectories per team tier, and registrations declined because earlier steps were
skipped (with that reason)."""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.cases.models import PhaseTransition
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.monitoring.indicators import Scope, compute_all
from vroeghulp.monitoring.presentation import rows
from vroeghulp.networks.constants import TierKind
from vroeghulp.networks.tests.factories import NetworkFactory, TeamTierFactory
from vroeghulp.referrals.constants import DeclineKind
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def network():
    return NetworkFactory(advice_without_meeting=True, referral_required=True)


def _case(network, opened: datetime.date, tier=None):
    return CaseFactory(child=ChildFactory(network=network), opened_at=at(opened), team_tier=tier)


def test_share_of_advice_without_a_meeting(network):
    scope = Scope(networks=[network], start=D(2026, 1, 1), end=D(2026, 4, 30))
    for n, (day, without) in enumerate(
        [
            (D(2026, 2, 1), True),
            (D(2026, 3, 1), False),
            (D(2026, 3, 5), False),
            (D(2026, 5, 2), True),
        ]
    ):
        case = _case(network, D(2026, 1, 1) + datetime.timedelta(days=n))
        PhaseTransition.objects.create(
            case=case,
            from_phase=Phase.MEETING,
            to_phase=Phase.ADVICE,
            at=at(day),
            without_meeting=without,
            parents_agreed=without,
        )
    # a move elsewhere is not a move to advice
    PhaseTransition.objects.create(
        case=_case(network, D(2026, 1, 9)),
        from_phase=Phase.INTAKE,
        to_phase=Phase.INFORMATION,
        at=at(D(2026, 2, 2)),
    )
    result = compute_all(scope)["advice_without_meeting"]
    assert (result.numerator, result.denominator) == (1, 3)


def test_trajectories_per_tier(network):
    local = TeamTierFactory(network=network, name="Kernteam Noord", kind=TierKind.LOCAL)
    provincial = TeamTierFactory(network=network, name="Provinciaal team", kind=TierKind.PROVINCIAL)
    TeamTierFactory(network=network, name="Kernteam Zuid", kind=TierKind.LOCAL)
    _case(network, D(2026, 1, 10), local)
    _case(network, D(2026, 2, 10), local)
    _case(network, D(2026, 3, 10), provincial)
    _case(network, D(2026, 3, 11))
    _case(network, D(2026, 6, 1), provincial)  # outside the period
    scope = Scope(networks=[network], start=D(2026, 1, 1), end=D(2026, 4, 30))
    result = compute_all(scope)["cases_per_tier"]
    assert result.count == 4
    assert result.breakdown == {
        "Kernteam Noord": 2,
        "Kernteam Zuid": 0,
        "Provinciaal team": 1,
        "geen team gekozen": 1,
    }
    published = {row.key: row for row in rows(compute_all(scope))}["cases_per_tier"]
    assert [(cell.label, cell.shown) for cell in published.breakdown] == [
        ("Kernteam Noord", "<5"),
        ("Kernteam Zuid", "<5"),
        ("Provinciaal team", "<5"),
        ("geen team gekozen", "<5"),
    ]


def test_declined_because_earlier_steps_were_skipped_is_counted_with_its_reason(network):
    for kind in (DeclineKind.STEPS_SKIPPED, DeclineKind.STEPS_SKIPPED, DeclineKind.OTHER):
        RegistrationFactory(
            network=network, received_at=at(D(2026, 2, 1)), status="declined", decline_kind=kind
        )
    RegistrationFactory(network=network, received_at=at(D(2026, 2, 2)), status="accepted")
    scope = Scope(networks=[network], start=D(2026, 1, 1), end=D(2026, 4, 30))
    results = compute_all(scope)
    assert results["declined_reasons"].breakdown == {"steps_skipped": 2, "other": 1}
    assert (results["declined"].numerator, results["declined"].denominator) == (3, 4)
    published = {row.key: row for row in rows(results)}["declined_reasons"]
    labels = [cell.label for cell in published.breakdown]
    assert "Eerdere stappen overgeslagen (bijv. eerst de jeugdarts of huisarts)" in labels
