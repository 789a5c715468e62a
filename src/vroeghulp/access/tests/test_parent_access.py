"""A parent with custody reads their own child, logged with the parent as grounds; nothing else."""

import pytest
from django.test import Client
from django.urls import reverse

from vroeghulp.access.policy import Action, decide, decide_as_parent
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import PASSWORD, UserFactory
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry
from vroeghulp.children.tests.factories import GuardianFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(world):
    user = UserFactory()
    GuardianFactory(child=world.own_case.child, user=user)
    return user


def _client(user) -> Client:
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    return client


def test_parent_reads_and_contributes_in_the_portal_but_never_as_a_professional(world, parent):
    child = world.own_case.child
    assert decide_as_parent(parent, Action.VIEW, child).grounds == Grounds.PARENT
    assert decide_as_parent(parent, Action.EXPORT, child).allowed
    assert decide_as_parent(parent, Action.PRINT, child).allowed
    assert decide_as_parent(parent, Action.CONTRIBUTE, child).allowed
    assert decide_as_parent(parent, Action.EDIT, child).allowed is False
    assert decide_as_parent(parent, Action.VIEW, world.other_case.child).allowed is False
    # custody opens nothing on the professionals' side: no view, no export (sharing the plan)
    for action in (Action.VIEW, Action.EDIT, Action.EXPORT, Action.PRINT, Action.CONTRIBUTE):
        assert decide(parent, action, child).allowed is False


def test_parent_without_custody_has_no_access(world):
    user = UserFactory()
    GuardianFactory(child=world.own_case.child, user=user, has_custody=False)
    assert decide_as_parent(user, Action.VIEW, world.own_case.child).allowed is False


def test_a_professional_on_the_team_who_is_also_a_guardian(world, django_assert_num_queries):
    """Each side asks its own question: the team place decides on the professionals' side,
    custody in the portal; one query each."""
    casemanager = world.users[Role.CASEMANAGER]
    child = world.own_case.child
    casemanager.active_memberships()  # the user's roles, read once per request
    guardian = GuardianFactory(child=child, user=casemanager)
    with django_assert_num_queries(1):
        assert decide(casemanager, Action.VIEW, child).grounds == Grounds.TEAM_MEMBERSHIP
    with django_assert_num_queries(1):
        assert decide_as_parent(casemanager, Action.VIEW, child).grounds == Grounds.PARENT
    assert decide(casemanager, Action.EDIT, child).grounds == Grounds.TEAM_MEMBERSHIP
    guardian.has_custody = False
    guardian.save()
    assert decide_as_parent(casemanager, Action.VIEW, child).allowed is False
    assert decide(casemanager, Action.VIEW, child).grounds == Grounds.TEAM_MEMBERSHIP
    assert decide(casemanager, Action.VIEW, world.other_case.child).allowed is False


def test_parent_home_shows_own_child_and_is_logged(world, parent):
    response = _client(parent).get(reverse("home"), follow=True)
    html = response.content.decode()
    assert world.own_case.child.full_name in html
    assert world.other_case.child.full_name not in html
    entry = AuditEntry.objects.get(action=AuditAction.READ)
    assert (entry.child_id, entry.grounds, entry.role) == (
        world.own_case.child.pk,
        Grounds.PARENT,
        "parent",
    )


def test_professional_only_items_are_hidden_from_parents(world, parent):
    from vroeghulp.access.policy import readable_items
    from vroeghulp.cases.tests.factories import NoteFactory

    author = world.users["casemanager"]
    shared = NoteFactory(case=world.own_case, author=author, source_organisation=world.organisation)
    NoteFactory(
        case=world.own_case,
        author=author,
        source_organisation=world.organisation,
        professional_only=True,
    )
    decision = decide_as_parent(parent, Action.VIEW, world.own_case.child)
    assert readable_items(decision, world.own_case.child, world.own_case.notes.all()) == [shared]
