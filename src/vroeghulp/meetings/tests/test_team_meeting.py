"""Planning the MDO, its agenda, the parents' choice, findings per discipline and the conclusion."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.audit.models import AuditEntry
from vroeghulp.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def _plan(client, when):
    return client.post(
        reverse("meetings:plan"),
        {"starts_at": when.strftime("%Y-%m-%dT%H:%M"), "location": "MEE", "tier": "Kernteam"},
    )


@pytest.fixture
def coordinator(world):
    return verified_client(world.users[Role.COORDINATOR])


@pytest.fixture
def past_item(world):
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        created_by=world.users[Role.COORDINATOR],
    )
    return AgendaItem.objects.create(meeting=meeting, case=world.own_case, parents_attend=True)


def test_planning_and_putting_a_child_on_the_agenda(world, coordinator):
    response = _plan(coordinator, timezone.localtime() + datetime.timedelta(days=7))
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meetings:detail", args=[meeting.code])
    waiting = coordinator.get(reverse("meetings:list")).context["waiting"]
    assert world.own_case in waiting and not waiting[0].is_scheduled
    coordinator.post(
        reverse("meetings:add_item", args=[meeting.code]),
        {"case": world.own_case.pk, "parents_attend": "yes"},
    )
    item = AgendaItem.objects.get()
    assert (item.case, item.parents_attend) == (world.own_case, True)
    assert world.own_case.events.filter(kind="meeting").exists()
    waiting = coordinator.get(reverse("meetings:list")).context["waiting"]
    assert next(c for c in waiting if c == world.own_case).is_scheduled


def test_findings_and_conclusion_make_the_child_discussed(world, coordinator, past_item):
    url = reverse("meetings:add_finding", args=[past_item.code])
    coordinator.post(url, {"discipline": "orthopedagoog", "text": "Taalbegrip op 18 maanden."})
    response = coordinator.post(
        reverse("meetings:conclude", args=[past_item.code]),
        {
            "conclusion": "Logopedie en observatie op de peuteropvang.",
            "specialised_centre": "Radboudumc",
            "version": past_item.version,
        },
    )
    assert response.status_code == 302
    past_item.refresh_from_db()
    assert past_item.discussed_at is not None
    assert past_item.findings.get().text.startswith("Taalbegrip")
    waiting = coordinator.get(reverse("meetings:list")).context["waiting"]
    assert world.own_case not in waiting
    assert (
        "Radboudumc"
        in world.own_case.events.get(name="meeting_discussed_referred").params["centre"]
    )
    world.own_case.refresh_from_db()
    assert world.own_case.first_meeting_on == timezone.localdate(past_item.meeting.starts_at)


def test_a_meeting_in_the_future_cannot_be_concluded(world, coordinator):
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        created_by=world.users[Role.COORDINATOR],
    )
    item = AgendaItem.objects.create(meeting=meeting, case=world.own_case)
    response = coordinator.post(
        reverse("meetings:conclude", args=[item.code]),
        {"conclusion": "Te vroeg", "version": item.version},
    )
    assert "Dit MDO heeft nog niet plaatsgevonden." in response.content.decode()


def test_concurrent_conclusions_do_not_overwrite(world, coordinator, past_item):
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    url = reverse("meetings:conclude", args=[past_item.code])
    coordinator.post(url, {"conclusion": "Eerste", "version": 1})
    response = casemanager.post(url, {"conclusion": "Tweede, eigen tekst", "version": 1})
    assert response.status_code == 409
    assert "Tweede, eigen tekst" in response.content.decode()
    past_item.refresh_from_db()
    assert past_item.conclusion == "Eerste"


def test_parents_choice_can_change(world, coordinator, past_item):
    coordinator.post(
        reverse("meetings:set_attendance", args=[past_item.code]), {"parents_attend": "no"}
    )
    past_item.refresh_from_db()
    assert past_item.parents_attend is False


def test_agenda_shows_only_children_the_user_may_see(world, past_item):
    other_member = world.other_case.team.first().user
    AgendaItem.objects.create(meeting=past_item.meeting, case=world.other_case)
    response = verified_client(other_member).get(
        reverse("meetings:detail", args=[past_item.meeting.code])
    )
    html = response.content.decode()
    assert world.other_case.child.full_name in html
    assert world.own_case.child.full_name not in html
    assert response.context["hidden_count"] == 1
    assert (
        verified_client(other_member)
        .get(reverse("meetings:item", args=[past_item.code]))
        .status_code
        == 404
    )


def test_other_networks_and_roles_see_no_meetings(world, other_world, past_item):
    outsider = verified_client(other_world.users[Role.COORDINATOR])
    assert (
        outsider.get(reverse("meetings:detail", args=[past_item.meeting.code])).status_code == 404
    )
    assert outsider.get(reverse("meetings:item", args=[past_item.code])).status_code == 404
    analyst = verified_client(world.users[Role.ANALYST])
    assert analyst.get(reverse("meetings:list")).status_code == 404
    casemanager = verified_client(world.users[Role.CASEMANAGER])
    response = casemanager.post(reverse("meetings:plan"), {"starts_at": "2026-12-01T10:00"})
    assert response.status_code == 404
    assert Meeting.objects.count() == 1  # only the past meeting of the fixture


def test_reading_an_item_is_logged(world, coordinator, past_item):
    coordinator.get(reverse("meetings:item", args=[past_item.code]))
    assert AuditEntry.objects.filter(
        object_type="agendaitem", child_id=world.own_case.child_id
    ).exists()


def test_the_waiting_list_goes_a_page_at_a_time_longest_waiting_first(world, coordinator):
    from vroeghulp.cases.constants import TeamRole
    from vroeghulp.cases.states import Phase
    from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory
    from vroeghulp.children.tests.factories import ChildFactory
    from vroeghulp.meetings.views import WAITING_PER_PAGE

    for days in range(WAITING_PER_PAGE + 2):
        case = CaseFactory(
            child=ChildFactory(network=world.network),
            phase=Phase.INTAKE,
            opened_at=timezone.now() - datetime.timedelta(days=200 - days),
        )
        TeamMemberFactory(
            case=case, user=world.users[Role.COORDINATOR], team_role=TeamRole.COORDINATOR
        )
    url = reverse("meetings:list")
    first = coordinator.get(url)
    waiting = first.context["waiting"]
    in_all = first.context["waiting_page"]["of"]
    assert len(waiting) == WAITING_PER_PAGE and in_all >= WAITING_PER_PAGE + 2
    assert waiting == sorted(waiting, key=lambda case: case.opened_at)
    assert f"Kind 1–{WAITING_PER_PAGE} van {in_all}" in first.content.decode()

    before = AuditEntry.objects.count()
    second = coordinator.get(url, {"wachtend": "2"})
    rest = second.context["waiting"]
    assert len(rest) == in_all - WAITING_PER_PAGE and not set(rest) & set(waiting)
    assert waiting[-1].opened_at <= rest[0].opened_at
    logged = set(AuditEntry.objects.order_by("pk")[before:].values_list("child_id", flat=True))
    assert logged == {case.child_id for case in rest}

    for nonsense in ("0", "99", "twee"):  # not a page: the first one
        assert coordinator.get(url, {"wachtend": nonsense}).context["waiting"] == waiting
