"""The intake records the home visit, the parents' question and goals; no silent overwrites."""

import datetime

import pytest
from django.urls import reverse

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.cases.models import Intake
from vroeghulp.cases.tests.factories import registered_earlier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _registered_earlier(world):
    # the dates typed below lie before today: the trajectory started before them
    registered_earlier(world.own_case)


def _save(client, world, **overrides):
    data = {
        "home_visit_on": "2026-11-10",
        "question": "Wij willen weten hoe we hem kunnen helpen met praten.",
        "goals": "Beter begrijpen wat hij wil\nEen plek op de peuteropvang",
        "observations": "Maakt weinig oogcontact.",
        "trajectory_explained": "on",
        "version": 0,
        **overrides,
    }
    return client.post(reverse("cases:save_intake", args=[world.own_case.code]), data)


def test_intake_and_goals_are_saved(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    assert _save(client, world).status_code == 302
    intake = Intake.objects.get(case=world.own_case)
    assert intake.question.startswith("Wij willen weten")
    assert intake.trajectory_explained
    assert [g.text for g in world.own_case.goals.all()] == [
        "Beter begrijpen wat hij wil",
        "Een plek op de peuteropvang",
    ]
    assert world.own_case.events.filter(kind="intake").exists()
    world.own_case.refresh_from_db()
    assert world.own_case.visited_on == datetime.date(2026, 11, 10)


def test_a_corrected_visit_date_moves_the_milestone(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    _save(client, world)
    _save(client, world, home_visit_on="2026-11-03", version=1)
    world.own_case.refresh_from_db()
    assert world.own_case.visited_on == datetime.date(2026, 11, 3)


def test_editing_goals_keeps_unchanged_ones(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    _save(client, world)
    kept = world.own_case.goals.get(text="Een plek op de peuteropvang")
    _save(client, world, goals="Een plek op de peuteropvang\nZelf eten", version=1)
    assert [g.text for g in world.own_case.goals.all()] == [
        "Een plek op de peuteropvang",
        "Zelf eten",
    ]
    assert world.own_case.goals.get(text="Een plek op de peuteropvang").pk == kept.pk


def test_a_second_person_saving_an_old_version_keeps_their_input(world):
    first = verified_client(world.users[Role.CASEMANAGER])
    second = verified_client(world.users[Role.COORDINATOR])
    _save(first, world)
    response = _save(second, world, question="Mijn eigen versie van de hulpvraag", version=0)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft dit intussen opgeslagen" in html
    assert "Mijn eigen versie van de hulpvraag" in html
    assert Intake.objects.get().question.startswith("Wij willen weten")
    assert response.context["form"].data["version"] == 1


def test_a_home_visit_in_the_future_is_refused(world):
    client = verified_client(world.users[Role.CASEMANAGER])
    response = _save(client, world, home_visit_on="2999-01-01")
    assert (
        "Vul voor het huisbezoek een datum in van 05-01-2026 (aanmelding) tot en met"
        in response.content.decode()
    )
    assert not Intake.objects.exists()


def test_outsiders_cannot_read_or_write_the_intake(world, other_world):
    client = verified_client(other_world.users[Role.CASEMANAGER])
    assert client.get(reverse("cases:intake", args=[world.own_case.code])).status_code == 404
    assert _save(client, world).status_code == 404
    analyst = verified_client(world.users[Role.ANALYST])
    assert analyst.get(reverse("cases:intake", args=[world.own_case.code])).status_code == 404
