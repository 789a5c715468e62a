"""A refused request leaves a trace: an audit entry with the URL pattern and no child; too many
in an hour reach the log managers; an existing file that is not yours costs what a random
code costs."""

import uuid

import pytest
from django.core import mail
from django.http import Http404
from django.test import Client
from django.urls import reverse

from vroeghulp.access.queries import case_for
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, professional, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.children.tests.factories import GuardianFactory

pytestmark = pytest.mark.django_db


def test_three_guesses_of_another_childs_file_write_three_refusals(world, other_world):
    casemanager = world.users[Role.CASEMANAGER]
    client = verified_client(casemanager)
    guesses = [world.other_case.code, other_world.own_case.code, uuid.uuid4()]
    for code in guesses:
        assert client.get(reverse("cases:detail", args=[code])).status_code == 404
    refusals = AuditEntry.objects.filter(action=AuditAction.REFUSED).order_by("sequence")
    assert [(e.user_id, e.network_id, e.child_id, e.object_id) for e in refusals] == [
        (casemanager.pk, world.network.pk, None, "")
    ] * 3
    assert [e.details for e in refusals] == [
        {"route": "trajecten/<uuid:code>/", "method": "GET"}
    ] * 3
    # the guessed codes are in no entry of the log
    for code in guesses:
        assert not AuditEntry.objects.filter(details__icontains=str(code)).exists()
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()


def test_a_parent_opening_the_professionals_file_is_refused_and_logged(world):
    parent = UserFactory()
    GuardianFactory(child=world.own_case.child, user=parent)
    client = Client()
    client.force_login(parent)
    assert client.get(reverse("cases:detail", args=[world.own_case.code])).status_code == 404
    entry = AuditEntry.objects.get(action=AuditAction.REFUSED)
    assert (entry.user_id, entry.network_id, entry.child_id) == (parent.pk, world.network.pk, None)


def test_the_log_manager_sees_refusals(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    client.get(reverse("cases:detail", args=[world.other_case.code]))
    page = verified_client(world.users[Role.LOG_MANAGER]).get(reverse("audit:entries"))
    html = page.content.decode()
    assert "Geweigerd" in html
    assert "trajecten/&lt;uuid:code&gt;/" in html


def test_more_than_ten_refusals_in_an_hour_signal_the_log_managers(
    world, django_capture_on_commit_callbacks
):
    user = world.users[Role.TEAM_MEMBER]
    client = verified_client(user)
    url = reverse("cases:detail", args=[world.other_case.code])
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(10):
            client.get(url)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.users[Role.LOG_MANAGER].email]
    # the e-mail names nobody and no child
    assert user.email not in mail.outbox[0].body
    assert world.other_case.child.family_name not in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    assert len(mail.outbox) == 1  # one signal when the limit is crossed, not one per refusal
    signals = verified_client(world.users[Role.LOG_MANAGER]).get(reverse("audit:entries"))
    assert user.full_name in signals.content.decode()


def test_a_file_that_is_not_yours_costs_what_a_random_code_costs(
    world, other_world, django_assert_num_queries
):
    user = world.users[Role.CASEMANAGER]
    user.active_memberships()  # read once per request, before any case
    for code in (uuid.uuid4(), world.other_case.code, other_world.own_case.code):
        with django_assert_num_queries(1), pytest.raises(Http404):
            case_for(user, code, "view")


def test_anonymous_requests_are_sent_to_login_not_logged(world):
    response = Client().get(reverse("cases:detail", args=[world.own_case.code]))
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action=AuditAction.REFUSED).exists()


def test_a_colleague_in_another_network_is_refused_everywhere(world, other_world):
    stranger = professional(Role.COORDINATOR, other_world.organisation)
    client = verified_client(stranger)
    assert client.get(reverse("cases:team", args=[world.own_case.code])).status_code == 404
    assert AuditEntry.objects.get(action=AuditAction.REFUSED).network_id == other_world.network.pk
