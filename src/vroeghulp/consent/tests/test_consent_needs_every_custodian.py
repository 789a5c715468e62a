"""A consent to share information or film the child counts only once every guardian with custody
gave it; other purposes need one. The access policy follows (items of another organisation)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vroeghulp.access.policy import Action, decide, readable_items
from vroeghulp.accounts.constants import Role
from vroeghulp.cases.tests.factories import NoteFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.consent.completeness import completeness
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.models import Consent, ConsentGiving
from vroeghulp.consent.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 3, 1)


@pytest.fixture
def parents(world):
    child = world.own_case.child
    mother = child.guardians.get()
    mother.full_name = "Mirjam Eigen"
    mother.save(update_fields=["full_name"])
    father = GuardianFactory(child=child, full_name="Pieter Eigen", relation="father")
    return mother, father


def _consent(world, purpose, given_by):
    return ConsentFactory(
        child=world.own_case.child,
        organisation=world.other_organisation,
        purpose=purpose,
        given_on=datetime.date(2026, 1, 10),
        given_by=given_by,
    )


def test_information_given_by_one_of_two_custodians_is_not_in_force(world, parents):
    mother, father = parents
    consent = _consent(world, Purpose.EXCHANGE_INFORMATION, [mother])
    assert not Consent.objects.in_force(ON).exists()
    assert not Consent.objects.for_information(world.own_case.child).exists()
    state = completeness(consent, [mother, father], ON)
    assert [g.full_name for g in state.missing] == ["Pieter Eigen"]
    assert not state.complete


def test_information_given_by_both_is_in_force(world, parents):
    mother, father = parents
    consent = _consent(world, Purpose.EXCHANGE_INFORMATION, [mother, father])
    assert list(Consent.objects.in_force(ON)) == [consent]
    assert list(Consent.objects.for_information(world.own_case.child)) == [consent]


def test_a_giving_counts_from_its_own_day(world, parents):
    mother, father = parents
    consent = _consent(world, Purpose.EXCHANGE_INFORMATION, [mother])
    ConsentGiving.objects.create(
        consent=consent, guardian=father, given_on=datetime.date(2026, 2, 1)
    )
    assert not Consent.objects.in_force(datetime.date(2026, 1, 31)).exists()
    assert list(Consent.objects.in_force(datetime.date(2026, 2, 1))) == [consent]


def test_sharing_the_plan_needs_one_custodian(world, parents):
    mother, _father = parents
    consent = _consent(world, Purpose.SHARE_PLAN, [mother])
    assert list(Consent.objects.in_force(ON)) == [consent]


def test_a_consent_given_by_nobody_with_custody_is_not_in_force(world, parents):
    mother, father = parents
    consent = _consent(world, Purpose.SHARE_PLAN, [mother])
    mother.has_custody = False
    mother.save(update_fields=["has_custody"])
    assert not Consent.objects.in_force(ON).exists()
    state = completeness(consent, [father], ON)
    assert [g.full_name for g in state.missing] == ["Pieter Eigen"]


def test_when_the_missing_parent_loses_custody_the_remaining_ones_consent_suffices(world, parents):
    mother, father = parents
    consent = _consent(world, Purpose.EXCHANGE_INFORMATION, [mother])
    father.has_custody = False
    father.save(update_fields=["has_custody"])
    assert list(Consent.objects.in_force(ON)) == [consent]


def test_an_item_of_another_organisation_shows_only_once_both_gave(world, parents):
    mother, father = parents
    note = NoteFactory(
        case=world.own_case,
        source_organisation=world.other_organisation,
        author=world.users[Role.TEAM_MEMBER],
    )
    user = world.users[Role.CASEMANAGER]
    consent = _consent(world, Purpose.EXCHANGE_INFORMATION, [mother])
    decision = decide(user, Action.VIEW, world.own_case.child)
    assert not decide(user, Action.VIEW, world.own_case.child, note)
    assert readable_items(decision, world.own_case.child, [note]) == []
    ConsentGiving.objects.create(consent=consent, guardian=father, given_on=consent.given_on)
    assert decide(user, Action.VIEW, world.own_case.child, note).consent_id == consent.pk
    assert readable_items(decision, world.own_case.child, [note]) == [note]


def test_for_information_is_one_query_whatever_the_number_of_guardians(world, parents):
    mother, father = parents
    GuardianFactory(child=world.own_case.child, full_name="Voogd", relation="guardian")
    _consent(world, Purpose.EXCHANGE_INFORMATION, [mother, father])
    with CaptureQueriesContext(connection) as queries:
        list(Consent.objects.for_information(world.own_case.child))
    assert len(queries) == 1
