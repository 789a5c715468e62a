"""The plan's dates are plausible: the conversation with the parents lies between the version it
explains and today, an arrangement starts after the birth and at most a year ahead, its
evaluation lies within two years, and is recorded between its start and today."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.models import Goal, Intake
from vroeghulp.cases.tests.factories import registered_earlier
from vroeghulp.plans.models import Arrangement, Discussion, Plan, PlanVersion

pytestmark = pytest.mark.django_db

IN_1900 = "1900-01-01"
BEFORE_BIRTH = "2024-03-14"  # the world's child was born on 15 March 2024
FAR_AHEAD = "2999-01-01"


def _dmy(days_from_today: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days_from_today)).strftime("%d-%m-%Y")


def _iso(days_from_today: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days_from_today)).isoformat()


@pytest.fixture
def client(world):
    registered_earlier(world.own_case)
    client = verified_client(world.users[Role.CASEMANAGER])
    client.post(reverse("plans:start", args=[world.own_case.code]))
    return client


def _url(world, name, *extra):
    return reverse(name, args=[world.own_case.code, *extra])


@pytest.fixture
def version(world, client):
    Intake.objects.create(case=world.own_case, question="Waarom praat Noor nog niet?")
    Goal.objects.create(case=world.own_case, text="Weten hoe we haar helpen")
    plan = Plan.objects.get(case=world.own_case)
    client.post(
        _url(world, "plans:add_item"),
        {"domain": "parents", "advice": "Lees elke dag voor.", "status": "to_do", "version": 1},
    )
    plan.refresh_from_db()
    client.post(_url(world, "plans:issue"), {"version": plan.version})
    return PlanVersion.objects.get()


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_a_conversation_about_the_plan_lies_in_its_window(world, client, version, day):
    url = _url(world, "plans:discussed", version.code)
    response = client.post(url, {"on": day, "how": "in_person"})
    assert response.status_code == 400
    assert (
        "Vul voor de bespreking met de ouders een datum in van 05-01-2026 (aanmelding) "
        f"tot en met {_dmy(0)} (vandaag)."
    ) in response.content.decode()
    assert not Discussion.objects.exists()
    assert client.post(url, {"on": _iso(0), "how": "in_person"}).status_code == 302
    assert Discussion.objects.count() == 1


def _arrange(client, world, **dates):
    data = {
        "setting": "Peuterspeelzaal De Vlinder",
        "needs": "Een vaste juf.",
        "agreed_with_parents": "on",
        "starts_on": _iso(-30),
        "evaluate_on": _iso(60),
        **dates,
    }
    return client.post(_url(world, "plans:save_arrangement"), data)


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_an_arrangement_starts_after_the_birth_and_within_a_year(world, client, day):
    response = _arrange(client, world, starts_on=day)
    assert response.status_code == 400
    assert (
        "Vul voor de start van het arrangement een datum in van 15-03-2024 (geboortedatum) "
        f"tot en met {_dmy(365)} (1 jaar vooruit)."
    ) in response.content.decode()
    assert not Arrangement.objects.exists()


def test_an_evaluation_is_planned_within_two_years(world, client):
    response = _arrange(client, world, evaluate_on=FAR_AHEAD)
    assert response.status_code == 400
    assert (
        "Vul voor de evaluatie van het arrangement een datum in van 15-03-2024 (geboortedatum) "
        f"tot en met {_dmy(731)} (2 jaar vooruit)."
    ) in response.content.decode()
    assert not Arrangement.objects.exists()
    assert _arrange(client, world).status_code == 302
    assert Arrangement.objects.count() == 1


@pytest.mark.parametrize("day", [IN_1900, BEFORE_BIRTH, FAR_AHEAD])
def test_an_evaluation_is_recorded_between_the_start_and_today(world, client, day):
    _arrange(client, world)
    url = _url(world, "plans:evaluate_arrangement")
    response = client.post(url, {"evaluated_on": day, "evaluation": "Gaat goed."})
    assert response.status_code == 400
    assert (
        f"Vul voor de evaluatie een datum in van {_dmy(-30)} (start arrangement) "
        f"tot en met {_dmy(0)} (vandaag)."
    ) in response.content.decode()
    assert Arrangement.objects.get().evaluated_on is None
    client.post(url, {"evaluated_on": _iso(0), "evaluation": "Gaat goed."})
    assert Arrangement.objects.get().evaluated_on == timezone.localdate()
