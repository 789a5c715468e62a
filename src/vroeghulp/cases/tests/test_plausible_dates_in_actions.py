"""The actions hold every date to the same window as the forms, so a command or a future API
cannot store a date the form refuses."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.cases import actions
from vroeghulp.cases.constants import ClosingReason, TeamRole
from vroeghulp.cases.models import (
    Case,
    Contact,
    FamilySupport,
    Intake,
    PhaseTransition,
    ReferralOut,
    TeamMember,
    TimeSpent,
)
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent

pytestmark = pytest.mark.django_db

IN_1900 = datetime.date(1900, 1, 1)
BEFORE_BIRTH = datetime.date(2024, 3, 14)  # the world's child was born on 15 March 2024
FAR_AHEAD = datetime.date(2999, 1, 1)


def _window(what: str) -> str:
    today = timezone.localdate().strftime("%d-%m-%Y")
    return f"Vul voor {what} een datum in van 05-01-2026 (aanmelding) tot en met {today} (vandaag)."


@pytest.fixture(autouse=True)
def _registered_earlier(world):
    registered_earlier(world.own_case)


def _record(world, kind, day):
    case, user = world.own_case, world.users[Role.CASEMANAGER]
    if kind == "contact":
        actions.record_contact(case, actor=user, on=day, form="phone", summary="Gebeld.")
    elif kind == "hours":
        actions.record_time(case, actor=user, on=day, activity="meeting", hours=Decimal(1))
    elif kind == "referral":
        actions.refer_out(case, actor=user, service="Logopedie", referred_on=day)
    elif kind == "support":
        actions.offer_family_support(
            case, actor=user, programme="VoorZorg", offered_on=day, response="declined"
        )
    elif kind == "home visit":
        actions.save_intake(case, actor=user, version=0, home_visit_on=day)


KINDS = [
    ("contact", Contact, "het contact"),
    ("hours", TimeSpent, "de uren"),
    ("referral", ReferralOut, "de verwijzing"),
    ("support", FamilySupport, "het aanbod van gezinsondersteuning"),
    ("home visit", Intake, "het huisbezoek"),
]


@pytest.mark.parametrize(("kind", "model", "what"), KINDS)
@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_an_action_refuses_an_implausible_date(world, kind, model, what, day):
    with pytest.raises(ValidationError) as refused:
        _record(world, kind, day)
    assert refused.value.messages == [_window(what)]
    assert model.objects.count() == 0


@pytest.mark.parametrize(("kind", "model", "what"), KINDS)
def test_an_action_accepts_a_plausible_date(world, kind, model, what):
    _record(world, kind, datetime.date(2026, 6, 1))
    assert model.objects.count() == 1


def test_a_placement_cannot_precede_its_referral(world):
    user = world.users[Role.CASEMANAGER]
    referral = actions.refer_out(
        world.own_case, actor=user, service="Logopedie", referred_on=datetime.date(2026, 6, 1)
    )
    with pytest.raises(ValidationError) as refused:
        actions.record_placement(
            referral, actor=user, placed=True, placed_on=datetime.date(2026, 5, 31)
        )
    assert "van 01-06-2026 (verwijzing)" in refused.value.messages[0]
    referral.refresh_from_db()
    assert referral.placed_on is None


def test_a_consent_before_the_birth_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        actions.record_consent(
            world.own_case,
            actor=world.users[Role.CASEMANAGER],
            organisation=world.other_organisation,
            purpose=Purpose.EXCHANGE_INFORMATION,
            given_by=list(world.own_case.child.guardians.all()),
            given_on=IN_1900,
        )
    assert "van 15-03-2024 (geboortedatum)" in refused.value.messages[0]
    assert not Consent.objects.exists()


def test_closing_or_moving_back_in_1900_is_refused(world):
    case, coordinator = world.own_case, world.users[Role.COORDINATOR]
    at = datetime.datetime(1900, 1, 1, 12, tzinfo=datetime.UTC)
    with pytest.raises(ValidationError) as refused:
        actions.close_case(
            case, actor=coordinator, version=case.version, reason=ClosingReason.MOVED_AWAY, at=at
        )
    assert refused.value.messages == [_window("het afsluiten")]
    with pytest.raises(ValidationError):
        actions.transition(
            case, actor=coordinator, to_phase=Phase.INFORMATION, version=case.version, at=at
        )
    assert Case.objects.get(pk=case.pk).phase == Phase.INTAKE
    assert not PhaseTransition.objects.exists()


def test_a_team_place_starting_before_the_registration_is_refused(world):
    newcomer = world.users[Role.TEAM_MEMBER]
    TeamMember.objects.filter(user=newcomer).delete()
    before = TeamMember.objects.count()
    with pytest.raises(ValidationError):
        actions.add_team_member(
            world.own_case,
            actor=world.users[Role.COORDINATOR],
            user=newcomer,
            team_role=TeamRole.MEMBER,
            at=datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC),
        )
    assert TeamMember.objects.count() == before
