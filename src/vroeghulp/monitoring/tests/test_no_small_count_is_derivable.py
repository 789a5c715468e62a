"""No count below the threshold can be worked out by subtracting published figures.

Generated networks (municipalities, regions, registrations over months, routes and age groups);
every figure an analyst can ask for (one grouping, one period, one route, one age group); the
attacks of derivation.py on all of them. The first test models the published figures with the
rule of suppression.py; the second takes them from the dashboard's own form and indicators.
"""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vroeghulp.monitoring.forms import PARTS, DashboardFilter, period_of
from vroeghulp.monitoring.indicators import INDICATORS, inflow, inflow_by_municipality
from vroeghulp.monitoring.presentation import row
from vroeghulp.monitoring.suppression import band, percent_range, shown
from vroeghulp.networks.models import Region
from vroeghulp.networks.tests.factories import MunicipalityFactory, NetworkFactory
from vroeghulp.referrals.constants import Route
from vroeghulp.referrals.tests.factories import RegistrationFactory

from .derivation import derivable, interval

YEAR = 2025
ROUTES = ["phone", "referrer", "cjg"]
AGES = ["0-1", "2-4"]
MONTHS = {
    part: frozenset(range(start.month, end.month + 1))
    for part, _label in PARTS
    for start, end in [period_of(YEAR, part)]
}


@st.composite
def networks(draw, most: int = 5):
    municipalities = draw(st.integers(min_value=2, max_value=most))
    some = st.frozensets(st.integers(0, municipalities - 1), min_size=1)
    regions = draw(st.lists(some, max_size=3, unique=True))
    record = st.tuples(
        st.integers(0, municipalities - 1),
        st.integers(1, 12),
        st.sampled_from(ROUTES),
        st.sampled_from(AGES),
    )
    records = draw(st.lists(record, max_size=40))
    return municipalities, regions, records


def _splits(groupings_whole: frozenset, quarters: list[frozenset]):
    def splits(dim: int, value: frozenset) -> list[list[frozenset]]:
        if len(value) < 2:
            return []
        singles = [frozenset([v]) for v in sorted(value)]
        if dim == 1 and value == MONTHS[""]:
            return [singles, quarters]
        return [singles]

    return splits


@settings(max_examples=25, deadline=None)
@given(networks(most=5))
def test_no_small_count_follows_from_the_published_bands(network):
    municipalities, regions, records = network
    counts: dict[tuple, int] = {}
    for record in records:
        counts[record] = counts.get(record, 0) + 1
    whole = frozenset(range(municipalities))
    groupings = {whole, *regions, *(frozenset([m]) for m in whole)}
    routes = [frozenset(ROUTES), *(frozenset([r]) for r in ROUTES)]
    ages = [frozenset(AGES), *(frozenset([a]) for a in AGES)]
    published = {}
    for key in (
        (g, p, r, a) for g in groupings for p in set(MONTHS.values()) for r in routes for a in ages
    ):
        count = sum(
            n for cell, n in counts.items() if all(v in d for v, d in zip(cell, key, strict=True))
        )
        published[key] = interval(shown(count))
    quarters = [MONTHS[f"k{q}"] for q in range(1, 5)]
    assert derivable(published, counts, _splits(whole, quarters)) == []


def test_the_examples_that_break_simpler_rules():
    # The example: all 8, Nijmegen + Berg en Dal 5, Wijchen + Berg en Dal 5.
    assert [shown(n) for n in (8, 5, 5, 3, 3, 2)] == ["5–8", "5–8", "5–8", "<5", "<5", "<5"]
    # Four municipalities of 1 under a total of 4: with 0 shown as "0", each would be 4 - 3 = 1.
    assert shown(4) == shown(1) == shown(0) == "<5"
    # Five municipalities of 4 under a total of 20: with bands 20–24 each would be 20 - 16 = 4.
    assert shown(20) == "17–20"
    assert [shown(n) for n in (9, 12, 13, 100, 101)] == [
        "9–12",
        "9–12",
        "13–16",
        "97–100",
        "101–104",
    ]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60), st.integers(0, 60))
def test_a_share_tells_nothing_beyond_the_bands(numerator, denominator, other_n, other_d):
    numerator, other_n = min(numerator, denominator), min(other_n, other_d)
    if band(numerator) == band(other_n) and band(denominator) == band(other_d):
        assert percent_range(numerator, denominator) == percent_range(other_n, other_d)


def test_shares_are_ranges_from_the_bands():
    assert percent_range(3, 40) == "0–11%"  # 0–4 of 37–40: 0/40 to 4/37
    assert percent_range(30, 50) == "55–66%"  # 29–32 of 49–52: 29/52 to 32/49
    assert percent_range(48, 50) == "86–98%"  # 45–48 of 49–52: 45/52 to 48/49
    assert percent_range(50, 50) == "94–100%"  # 49–52 of 49–52: 49/52 to all
    assert percent_range(2, 4) is None  # too few


# --- the same attacks on what the dashboard publishes --------------------------------------


def _received(month: int) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(datetime.date(YEAR, month, 15), datetime.time(12))
    )


@pytest.mark.django_db
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(networks(most=4))
def test_no_small_count_follows_from_what_the_dashboard_shows(network_data):
    municipalities, regions, records = network_data
    with transaction.atomic():
        network = NetworkFactory()
        places = [MunicipalityFactory(network=network) for _ in range(municipalities)]
        for n, members in enumerate(regions):
            region = Region.objects.create(network=network, name=f"Regio {n}")
            region.municipalities.set([places[m] for m in members])
        counts: dict[tuple, int] = {}
        for m, month, route, _age in records:
            # Quarters only here (the months are the first test's): mid-quarter months.
            month = (month - 1) // 3 * 3 + 2
            RegistrationFactory(
                network=network, municipality=places[m], route=route, received_at=_received(month)
            )
            key = (places[m].pk, month, route)
            counts[key] = counts.get(key, 0) + 1
        published = _dashboard(network)
        whole = frozenset(p.pk for p in places)
        quarters = [MONTHS[f"k{q}"] for q in range(1, 5)]
        assert derivable(published, counts, _splits(whole, quarters)) == []
        transaction.set_rollback(True)


def _dashboard(network) -> dict:
    """Every count the dashboard shows for every filter the form offers (the year and its
    quarters; the months are the first test's), as key -> interval."""
    form = DashboardFilter({"year": YEAR}, networks=[network])
    groupings = [key for key, _label in _flat(form.fields["grouping"].choices)]
    route_choices = [key for key, _label in form.fields["route"].choices]
    indicator = {i.key: i for i in INDICATORS}
    published = {}
    for grouping, part, route in (
        (g, p, r) for g in groupings for p in ("", "k1", "k2", "k3", "k4") for r in route_choices
    ):
        form = DashboardFilter(
            {"year": YEAR, "part": part, "grouping": grouping, "route": route}, networks=[network]
        )
        assert form.is_valid(), form.errors
        scope = form.scope([network])
        members = frozenset(scope.municipality_ids) or frozenset(
            network.municipalities.values_list("pk", flat=True)
        )
        routes = frozenset([route] if route else Route.values)
        key = (members, MONTHS[part], routes)
        inflow_row = row(indicator["inflow"], inflow(scope))
        published[key] = interval(inflow_row.value)
        labels = dict(Route.choices)
        for cell in inflow_row.breakdown:
            code = next(c for c, label in labels.items() if str(label) == cell.label)
            if route in ("", code):
                published[(members, MONTHS[part], frozenset([code]))] = interval(cell.shown)
        by_place = row(indicator["inflow_municipality"], inflow_by_municipality(scope))
        names = dict(network.municipalities.values_list("name", "pk"))
        for cell in by_place.breakdown:
            if cell.label in names:
                published[(frozenset([names[cell.label]]), MONTHS[part], routes)] = interval(
                    cell.shown
                )
    return published


def _flat(choices):
    for key, label in choices:
        if isinstance(label, (list, tuple)):
            yield from label
        else:
            yield key, label
