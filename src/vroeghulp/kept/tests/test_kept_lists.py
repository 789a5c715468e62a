"""A kept list (work list, MDO page) is shown again only while nothing on it has changed, and
every view of it is audited."""

import datetime

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from vroeghulp.access.models import EmergencyAccess
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.actions import add_note
from vroeghulp.cases.models import Case, InformationRequest, TeamMember
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.followup.actions import reopen, start_follow_up
from vroeghulp.kept.lists import Rendered, _seconds_to_keep
from vroeghulp.meetings.actions import add_to_agenda, conclude, plan_meeting
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.plans.actions import save_item, start_plan
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keeping(settings):
    settings.KEEP_LISTS_SECONDS = 600
    caches["lists"].clear()
    yield
    caches["lists"].clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs the changes' on-commit work (new stamps) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _home(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response


def test_a_second_view_is_kept_and_audited_again(world):
    client = verified_client(world.users[Role.COORDINATOR])
    first = _home(client)
    assert "work" in first.context  # computed
    logged_first = AuditEntry.objects.count()
    second = _home(client)
    assert "work" not in second.context  # kept
    assert world.own_case.child.full_name in second.content.decode()
    # the same children named, so the same entries again
    again = AuditEntry.objects.order_by("pk")[logged_first:]
    assert [e.child_id for e in again] == [world.own_case.child_id]
    assert {e.user_id for e in again} == {world.users[Role.COORDINATOR].pk}


def test_people_never_share_a_kept_list(world):
    coordinator = verified_client(world.users[Role.COORDINATOR])
    _home(coordinator)
    _home(coordinator)
    casemanager = _home(verified_client(world.users[Role.CASEMANAGER]))
    assert "work" in casemanager.context


def test_new_overdue_information_request_shows_at_once(world, committed):
    client = verified_client(world.users[Role.CASEMANAGER])
    _home(client)
    with committed():
        InformationRequest.objects.create(
            case=world.own_case,
            organisation=world.other_organisation,
            question="Verslag",
            due_on=timezone.localdate() - datetime.timedelta(days=3),
            requested_by=world.users[Role.CASEMANAGER],
        )
    work = _home(client).context["work"]
    assert [i.case for i in work.information_overdue] == [world.own_case]


def test_new_registration_reaches_the_networks_coordinators(world, committed):
    client = verified_client(world.users[Role.COORDINATOR])
    _home(client)
    with committed():
        RegistrationFactory(
            network=world.network,
            callback_due_on=timezone.localdate(),
            child_given_name="Nieuwkomer",
        )
    assert "Nieuwkomer" in _home(client).content.decode()


def test_scheduling_in_a_meeting_and_a_renamed_child_show_at_once(world, committed):
    coordinator = world.users[Role.COORDINATOR]
    client = verified_client(coordinator)
    assert world.own_case in _home(client).context["work"].not_in_meeting
    with committed():
        meeting = plan_meeting(
            world.network,
            actor=coordinator,
            starts_at=timezone.now() + datetime.timedelta(days=7),
        )
        add_to_agenda(meeting, actor=coordinator, case=world.own_case, parents_attend=True)
    assert world.own_case not in _home(client).context["work"].not_in_meeting
    with committed():
        child = world.own_case.child
        child.given_name = "Hernoemd"
        child.save(update_fields=["given_name"])
    assert "Hernoemd" in _home(client).content.decode()


def test_a_note_keeps_the_lists_it_does_not_change(world, committed):
    user = world.users[Role.CASEMANAGER]
    client = verified_client(user)
    _home(client)
    _meetings(client)
    with committed():
        add_note(world.own_case, actor=user, text="Gebeld met moeder.")
    assert "work" not in _home(client).context
    assert "waiting" not in _meetings(client).context


def test_a_concluded_discussion_takes_the_child_off_the_lists_at_once(world, committed):
    coordinator = world.users[Role.COORDINATOR]
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        created_by=coordinator,
    )
    item = AgendaItem.objects.create(meeting=meeting, case=world.own_case, parents_attend=True)
    client = verified_client(coordinator)
    assert world.own_case in _home(client).context["work"].not_in_meeting
    assert world.own_case in _meetings(client).context["waiting"]
    with committed():
        # sets the trajectory's first_meeting_on by a queryset update
        conclude(item, actor=coordinator, conclusion="Logopedie.", version=item.version)
    assert world.own_case not in _home(client).context["work"].not_in_meeting
    assert world.own_case not in _meetings(client).context["waiting"]


def test_reopening_takes_the_check_in_off_the_work_list_at_once(world, committed):
    user = world.users[Role.CASEMANAGER]
    Case.objects.filter(pk=world.own_case.pk).update(phase=Phase.CLOSED, closed_at=timezone.now())
    case = Case.objects.get(pk=world.own_case.pk)
    start_follow_up(
        case,
        actor=user,
        version=case.version,
        every_months=6,
        first_check_on=timezone.localdate() + datetime.timedelta(days=2),
    )
    client = verified_client(user)
    assert [p.case for p in _home(client).context["work"].check_ins_due] == [case]
    case.refresh_from_db()
    with committed():
        # pauses the follow-up plan by a queryset update
        reopen(case, actor=user, version=case.version, reason="Nieuwe vraag")
    assert _home(client).context["work"].check_ins_due == []


def test_a_new_or_changed_plan_item_shows_at_once(world, committed):
    user = world.users[Role.CASEMANAGER]
    plan = start_plan(world.own_case, actor=user)
    client = verified_client(user)
    assert _home(client).context["work"].plan_items_due == []
    with committed():
        item = save_item(
            plan,
            actor=user,
            version=plan.version,
            domain="medical",
            advice="Oren laten nakijken",
            due_on=timezone.localdate() + datetime.timedelta(days=2),
            responsible=user,
            status="to_do",
        )
    assert "Oren laten nakijken" in _home(client).content.decode()
    assert "work" not in _home(client).context  # kept again
    plan.refresh_from_db()
    with committed():
        save_item(
            plan,
            actor=user,
            version=plan.version,
            item=item,
            domain="medical",
            advice="Oren laten nakijken",
            status="done",
        )
    assert "Oren laten nakijken" not in _home(client).content.decode()


def test_leaving_a_team_takes_the_case_off_the_list(world, committed):
    user = world.users[Role.CASEMANAGER]
    client = verified_client(user)
    assert world.own_case.child.full_name in _home(client).content.decode()
    with committed():
        membership = TeamMember.objects.get(case=world.own_case, user=user)
        membership.ended_at = timezone.now()
        membership.save(update_fields=["ended_at"])
    assert world.own_case.child.full_name not in _home(client).content.decode()


def test_a_kept_list_is_per_language(world, settings):
    client = verified_client(world.users[Role.COORDINATOR])
    _home(client)
    _home(client)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = _home(client)
    assert "work" in english.context


def _meetings(client):
    response = client.get(reverse("meetings:list"))
    assert response.status_code == 200
    return response


def test_the_mdo_page_is_kept_audited_and_shows_a_new_meeting_to_the_network_at_once(
    world, committed
):
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    assert "waiting" in _meetings(casemanager).context
    before = AuditEntry.objects.count()
    kept_page = _meetings(casemanager)
    assert "waiting" not in kept_page.context
    assert [e.child_id for e in AuditEntry.objects.order_by("pk")[before:]] == [
        world.own_case.child_id
    ]
    with committed():
        plan_meeting(
            world.network,
            actor=world.users[Role.COORDINATOR],
            starts_at=timezone.now() + datetime.timedelta(days=3),
            tier="Nieuw kernteam",
        )
    assert "Nieuw kernteam" in _meetings(casemanager).content.decode()


def test_a_new_registered_trajectory_reaches_the_coordinators_waiting_list(world, committed):
    coordinator = verified_client(world.users[Role.COORDINATOR])
    _meetings(coordinator)
    with committed():
        case = CaseFactory(
            child=ChildFactory(network=world.network, family_name="Triagekind"),
            phase=Phase.REGISTERED,
        )
    assert case in _meetings(coordinator).context["waiting"]


def test_a_list_showing_a_child_by_emergency_access_is_not_kept(world, committed):
    user = world.users[Role.CASEMANAGER]
    with committed():
        EmergencyAccess.objects.create(
            network=world.network,
            child=world.other_case.child,
            user=user,
            reason="Crisis",
            expires_at=timezone.now() + datetime.timedelta(hours=1),
        )
    client = verified_client(user)
    assert world.other_case in _meetings(client).context["waiting"]
    assert "waiting" in _meetings(client).context  # rendered again


def test_a_list_is_kept_no_longer_than_until_the_next_meeting_begins(settings):
    soon = timezone.now() + datetime.timedelta(seconds=30)
    assert 25 <= _seconds_to_keep(Rendered("", [], changes_at=soon)) <= 30
    assert _seconds_to_keep(Rendered("", [])) == settings.KEEP_LISTS_SECONDS
    assert _seconds_to_keep(Rendered("", [], keep=False)) == 0


def test_a_kept_work_list_ends_when_the_next_meeting_begins(world):
    from vroeghulp.work.views import _rendered_work

    coordinator = world.users[Role.COORDINATOR]
    assert _rendered_work(coordinator, everything=False).changes_at is None
    meeting = plan_meeting(
        world.network, actor=coordinator, starts_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert _rendered_work(coordinator, everything=False).changes_at == meeting.starts_at
