"""Siblings on the case page: the link says that a brother or sister is known to the network;
the sibling's file opens only where the access policy lets the viewer in (and is logged then);
nothing of the sibling reaches someone outside the sibling's team; never across networks."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases import actions
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import TimelineEvent
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory
from vroeghulp.children.actions import link_family
from vroeghulp.children.constants import FamilyLinkKind, FamilyLinkSource
from vroeghulp.children.models import FamilyLink
from vroeghulp.children.tests.factories import ChildFactory, GuardianFactory

pytestmark = pytest.mark.django_db

SIBLING_PHONE = "06-98765432"


@pytest.fixture
def family(world):
    """The own case's child gets a brother, Daan, whose team the world's casemanager is not on;
    `both` is on both teams."""
    child = world.own_case.child
    child.family_name = "Hendriks"
    child.save(update_fields=["family_name"])
    mother = child.guardians.get()
    mother.full_name, mother.email = "Sandra Hendriks", "sandra@example.test"
    mother.save(update_fields=["full_name", "email"])
    brother = ChildFactory(
        network=world.network,
        given_name="Daan",
        family_name="Hendriks",
        date_of_birth=datetime.date(2020, 2, 3),
    )
    GuardianFactory(
        child=brother, full_name="Sandra Hendriks", email="sandra@example.test", phone=SIBLING_PHONE
    )
    brother_case = CaseFactory(child=brother, phase=Phase.INTAKE)
    both = professional(Role.CASEMANAGER, world.organisation)
    TeamMemberFactory(case=world.own_case, user=both, team_role=TeamRole.MEMBER)
    TeamMemberFactory(case=brother_case, user=both, team_role=TeamRole.CASEMANAGER)
    return brother_case, both


def _page(user, case) -> str:
    return verified_client(user).get(reverse("cases:detail", args=[case.code])).content.decode()


def test_linking_from_the_case_page(world, family):
    brother_case, both = family
    response = verified_client(both).post(
        reverse("cases:link_family", args=[world.own_case.code]),
        {"sibling": str(brother_case.child.code), "kind": FamilyLinkKind.SIBLING},
    )
    assert response.status_code == 302
    link = FamilyLink.objects.get()
    assert {link.child, link.other_child} == {world.own_case.child, brother_case.child}
    assert link.source == FamilyLinkSource.CASE_PAGE
    created = AuditEntry.objects.filter(action=AuditAction.CREATE, object_type="familylink")
    assert sorted(created.values_list("child_id", flat=True)) == sorted(
        [world.own_case.child.pk, brother_case.child.pk]
    )
    for case in (world.own_case, brother_case):
        event = TimelineEvent.objects.get(case=case, name="family_known")
        assert event.text == "Gezin: broer/zus bekend in het netwerk"


def test_the_sibling_is_a_fact_only_outside_the_siblings_team(world, family):
    brother_case, both = family
    link_family(world.own_case.child, brother_case.child, actor=both, kind=FamilyLinkKind.SIBLING)
    reads_before = AuditEntry.objects.filter(child_id=brother_case.child.pk).count()
    page = _page(world.users[Role.CASEMANAGER], world.own_case)
    assert "Bekend in het netwerk: broer/zus" in page
    assert "Daan" not in page
    assert "3 februari 2020" not in page and "03-02-2020" not in page
    assert str(brother_case.code) not in page and str(brother_case.child.code) not in page
    assert SIBLING_PHONE not in page
    assert "zelfde ouders: Sandra Hendriks" in page  # this child's own guardian
    assert "Vraag het de coördinator" in page
    # Nothing of the brother's file was read for this page.
    assert AuditEntry.objects.filter(child_id=brother_case.child.pk).count() == reads_before


def test_the_siblings_team_member_gets_a_link_and_opening_it_is_logged(world, family):
    brother_case, both = family
    link_family(world.own_case.child, brother_case.child, actor=both, kind=FamilyLinkKind.SIBLING)
    page = _page(both, world.own_case)
    assert "Bekend in het netwerk: broer/zus (Daan," in page
    assert reverse("cases:detail", args=[brother_case.code]) in page
    assert AuditEntry.objects.filter(
        action=AuditAction.READ, child_id=brother_case.child.pk, details__view="family_link"
    ).exists()
    opened = verified_client(both).get(reverse("cases:detail", args=[brother_case.code]))
    assert opened.status_code == 200
    assert AuditEntry.objects.filter(
        action=AuditAction.READ,
        child_id=brother_case.child.pk,
        object_type="case",
        user_id=both.pk,
        details__section="overview",
    ).exists()
    # The world's casemanager, outside the brother's team, still cannot open it.
    outsider = verified_client(world.users[Role.CASEMANAGER])
    assert outsider.get(reverse("cases:detail", args=[brother_case.code])).status_code == 404


def test_a_child_the_user_cannot_see_cannot_be_linked(world, family):
    brother_case, _both = family
    response = verified_client(world.users[Role.CASEMANAGER]).post(
        reverse("cases:link_family", args=[world.own_case.code]),
        {"sibling": str(brother_case.child.code), "kind": FamilyLinkKind.SIBLING},
    )
    assert response.status_code == 400
    assert "Kies het kind dat bij dit gezin hoort." in response.content.decode()
    assert not FamilyLink.objects.exists()
    with pytest.raises(PermissionDenied):
        link_family(
            world.own_case.child,
            brother_case.child,
            actor=world.users[Role.CASEMANAGER],
            kind=FamilyLinkKind.SIBLING,
        )
    assert not FamilyLink.objects.exists()


def test_another_network_is_never_linked(world, other_world, family):
    _brother_case, both = family
    stranger = other_world.own_case.child
    with pytest.raises(PermissionDenied):
        link_family(world.own_case.child, stranger, actor=both, kind=FamilyLinkKind.SIBLING)
    response = verified_client(both).post(
        reverse("cases:link_family", args=[world.own_case.code]),
        {"sibling": str(stranger.code), "kind": FamilyLinkKind.SIBLING},
    )
    assert response.status_code == 400
    assert not FamilyLink.objects.exists()


def test_linking_twice_is_refused_in_dutch(world, family):
    brother_case, both = family
    actions.link_sibling(world.own_case, brother_case.child, actor=both, kind="sibling")
    with pytest.raises(Exception, match="al als gezin gekoppeld"):
        actions.link_sibling(world.own_case, brother_case.child, actor=both, kind="sibling")
    assert FamilyLink.objects.count() == 1
