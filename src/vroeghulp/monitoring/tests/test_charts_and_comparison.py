"""Charts hide what the tables hide; networks of different organisational models are compared."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import MembershipFactory, verified_client
from vroeghulp.monitoring.charts import bar_chart
from vroeghulp.networks.tests.factories import OrganisationFactory
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _texts(chart):
    return [bar.text for bar in chart["bars"]]


def test_bars_show_the_band_of_their_count_and_are_drawn_to_its_top():
    chart = bar_chart([("jan", 12), ("feb", 3), ("mrt", 7), ("apr", 0)])
    assert _texts(chart) == ["9–12", "<5", "5–8", "<5"]
    heights = [bar.height for bar in chart["bars"]]
    # 12, 4, 8 and 4 of the top 12, on 160 pixels: a zero and a three look alike
    assert heights == [160.0, 53.3, 106.7, 53.3]


def test_dashboard_shows_the_six_charts_with_tables(world):
    client = verified_client(world.users[Role.COORDINATOR])
    html = client.get(reverse("monitoring:overview")).content.decode()
    for title in (
        "Instroom per maand",
        "Wachttijd tot het eerste MDO",
        "Van aanmelding tot besproken plan",
        "Leeftijd bij aanmelding",
        "Verwijzingen per aanbieder",
        "CB-plus",
    ):
        assert title in html
    assert html.count('<svg class="chart" role="img"') == 6
    assert html.count("<summary>Als tabel</summary>") == 6


@pytest.fixture
def analyst_of_two_models(world, other_world):
    world.network.organisational_model = "vp"
    world.network.save()
    other_world.network.organisational_model = "jgz"
    other_world.network.save()
    analyst = world.users[Role.ANALYST]
    MembershipFactory(
        user=analyst, organisation=OrganisationFactory(network=other_world.network), role="analyst"
    )
    this_year = timezone.localdate().replace(month=1, day=2)
    received = timezone.make_aware(datetime.datetime.combine(this_year, datetime.time(12)))
    for _ in range(6):
        RegistrationFactory(network=world.network, received_at=received)
    for _ in range(8):
        RegistrationFactory(network=other_world.network, received_at=received)
    return verified_client(analyst)


def test_networks_are_compared_per_organisational_model(analyst_of_two_models):
    first = analyst_of_two_models.get(reverse("monitoring:overview"))
    assert first.context["comparison"] is None  # computed on request only
    assert "Vergelijk de indicatoren per organisatiemodel" in first.content.decode()
    response = analyst_of_two_models.get(reverse("monitoring:overview"), {"vergelijk": "model"})
    comparison = response.context["comparison"]
    assert comparison["labels"] == ["Veldpartijenmodel (VP)", "JGZ-model"]
    inflow = next(row for row in comparison["rows"] if row["name"] == "Instroom")
    assert inflow["values"] == ["5–8", "5–8"]
    assert "Vergelijking per organisatiemodel" in response.content.decode()


def test_the_model_filter_narrows_the_figures(analyst_of_two_models):
    today = timezone.localdate()
    response = analyst_of_two_models.get(
        reverse("monitoring:overview"),
        {"year": today.year, "model": "jgz"},
    )
    inflow = next(row for row in response.context["indicators"] if row.key == "inflow")
    assert inflow.value == "5–8"  # the 8 of the JGZ network alone: with both, 14 (13–16)
    assert response.context["comparison"] is None  # one model left: nothing to compare


def test_one_model_has_no_model_filter_and_no_comparison(world):
    client = verified_client(world.users[Role.ANALYST])
    response = client.get(reverse("monitoring:overview"))
    assert "model" not in response.context["form"].fields
    assert response.context["comparison"] is None


def test_a_model_filter_cannot_reach_networks_the_user_has_no_role_in(world, other_world):
    other_world.network.organisational_model = "jgz"
    other_world.network.save()
    RegistrationFactory.create_batch(7, network=other_world.network)
    client = verified_client(world.users[Role.ANALYST])
    today = timezone.localdate()
    period = {"year": today.year}

    def inflow(params):
        response = client.get(reverse("monitoring:overview"), params)
        assert response.status_code == 200
        return next(row for row in response.context["indicators"] if row.key == "inflow").value

    assert inflow(period | {"model": "jgz"}) == inflow(period)  # the field is absent: ignored


def test_figures_are_kept_for_a_while_and_can_be_computed_again(world, other_world):
    from django.core.cache import cache
    from django.test import override_settings

    cache.clear()
    analyst = verified_client(world.users[Role.ANALYST])

    def inflow(client, **params):
        response = client.get(reverse("monitoring:overview"), params)
        return next(r for r in response.context["indicators"] if r.key == "inflow").value

    with override_settings(MONITORING_CACHE_SECONDS=300):
        before = inflow(analyst)
        RegistrationFactory.create_batch(6, network=world.network)
        assert inflow(analyst) == before  # kept
        assert inflow(analyst, vers="1") != before  # computed again on request
        # another network's analyst never gets these figures from the cache
        other = verified_client(other_world.users[Role.ANALYST])
        assert inflow(other) != inflow(analyst)
    cache.clear()
