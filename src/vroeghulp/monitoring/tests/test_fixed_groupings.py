"""The dashboard offers fixed groupings only: one municipality, one region or the whole network;
one calendar year, quarter or month; one route and one age group. Nothing to combine freely."""

import datetime

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import verified_client
from vroeghulp.monitoring.forms import DashboardFilter
from vroeghulp.networks.models import Region
from vroeghulp.networks.tests.factories import MunicipalityFactory
from vroeghulp.referrals.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(world):
    nijmegen = MunicipalityFactory(network=world.network, name="Nijmegen")
    wijchen = MunicipalityFactory(network=world.network, name="Wijchen")
    berg = MunicipalityFactory(network=world.network, name="Berg en Dal")
    region = Region.objects.create(network=world.network, name="Rijk van Nijmegen")
    region.municipalities.set([nijmegen, berg])
    Region.objects.create(network=world.network, name="Leeg")  # no municipalities: not offered
    received = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate().replace(month=2, day=3), datetime.time(9))
    )
    for place, n in ((nijmegen, 6), (wijchen, 3), (berg, 2)):
        RegistrationFactory.create_batch(
            n, network=world.network, municipality=place, received_at=received
        )
    return {"nijmegen": nijmegen, "wijchen": wijchen, "berg": berg, "region": region}


def test_every_filter_is_one_choice(world):
    form = DashboardFilter(None, networks=[world.network])
    for name in ("year", "part", "grouping", "route", "age_group"):
        field = form.fields[name]
        assert isinstance(field, forms.ChoiceField), name
        assert not isinstance(field, forms.MultipleChoiceField), name
    assert "start" not in form.fields and "end" not in form.fields


def test_the_groupings_are_the_network_its_regions_and_its_municipalities(
    world, other_world, places
):
    Region.objects.create(network=other_world.network, name="Elders")
    form = DashboardFilter(None, networks=[world.network])
    choices = form.fields["grouping"].choices
    assert choices[0] == ("", "heel het netwerk")
    groups = {str(label): [name for _key, name in options] for label, options in choices[1:]}
    assert groups["Regio's"] == ["Rijk van Nijmegen"]
    assert groups["Gemeenten"] == sorted(
        ["Nijmegen", "Wijchen", "Berg en Dal", world.own_case.child.municipality.name]
    )


def _inflow(client, **params):
    response = client.get(
        reverse("monitoring:overview"), {"year": timezone.localdate().year, **params}
    )
    assert response.status_code == 200
    return next(r for r in response.context["indicators"] if r.key == "inflow").value


def test_a_region_counts_its_municipalities(world, places):
    client = verified_client(world.users[Role.ANALYST])
    assert _inflow(client, grouping=f"regio-{places['region'].pk}") == "5–8"  # 6 + 2
    assert _inflow(client, grouping=f"gemeente-{places['wijchen'].pk}") == "<5"  # 3
    assert _inflow(client) == "9–12"  # 11, plus none in the fixture's municipality
    assert _inflow(client, part="k1") == "9–12"
    assert _inflow(client, part="m02") == "9–12"
    assert _inflow(client, part="m03") == "<5"


def test_a_grouping_of_another_network_is_refused(world, other_world, places):
    foreign = Region.objects.create(network=other_world.network, name="Elders")
    foreign.municipalities.set([other_world.own_case.child.municipality])
    client = verified_client(world.users[Role.ANALYST])
    for grouping in (
        f"regio-{foreign.pk}",
        f"gemeente-{other_world.own_case.child.municipality_id}",
    ):
        response = client.get(
            reverse("monitoring:overview"),
            {"year": timezone.localdate().year, "grouping": grouping},
        )
        assert response.status_code == 400
        assert "scope" not in response.context


def test_free_dates_and_lists_of_municipalities_are_ignored(world, places):
    client = verified_client(world.users[Role.ANALYST])
    year = timezone.localdate().year
    response = client.get(
        reverse("monitoring:overview"),
        {
            "year": year,
            "start": f"{year}-02-03",
            "end": f"{year}-02-03",
            "municipality": [places["nijmegen"].pk, places["berg"].pk],
        },
    )
    scope = response.context["scope"]
    assert (scope.start, scope.end) == (datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    assert scope.municipality_ids == []
