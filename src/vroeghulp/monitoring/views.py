"""A first overview of aggregate figures for coordinators and analysts (small counts suppressed)."""

from django.shortcuts import render
from django.utils import timezone

from vroeghulp.access.decorators import with_role
from vroeghulp.accounts.constants import Role
from vroeghulp.networks.models import Network

from .queries import caseload_by_phase, registrations_by_municipality
from .suppression import THRESHOLD

AGGREGATE_ROLES = (Role.COORDINATOR, Role.ANALYST)


@with_role(*AGGREGATE_ROLES)
def overview(request):
    year = timezone.localdate().year
    networks = Network.objects.filter(pk__in=request.user.networks_with_role(*AGGREGATE_ROLES))
    sections = [
        {
            "network": network,
            "caseload": caseload_by_phase(network),
            "registrations": registrations_by_municipality(network, year),
        }
        for network in networks
    ]
    context = {"sections": sections, "year": year, "threshold": THRESHOLD}
    return render(request, "monitoring/overview.html", context)
