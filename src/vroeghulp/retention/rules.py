"""Which files have outlived their retention period (domain.md §7; the Youth Act keeps 20 years).

A child's file is due when every trajectory of the child is closed (long-term follow-up is not
closed) and the last closing is longer ago than the network's `retention_years`. A registration
that never became a trajectory (advised elsewhere, never confirmed) is due that long after it came
in. A child known only from CB-plus consults (no trajectory) is due that long after the last
consult; a consult within the period keeps a child's file too. Nothing else about a child is
kept longer; the audit log, which names children by number
only, is kept.
"""

import datetime

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from vroeghulp.cases.states import Phase
from vroeghulp.children.models import Child
from vroeghulp.networks.models import Network
from vroeghulp.referrals.constants import Status
from vroeghulp.referrals.models import Registration


def cutoff(network: Network, now: datetime.datetime | None = None) -> datetime.datetime:
    """Moments before this are longer ago than the network's retention period."""
    now = now or timezone.now()
    try:
        return now.replace(year=now.year - network.retention_years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - network.retention_years, day=28)


def due_children(network: Network, now: datetime.datetime | None = None) -> QuerySet[Child]:
    return (
        Child.objects.filter(network=network, cases__isnull=False)
        .exclude(cases__phase__in=set(Phase) - {Phase.CLOSED})
        .exclude(cases__closed_at__isnull=True)
        .exclude(registrations__received_at__gte=cutoff(network, now))
        .exclude(cbplus_consults__held_on__gte=cutoff(network, now).date())
        .annotate(last_closed=Max("cases__closed_at"))
        .filter(last_closed__lt=cutoff(network, now))
    )


def due_consult_children(network: Network, now: datetime.datetime | None = None):
    """Children without a trajectory, known from CB-plus consults all held before the cutoff."""
    since = cutoff(network, now)
    return (
        Child.objects.filter(network=network, cases__isnull=True, cbplus_consults__isnull=False)
        .exclude(cbplus_consults__held_on__gte=since.date())
        .exclude(registrations__received_at__gte=since)
        .distinct()
    )


def due_registrations(network: Network, now: datetime.datetime | None = None):
    """Registrations without a child's file: advised elsewhere, or never confirmed."""
    never_a_file = Q(
        status__in=[Status.DECLINED, Status.AWAITING_CONFIRMATION, Status.NOT_CONFIRMED]
    )
    return Registration.objects.filter(
        never_a_file, network=network, child__isnull=True, received_at__lt=cutoff(network, now)
    )
