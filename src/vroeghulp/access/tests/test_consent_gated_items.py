"""A note from another organisation is readable only while the parents' consent is in force."""

import datetime

import pytest
from django.urls import reverse

from vroeghulp.access.policy import Action, decide
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional, verified_client
from vroeghulp.audit.constants import Grounds
from vroeghulp.cases.tests.factories import NoteFactory, TeamMemberFactory
from vroeghulp.consent.actions import withdraw_consent
from vroeghulp.consent.constants import Purpose
from vroeghulp.consent.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hospital_note(world):
    author = professional(Role.TEAM_MEMBER, world.other_organisation)
    TeamMemberFactory(case=world.own_case, user=author, team_role="member")
    return NoteFactory(
        case=world.own_case,
        author=author,
        source_organisation=world.other_organisation,
        text="Verslag uit het ziekenhuis",
    )


def _page(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    return client.get(reverse("cases:detail", args=[world.own_case.code])).content.decode()


def test_without_consent_the_note_is_hidden(world, hospital_note):
    assert "Verslag uit het ziekenhuis" not in _page(world)
    user = world.users[Role.CASEMANAGER]
    assert decide(user, Action.VIEW, world.own_case.child, hospital_note).allowed is False


def test_with_consent_the_note_is_shown_and_the_consent_is_the_grounds(world, hospital_note):
    consent = ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    assert "Verslag uit het ziekenhuis" in _page(world)
    decision = decide(
        world.users[Role.CASEMANAGER], Action.VIEW, world.own_case.child, hospital_note
    )
    assert decision.consent_id == consent.pk
    assert decision.grounds == Grounds.TEAM_MEMBERSHIP


def test_consent_for_another_purpose_does_not_count(world, hospital_note):
    ConsentFactory(
        child=world.own_case.child,
        organisation=world.other_organisation,
        purpose=Purpose.VIDEO_RECORDING,
    )
    assert "Verslag uit het ziekenhuis" not in _page(world)


def test_expired_and_withdrawn_consents_do_not_count(world, hospital_note):
    ConsentFactory(
        child=world.own_case.child,
        organisation=world.other_organisation,
        ends_on=datetime.date(2025, 6, 1),
    )
    assert "Verslag uit het ziekenhuis" not in _page(world)
    consent = ConsentFactory(child=world.own_case.child, organisation=world.other_organisation)
    assert "Verslag uit het ziekenhuis" in _page(world)
    guardian = world.own_case.child.guardians.first()
    withdraw_consent(consent, actor=world.users[Role.CASEMANAGER], withdrawn_by=guardian)
    assert "Verslag uit het ziekenhuis" not in _page(world)


def test_the_author_organisation_always_reads_its_own_note(world, hospital_note):
    assert decide(hospital_note.author, Action.VIEW, world.own_case.child, hospital_note).allowed
