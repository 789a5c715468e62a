"""Mijn werk: what is due, overdue and waiting on others; and the start page for everyone else."""

from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from vroeghulp.access.auditing import listing_events, registration_listing_events
from vroeghulp.access.decorators import signed_in
from vroeghulp.access.policy import CARE_ROLES
from vroeghulp.accounts.constants import Role
from vroeghulp.audit.constants import AuditAction
from vroeghulp.cases.views import landing
from vroeghulp.kept.lists import Rendered, kept
from vroeghulp.meetings.queries import next_meeting_start
from vroeghulp.monitoring.cache import signals
from vroeghulp.networks.models import Network

from .queries import work_for


@signed_in
def home(request):
    if not request.user.networks_with_role(*CARE_ROLES):
        return landing(request)
    everything = bool(request.GET.get("alles"))
    page = "work:all" if everything else "work"
    work_html = kept(request.user, page, lambda: _rendered_work(request.user, everything))
    coordinated = Network.objects.filter(pk__in=request.user.networks_with_role(Role.COORDINATOR))
    context = {
        "work_html": work_html,
        "signals": signals(list(coordinated)) if coordinated else [],
    }
    return render(request, "work/home.html", context)


def _rendered_work(user, everything: bool) -> Rendered:
    work = work_for(user, everything=everything)
    context = {"work": work, "everything": everything, "today": timezone.localdate()}
    registrations = [row["registration"] for row in work.callbacks]
    events = listing_events(user, work.cases_shown(), AuditAction.READ, "worklist")
    events += registration_listing_events(user, registrations, "worklist")
    return Rendered(
        render_to_string("work/_work.html", context),
        events,
        # "not yet scheduled" changes when a meeting begins
        changes_at=next_meeting_start(user.networks_with_role(*CARE_ROLES)),
    )
