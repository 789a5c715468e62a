"""Aggregate figures per network; never a row per child."""

import datetime

from django.db.models import Count

from vroeghulp.cases.models import Case
from vroeghulp.cases.states import OPEN_PHASES, Phase
from vroeghulp.networks.models import Network

from .suppression import Cell, suppress


def caseload_by_phase(network: Network) -> list[Cell]:
    counts = dict(
        Case.objects.filter(network=network, phase__in=OPEN_PHASES)
        .values_list("phase")
        .annotate(n=Count("pk"))
    )
    return suppress([(Phase(p).label, counts.get(p, 0)) for p in Phase if p in OPEN_PHASES])


def registrations_by_municipality(network: Network, year: int) -> list[Cell]:
    start = datetime.date(year, 1, 1)
    counts = dict(
        Case.objects.filter(
            network=network,
            opened_at__date__gte=start,
            opened_at__date__lt=start.replace(year=year + 1),
        )
        .values_list("child__municipality__name")
        .annotate(n=Count("pk"))
    )
    names = list(network.municipalities.values_list("name", flat=True))
    rows = [(name, counts.get(name, 0)) for name in names]
    if counts.get(None):
        rows.append(("Onbekend", counts[None]))
    return suppress(rows)
