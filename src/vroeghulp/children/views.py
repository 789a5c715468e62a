"""Search: by name and/or date of birth, within what the user may see, always logged."""

from django.shortcuts import render

from vroeghulp.access.auditing import listing_events
from vroeghulp.access.decorators import with_role
from vroeghulp.access.policy import CARE_ROLES
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import AuditEvent, record_all

from .forms import SearchForm
from .search import search_cases


@with_role(*CARE_ROLES)
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        results = search_cases(
            request.user,
            name=form.cleaned_data["name"],
            date_of_birth=form.cleaned_data["date_of_birth"],
        )
        events = listing_events(request.user, results, AuditAction.SEARCH, "search")
        if not events:
            events = [_empty_search_event(request.user)]
        record_all(events)
    return render(request, "children/search.html", {"form": form, "results": results})


def _empty_search_event(user) -> AuditEvent:
    network_ids = sorted(user.networks_with_role(*CARE_ROLES))
    return AuditEvent(
        action=AuditAction.SEARCH,
        network_id=network_ids[0] if network_ids else None,
        user=user,
        object_type="search",
        details={"result_count": 0},
    )
