"""Mijn werk: what is due, overdue and waiting on others; and the start page for everyone else."""

from django.shortcuts import render
from django.utils import timezone

from vroeghulp.access.auditing import listing_events, registration_listing_events
from vroeghulp.access.decorators import signed_in
from vroeghulp.access.policy import CARE_ROLES
from vroeghulp.accounts.constants import Role
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record_all
from vroeghulp.cases.views import landing
from vroeghulp.monitoring.cache import signals
from vroeghulp.networks.models import Network

from .queries import work_for


@signed_in
def home(request):
    if not request.user.networks_with_role(*CARE_ROLES):
        return landing(request)
    everything = bool(request.GET.get("alles"))
    work = work_for(request.user, everything=everything)
    _log(request.user, work)
    coordinated = Network.objects.filter(pk__in=request.user.networks_with_role(Role.COORDINATOR))
    context = {
        "work": work,
        "everything": everything,
        "today": timezone.localdate(),
        "signals": signals(list(coordinated)) if coordinated else [],
    }
    return render(request, "work/home.html", context)


def _log(user, work) -> None:
    registrations = [row["registration"] for row in work.callbacks]
    record_all(
        listing_events(user, work.cases_shown(), AuditAction.READ, "worklist")
        + registration_listing_events(user, registrations, "worklist")
    )
