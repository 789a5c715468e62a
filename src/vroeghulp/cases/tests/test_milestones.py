"""The milestone dates kept on a trajectory follow what is recorded in its team, meetings, plan."""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.milestones import refresh_milestones
from vroeghulp.cases.models import Case, TeamMember
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.plans.models import Discussion, Plan, PlanVersion

pytestmark = pytest.mark.django_db
D = datetime.date


def _local(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _meeting(world, moment: datetime.datetime) -> Meeting:
    return Meeting.objects.create(
        network=world.network, starts_at=moment, created_by=world.users[Role.COORDINATOR]
    )


def _version(world, case: Case, number: int) -> PlanVersion:
    plan, _created = Plan.objects.get_or_create(case=case)
    return PlanVersion.objects.create(
        plan=plan,
        number=number,
        content={},
        pdf="x.pdf",
        pdf_sha256="0" * 64,
        issued_by=world.users[Role.COORDINATOR],
    )


def _milestones(case: Case) -> tuple:
    refresh_milestones(Case.objects.filter(pk=case.pk))
    case.refresh_from_db()
    return case.first_meeting_on, case.plan_discussed_on


def test_the_first_casemanager_counts_not_other_members(world):
    case = world.own_case
    TeamMember.objects.filter(case=case).delete()
    member = world.users[Role.TEAM_MEMBER]
    TeamMember.objects.create(case=case, user=member, team_role=TeamRole.MEMBER)
    refresh_milestones(Case.objects.filter(pk=case.pk))
    case.refresh_from_db()
    assert case.casemanager_from is None

    # one active place per person and role: the earlier place ended before the later began
    for day, ended in ((D(2026, 3, 2), None), (D(2026, 2, 9), _local(D(2026, 2, 20), 12))):
        TeamMember.objects.create(
            case=case,
            user=world.users[Role.CASEMANAGER],
            team_role=TeamRole.CASEMANAGER,
            started_at=_local(day, 23),  # late in the evening: still that day in local time
            ended_at=ended,
        )
    refresh_milestones(Case.objects.filter(pk=case.pk))
    case.refresh_from_db()
    assert case.casemanager_from == D(2026, 2, 9)


def test_the_first_concluded_meeting_counts_in_local_time(world):
    case = world.own_case
    # 23:30 UTC on 9 March is 10 March in the Netherlands
    late = datetime.datetime(2026, 3, 9, 23, 30, tzinfo=datetime.UTC)
    AgendaItem.objects.create(meeting=_meeting(world, late), case=case, discussed_at=late)
    assert _milestones(case) == (D(2026, 3, 10), None)

    earlier = _local(D(2026, 2, 2), 10)
    planned_only = _meeting(world, earlier)  # on the agenda, never discussed: not counted
    AgendaItem.objects.create(meeting=planned_only, case=case)
    assert _milestones(case) == (D(2026, 3, 10), None)

    first = _local(D(2026, 2, 16), 10)
    AgendaItem.objects.create(meeting=_meeting(world, first), case=case, discussed_at=first)
    assert _milestones(case) == (D(2026, 2, 16), None)


def test_the_first_conversation_about_any_version_of_the_plan_counts(world):
    case, user = world.own_case, world.users[Role.COORDINATOR]
    second = _version(world, case, 2)
    Discussion.objects.create(version=second, on=D(2026, 5, 4), how="phone", recorded_by=user)
    assert _milestones(case) == (None, D(2026, 5, 4))

    first = _version(world, case, 1)
    Discussion.objects.create(version=first, on=D(2026, 4, 20), how="in_person", recorded_by=user)
    assert _milestones(case) == (None, D(2026, 4, 20))


def test_refreshing_one_trajectory_leaves_the_others_alone(world):
    moment = _local(D(2026, 2, 16), 10)
    meeting = _meeting(world, moment)
    for case in (world.own_case, world.other_case):
        AgendaItem.objects.create(meeting=meeting, case=case, discussed_at=moment)
    assert _milestones(world.own_case) == (D(2026, 2, 16), None)
    world.other_case.refresh_from_db()
    assert world.other_case.first_meeting_on is None
