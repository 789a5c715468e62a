"""Aggregate figures per network, each for all networks at once; never a row per child."""

import datetime
from collections import defaultdict

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import OPEN_PHASES, Phase
from vroeghulp.networks.models import Municipality, Network

from .suppression import Cell, cells

# The roles that see the dashboard (aggregates only).
AGGREGATE_ROLES = (Role.COORDINATOR, Role.ANALYST)


def caseload_by_phase(networks) -> dict[int, list[Cell]]:
    counts = defaultdict(dict)
    rows = (
        Case.objects.filter(network__in=networks, phase__in=OPEN_PHASES)
        .order_by()
        .values_list("network_id", "phase")
        .annotate(n=Count("pk"))
    )
    for network_id, phase, n in rows:
        counts[network_id][phase] = n
    phases = [p for p in Phase if p in OPEN_PHASES]
    return {
        network.pk: cells([(p.label, counts[network.pk].get(p, 0)) for p in phases])
        for network in networks
    }


def registrations_by_municipality(networks, year: int) -> dict[int, list[Cell]]:
    """Trajectories started in the year, per municipality of the child, per network."""
    start = timezone.make_aware(
        datetime.datetime.combine(datetime.date(year, 1, 1), datetime.time())
    )
    counts = defaultdict(dict)
    rows = (
        Case.objects.filter(
            network__in=networks, opened_at__gte=start, opened_at__lt=start.replace(year=year + 1)
        )
        .order_by()
        .values_list("network_id", "child__municipality_id")
        .annotate(n=Count("pk"))
    )
    for network_id, municipality_id, n in rows:
        counts[network_id][municipality_id] = n
    names = defaultdict(list)
    for municipality in Municipality.objects.filter(network__in=networks).order_by("name"):
        names[municipality.network_id].append(municipality)
    tables = {}
    for network in networks:
        found = counts[network.pk]
        table = [(m.name, found.get(m.pk, 0)) for m in names[network.pk]]
        # Always listed: a row shown only when not empty would tell that it is not empty.
        table.append((gettext("Onbekend"), found.get(None, 0)))
        tables[network.pk] = cells(table)
    return tables


def network_sets(*roles: str) -> list[list[Network]]:
    """The distinct sets of networks that active users see with these roles (one per user)."""
    per_user = defaultdict(set)
    memberships = Membership.objects.filter(
        is_active=True, user__is_active=True, role__in=roles
    ).values_list("user_id", "network_id")
    for user_id, network_id in memberships:
        per_user[user_id].add(network_id)
    networks = Network.objects.in_bulk({pk for pks in per_user.values() for pk in pks})
    distinct = {frozenset(pks) for pks in per_user.values()}
    return [[networks[pk] for pk in sorted(pks)] for pks in sorted(distinct, key=sorted)]
