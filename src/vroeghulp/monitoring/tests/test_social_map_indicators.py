"""Referrals and placements per provider, and family support offered and accepted per programme,
counted by the social-map entry they name; every active entry listed, the empty ones too; shown
banded on the dashboard like every count."""

import datetime

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.models import FamilySupport, ReferralOut
from vroeghulp.monitoring.indicators import Scope, compute_all
from vroeghulp.socialmap.constants import EntryKind
from vroeghulp.socialmap.tests.factories import SocialMapEntryFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def counted(world, other_world):
    fysio = SocialMapEntryFactory(network=world.network, name="Kinderfysio")
    SocialMapEntryFactory(network=world.network, name="Ongebruikt")
    SocialMapEntryFactory(network=world.network, name="Gestopt", is_active=False)
    course = SocialMapEntryFactory(
        network=world.network, name="Opvoedcursus", kind=EntryKind.PROGRAMME
    )
    foreign = SocialMapEntryFactory(network=other_world.network, name="Elders")
    case = world.own_case
    for placed in (True, True, False, None, True, True):
        ReferralOut.objects.create(
            case=case,
            service="Kinderfysio",
            social_map_entry=fysio,
            referred_on=D(2026, 3, 1),
            placed=placed,
        )
    ReferralOut.objects.create(case=case, service="Eigen", referred_on=D(2026, 3, 2), placed=True)
    # outside the period, and another network's
    ReferralOut.objects.create(
        case=case, service="Kinderfysio", social_map_entry=fysio, referred_on=D(2025, 3, 1)
    )
    ReferralOut.objects.create(
        case=other_world.own_case,
        service="Elders",
        social_map_entry=foreign,
        referred_on=D(2026, 3, 1),
    )
    for response in ("accepted", "accepted", "declined", "pending", "accepted"):
        FamilySupport.objects.create(
            case=case,
            programme="Opvoedcursus",
            social_map_entry=course,
            offered_on=D(2026, 4, 1),
            response=response,
        )
    scope = Scope(networks=[world.network], start=D(2026, 1, 1), end=D(2026, 12, 31))
    return compute_all(scope)


def test_referrals_and_placements_per_provider(counted):
    assert counted["referrals_provider"].breakdown == {
        "Kinderfysio": 6,
        "Ongebruikt": 0,
        "Opvoedcursus": 0,
        "niet op de sociale kaart": 1,
    }
    assert counted["referrals_provider"].count == 7
    assert counted["placements_provider"].breakdown == {
        "Kinderfysio": 4,
        "Ongebruikt": 0,
        "Opvoedcursus": 0,
        "niet op de sociale kaart": 1,
    }


def test_family_support_per_programme(counted):
    assert counted["support_offered_programme"].breakdown == {
        "Opvoedcursus": 5,
        "niet op de sociale kaart": 0,
    }
    assert counted["support_accepted_programme"].breakdown == {
        "Opvoedcursus": 3,
        "niet op de sociale kaart": 0,
    }


def test_the_dashboard_shows_them_banded(world, counted):
    client = verified_client(world.users[Role.COORDINATOR])
    response = client.get(reverse("monitoring:overview"), {"year": "2026"})
    html = response.content.decode()
    assert "Verwijzingen per aanbieder" in html
    assert "Gezinsondersteuning aangenomen, per programma" in html
    rows = {row.key: row for row in response.context["indicators"]}
    assert rows["referrals_provider"].value == "5–8"
    shown = {cell.label: cell.shown for cell in rows["referrals_provider"].breakdown}
    assert shown == {
        "Kinderfysio": "5–8",
        "Ongebruikt": "<5",
        "Opvoedcursus": "<5",
        "niet op de sociale kaart": "<5",
    }
