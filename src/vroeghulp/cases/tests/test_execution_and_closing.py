"""Execution (contacts, referrals and placement, family support) and closing the trajectory."""

import pytest
from django.core import mail
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.constants import ClosingReason, GoalRealisation
from vroeghulp.cases.models import Case, Closure, Goal
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.consent.tests.factories import ConsentFactory
from vroeghulp.networks.tests.factories import OrganisationFactory
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _registered_earlier(world):
    # the dates typed below lie before today: the trajectory started before them
    registered_earlier(world.own_case)


@pytest.fixture
def casemanager(world):
    return verified_client(world.users[Role.CASEMANAGER])


def _url(world, name):
    return reverse(name, args=[world.own_case.code])


def test_contacts_referrals_and_support_are_recorded(world, casemanager):
    casemanager.post(
        _url(world, "cases:add_contact"),
        {"on": "2026-11-20", "form": "phone", "summary": "Moeder gebeld over logopedie."},
    )
    casemanager.post(
        _url(world, "cases:add_referral"), {"service": "Logopedie", "referred_on": "2026-11-20"}
    )
    referral = world.own_case.referrals_out.get()
    casemanager.post(
        _url(world, "cases:record_placement"),
        {"referral": referral.pk, "placed": "1", "placed_on": "2026-11-21"},
    )
    casemanager.post(
        _url(world, "cases:add_support"),
        {"programme": "VoorZorg", "offered_on": "2026-11-20", "response": "declined"},
    )
    referral.refresh_from_db()
    assert referral.placed is True
    assert world.own_case.contacts.get().summary.startswith("Moeder")
    assert world.own_case.family_support.get().response == "declined"
    assert world.own_case.events.filter(kind="execution").count() == 4


def test_future_dates_are_refused_in_dutch(world, casemanager):
    response = casemanager.post(
        _url(world, "cases:add_contact"), {"on": "2999-01-01", "form": "phone", "summary": "x"}
    )
    assert (
        "Vul voor het contact een datum in van 05-01-2026 (aanmelding) tot en met"
        in response.content.decode()
    )
    assert not world.own_case.contacts.exists()


def test_closing_evaluates_goals_and_tells_the_referrer(
    world, casemanager, django_capture_on_commit_callbacks
):
    goal = Goal.objects.create(case=world.own_case, text="Beter praten")
    RegistrationFactory(
        network=world.network,
        child=world.own_case.child,
        referrer_user=world.users[Role.REFERRER],
        referrer_organisation=world.other_organisation,
        status="accepted",
    )
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    school = OrganisationFactory(
        network=world.network, name="De Regenboog", kind="school", email="ib@regenboog.test"
    )
    ConsentFactory(child=world.own_case.child, organisation=school)
    with django_capture_on_commit_callbacks(execute=True):
        response = casemanager.post(
            _url(world, "cases:close"),
            {
                "reason": ClosingReason.PLAN_REALISED,
                "problem_reduction": "some",
                f"goal_{goal.pk}": GoalRealisation.PARTLY,
                "school": school.pk,
                "version": world.own_case.version,
            },
        )
    assert response.status_code == 302
    case = Case.objects.get(pk=world.own_case.pk)
    assert case.phase == Phase.CLOSED and case.closed_at is not None
    closure = Closure.objects.get()
    assert closure.referrer_informed and closure.school_informed
    assert closure.school == school
    page = casemanager.get(_url(world, "cases:closing")).content.decode()
    assert "De Regenboog is geïnformeerd." in page
    goal.refresh_from_db()
    assert goal.realisation == GoalRealisation.PARTLY
    to_referrer = next(m for m in mail.outbox if m.to == [world.users[Role.REFERRER].email])
    assert world.own_case.child.given_name not in to_referrer.body
    to_school = next(m for m in mail.outbox if m.to == ["ib@regenboog.test"])
    assert world.own_case.child.given_name in to_school.body


def test_stopping_early_needs_the_parents_reason(world, casemanager):
    response = casemanager.post(
        _url(world, "cases:close"),
        {"reason": ClosingReason.STOPPED_EARLY, "version": world.own_case.version},
    )
    assert "Schrijf op waarom de ouders stopten." in response.content.decode()
    assert Case.objects.get(pk=world.own_case.pk).phase == Phase.INTAKE


def test_team_members_without_lead_role_cannot_close(world):
    client = verified_client(world.users[Role.TEAM_MEMBER])
    response = client.post(
        _url(world, "cases:close"),
        {"reason": ClosingReason.MOVED_AWAY, "version": world.own_case.version},
    )
    assert response.status_code == 400
    assert Case.objects.get(pk=world.own_case.pk).phase == Phase.INTAKE


def test_outsiders_cannot_reach_execution_or_closing(world, other_world):
    client = verified_client(other_world.users[Role.CASEMANAGER])
    for name in ("cases:execution", "cases:closing"):
        assert client.get(_url(world, name)).status_code == 404
    assert (
        client.post(
            _url(world, "cases:add_contact"), {"on": "2026-11-20", "form": "phone", "summary": "x"}
        ).status_code
        == 404
    )


def test_the_referrer_hears_nothing_without_the_parents_consent(
    world, casemanager, django_capture_on_commit_callbacks
):
    RegistrationFactory(
        network=world.network,
        child=world.own_case.child,
        referrer_user=world.users[Role.REFERRER],
        referrer_organisation=world.other_organisation,
        status="accepted",
    )
    page = casemanager.get(_url(world, "cases:closing")).content.decode()
    assert "meldde het kind aan, maar krijgt geen bericht van het afsluiten" in page
    with django_capture_on_commit_callbacks(execute=True):
        casemanager.post(
            _url(world, "cases:close"),
            {"reason": ClosingReason.PLAN_REALISED, "version": world.own_case.version},
        )
    closure = Closure.objects.get()
    assert closure.referrer_informed is False
    assert mail.outbox == []
    page = casemanager.get(_url(world, "cases:closing")).content.decode()
    assert "De verwijzer is geïnformeerd." not in page


def test_only_a_school_with_the_parents_consent_can_be_named_as_informed(world, casemanager):
    school = OrganisationFactory(network=world.network, name="De Regenboog", kind="school")
    page = casemanager.get(_url(world, "cases:closing")).content.decode()
    assert "De Regenboog" not in page  # no consent: not offered
    response = casemanager.post(
        _url(world, "cases:close"),
        {
            "reason": ClosingReason.PLAN_REALISED,
            "school": school.pk,
            "version": world.own_case.version,
        },
    )
    assert response.status_code == 400
    assert Case.objects.get(pk=world.own_case.pk).phase != Phase.CLOSED
    assert not Closure.objects.exists()


def test_a_school_without_an_address_is_not_said_to_be_informed(
    world, casemanager, django_capture_on_commit_callbacks
):
    school = OrganisationFactory(network=world.network, name="De Regenboog", kind="school")
    ConsentFactory(child=world.own_case.child, organisation=school)
    with django_capture_on_commit_callbacks(execute=True):
        casemanager.post(
            _url(world, "cases:close"),
            {
                "reason": ClosingReason.PLAN_REALISED,
                "school": school.pk,
                "version": world.own_case.version,
            },
        )
    closure = Closure.objects.get()
    assert (closure.school, closure.school_informed) == (school, False)
    assert mail.outbox == []
    page = casemanager.get(_url(world, "cases:closing")).content.decode()
    assert "De Regenboog kreeg geen bericht: er is geen e-mailadres bekend." in page
