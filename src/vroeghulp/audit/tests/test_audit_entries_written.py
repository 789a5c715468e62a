"""Reading, listing, searching and writing a child's data each leave audit entries."""

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.constants import AuditAction, Grounds
from vroeghulp.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_opening_a_case_writes_one_read_entry(world):
    user = world.users[Role.CASEMANAGER]
    client = verified_client(user)
    response = client.get(
        reverse("cases:detail", args=[world.own_case.code]), REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditAction.READ, object_type="case")
    assert entry.user_id == user.pk
    assert entry.responsible_user_id == user.pk
    assert entry.child_id == world.own_case.child.pk
    assert entry.object_id == str(world.own_case.pk)
    assert entry.network_id == world.network.pk
    assert entry.grounds == Grounds.TEAM_MEMBERSHIP
    assert entry.role == Role.CASEMANAGER
    assert entry.organisation_label == world.organisation.name
    assert entry.client_address == "10.1.2.3"
    assert entry.request_id == response["X-Request-ID"]


def test_entries_never_hold_the_childs_name(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    client.get(reverse("cases:detail", args=[world.own_case.code]))
    client.get(reverse("children:search"), {"name": world.own_case.child.family_name})
    child = world.own_case.child
    for entry in AuditEntry.objects.all():
        text = str(entry.hashed_content())
        assert child.family_name not in text
        assert child.given_name not in text


def test_a_list_writes_one_entry_per_child_shown(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    client.get(reverse("cases:list"))
    entries = AuditEntry.objects.filter(action=AuditAction.READ)
    assert [e.child_id for e in entries] == [world.own_case.child.pk]
    assert entries[0].details == {"view": "case_list"}


def test_search_writes_a_search_entry_per_child_found(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    client.get(reverse("children:search"), {"name": "Eigen"})
    entry = AuditEntry.objects.get(action=AuditAction.SEARCH)
    assert entry.child_id == world.own_case.child.pk


def test_search_without_results_is_logged_too(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    client.get(reverse("children:search"), {"name": "Niemand"})
    entry = AuditEntry.objects.get(action=AuditAction.SEARCH)
    assert entry.child_id is None
    assert entry.details == {"result_count": 0}


def test_adding_a_note_writes_a_create_entry(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    client.post(reverse("cases:add_note", args=[world.own_case.code]), {"text": "Gebeld."})
    entry = AuditEntry.objects.get(action=AuditAction.CREATE)
    assert entry.object_type == "note"
    assert entry.child_id == world.own_case.child.pk


def test_refused_access_writes_no_read_entry(world):
    client = verified_client(world.users[Role.ANALYST])
    response = client.get(reverse("cases:detail", args=[world.own_case.code]))
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()
