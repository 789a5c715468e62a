"""Where the network asks children themselves from an age, a consent for a child of that age
counts only once the child agreed. Dates around the twelfth birthday, written by hand."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases import actions
from vroeghulp.consent.completeness import completeness, has_reached_age
from vroeghulp.consent.constants import ChildAnswer, Purpose
from vroeghulp.consent.models import Consent
from vroeghulp.consent.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db

BORN = datetime.date(2010, 6, 15)  # twelve on 15 June 2022
DAY_BEFORE = datetime.date(2022, 6, 14)
BIRTHDAY = datetime.date(2022, 6, 15)


@pytest.fixture
def consent(world):
    child = world.own_case.child
    child.date_of_birth = BORN
    child.save(update_fields=["date_of_birth"])
    world.network.child_say_from_age = 12
    world.network.save(update_fields=["child_say_from_age"])
    return ConsentFactory(
        child=child,
        organisation=world.other_organisation,
        purpose=Purpose.SHARE_PLAN,
        given_on=datetime.date(2022, 1, 10),
    )


def _state(consent, on):
    consent = Consent.objects.select_related("network", "child").get(pk=consent.pk)
    return completeness(consent, list(consent.child.guardians.filter(has_custody=True)), on)


def test_before_the_twelfth_birthday_the_parents_consent_suffices(consent):
    assert list(Consent.objects.in_force(DAY_BEFORE)) == [consent]
    assert not _state(consent, DAY_BEFORE).child_needed


def test_from_the_twelfth_birthday_the_child_has_to_agree(consent):
    assert not Consent.objects.in_force(BIRTHDAY).exists()
    assert _state(consent, BIRTHDAY).child_needed


def test_once_the_child_agreed_it_is_in_force(consent):
    consent.child_answer = ChildAnswer.AGREED
    consent.child_asked_on = datetime.date(2022, 7, 1)
    consent.save(update_fields=["child_answer", "child_asked_on"])
    assert not Consent.objects.in_force(datetime.date(2022, 6, 30)).exists()
    assert list(Consent.objects.in_force(datetime.date(2022, 7, 1))) == [consent]
    assert _state(consent, datetime.date(2022, 7, 1)).complete


def test_a_child_who_refuses_keeps_it_out_of_force(consent):
    consent.child_answer = ChildAnswer.REFUSED
    consent.child_asked_on = datetime.date(2022, 7, 1)
    consent.save(update_fields=["child_answer", "child_asked_on"])
    assert not Consent.objects.in_force(datetime.date(2022, 8, 1)).exists()
    state = _state(consent, datetime.date(2022, 8, 1))
    assert state.child_needed and state.child_refused


def test_a_network_that_does_not_ask_children_needs_only_the_parents(consent, world):
    world.network.child_say_from_age = None
    world.network.save(update_fields=["child_say_from_age"])
    assert list(Consent.objects.in_force(datetime.date(2024, 1, 1))) == [consent]


def test_born_on_29_february_a_year_older_on_1_march():
    born = datetime.date(2012, 2, 29)
    assert not has_reached_age(born, 12, datetime.date(2024, 2, 28))
    assert has_reached_age(born, 12, datetime.date(2024, 2, 29))
    assert not has_reached_age(born, 13, datetime.date(2025, 2, 28))
    assert has_reached_age(born, 13, datetime.date(2025, 3, 1))


def test_29_february_in_the_query(world):
    child = world.own_case.child
    child.date_of_birth = datetime.date(2012, 2, 29)
    child.save(update_fields=["date_of_birth"])
    world.network.child_say_from_age = 13
    world.network.save(update_fields=["child_say_from_age"])
    ConsentFactory(child=child, organisation=world.other_organisation, purpose=Purpose.SHARE_PLAN)
    assert Consent.objects.in_force(datetime.date(2025, 2, 28)).exists()
    assert not Consent.objects.in_force(datetime.date(2025, 3, 1)).exists()


def test_the_casemanager_records_the_childs_answer(consent, world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:child_answer", args=[world.own_case.code]),
        {
            "consent": consent.pk,
            f"a{consent.pk}-answer": "agreed",
            f"a{consent.pk}-asked_on": "2022-07-01",
        },
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.child_answer == ChildAnswer.AGREED
    assert consent.child_asked_on == datetime.date(2022, 7, 1)
    assert consent.child_asked_by == world.users[Role.CASEMANAGER]
    assert world.own_case.events.filter(kind="consent").count() == 1
    overview = client.get(reverse("cases:detail", args=[world.own_case.code])).content.decode()
    assert "Het kind is gevraagd: stemt in" in overview
    assert AuditEntry.objects.filter(object_type="consent", action="update").exists()


def test_asking_a_child_younger_than_the_age_is_refused(consent, world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:child_answer", args=[world.own_case.code]),
        {
            "consent": consent.pk,
            f"a{consent.pk}-answer": "agreed",
            f"a{consent.pk}-asked_on": "2022-06-14",
        },
    )
    assert response.status_code == 400
    assert "vraagt een kind van deze leeftijd (nog) niet zelf" in response.content.decode()
    assert 'value="2022-06-14"' in response.content.decode()
    consent.refresh_from_db()
    assert consent.child_answer == "" and consent.child_asked_on is None


def test_no_answer_chosen_is_explained(consent, world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:child_answer", args=[world.own_case.code]),
        {"consent": consent.pk, f"a{consent.pk}-asked_on": "2022-07-01"},
    )
    assert response.status_code == 400
    assert "Kies het antwoord van het kind." in response.content.decode()
    consent.refresh_from_db()
    assert consent.child_answer == ""


def test_the_case_page_says_the_child_still_has_to_agree(consent, world):
    client = verified_client(world.users[Role.CASEMANAGER])
    page = client.get(reverse("cases:consents", args=[world.own_case.code])).content.decode()
    name = world.own_case.child.given_name
    assert f"nog nodig: instemming van {name} zelf" in page


def test_another_networks_professional_cannot_record_it(consent, world, other_world):
    client = verified_client(other_world.users[Role.CASEMANAGER])
    response = client.post(
        reverse("cases:child_answer", args=[world.own_case.code]),
        {
            "consent": consent.pk,
            f"a{consent.pk}-answer": "agreed",
            f"a{consent.pk}-asked_on": "2022-07-01",
        },
    )
    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.child_answer == ""


def test_the_action_refuses_an_unknown_answer(consent, world):
    with pytest.raises(ValidationError):
        actions.record_child_answer(
            world.own_case,
            consent,
            actor=world.users[Role.CASEMANAGER],
            answer="maybe",
            asked_on=datetime.date(2022, 7, 1),
        )
    consent.refresh_from_db()
    assert consent.child_answer == ""
