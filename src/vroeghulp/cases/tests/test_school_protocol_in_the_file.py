"""A school's confirmed pre-registration in the child's file: both moments on the timeline when
the trajectory starts, and at closing the school hears of it only under the parents' consent."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.constants import ClosingReason
from vroeghulp.cases.models import Case, Closure, TimelineEvent
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.consent.tests.factories import ConsentFactory
from vroeghulp.referrals.constants import Route, Status
from vroeghulp.referrals.tests.factories import RegistrationFactory
from vroeghulp.referrals.tests.school import school_with_ib

pytestmark = pytest.mark.django_db

ENTERED = datetime.datetime(2026, 1, 12, 10, 0, tzinfo=datetime.UTC)
CONFIRMED = datetime.datetime(2026, 1, 14, 18, 0, tzinfo=datetime.UTC)


def _school_registration(world, **fields):
    school, ib = school_with_ib(world.network)
    registration = RegistrationFactory(
        network=world.network,
        route=Route.REFERRER,
        referrer_user=ib,
        referrer_organisation=school,
        referrer_name=ib.full_name,
        received_at=ENTERED,
        confirmed_at=CONFIRMED,
        **fields,
    )
    return school, ib, registration


def test_accepting_puts_the_school_and_the_parents_on_the_timeline(world):
    _school, ib, registration = _school_registration(world)
    verified_client(world.users[Role.COORDINATOR]).post(
        reverse("cases:accept", args=[registration.code]), {"version": registration.version}
    )
    case = Case.objects.get(child__registrations=registration)
    events = {e.text: (e.at, e.actor_id) for e in TimelineEvent.objects.filter(case=case)}
    assert events["Vooraanmelding door Basisschool De Regenboog, met akkoord van de ouders"] == (
        ENTERED,
        ib.pk,
    )
    assert events["Aanmelding bevestigd door de ouders"] == (CONFIRMED, None)


def _close(world, django_capture_on_commit_callbacks):
    registered_earlier(world.own_case)
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    with django_capture_on_commit_callbacks(execute=True):
        casemanager.post(
            reverse("cases:close", args=[world.own_case.code]),
            {"reason": ClosingReason.PLAN_REALISED, "version": world.own_case.version},
        )
    return casemanager


def test_with_the_parents_consent_the_school_hears_of_the_closing(
    world, django_capture_on_commit_callbacks
):
    school, ib, _registration = _school_registration(
        world, child=world.own_case.child, status=Status.ACCEPTED
    )
    ConsentFactory(child=world.own_case.child, organisation=school)
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    page = casemanager.get(reverse("cases:closing", args=[world.own_case.code])).content.decode()
    assert "krijgt de verwijzer (Basisschool De Regenboog) bericht" in page
    _close(world, django_capture_on_commit_callbacks)
    assert Closure.objects.get().referrer_informed is True
    to_school = [m for m in mail.outbox if m.to == [ib.email]]
    assert len(to_school) == 1
    assert "afgesloten" in to_school[0].body
    assert world.own_case.child.given_name not in to_school[0].body


def test_without_consent_the_school_hears_nothing_and_the_page_says_so(
    world, django_capture_on_commit_callbacks
):
    school, ib, _registration = _school_registration(
        world, child=world.own_case.child, status=Status.ACCEPTED
    )
    # Consent for another organisation does not count for the school.
    ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    page = casemanager.get(reverse("cases:closing", args=[world.own_case.code])).content.decode()
    assert (
        "Basisschool De Regenboog meldde het kind aan, maar krijgt geen bericht van het "
        "afsluiten: de ouders gaven geen toestemming" in page
    )
    _close(world, django_capture_on_commit_callbacks)
    assert Closure.objects.get().referrer_informed is False
    assert [m for m in mail.outbox if ib.email in m.to or school.email in m.to] == []
