"""Hours spent on a trajectory: per professional and organisation, against the network's budget."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import MembershipFactory, professional, verified_client
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.models import AuditEntry
from vroeghulp.cases.milestones import refresh_milestones
from vroeghulp.cases.models import Case, Closure, TimeSpent
from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory, registered_earlier
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.monitoring.indicators import Scope, compute_all
from vroeghulp.monitoring.presentation import display

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _registered_earlier(world):
    # the dates typed below lie before today: the trajectory started before them
    registered_earlier(world.own_case)


TODAY = "2026-11-20"


def _post(client, world, **fields):
    data = {"on": TODAY, "activity": "meeting", "hours": "1,5"} | fields
    return client.post(reverse("cases:add_time", args=[world.own_case.code]), data)


def test_a_team_member_writes_hours_for_their_organisation(world):
    kinderarts = world.users[Role.TEAM_MEMBER]
    response = _post(verified_client(kinderarts), world)
    assert response.status_code == 302

    spent = TimeSpent.objects.get()
    assert (spent.by, spent.organisation, spent.hours) == (kinderarts, world.organisation, 1.5)
    assert spent.activity == "meeting"
    event = world.own_case.events.get(kind="execution")
    assert event.text == "1,5 uur geschreven: MDO (met voorbereiding)"
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, child_id=world.own_case.child_id, object_type="timespent"
    ).exists()
    _post(verified_client(kinderarts), world)
    world.own_case.refresh_from_db()
    assert world.own_case.hours_total == Decimal("3.0")  # kept on the trajectory for monitoring


def test_a_point_is_read_as_a_decimal_too_and_the_page_adds_up_against_the_budget(world):
    world.network.hours_budget = 2
    world.network.save(update_fields=["hours_budget"])
    client = verified_client(world.users[Role.CASEMANAGER])
    _post(client, world, hours="1.5", activity="intake")
    _post(client, world, hours="1")

    html = client.get(reverse("cases:execution", args=[world.own_case.code])).content.decode()
    assert "2,5 van 2 uur van het budget besteed." in html
    assert "budget overschreden" in html
    assert "Kennismaking en intake" in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hours": "0"}, "Vul minstens een kwartier (0,25) in."),
        ({"hours": "25"}, "Vul hoogstens 24 uur in."),
        ({"hours": "1,1"}, "Vul het aantal uren in per kwartier, bijvoorbeeld 1,25."),
        ({"hours": "anderhalf"}, "Vul een getal in, bijvoorbeeld 1,5."),
        ({"on": "2999-01-01"}, "Vul voor de uren een datum in van 05-01-2026 (aanmelding) tot"),
    ],
)
def test_bad_input_is_explained_in_dutch_and_nothing_is_saved(world, fields, message):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _post(client, world, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TimeSpent.objects.exists()


def test_people_outside_the_team_cannot_write_hours(world, other_world):
    outsiders = [
        other_world.users[Role.CASEMANAGER],
        world.users[Role.ANALYST],
        world.users[Role.REFERRER],
        world.users[Role.NETWORK_ADMIN],
        professional(Role.CASEMANAGER, world.organisation),  # same network, not on the team
    ]
    for user in outsiders:
        assert _post(verified_client(user), world).status_code == 404
    assert not TimeSpent.objects.exists()


def test_hours_stay_off_the_parents_timeline_and_parents_cannot_write_them(world):
    from django.test import Client

    from vroeghulp.accounts.tests.factories import UserFactory
    from vroeghulp.children.tests.factories import GuardianFactory

    _post(verified_client(world.users[Role.CASEMANAGER]), world)
    parent = UserFactory()
    GuardianFactory(child=world.own_case.child, user=parent)
    client = Client()
    client.force_login(parent)
    page = client.get(reverse("portal:child", args=[world.own_case.code]))
    assert page.status_code == 200
    assert "uur geschreven" not in page.content.decode()
    professional_page = verified_client(world.users[Role.CASEMANAGER]).get(
        reverse("cases:detail", args=[world.own_case.code])
    )
    assert "1,5 uur geschreven: MDO (met voorbereiding)" in professional_page.content.decode()
    assert _post(client, world).status_code == 404
    assert TimeSpent.objects.count() == 1


def test_hours_per_trajectory_and_per_organisation_are_counted_by_hand(world):
    world.network.hours_budget = 4
    world.network.save(update_fields=["hours_budget"])
    casemanager = world.users[Role.CASEMANAGER]
    hospital = professional(Role.TEAM_MEMBER, world.other_organisation)
    MembershipFactory(user=hospital, organisation=world.other_organisation, role=Role.ANALYST)

    def closed_case(hours_by: list[tuple], closed_on):
        case = CaseFactory(child=ChildFactory(network=world.network))
        for user, organisation, hours, on in hours_by:
            TeamMemberFactory(case=case, user=user)
            TimeSpent.objects.create(
                case=case,
                by=user,
                organisation=organisation,
                on=on,
                activity="meeting",
                hours=Decimal(hours),
            )
        refresh_milestones(Case.objects.filter(pk=case.pk))  # bookings made here, not by actions
        if closed_on:
            Closure.objects.create(
                case=case, closed_on=closed_on, reason="plan_realised", closed_by=casemanager
            )
        return case

    d = datetime.date
    closed_case([(casemanager, world.organisation, "2.5", d(2026, 3, 1))], d(2026, 4, 1))
    closed_case(
        [
            (casemanager, world.organisation, "3", d(2026, 3, 2)),
            (hospital, world.other_organisation, "2.25", d(2026, 3, 3)),
        ],
        d(2026, 5, 1),
    )
    closed_case([], d(2026, 5, 2))  # closed without hours: not in the distribution
    closed_case([(casemanager, world.organisation, "4", d(2025, 12, 1))], None)  # earlier, open

    results = compute_all(Scope(networks=[world.network], start=d(2026, 1, 1), end=d(2026, 6, 30)))
    per_case = results["hours_trajectory"]
    assert sorted(per_case.values) == [2.5, 5.25]
    assert (per_case.norm, per_case.within_norm) == (4, 0.5)
    per_organisation = results["hours_organisation"]
    assert per_organisation.count == 8  # 7.75 hours, in whole hours
    assert per_organisation.breakdown == {
        world.organisation.name: 6,
        world.other_organisation.name: 2,
    }
    assert display("aantal", per_organisation) == ("5–8", "")  # 8 hours, published as a band


def test_a_trajectory_closed_twice_in_the_period_counts_its_hours_once(world):
    """Reopened and closed again: two closings, one trajectory, its hours counted once."""
    casemanager = world.users[Role.CASEMANAGER]
    d = datetime.date
    case = world.own_case
    TimeSpent.objects.create(
        case=case,
        by=casemanager,
        organisation=world.organisation,
        on=d(2026, 2, 1),
        activity="guidance",
        hours=Decimal(2),
    )
    refresh_milestones(Case.objects.filter(pk=case.pk))
    for closed_on in (d(2026, 3, 1), d(2026, 5, 1)):
        Closure.objects.create(
            case=case, closed_on=closed_on, reason="plan_realised", closed_by=casemanager
        )

    results = compute_all(Scope(networks=[world.network], start=d(2026, 1, 1), end=d(2026, 6, 30)))
    assert results["hours_trajectory"].values == [2.0]
