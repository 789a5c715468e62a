"""Every indicator against values computed by hand on a small constructed network.

Edge cases: a declined registration (counted in inflow), a registration outside the period, a
registration without a callback (missing date), a case still open, and a reopened trajectory.
"""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import professional
from vroeghulp.cases.constants import ClosingReason, GoalRealisation, TeamRole
from vroeghulp.cases.milestones import refresh_milestones
from vroeghulp.cases.models import Case, Closure, Delay, FamilySupport, Goal, Intake, ReferralOut
from vroeghulp.cases.states import Phase
from vroeghulp.cases.tests.factories import CaseFactory, TeamMemberFactory
from vroeghulp.children.tests.factories import ChildFactory
from vroeghulp.meetings.models import AgendaItem, Meeting
from vroeghulp.monitoring.indicators import Result, Scope, compute_all
from vroeghulp.monitoring.series import age_distribution, funnel, waiting_distribution
from vroeghulp.networks.tests.factories import (
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
)
from vroeghulp.plans.models import Discussion, Plan, PlanVersion
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def results():
    network = NetworkFactory(callback_deadline_days=14)
    municipality = MunicipalityFactory(network=network, name="Oost")
    user = professional(Role.CASEMANAGER, OrganisationFactory(network=network))

    child_a = ChildFactory(network=network, date_of_birth=D(2024, 1, 10), municipality=municipality)
    RegistrationFactory(
        network=network,
        route="phone",
        received_at=at(D(2026, 1, 10)),
        child=child_a,
        child_date_of_birth=D(2024, 1, 10),
        first_concern_on=D(2025, 1, 10),
        called_back_at=at(D(2026, 1, 20)),
        status="accepted",
        municipality=municipality,
    )
    case_a = CaseFactory(child=child_a, opened_at=at(D(2026, 1, 10)), phase=Phase.EXECUTION)
    TeamMemberFactory(case=case_a, user=user, team_role=TeamRole.CASEMANAGER)
    Intake.objects.create(case=case_a, home_visit_on=D(2026, 1, 25))
    meeting = Meeting.objects.create(network=network, starts_at=at(D(2026, 2, 9)), created_by=user)
    AgendaItem.objects.create(
        meeting=meeting, case=case_a, parents_attend=True, discussed_at=at(D(2026, 2, 9))
    )
    version = PlanVersion.objects.create(
        plan=Plan.objects.create(case=case_a),
        number=1,
        content={},
        pdf="x.pdf",
        pdf_sha256="0" * 64,
        issued_at=at(D(2026, 2, 20)),
        issued_by=user,
    )
    Discussion.objects.create(version=version, on=D(2026, 3, 1), how="in_person", recorded_by=user)
    ReferralOut.objects.create(
        case=case_a, service="Logopedie", referred_on=D(2026, 3, 10), placed=True
    )
    ReferralOut.objects.create(case=case_a, service="Fysio", referred_on=D(2026, 3, 15))
    FamilySupport.objects.create(
        case=case_a, programme="A", offered_on=D(2026, 3, 1), response="accepted"
    )
    FamilySupport.objects.create(
        case=case_a, programme="B", offered_on=D(2026, 3, 2), response="declined"
    )

    RegistrationFactory(
        network=network,
        route="public_form",
        received_at=at(D(2026, 2, 1)),
        child_date_of_birth=D(2021, 2, 1),
        called_back_at=at(D(2026, 2, 21)),
        status="declined",
    )

    child_c = ChildFactory(network=network, date_of_birth=D(2025, 3, 1))
    RegistrationFactory(
        network=network,
        route="cjg",
        received_at=at(D(2026, 3, 1)),
        child=child_c,
        child_date_of_birth=D(2025, 3, 1),
        status="accepted",
    )
    CaseFactory(child=child_c, opened_at=at(D(2026, 3, 1)), phase=Phase.INTAKE)

    child_d = ChildFactory(network=network, date_of_birth=D(2023, 6, 1))
    RegistrationFactory(
        network=network, received_at=at(D(2025, 12, 1)), child=child_d, status="accepted"
    )
    case_d = CaseFactory(
        child=child_d, opened_at=at(D(2025, 12, 1)), phase=Phase.CLOSED, closed_at=at(D(2026, 4, 1))
    )
    Closure.objects.create(
        case=case_d, closed_on=D(2026, 4, 1), reason=ClosingReason.STOPPED_EARLY, closed_by=user
    )
    Goal.objects.create(case=case_d, text="een", realisation=GoalRealisation.REACHED)
    Goal.objects.create(case=case_d, text="twee", realisation=GoalRealisation.NOT_REACHED)
    Delay.objects.create(
        case=case_a,
        stage="meeting",
        reason="capacity",
        recorded_by=user,
        recorded_at=at(D(2026, 2, 1)),
    )
    Delay.objects.create(
        case=case_a,
        stage="plan",
        reason="parents",
        recorded_by=user,
        recorded_at=at(D(2026, 2, 25)),
    )
    Delay.objects.create(  # recorded before the period: not counted
        case=case_d,
        stage="intake",
        reason="family",
        recorded_by=user,
        recorded_at=at(D(2025, 12, 20)),
    )
    reopened = CaseFactory(child=child_d, opened_at=at(D(2026, 5, 1)), phase=Phase.INTAKE)
    TeamMemberFactory(case=reopened, user=user, team_role=TeamRole.CASEMANAGER)
    refresh_milestones(Case.objects.all())  # rows made here, not by the actions

    scope = Scope(networks=[network], start=D(2026, 1, 1), end=D(2026, 6, 30))
    return network, compute_all(scope)


def _by_age(network, *groups):
    scope = Scope(networks=[network], start=D(2026, 1, 1), end=D(2026, 6, 30), age_groups=groups)
    return compute_all(scope)


def test_age_groups_count_the_age_on_the_day_of_registration(results):
    network, _r = results
    one = _by_age(network, "1-2")  # C turned 1 on the day of registration (365 days)
    assert one["inflow"].count == 1 and one["discussed"].denominator == 1
    two_to_four = _by_age(network, "2-4")  # A at 731 days; the reopened trajectory of D
    assert two_to_four["inflow"].breakdown == {"phone": 1}
    assert two_to_four["discussed"].denominator == 2
    assert _by_age(network, "4+")["declined"].numerator == 1  # B, five years old
    assert _by_age(network, "0-1")["inflow"].count == 0
    assert _by_age(network, "0-1", "4+")["inflow"].count == 1


def test_inflow_outflow_and_caseload(results):
    _network, r = results
    assert r["inflow"].count == 3
    assert r["inflow"].breakdown == {"phone": 1, "public_form": 1, "cjg": 1}
    assert (r["declined"].numerator, r["declined"].denominator) == (1, 3)
    assert r["outflow"].count == 1 and r["outflow"].breakdown == {"stopped_early": 1}
    assert r["caseload"].count == 3  # A, C and the reopened trajectory; D closed


def test_ages(results):
    _network, r = results
    assert sorted(r["age_registration"].values) == [1.0, 2.0, 5.0]
    assert r["age_registration"].median == 2.0
    assert r["age_first_concern"].values == [1.0]
    assert r["age_meeting"].values == [2.1]


def test_waiting_times_in_actual_days(results):
    _network, r = results
    callback = r["days_callback"]
    assert sorted(callback.values) == [10.0, 20.0]  # C has no callback yet: left out
    assert (callback.median, callback.p80, callback.norm, callback.within_norm) == (
        15.0,
        20.0,
        14,
        0.5,
    )
    assert r["days_intake"].values == [15.0]
    assert r["days_meeting"].values == [30.0]
    assert r["days_plan"].values == [50.0]
    assert r["days_meeting_plan"].values == [20.0]  # 9 February to 1 March


def test_reasons_for_delay_in_the_period(results):
    _network, r = results
    assert r["delays"].count == 2
    assert r["delays"].breakdown == {"capacity": 1, "parents": 1}


def test_chart_series_use_the_same_results(results):
    _network, r = results
    assert funnel(r) == [
        ("Aanmeldingen", 3),
        ("Traject gestart", 3),  # A, C and the reopened trajectory
        ("Huisbezoek", 1),
        ("Besproken in MDO", 1),
        ("Plan besproken", 1),
    ]
    assert dict(age_distribution(r["age_registration"])) == {
        "0 jr": 0,
        "1 jr": 1,
        "2 jr": 1,
        "3 jr": 0,
        "4 jr": 0,
        "5 jr": 1,
        "6 jr": 0,
        "7+ jr": 0,
    }
    assert dict(waiting_distribution(r["days_meeting"]))["5–6 wk"] == 1


def test_shares(results):
    _network, r = results
    assert (r["discussed"].numerator, r["discussed"].denominator) == (1, 3)
    assert (r["casemanager"].numerator, r["casemanager"].denominator) == (2, 3)
    assert r["plan_explained"].share == 1.0
    assert r["parents_present"].share == 1.0
    assert (r["goals"].numerator, r["goals"].denominator) == (1, 2)
    assert r["dropouts"].share == 1.0
    assert (r["placements"].numerator, r["placements"].denominator) == (1, 1)
    assert r["family_support"].share == 0.5


def test_command_prints_every_indicator_as_json(results, capsys):
    network, _r = results
    call_command("compute_indicators", network=network.slug, start="2026-01-01", end="2026-06-30")
    output = json.loads(capsys.readouterr().out)
    assert output["indicators"]["inflow"]["count"] == 3
    assert output["indicators"]["inflow"]["published"] == "<5"
    assert output["indicators"]["days_callback"]["within_norm"] == 0.5
    assert len(output["indicators"]) == 36
    assert output["indicators"]["reach_discussed"]["denominator"] == 1000


@pytest.mark.parametrize(
    ("days", "bucket"),
    [(0, "0–2 wk"), (14, "0–2 wk"), (15, "3–4 wk"), (91, "9–13 wk"), (92, "> 13 wk")],
)
def test_waiting_buckets_include_their_upper_bound(days, bucket):
    counts = dict(waiting_distribution(Result.of([float(days)])))
    assert counts[bucket] == 1 and sum(counts.values()) == 1


def test_a_goal_of_a_trajectory_closed_twice_is_counted_once(world):
    casemanager = world.users[Role.CASEMANAGER]
    d = datetime.date
    Goal.objects.create(case=world.own_case, text="Praten", realisation="reached")
    for closed_on in (d(2026, 3, 1), d(2026, 5, 1)):
        Closure.objects.create(
            case=world.own_case, closed_on=closed_on, reason="plan_realised", closed_by=casemanager
        )

    results = compute_all(Scope(networks=[world.network], start=d(2026, 1, 1), end=d(2026, 6, 30)))
    assert (results["goals"].numerator, results["goals"].denominator) == (1, 1)


def test_a_scope_counts_its_own_networks_and_one_over_every_network_counts_all(results):
    network, alone = results
    other = NetworkFactory()
    user = professional(Role.CASEMANAGER, OrganisationFactory(network=other))
    case = CaseFactory(
        child=ChildFactory(network=other, date_of_birth=D(2024, 5, 1)),
        opened_at=at(D(2026, 2, 1)),
        phase=Phase.CLOSED,
        closed_at=at(D(2026, 3, 1)),
    )
    Closure.objects.create(
        case=case, closed_on=D(2026, 3, 1), reason=ClosingReason.STOPPED_EARLY, closed_by=user
    )
    meeting = Meeting.objects.create(network=other, starts_at=at(D(2026, 2, 10)), created_by=user)
    AgendaItem.objects.create(meeting=meeting, case=case, discussed_at=at(D(2026, 2, 10)))
    refresh_milestones(Case.objects.filter(pk=case.pk))
    period = {"start": D(2026, 1, 1), "end": D(2026, 6, 30)}

    own = compute_all(Scope(networks=[network], **period))
    every = compute_all(Scope(networks=[network, other], **period))

    assert own["outflow"].count == alone["outflow"].count == 1
    assert every["outflow"].count == 2
    assert own["parents_present"].denominator == 1
    assert every["parents_present"].denominator == 2
    assert own["days_meeting"].n == 1 and every["days_meeting"].n == 2


@pytest.mark.parametrize(
    ("values", "median", "p80"),
    [([4, 1, 3, 2], 2.5, 4), ([5, 5, 1], 5, 5), (list(range(1, 11)), 5.5, 8), ([7], 7, 7)],
)
def test_a_distribution_kept_as_counts_gives_the_median_and_p80_of_its_values(values, median, p80):
    result = Result.of(values)
    assert (result.median, result.p80, result.n) == (median, p80, len(values))
    assert result.values == sorted(values)


@pytest.mark.django_db
def test_declined_registrations_are_counted_per_kind_of_reason(world):
    from vroeghulp.monitoring.indicators import declined_reasons
    from vroeghulp.referrals.constants import DeclineKind, Status
    from vroeghulp.referrals.tests.factories import RegistrationFactory

    for kind in (DeclineKind.LIGHT_SUPPORT, DeclineKind.LIGHT_SUPPORT, DeclineKind.PARENTS):
        RegistrationFactory(network=world.network, status=Status.DECLINED, decline_kind=kind)
    RegistrationFactory(network=world.network)  # still waiting: not declined
    today = timezone.localdate()
    scope = Scope(networks=[world.network], start=today.replace(day=1), end=today)
    result = declined_reasons(scope)
    assert result.breakdown == {"light_support": 2, "parents": 1}
    assert result.count == 3
