"""List pages run the same number of queries whatever the amount of data (no N+1)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

PAGES = [
    (Role.COORDINATOR, "home"),
    (Role.COORDINATOR, "cases:registrations"),
    (Role.COORDINATOR, "meetings:list"),
    (Role.CASEMANAGER, "followup:list"),
    (Role.ANALYST, "monitoring:overview"),
]


def _queries(client, url) -> int:
    client.get(url)  # warm up: the first audit write creates the chain head
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def _grow(world, n: int) -> None:
    coordinator = world.users[Role.COORDINATOR]
    casemanager = world.users[Role.CASEMANAGER]
    meeting = Meeting.objects.create(
        network=world.network,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        created_by=coordinator,
    )
    for index in range(n):
        RegistrationFactory(network=world.network, child_given_name=f"Extra{index}")
        case = CaseFactory(child=ChildFactory(network=world.network), phase=Phase.FOLLOW_UP)
        TeamMemberFactory(case=case, user=casemanager, team_role=TeamRole.CASEMANAGER)
        TeamMemberFactory(case=case, user=coordinator, team_role=TeamRole.COORDINATOR)
        FollowUpPlan.objects.create(case=case, every_months=6, next_check_on=timezone.localdate())
        waiting = CaseFactory(child=ChildFactory(network=world.network), phase=Phase.INTAKE)
        TeamMemberFactory(case=waiting, user=coordinator, team_role=TeamRole.COORDINATOR)
        AgendaItem.objects.create(meeting=meeting, case=waiting)


@pytest.mark.parametrize(("role", "name"), PAGES)
def test_query_count_is_constant(world, role, name):
    client = verified_client(world.users[role])
    url = reverse(name)
    _grow(world, 1)
    before = _queries(client, url)
    _grow(world, 8)
    assert _queries(client, url) == before


def test_the_home_page_lists_the_most_recent_own_trajectories_and_links_to_all(world):
    from vroeghulp.audit.models import AuditEntry
    from vroeghulp.work.queries import MY_CASES_SHOWN

    coordinator = world.users[Role.COORDINATOR]
    for _ in range(MY_CASES_SHOWN + 2):
        case = CaseFactory(child=ChildFactory(network=world.network), phase=Phase.EXECUTION)
        TeamMemberFactory(case=case, user=coordinator, team_role=TeamRole.COORDINATOR)
    client = verified_client(coordinator)
    before = AuditEntry.objects.count()
    response = client.get(reverse("home"))
    assert len(response.context["work"].my_cases) == MY_CASES_SHOWN
    assert 'href="/trajecten/">Alle trajecten</a>' in response.content.decode()
    work = response.context["work"]
    shown = {case.child_id for case in work.my_cases + work.not_in_meeting}
    logged = set(AuditEntry.objects.order_by("pk")[before:].values_list("child_id", flat=True))
    assert logged == shown  # one entry per child on the page, none for the ones not shown


@pytest.mark.parametrize("name", ["home", "meetings:list"])
def test_a_kept_list_runs_fewer_queries_and_as_many_whatever_the_data(world, settings, name):
    from django.core.cache import caches

    client = verified_client(world.users[Role.COORDINATOR])
    url = reverse(name)
    _grow(world, 1)
    rendered_anew = _queries(client, url)  # keeping is off in the tests
    settings.KEEP_LISTS_SECONDS = 600
    caches["lists"].clear()
    kept = _queries(client, url)  # the warm-up keeps the list, the view counted reads it
    _grow(world, 8)  # (the tests' transaction never commits, so the stamp stays)
    assert _queries(client, url) == kept < rendered_anew
    caches["lists"].clear()
