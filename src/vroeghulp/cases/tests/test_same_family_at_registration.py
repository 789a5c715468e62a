"""Registration's duplicate check offers "zelfde gezin" beside "zelfde kind": a similar family
name and a parent with the same e-mail address or phone number, a different child. Accepting
with it links the new child to the known brother or sister; never across networks."""

import datetime

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.models import Case
from vroeghulp.children.constants import FamilyLinkKind, FamilyLinkSource
from vroeghulp.children.models import Child, FamilyLink
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def known_sister(world):
    child = world.own_case.child
    child.given_name, child.family_name = "Mila", "Hendriks"
    child.date_of_birth = datetime.date(2022, 6, 1)
    child.save(update_fields=["given_name", "family_name", "date_of_birth"])
    mother = child.guardians.get()
    mother.full_name, mother.phone = "Sandra Hendriks", "06 1234 5678"
    mother.save(update_fields=["full_name", "phone"])
    return child


def _registration(network, **fields):
    values = {
        "child_given_name": "Lucas",
        "child_family_name": "Hendriks",
        "child_date_of_birth": datetime.date(2024, 9, 12),
        "guardians": [
            {"full_name": "Sandra Hendriks", "relation": "mother", "phone": "0612345678"}
        ],
        **fields,
    }
    return RegistrationFactory(network=network, **values)


def test_the_same_family_is_offered_and_accepting_links_the_children(world, known_sister):
    registration = _registration(world.network)
    coordinator = verified_client(world.users[Role.COORDINATOR])
    page = coordinator.get(reverse("cases:registration", args=[registration.code]))
    html = page.content.decode()
    assert "Mogelijk zelfde gezin" in html
    assert "Zelfde gezin: accepteren als nieuw kind en koppelen" in html
    assert [c.child for c in page.context["family_candidates"]] == [known_sister]
    response = coordinator.post(
        reverse("cases:accept", args=[registration.code]),
        {
            "version": registration.version,
            "sibling_case": str(world.own_case.code),
            "family_kind": FamilyLinkKind.SIBLING,
        },
    )
    assert response.status_code == 302
    lucas = Child.objects.get(given_name="Lucas")
    assert lucas.pk != known_sister.pk
    link = FamilyLink.objects.get()
    assert {link.child, link.other_child} == {lucas, known_sister}
    assert (link.kind, link.source) == (FamilyLinkKind.SIBLING, FamilyLinkSource.DUPLICATE_CHECK)
    # The new case shows the sister as known in the network.
    new_case = Case.objects.get(child=lucas)
    assert (
        "Bekend in het netwerk: broer/zus"
        in coordinator.get(reverse("cases:detail", args=[new_case.code])).content.decode()
    )


def test_the_same_child_is_not_offered_as_family(world, known_sister):
    registration = _registration(
        world.network, child_given_name="Mila", child_date_of_birth=datetime.date(2022, 6, 1)
    )
    page = verified_client(world.users[Role.COORDINATOR]).get(
        reverse("cases:registration", args=[registration.code])
    )
    assert page.context["family_candidates"] == []
    assert [c.case for c in page.context["candidates"]] == [world.own_case]


def test_a_family_name_alone_is_not_enough(world, known_sister):
    registration = _registration(world.network)
    registration.guardians = [{"full_name": "Iemand Anders", "relation": "mother", "phone": ""}]
    registration.save(update_fields=["guardians"])
    page = verified_client(world.users[Role.COORDINATOR]).get(
        reverse("cases:registration", args=[registration.code])
    )
    assert page.context["family_candidates"] == []


def test_another_networks_family_is_never_offered_nor_linked(world, other_world, known_sister):
    registration = _registration(other_world.network)
    coordinator = verified_client(other_world.users[Role.COORDINATOR])
    page = coordinator.get(reverse("cases:registration", args=[registration.code]))
    assert page.context["family_candidates"] == []
    assert "Mila" not in page.content.decode()
    response = coordinator.post(
        reverse("cases:accept", args=[registration.code]),
        {"version": registration.version, "sibling_case": str(world.own_case.code)},
    )
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == Status.NEW
    assert not FamilyLink.objects.exists()
