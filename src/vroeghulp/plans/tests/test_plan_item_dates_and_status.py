"""An advice item has a date, a responsible professional from the child's team, and a status
whose every change is kept with its date; impossible dates are refused in plain Dutch, and only
the people the policy lets edit the plan change an item."""

import datetime
import importlib
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory, professional, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.models import TeamMember
from vroeghulp.cases.tests.factories import TeamMemberFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.plans.actions import issue_version, save_item, start_plan
from vroeghulp.plans.forms import ItemForm
from vroeghulp.plans.models import Plan, PlanItem, PlanItemStatusChange, PlanVersion

pytestmark = pytest.mark.django_db

AMSTERDAM = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture
def casemanager(world):
    return world.users[Role.CASEMANAGER]


@pytest.fixture
def plan(world, casemanager):
    return start_plan(world.own_case, actor=casemanager)


def _save(plan, actor, item=None, **fields):
    fields = {
        "domain": "medical",
        "advice": "De huisarts kijkt over een paar weken naar de oren.",
        "who": "",
        "by_when": "",
        "due_on": None,
        "responsible": None,
        "status": "to_do",
        **fields,
    }
    fresh = Plan.objects.get(pk=plan.pk)
    return save_item(fresh, actor=actor, version=fresh.version, item=item, **fields)


def _at(day: int) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, 10, 0, tzinfo=AMSTERDAM)


def test_each_status_change_is_kept_with_its_date_and_author(world, plan, casemanager):
    coordinator = world.users[Role.COORDINATOR]
    with mock.patch("django.utils.timezone.now", return_value=_at(2)):
        item = _save(plan, casemanager)
    with mock.patch("django.utils.timezone.now", return_value=_at(9)):
        _save(plan, casemanager, item=item, status="started")
    with mock.patch("django.utils.timezone.now", return_value=_at(20)):
        _save(plan, coordinator, item=item, status="paused")
    # a save that leaves the status as it is adds no row
    _save(plan, casemanager, item=item, status="paused", advice="Oren nakijken bij de huisarts.")

    rows = list(PlanItemStatusChange.objects.filter(item=item).values_list("status", "at", "by"))
    assert rows == [
        ("to_do", _at(2), casemanager.pk),
        ("started", _at(9), casemanager.pk),
        ("paused", _at(20), coordinator.pk),
    ]
    item.refresh_from_db()
    assert item.status == "paused"
    assert item.status_changed_at == _at(20)
    assert item.advice == "Oren nakijken bij de huisarts."


def test_a_change_writes_an_audit_entry(world, plan, casemanager):
    item = _save(plan, casemanager)
    before = AuditEntry.objects.filter(action=AuditAction.UPDATE, object_type="planitem").count()
    _save(plan, casemanager, item=item, status="started")
    after = AuditEntry.objects.filter(action=AuditAction.UPDATE, object_type="planitem")
    assert after.count() == before + 1
    assert after.order_by("-pk").first().child_id == world.own_case.child_id


def test_the_form_offers_only_the_current_team(world, plan, casemanager):
    left = professional(Role.TEAM_MEMBER, world.organisation)
    TeamMemberFactory(case=world.own_case, user=left, team_role="member", ended_at=timezone.now())
    stranger = professional(Role.CASEMANAGER, world.organisation)  # same network, other team
    choices = ItemForm(case=world.own_case).fields["responsible"].choices
    offered = {get_user_model().objects.get(pk=pk) for pk, _label in choices if pk}
    current = {
        m.user for m in TeamMember.objects.filter(case=world.own_case, ended_at__isnull=True)
    }
    assert offered == current
    assert casemanager in offered
    assert left not in offered
    assert stranger not in offered


def test_the_action_refuses_someone_off_the_team(world, plan, casemanager):
    item = _save(plan, casemanager, responsible=casemanager)
    stranger = professional(Role.CASEMANAGER, world.organisation)
    with pytest.raises(ValidationError):
        _save(plan, casemanager, item=item, responsible=stranger, status="started")
    item.refresh_from_db()
    assert item.responsible == casemanager
    assert item.status == "to_do"
    assert PlanItemStatusChange.objects.filter(item=item).count() == 1


def _add_url(world):
    return reverse("plans:add_item", args=[world.own_case.code])


def _change_url(world):
    return reverse("plans:change_item", args=[world.own_case.code])


def test_an_impossible_date_is_refused_in_plain_dutch_and_what_was_typed_stays(
    world, plan, casemanager
):
    client = verified_client(casemanager)
    opened = timezone.localtime(world.own_case.opened_at).date()
    data = {
        "domain": "medical",
        "advice": "Gehoortest bij het audiologisch centrum.",
        "status": "to_do",
        "version": Plan.objects.get(pk=plan.pk).version,
    }
    before = {**data, "due_on": (opened - datetime.timedelta(days=1)).isoformat()}
    response = client.post(_add_url(world), before)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Deze datum ligt voor de aanmelding van het kind" in html
    assert "Gehoortest bij het audiologisch centrum." in html
    far = {**data, "due_on": (timezone.localdate() + datetime.timedelta(days=800)).isoformat()}
    response = client.post(_add_url(world), far)
    assert response.status_code == 400
    assert "Deze datum ligt meer dan twee jaar vooruit" in response.content.decode()
    assert not PlanItem.objects.exists()

    item = _save(plan, casemanager)
    prefix = f"item{item.pk}"
    response = client.post(
        _change_url(world),
        {
            "item": item.pk,
            f"{prefix}-domain": "medical",
            f"{prefix}-advice": "Mijn nieuwe tekst",
            f"{prefix}-status": "started",
            f"{prefix}-due_on": "2019-01-01",
            f"{prefix}-version": Plan.objects.get(pk=plan.pk).version,
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Deze datum ligt voor de aanmelding van het kind" in html
    assert "Mijn nieuwe tekst" in html  # in the item's own form, opened
    assert f'name="{prefix}-advice"' in html
    item.refresh_from_db()
    assert item.status == "to_do"
    assert item.due_on is None


def test_a_date_and_a_responsible_are_saved_from_the_page(world, plan, casemanager):
    client = verified_client(casemanager)
    due = timezone.localdate() + datetime.timedelta(days=21)
    response = client.post(
        _add_url(world),
        {
            "domain": "medical",
            "advice": "Oren nakijken.",
            "status": "to_do",
            "due_on": due.isoformat(),
            "responsible": casemanager.pk,
            "version": Plan.objects.get(pk=plan.pk).version,
        },
    )
    assert response.status_code == 302
    item = PlanItem.objects.get()
    assert (item.due_on, item.responsible) == (due, casemanager)
    page = client.get(reverse("plans:plan", args=[world.own_case.code])).content.decode()
    assert casemanager.full_name in page
    assert "Nog te doen" in page


def test_who_may_change_an_item(world, other_world, plan, casemanager):
    item = _save(plan, casemanager)
    outsider = verified_client(other_world.users[Role.CASEMANAGER])
    analyst = verified_client(world.users[Role.ANALYST])
    parent_user = UserFactory()
    GuardianFactory(child=world.own_case.child, user=parent_user)
    parent = Client()
    parent.force_login(parent_user)
    version = Plan.objects.get(pk=plan.pk).version
    change = {
        "item": item.pk,
        f"item{item.pk}-domain": "medical",
        f"item{item.pk}-advice": "Anders",
        f"item{item.pk}-status": "done",
        f"item{item.pk}-version": version,
    }
    add = {"domain": "medical", "advice": "Nieuw", "status": "to_do", "version": version}
    entries = AuditEntry.objects.count()
    for client in (outsider, analyst, parent):
        assert client.post(_change_url(world), change).status_code == 404
        assert client.post(_add_url(world), add).status_code == 404
    item.refresh_from_db()
    assert (item.advice, item.status) == (
        "De huisarts kijkt over een paar weken naar de oren.",
        "to_do",
    )
    assert PlanItem.objects.count() == 1
    assert PlanItemStatusChange.objects.count() == 1
    assert AuditEntry.objects.filter(action=AuditAction.UPDATE).count() == 0
    assert AuditEntry.objects.count() >= entries  # (refusals may be logged, never a change)
    # a team member may edit the plan (access/policy.py gives the team's members EDIT)
    member = verified_client(world.users[Role.TEAM_MEMBER])
    assert member.post(_change_url(world), change).status_code == 302
    item.refresh_from_db()
    assert item.status == "done"
    assert PlanItemStatusChange.objects.filter(item=item).count() == 2


def test_arranged_items_become_started(world, plan, casemanager):
    item = _save(plan, casemanager)
    PlanItem.objects.filter(pk=item.pk).update(status="arranged")  # as stored before
    migration = importlib.import_module(
        "vroeghulp.plans.migrations.0007_arranged_items_become_started"
    )
    migration.arranged_to_started(apps, None)
    item.refresh_from_db()
    assert item.status == "started"


def test_issued_versions_keep_the_status_they_were_issued_with(world, plan, casemanager):
    old_item = {
        "domain": "medical",
        "domain_label": "Medische zorg",
        "advice": "Gehoortest.",
        "who": "",
        "by_when": "",
        "status": "arranged",
        "status_label": "Geregeld",
    }
    content = {
        "network": world.network.name,
        "child": {"name": "x", "date_of_birth": "2024-01-01"},
        "question": "",
        "goals": [],
        "introduction": "",
        "domains": [{"domain": "medical", "label": "Medische zorg", "items": [old_item]}],
        "specialists": [],
        "date": "2026-01-05",
    }
    first = PlanVersion.objects.create(
        plan=plan, number=1, content=content, pdf_sha256="0" * 64, issued_by=casemanager
    )
    _save(plan, casemanager, advice="Gehoortest.", status="started")
    second = issue_version(
        Plan.objects.get(pk=plan.pk),
        actor=casemanager,
        version=Plan.objects.get(pk=plan.pk).version,
    )
    first.refresh_from_db()
    assert first.content == content
    assert {(c["kind"], c["text"]) for c in second.changes} == {
        ("removed", "Medische zorg: Gehoortest. – Geregeld"),
        ("added", "Medische zorg: Gehoortest. – Gestart"),
    }
    page = verified_client(casemanager).get(
        reverse("plans:print", args=[world.own_case.code, first.code])
    )
    assert "Geregeld" in page.content.decode()


def test_someone_off_the_team_cannot_be_chosen_on_the_page(world, plan, casemanager):
    stranger = professional(Role.CASEMANAGER, world.organisation)
    response = verified_client(casemanager).post(
        _add_url(world),
        {
            "domain": "medical",
            "advice": "Oren nakijken.",
            "status": "to_do",
            "responsible": stranger.pk,
            "version": Plan.objects.get(pk=plan.pk).version,
        },
    )
    assert response.status_code == 400
    assert "Oren nakijken." in response.content.decode()
    assert not PlanItem.objects.exists()


def _plan_page_queries(client, world) -> int:
    url = reverse("plans:plan", args=[world.own_case.code])
    client.get(url)  # warm up: the first audit write creates the chain head
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_plan_page_runs_as_many_queries_however_many_items(world, plan, casemanager):
    client = verified_client(casemanager)
    _save(plan, casemanager, responsible=casemanager)
    one = _plan_page_queries(client, world)
    for index in range(5):
        _save(plan, casemanager, advice=f"Advies {index}", responsible=casemanager)
    assert _plan_page_queries(client, world) == one
